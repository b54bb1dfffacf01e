import { useEffect, useState, type FormEvent } from 'react';
import CaseIcon from '@mui/icons-material/Assignment';
import {
  Alert,
  Box,
  Button,
  CardContent,
  Checkbox,
  Divider,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import {
  Labeled,
  Show,
  TopToolbar,
  useNotify,
  usePermissions,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';
import { StarMonthlyScoreSchema, type StarReviewRow, type StarReviewView } from '@qf/contracts/stars';
import { hasRole } from '../authProvider/access';
import { DateTimeField, Val } from '../components/fields';
import { detailText, useApiCall, type Problem } from '../components/problem';
import { RecordTitle } from '../components/RecordTitle';
import { ResultWhy } from '../components/ResultWhy';
import { ProblemAlert, Stars } from './chips';
import { caseUrl, num, starApi } from './model';
import { personLabel, useStarText, yuan } from './texts';
import { ReviewStatusChip } from './ReviewList';

interface Draft {
  score: string;
  veto: boolean;
  vetoReason: string;
}

const draftOf = (r: StarReviewRow): Draft => ({
  score: typeof r.score === 'number' ? String(r.score) : '',
  veto: r.veto === true,
  vetoReason: '',
});

/** Name, code and stars of the row's holder. */
const HolderCells = ({ row }: { row: StarReviewRow }) => (
  <>
    <TableCell>{personLabel(row.employeeName, row.employeeCode)}</TableCell>
    <TableCell>
      <Stars level={row.level} />
    </TableCell>
  </>
);

const Outcome = ({ outcome }: { outcome: string | null }) => {
  const translate = useTranslate();
  return <span>{outcome ? translate(`qf.star.review.outcome.${outcome}`, { _: outcome }) : '—'}</span>;
};

/** The month's result per star holder (S-10): score, veto, pay percent, outcome, star pay. */
export const ResultTable = ({ rows }: { rows: StarReviewRow[] }) => {
  const translate = useTranslate();
  const text = useStarText();
  const f = (k: string) => translate(`qf.star.review.row.${k}`);
  return (
    <Table size="small" data-testid="star-review-rows">
      <TableHead>
        <TableRow>
          <TableCell>{f('employee')}</TableCell>
          <TableCell>{f('level')}</TableCell>
          <TableCell align="right">{f('score')}</TableCell>
          <TableCell>{f('veto')}</TableCell>
          <TableCell align="right">{f('percent')}</TableCell>
          <TableCell>{f('outcome')}</TableCell>
          <TableCell align="right">{f('pay')}</TableCell>
          <TableCell>{f('message')}</TableCell>
          <TableCell>{translate('qf.result_why.column')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((r) => (
          <TableRow key={r.employeeId} data-testid={`star-review-row-${r.employeeCode}`}>
            <HolderCells row={r} />
            <TableCell align="right">{num(r.score)}</TableCell>
            <TableCell>{r.veto ? translate('qf.star.review.vetoed') : '—'}</TableCell>
            <TableCell align="right">{typeof r.percent === 'number' ? `${r.percent}%` : '—'}</TableCell>
            <TableCell>
              <Outcome outcome={r.outcome} />
            </TableCell>
            <TableCell align="right">{yuan(r.payFen)}</TableCell>
            <TableCell>{text(r.message) || '—'}</TableCell>
            <TableCell>
              <ResultWhy why={r.why} testId={`star-review-why-${r.employeeCode}`} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

/** Team lead while open: a score per holder and the one-vote veto with its reason (S-10), then 提交. */
export const ScoreEditor = ({ review }: { review: StarReviewView }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const { busy, run } = useApiCall();
  const [drafts, setDrafts] = useState<Record<string, Draft>>(() =>
    Object.fromEntries(review.rows.map((r) => [r.employeeId, draftOf(r)])),
  );
  const [rowErrors, setRowErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<Problem | null>(null);
  // rows that appear later (polling) get an empty draft; typed values stay
  useEffect(() => {
    setDrafts((d) => {
      const next = { ...d };
      for (const r of review.rows) if (!next[r.employeeId]) next[r.employeeId] = draftOf(r);
      return next;
    });
  }, [review.rows]);

  const set = (employeeId: string, patch: Partial<Draft>) => {
    setDrafts((d) => ({ ...d, [employeeId]: { ...d[employeeId], ...patch } }));
    setRowErrors((e) => {
      const { [employeeId]: _drop, ...rest } = e;
      return rest;
    });
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    const errors: Record<string, string> = {};
    const scores: { employeeId: string; score: number; veto: boolean; vetoReason?: string }[] = [];
    for (const r of review.rows) {
      const d = drafts[r.employeeId];
      if (!d || d.score.trim() === '') continue;
      const parsed = StarMonthlyScoreSchema.safeParse({
        employeeId: r.employeeId,
        score: Number(d.score),
        veto: d.veto,
        vetoReason: d.veto && d.vetoReason.trim() ? d.vetoReason.trim() : undefined,
      });
      if (!parsed.success) errors[r.employeeId] = translate('qf.star.review.score_range');
      else scores.push(parsed.data);
    }
    setRowErrors(errors);
    if (Object.keys(errors).length > 0) return;
    if (scores.length === 0) {
      setProblem({ status: null, message: translate('qf.star.review.none_filled'), details: [] });
      return;
    }
    await run(
      async () => {
        await starApi.scores(String(review.id), scores);
        notify('qf.star.review.submitted', { type: 'success', messageArgs: { n: scores.length } });
        refresh();
      },
      (p) => {
        setProblem(p);
        // "scores.3.score" → the row that was sent third
        const mapped: Record<string, string> = {};
        for (const d of p.details) {
          const m = /scores[.[](\d+)/.exec(String(d.path ?? ''));
          const sent = m ? scores[Number(m[1])] : undefined;
          if (sent && !mapped[sent.employeeId]) mapped[sent.employeeId] = detailText(d);
        }
        setRowErrors(mapped);
      },
    );
  };

  return (
    <Box component="form" onSubmit={submit} noValidate data-testid="star-review-editor">
      <Typography variant="subtitle1" gutterBottom>
        {translate('qf.star.review.edit')}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {translate('qf.star.review.score_help')}
      </Typography>
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>{translate('qf.star.review.row.employee')}</TableCell>
            <TableCell>{translate('qf.star.review.row.level')}</TableCell>
            <TableCell>{translate('qf.star.review.row.score')}</TableCell>
            <TableCell>{translate('qf.star.review.row.veto')}</TableCell>
            <TableCell>{translate('qf.star.review.veto_reason')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {review.rows.map((r) => {
            const d = drafts[r.employeeId] ?? draftOf(r);
            const error = rowErrors[r.employeeId];
            return (
              <TableRow key={r.employeeId} data-testid={`star-score-row-${r.employeeCode}`}>
                <HolderCells row={r} />
                <TableCell>
                  <TextField
                    size="small"
                    type="number"
                    sx={{ width: 120 }}
                    value={d.score}
                    onChange={(e) => set(r.employeeId, { score: e.target.value })}
                    error={!!error}
                    helperText={error}
                    slotProps={{
                      htmlInput: {
                        min: 0,
                        max: 100,
                        step: 0.5,
                        'aria-label': `${r.employeeName} ${translate('qf.star.review.row.score')}`,
                        'data-testid': `star-score-${r.employeeCode}`,
                      },
                    }}
                  />
                </TableCell>
                <TableCell>
                  <Checkbox
                    checked={d.veto}
                    onChange={(e) => set(r.employeeId, { veto: e.target.checked })}
                    slotProps={{
                      input: {
                        'aria-label': `${r.employeeName} ${translate('qf.star.review.row.veto')}`,
                        'data-testid': `star-veto-${r.employeeCode}`,
                      } as React.InputHTMLAttributes<HTMLInputElement>,
                    }}
                  />
                </TableCell>
                <TableCell>
                  <TextField
                    size="small"
                    fullWidth
                    disabled={!d.veto}
                    placeholder={translate('qf.star.review.veto_reason_help')}
                    value={d.vetoReason}
                    onChange={(e) => set(r.employeeId, { vetoReason: e.target.value })}
                    slotProps={{ htmlInput: { maxLength: 500, 'data-testid': `star-veto-reason-${r.employeeCode}` } }}
                  />
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      <Stack direction="row" spacing={2} sx={{ mt: 2, alignItems: 'flex-start' }}>
        <Button type="submit" variant="contained" disabled={busy} data-testid="star-scores-submit">
          {translate('qf.star.review.submit')}
        </Button>
        <ProblemAlert problem={problem} testId="star-scores-error" />
      </Stack>
    </Box>
  );
};

const ReviewLayout = () => {
  const review = useRecordContext<StarReviewView>();
  const translate = useTranslate();
  const { permissions } = usePermissions();
  if (!review) return null;
  const rows = Array.isArray(review.rows) ? review.rows : [];
  const edits = review.status === 'open' && hasRole(permissions, ['team-lead']);
  return (
    <CardContent>
      <Stack spacing={2}>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <Typography variant="h6">{translate('qf.star.review.heading', { month: review.month })}</Typography>
          <ReviewStatusChip status={review.status} />
        </Stack>
        <Stack direction="row" spacing={4} useFlexGap sx={{ flexWrap: 'wrap' }}>
          <Labeled label="resources.star-reviews.fields.dueAt">
            <DateTimeField source="dueAt" />
          </Labeled>
          <Labeled label="resources.star-reviews.fields.stage">
            <Val>{review.stage ? translate(`qf.star.stage.${review.stage}`, { _: review.stage }) : '—'}</Val>
          </Labeled>
        </Stack>
        {review.caseId && (
          <Box>
            <Button
              size="small"
              variant="outlined"
              component={RouterLink}
              to={caseUrl(review.caseId)}
              startIcon={<CaseIcon />}
            >
              {translate('qf.star.open_case')}
            </Button>
          </Box>
        )}
        <Divider />
        {rows.length === 0 ? (
          <Alert severity="info">{translate('qf.star.review.empty')}</Alert>
        ) : (
          <>
            {edits && (
              <>
                <ScoreEditor key={String(review.id)} review={{ ...review, rows }} />
                <Divider />
              </>
            )}
            <Typography variant="subtitle1">{translate('qf.star.review.rows')}</Typography>
            <ResultTable rows={rows} />
          </>
        )}
      </Stack>
    </CardContent>
  );
};

export const ReviewShow = () => (
  <Show
    title={<RecordTitle<StarReviewView> messageKey="qf.star.review.heading" args={(r) => ({ month: r.month })} />}
    actions={<TopToolbar />}
  >
    <ReviewLayout />
  </Show>
);
