import { Alert, Card, CardContent, CircularProgress, Stack, Typography } from '@mui/material';
import { Link, useGetOne, useTranslate } from 'react-admin';
import type { TaskView } from '@qf/contracts/cases';
import { messageOf } from '../components/problem';
import { PerceptionResults, SummaryCards } from './PerceptionResults';
import type { PerceptionMonthRecord } from './model';

/**
 * 质量管理部审核 (perception-month:review): the month's figures and every person and unit it would penalise — what
 * 同意 posts to the ledger, and what 退回重算 recomputes (after corrected imports).
 */
export const PerceptionReviewPanel = ({ task }: { task: TaskView }) => {
  const translate = useTranslate();
  const c = useGetOne<{ id: string; businessKey: string }>('cases', { id: task.caseId });
  const month = c.data?.businessKey;
  const m = useGetOne<PerceptionMonthRecord>('perception-months', { id: month ?? '' }, { enabled: !!month });
  if (c.error || m.error) return <Alert severity="error">{messageOf(c.error ?? m.error, translate)}</Alert>;
  if (!m.data) return <CircularProgress size={24} />;
  const r = m.data;
  return (
    <Card variant="outlined" data-testid="perception-review-panel">
      <CardContent>
        <Stack spacing={2}>
          <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
            <Typography variant="subtitle1">{translate('qf.perception.heading', { month: r.month })}</Typography>
            {r.round > 1 && (
              <Typography color="text.secondary">{translate('qf.perception.round', { n: r.round })}</Typography>
            )}
            <Link to={`/perception-months/${encodeURIComponent(r.month)}/show`}>
              {translate('qf.perception.open_month')}
            </Link>
            <Link to={`/perception-rankings?month=${r.month}`}>{translate('qf.perception.open_ranking')}</Link>
          </Stack>
          <Typography variant="body2" color="text.secondary">
            {translate('qf.perception.review_help')}
          </Typography>
          <SummaryCards summary={r.summary} />
          <PerceptionResults record={r} onlyAffected />
        </Stack>
      </CardContent>
    </Card>
  );
};
