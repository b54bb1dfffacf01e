import { useState } from 'react';
import ApproveIcon from '@mui/icons-material/ThumbUp';
import RejectIcon from '@mui/icons-material/ThumbDown';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Chip,
  CircularProgress,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { Link, Title, useGetList, useNotify, useTranslate } from 'react-admin';
import type { StarApplicationView } from '@qf/contracts/stars';
import { problemOf, problemText, useFailure } from '../components/problem';
import { Stars } from './chips';
import { applicationUrl, examScore, num, starApi, votedLevel } from './model';
import { personLabel } from './texts';
import { usePhone } from '../layout/usePhone';

/** A vote's answer, kept until a newer list arrives. */
interface Answer {
  view: StarApplicationView;
  at: number;
}

const MyVote = ({ vote, code }: { vote: 'approve' | 'reject' | null; code: string }) => {
  const translate = useTranslate();
  if (!vote)
    return (
      <Chip
        size="small"
        variant="outlined"
        label={translate('qf.star.vote.none')}
        data-testid={`vote-mine-${code}`}
        data-vote=""
      />
    );
  return (
    <Chip
      size="small"
      color={vote === 'approve' ? 'success' : 'error'}
      label={translate(vote === 'approve' ? 'qf.star.vote.approve' : 'qf.star.vote.reject')}
      data-testid={`vote-mine-${code}`}
      data-vote={vote}
    />
  );
};

/** 同意 / 不同意: contained when it is the member's vote. */
const VoteButton = ({
  approve,
  mine,
  busy,
  testId,
  onClick,
}: {
  approve: boolean;
  mine: 'approve' | 'reject' | null;
  busy: boolean;
  testId: string;
  onClick: () => void;
}) => {
  const translate = useTranslate();
  const vote = approve ? 'approve' : 'reject';
  return (
    <Button
      size="small"
      color={approve ? 'success' : 'error'}
      variant={mine === vote ? 'contained' : 'outlined'}
      aria-pressed={mine === vote}
      startIcon={approve ? <ApproveIcon /> : <RejectIcon />}
      disabled={busy}
      onClick={onClick}
      data-testid={testId}
    >
      {translate(`qf.star.vote.${vote}`)}
    </Button>
  );
};

interface VoteProps {
  row: StarApplicationView;
  busy: boolean;
  error?: string;
  onVote: (row: StarApplicationView, approve: boolean) => void;
}

/** 赞成 / 反对 for one candidate, and the refusal of the last vote under them. */
const VoteButtons = ({ row, busy, error, onVote, align }: VoteProps & { align: 'flex-start' | 'flex-end' }) => {
  const code = row.employeeCode;
  const mine = row.committee?.myVote ?? null;
  return (
    <>
      <Stack direction="row" spacing={1} sx={{ justifyContent: align }}>
        <VoteButton approve mine={mine} busy={busy} testId={`vote-approve-${code}`} onClick={() => onVote(row, true)} />
        <VoteButton
          approve={false}
          mine={mine}
          busy={busy}
          testId={`vote-reject-${code}`}
          onClick={() => onVote(row, false)}
        />
      </Stack>
      {error && (
        <Typography
          variant="caption"
          color="error"
          component="div"
          sx={{ mt: 0.5, whiteSpace: 'normal' }}
          data-testid={`vote-error-${code}`}
        >
          {error}
        </Typography>
      )}
    </>
  );
};

const VoteRow = ({ row, busy, error, onVote }: VoteProps) => {
  const translate = useTranslate();
  const code = row.employeeCode;
  const c = row.committee;
  const mine = c?.myVote ?? null;
  return (
    <TableRow data-testid={`vote-row-${code}`} hover>
      <TableCell>
        <Stack spacing={0.25}>
          <Link to={applicationUrl(String(row.id))}>{personLabel(row.employeeName, code)}</Link>
          <Typography variant="caption" color="text.secondary">
            {row.unitName || ''}
          </Typography>
        </Stack>
      </TableCell>
      <TableCell>
        <Stars level={votedLevel(row)} />
      </TableCell>
      <TableCell align="right">{num(examScore(row))}</TableCell>
      <TableCell>
        <span data-testid={`vote-progress-${code}`}>
          {translate('qf.star.vote.progress_text', {
            cast: c?.votesCast ?? 0,
            members: c?.members ?? 0,
            approvals: c?.approvals ?? 0,
          })}
        </span>
        {c?.approved != null && (
          <Chip
            size="small"
            sx={{ ml: 1 }}
            color={c.approved ? 'success' : 'default'}
            label={translate(c.approved ? 'qf.star.vote.result_approved' : 'qf.star.vote.result_rejected')}
          />
        )}
      </TableCell>
      <TableCell>
        <MyVote vote={mine} code={code} />
        {c && !c.canVote && (
          <Typography variant="caption" color="warning.main" component="div">
            {translate('qf.star.vote.cannot_vote')}
          </Typography>
        )}
      </TableCell>
      <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
        <VoteButtons row={row} busy={busy} error={error} onVote={onVote} align="flex-end" />
      </TableCell>
    </TableRow>
  );
};

/** Phones (issue 17): one candidate as a card with the same facts and both buttons, no table to scroll sideways. */
const VoteCard = ({ row, busy, error, onVote }: VoteProps) => {
  const translate = useTranslate();
  const code = row.employeeCode;
  const c = row.committee;
  const mine = c?.myVote ?? null;
  return (
    <Card variant="outlined" data-testid={`vote-row-${code}`}>
      <CardContent sx={{ '&:last-child': { pb: 2 } }}>
        <Stack spacing={1}>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
            <Link to={applicationUrl(String(row.id))}>{personLabel(row.employeeName, code)}</Link>
            <Stars level={votedLevel(row)} />
          </Stack>
          <Typography variant="caption" color="text.secondary">
            {[row.unitName, `${translate('qf.star.vote.exam_score')} ${num(examScore(row))}`]
              .filter(Boolean)
              .join(' · ')}
          </Typography>
          <Typography variant="body2" data-testid={`vote-progress-${code}`}>
            {translate('qf.star.vote.progress_text', {
              cast: c?.votesCast ?? 0,
              members: c?.members ?? 0,
              approvals: c?.approvals ?? 0,
            })}
          </Typography>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
            <MyVote vote={mine} code={code} />
            {c?.approved != null && (
              <Chip
                size="small"
                color={c.approved ? 'success' : 'default'}
                label={translate(c.approved ? 'qf.star.vote.result_approved' : 'qf.star.vote.result_rejected')}
              />
            )}
          </Stack>
          {c && !c.canVote && (
            <Typography variant="caption" color="warning.main">
              {translate('qf.star.vote.cannot_vote')}
            </Typography>
          )}
          <VoteButtons row={row} busy={busy} error={error} onVote={onVote} align="flex-start" />
        </Stack>
      </CardContent>
    </Card>
  );
};

/**
 * 评委投票 (S-8): every candidate the committee votes on, one click per candidate; the row shows the api's answer.
 * A member may change the vote until it closes; a conflict of interest is refused (403) with its rule.
 */
export const VotingPage = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const failure = useFailure();
  const { data, isPending, error, dataUpdatedAt } = useGetList<StarApplicationView>('star-applications', {
    filter: { voting: true },
    pagination: { page: 1, perPage: 500 },
    sort: { field: 'createdAt', order: 'ASC' },
  });
  const [answers, setAnswers] = useState<Record<string, Answer>>({});
  const [busy, setBusy] = useState<Record<string, boolean>>({});
  const [rowErrors, setRowErrors] = useState<Record<string, string>>({});
  const phone = usePhone();

  const vote = async (row: StarApplicationView, approve: boolean) => {
    const id = String(row.id);
    if (busy[id]) return;
    setBusy((b) => ({ ...b, [id]: true }));
    try {
      const view = await starApi.vote(id, approve);
      // the row itself is the confirmation (no toast: it would hold back a refusal's notification)
      setAnswers((a) => ({ ...a, [id]: { view: { ...row, ...view }, at: Date.now() } }));
      setRowErrors(({ [id]: _drop, ...rest }) => rest);
    } catch (e) {
      const problem = await failure(e);
      if (!problem) return;
      // 403: conflict of interest (S-8); 409: the vote is closed — the api's message with its rule
      const text = problemText(problem) || translate('ra.notification.http_error');
      setRowErrors((r) => ({ ...r, [id]: text }));
      notify(text, { type: 'error' });
    } finally {
      setBusy((b) => ({ ...b, [id]: false }));
    }
  };

  const rows = (data ?? []).map((r) => {
    const answer = answers[String(r.id)];
    return answer && answer.at > dataUpdatedAt ? answer.view : r;
  });

  return (
    <Box sx={{ mt: 2 }}>
      <Title title={translate('resources.star-voting.name', { smart_count: 1 })} />
      <Card>
        <CardContent>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            {translate('qf.star.vote.help')}
          </Typography>
          {isPending && <CircularProgress size={24} />}
          {error && <Alert severity="error">{problemText(problemOf(error))}</Alert>}
          {!isPending && !error && rows.length === 0 && (
            <Typography color="text.secondary" data-testid="vote-empty">
              {translate('qf.star.vote.empty')}
            </Typography>
          )}
          {rows.length > 0 && phone && (
            <Stack spacing={1.5} data-testid="vote-cards">
              {rows.map((r) => (
                <VoteCard
                  key={String(r.id)}
                  row={r}
                  busy={busy[String(r.id)] === true}
                  error={rowErrors[String(r.id)]}
                  onVote={vote}
                />
              ))}
            </Stack>
          )}
          {rows.length > 0 && !phone && (
            <Table size="small" data-testid="vote-table">
              <TableHead>
                <TableRow>
                  <TableCell>{translate('qf.star.vote.candidate')}</TableCell>
                  <TableCell>{translate('qf.star.vote.level')}</TableCell>
                  <TableCell align="right">{translate('qf.star.vote.exam_score')}</TableCell>
                  <TableCell>{translate('qf.star.vote.progress')}</TableCell>
                  <TableCell>{translate('qf.star.vote.my_vote')}</TableCell>
                  <TableCell align="right">{translate('qf.star.vote.action')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {rows.map((r) => (
                  <VoteRow
                    key={String(r.id)}
                    row={r}
                    busy={busy[String(r.id)] === true}
                    error={rowErrors[String(r.id)]}
                    onVote={vote}
                  />
                ))}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>
    </Box>
  );
};
