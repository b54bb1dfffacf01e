import { useEffect, useState, type ReactNode } from 'react';
import {
  Alert,
  Box,
  Chip,
  CircularProgress,
  Divider,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useGetOne, useLocaleState, usePermissions, useTranslate } from 'react-admin';
import type { CaseDetail, TaskView } from '@qf/contracts/cases';
import type { CommitteeBallots, StarApplicationView, StarReviewView } from '@qf/contracts/stars';
import { hasRole } from '../authProvider/access';
import { LabeledValue } from '../components/fields';
import { formatDateTime } from '../components/format';
import { problemOf, problemText } from '../components/problem';
import { API_URL, httpClient } from '../dataProvider';
import { ResultWhy, type ResultWhyValue } from '../components/ResultWhy';
import { EligibilityResult, Stars } from './chips';
import { HistoryTable } from './HistoryTable';
import { examScore, votedLevel } from './model';
import { ResultTable, ScoreEditor } from './ReviewShow';
import { noteText, personLabel } from './texts';

/**
 * Decision panels of the star processes (issue 11: no one decides blind), registered in tasks/decisionPanels.tsx:
 * the team lead's review (S-2, S-5, S-6), a committee member's vote (S-8), the monthly review (S-10) and the
 * repair star's committee vote (E-6).
 */

const T = 'qf.stars_ui.panel';

/** `GET /api/<path>` (not a record of the data provider), polled while the page is open. */
const useApiGet = <V,>(path: string | null, pollMs = 5000): { data: V | null; error: string | null } => {
  const [state, setState] = useState<{ data: V | null; error: string | null }>({ data: null, error: null });
  useEffect(() => {
    if (!path) return undefined;
    let live = true;
    const load = () =>
      httpClient(`${API_URL}/${path}`)
        .then(({ json }) => live && setState({ data: json as V, error: null }))
        .catch((e: unknown) => live && setState((s) => ({ data: s.data, error: problemText(problemOf(e)) })));
    void load();
    const timer = pollMs > 0 ? setInterval(load, pollMs) : undefined;
    return () => {
      live = false;
      if (timer) clearInterval(timer);
    };
  }, [path, pollMs]);
  return state;
};

const Facts = ({ children }: { children: ReactNode }) => (
  <Stack direction="row" spacing={4} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'flex-start' }}>
    {children}
  </Stack>
);

const Fact = ({ label, value, testId }: { label: string; value: ReactNode; testId?: string }) => (
  <LabeledValue label={label} value={value} testId={testId} variant="body1" valueComponent="div" />
);

/** Years and months between a date and today ("3 年 2 个月"). */
const useTenure = () => {
  const translate = useTranslate();
  return (since: string | null | undefined): string => {
    if (!since) return '—';
    const from = new Date(`${since.slice(0, 10)}T00:00:00`);
    if (Number.isNaN(from.getTime())) return '—';
    const now = new Date();
    let months = (now.getFullYear() - from.getFullYear()) * 12 + (now.getMonth() - from.getMonth());
    if (now.getDate() < from.getDate()) months -= 1;
    months = Math.max(0, months);
    return translate(`${T}.tenure`, { years: Math.floor(months / 12), months: months % 12 });
  };
};

const Loading = ({ error }: { error?: string | null }) =>
  error ? <Alert severity="error">{error}</Alert> : <CircularProgress size={20} />;

// --------------------------------------------------------------------------------------------- S-6 lead review

/** The applicant's record, the eligibility result with its rules and the level's remaining quota (S-2, S-5, S-6). */
export const StarLeadReviewPanel = ({ task }: { task: TaskView }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const tenure = useTenure();
  const { data: app, error } = useGetOne<StarApplicationView>('star-applications', { id: task.caseId });
  if (!app) return <Loading error={error ? problemText(problemOf(error)) : null} />;
  const a = app.applicant;
  const q = app.quota;
  const score = examScore(app);
  const notes = (app.eligibilityNotes ?? []).map((n) => ({ ...n, message: noteText(translate, locale, n) }));
  return (
    <Stack spacing={2} data-testid="star-lead-review-panel">
      <Typography variant="subtitle2">{translate(`${T}.applicant`)}</Typography>
      <Facts>
        <Fact
          label={translate(`${T}.employee`)}
          value={personLabel(app.employeeName, app.employeeCode)}
          testId="panel-applicant"
        />
        <Fact label={translate(`${T}.team`)} value={app.unitName || '—'} />
        <Fact
          label={translate(`${T}.hire_date`)}
          value={a?.hireDate ? `${a.hireDate}（${tenure(a.hireDate)}）` : '—'}
          testId="panel-tenure"
        />
        <Fact
          label={translate(`${T}.current_star`)}
          value={
            <span>
              <Stars level={a?.currentLevel ?? 0} />
              {a?.currentSince ? ` ${translate(`${T}.since`, { date: a.currentSince })}` : ''}
            </span>
          }
          testId="panel-current-star"
        />
        <Fact
          label={translate(`${T}.applied_level`)}
          value={translate('qf.star.level', { n: app.level })}
          testId="panel-applied-level"
        />
        <Fact
          label={translate(`${T}.recommended`)}
          value={translate(app.recommended ? 'qf.common.yes' : 'qf.common.no')}
        />
        {score !== null && <Fact label={translate(`${T}.exam_score`)} value={translate(`${T}.points`, { n: score })} />}
      </Facts>
      <Divider />
      <Typography variant="subtitle2">{translate(`${T}.eligibility`)}</Typography>
      <Box data-testid="panel-eligibility">
        <EligibilityResult level={app.level} notes={notes} />
      </Box>
      <Divider />
      <Typography variant="subtitle2">{translate(`${T}.quota_title`)}</Typography>
      <Box data-testid="panel-quota">
        {q && q.places !== null ? (
          <Alert severity={q.remaining === 0 ? 'warning' : 'info'} icon={false}>
            <Chip size="small" label="S-5" sx={{ mr: 1 }} />
            {translate(`${T}.quota`, { level: app.level, places: q.places, used: q.used, remaining: q.remaining ?? 0 })}
          </Alert>
        ) : (
          <Typography color="text.secondary">{translate('qf.star.campaign.no_quotas')}</Typography>
        )}
      </Box>
      <Divider />
      <Typography variant="subtitle2">{translate(`${T}.history`)}</Typography>
      <HistoryTable employeeId={app.employeeId} />
    </Stack>
  );
};

// --------------------------------------------------------------------------------------------- S-8, E-6 votes

/** For / against / not voted, each member by name, and "已投票" with my vote (changeable while open). */
const BallotBox = ({ caseId }: { caseId: string }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { data, error } = useApiGet<CommitteeBallots>(`committee-ballots/${encodeURIComponent(caseId)}`);
  if (!data) return <Loading error={error} />;
  const label = (v: 'approve' | 'reject' | null) =>
    translate(v === 'approve' ? `${T}.vote_for` : v === 'reject' ? `${T}.vote_against` : `${T}.not_voted`);
  return (
    <Stack spacing={1} data-testid="panel-ballots">
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
        <Chip
          color="success"
          size="small"
          label={`${translate(`${T}.vote_for`)} ${data.approve}`}
          data-testid="panel-count-for"
        />
        <Chip
          color="error"
          size="small"
          label={`${translate(`${T}.vote_against`)} ${data.reject}`}
          data-testid="panel-count-against"
        />
        <Chip
          size="small"
          variant="outlined"
          label={`${translate(`${T}.not_voted`)} ${data.notVoted}`}
          data-testid="panel-count-none"
        />
        <Typography variant="body2" color="text.secondary">
          {translate(`${T}.members`, { n: data.members })}
        </Typography>
      </Stack>
      {data.myVote ? (
        <Alert severity="success" data-testid="panel-my-vote" data-vote={data.myVote}>
          {translate(`${T}.voted`, { vote: label(data.myVote) })}
          {data.open ? ` ${translate(`${T}.changeable`)}` : ''}
        </Alert>
      ) : (
        data.ballots.some((b) => b.mine) && (
          <Alert severity="info" data-testid="panel-my-vote" data-vote="">
            {translate(`${T}.not_voted_yet`)}
          </Alert>
        )
      )}
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>{translate(`${T}.voter`)}</TableCell>
            <TableCell>{translate(`${T}.vote`)}</TableCell>
            <TableCell>{translate(`${T}.voted_at`)}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {data.ballots.map((b) => (
            <TableRow key={b.userId} data-testid="panel-ballot" data-vote={b.vote ?? ''}>
              <TableCell>
                {b.voter}
                {b.mine ? `（${translate(`${T}.me`)}）` : ''}
              </TableCell>
              <TableCell>
                <Chip
                  size="small"
                  variant={b.vote ? 'filled' : 'outlined'}
                  color={b.vote === 'approve' ? 'success' : b.vote === 'reject' ? 'error' : 'default'}
                  label={label(b.vote)}
                />
              </TableCell>
              <TableCell>{b.at ? formatDateTime(b.at, locale) : '—'}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Stack>
  );
};

/** A committee member's vote on a star candidate (S-8): the candidate, the exam, the vote so far. */
export const StarVotePanel = ({ task }: { task: TaskView }) => {
  const translate = useTranslate();
  const { data: app, error } = useGetOne<StarApplicationView>('star-applications', { id: task.caseId });
  if (!app) return <Loading error={error ? problemText(problemOf(error)) : null} />;
  const score = examScore(app);
  return (
    <Stack spacing={2} data-testid="star-vote-panel">
      <Facts>
        <Fact
          label={translate(`${T}.candidate`)}
          value={personLabel(app.employeeName, app.employeeCode)}
          testId="panel-candidate"
        />
        <Fact label={translate(`${T}.team`)} value={app.unitName || '—'} />
        <Fact label={translate(`${T}.voted_level`)} value={translate('qf.star.level', { n: votedLevel(app) })} />
        <Fact
          label={translate(`${T}.exam_score`)}
          value={score === null ? '—' : translate(`${T}.points`, { n: score })}
        />
        <Fact label={translate(`${T}.current_star`)} value={<Stars level={app.applicant?.currentLevel ?? 0} />} />
      </Facts>
      <Typography variant="body2" color="text.secondary">
        {translate('qf.star.vote.help')}
      </Typography>
      <Divider />
      <Typography variant="subtitle2">{translate(`${T}.vote_so_far`)}</Typography>
      <BallotBox caseId={task.caseId} />
    </Stack>
  );
};

interface RepairStarView {
  caseId: string;
  month: string;
  status: string;
  outcome: string | null;
  nominees: {
    employeeId: string;
    name: string;
    code: string | null;
    teamName: string | null;
    count: number | null;
    average: number | null;
    volumeBonus: number | null;
    total: number | null;
    why?: ResultWhyValue | null;
  }[];
  points: number;
  bookMonth: string;
}

const fixed = (v: number | null | undefined, d = 2) =>
  typeof v === 'number' && Number.isFinite(v) ? v.toFixed(d) : '—';

/** The repair star of a month before the performance committee (E-6): month, nominee(s) and scores, the vote so far. */
export const RepairStarPanel = ({ task }: { task: TaskView }) => {
  const translate = useTranslate();
  const { data, error } = useApiGet<RepairStarView>(`repair-stars/${encodeURIComponent(task.caseId)}`, 0);
  if (!data) return <Loading error={error} />;
  return (
    <Stack spacing={2} data-testid="repair-star-panel">
      <Facts>
        <Fact label={translate(`${T}.month`)} value={data.month} testId="panel-month" />
        <Fact
          label={translate(`${T}.award_points`)}
          value={translate(`${T}.award_points_value`, { points: data.points, month: data.bookMonth })}
        />
      </Facts>
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>{translate(`${T}.nominee`)}</TableCell>
            <TableCell>{translate(`${T}.team`)}</TableCell>
            <TableCell align="right">{translate(`${T}.orders`)}</TableCell>
            <TableCell align="right">{translate(`${T}.average`)}</TableCell>
            <TableCell align="right">{translate(`${T}.volume_bonus`)}</TableCell>
            <TableCell align="right">{translate(`${T}.total`)}</TableCell>
            <TableCell>{translate('qf.result_why.column')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {data.nominees.map((n) => (
            <TableRow key={n.employeeId} data-testid="panel-nominee">
              <TableCell>{personLabel(n.name, n.code)}</TableCell>
              <TableCell>{n.teamName ?? '—'}</TableCell>
              <TableCell align="right">{n.count ?? '—'}</TableCell>
              <TableCell align="right">{fixed(n.average)}</TableCell>
              <TableCell align="right">{fixed(n.volumeBonus)}</TableCell>
              <TableCell align="right">{fixed(n.total)}</TableCell>
              <TableCell>
                <ResultWhy why={n.why} testId="panel-nominee-why" />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Divider />
      <Typography variant="subtitle2">{translate(`${T}.vote_so_far`)}</Typography>
      <BallotBox caseId={task.caseId} />
    </Stack>
  );
};

// --------------------------------------------------------------------------------------------- S-10 monthly review

/** Each star holder's figures for the month and, for the team lead, the score table that completes the task (S-10). */
export const StarMonthlyReviewPanel = ({ task }: { task: TaskView }) => {
  const translate = useTranslate();
  const { permissions } = usePermissions();
  const { data: c } = useGetOne<CaseDetail>('cases', { id: task.caseId });
  const reviewId = typeof c?.data?.reviewId === 'string' ? c.data.reviewId : '';
  const { data: review, error } = useGetOne<StarReviewView>('star-reviews', { id: reviewId }, { enabled: !!reviewId });
  if (!review) return <Loading error={error ? problemText(problemOf(error)) : null} />;
  const rows = Array.isArray(review.rows) ? review.rows : [];
  const edits = review.status === 'open' && task.status === 'open' && hasRole(permissions, ['team-lead']);
  return (
    <Stack spacing={2} data-testid="star-review-panel">
      <Typography variant="body2">{translate(`${T}.review_intro`, { month: review.month, n: rows.length })}</Typography>
      {rows.length === 0 ? (
        <Alert severity="info">{translate('qf.star.review.empty')}</Alert>
      ) : edits ? (
        <ScoreEditor key={String(review.id)} review={{ ...review, rows }} />
      ) : (
        <ResultTable rows={rows} />
      )}
      {edits && (
        <Typography variant="caption" color="text.secondary">
          {translate(`${T}.review_submit_here`)}
        </Typography>
      )}
    </Stack>
  );
};
