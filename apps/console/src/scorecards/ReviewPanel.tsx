import { Alert, Card, CardContent, CircularProgress, Stack, Typography } from '@mui/material';
import { Link, useGetOne, useTranslate } from 'react-admin';
import type { TaskView } from '@qf/contracts/cases';
import { messageOf } from '../components/problem';
import { ScorecardResults, ScorecardSummaryLine } from './ScorecardResults';
import type { ScorecardMonthRecord } from './model';

/**
 * 质量管理部审核 (scorecard-month:review): the month's results per unit and person with each indicator's formula,
 * and the fines 同意 posts to the ledger; 退回 recomputes (after corrected imports).
 */
export const ScorecardReviewPanel = ({ task }: { task: TaskView }) => {
  const translate = useTranslate();
  const c = useGetOne<{ id: string; businessKey: string }>('cases', { id: task.caseId });
  const month = c.data?.businessKey;
  const m = useGetOne<ScorecardMonthRecord>('scorecard-months', { id: month ?? '' }, { enabled: !!month });
  if (c.error || m.error) return <Alert severity="error">{messageOf(c.error ?? m.error, translate)}</Alert>;
  if (!m.data) return <CircularProgress size={24} />;
  const r = m.data;
  return (
    <Card variant="outlined" data-testid="scorecard-review-panel">
      <CardContent>
        <Stack spacing={2}>
          <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
            <Typography variant="subtitle1">{translate('qf.scorecard.heading', { month: r.month })}</Typography>
            {r.round > 1 && (
              <Typography color="text.secondary">{translate('qf.scorecard.round', { n: r.round })}</Typography>
            )}
            <Link to={`/scorecard-months/${encodeURIComponent(r.month)}/show`}>
              {translate('qf.scorecard.open_month')}
            </Link>
          </Stack>
          <Typography variant="body2" color="text.secondary">
            {translate('qf.scorecard.review_help')}
          </Typography>
          <ScorecardSummaryLine r={r} />
          <ScorecardResults record={r} />
        </Stack>
      </CardContent>
    </Card>
  );
};
