import { Alert, Card, CardContent, CircularProgress, Stack, Typography } from '@mui/material';
import { Link, useGetOne, useTranslate } from 'react-admin';
import type { TaskView } from '@qf/contracts/cases';
import { messageOf } from '../components/problem';
import { QuarterlyBody } from './QuarterlyShow';
import type { QuarterlyRecord } from './model';

const T = 'qf.quarterly';

/**
 * What is decided at each stage of a quarterly assessment (Q-1): the plan (approval), the values and findings
 * collected (closing the collection runs the analysis), the report (issuing it opens the findings' rectifications,
 * Q-2; returning it reopens collection), and the unit's results that its head acknowledges.
 */
export const QuarterlyPanel = ({ task }: { task: TaskView }) => {
  const translate = useTranslate();
  const c = useGetOne<{ id: string; data: { planId?: string } }>('cases', { id: task.caseId });
  const planId = c.data?.data?.planId;
  const p = useGetOne<QuarterlyRecord>('quarterly-assessments', { id: planId ?? '' }, { enabled: !!planId });
  if (c.error || p.error) return <Alert severity="error">{messageOf(c.error ?? p.error, translate)}</Alert>;
  if (!p.data) return <CircularProgress size={24} />;
  const r = p.data;
  return (
    <Card variant="outlined" data-testid="quarterly-panel">
      <CardContent>
        <Stack spacing={2}>
          <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
            <Typography variant="subtitle1">{r.title}</Typography>
            <Link to={`/quarterly-assessments/${encodeURIComponent(r.id)}/show`}>{translate(`${T}.open_plan`)}</Link>
          </Stack>
          <Alert severity="info">{translate(`${T}.help.${task.stage}`, { _: '' })}</Alert>
          <QuarterlyBody r={r} compact />
        </Stack>
      </CardContent>
    </Card>
  );
};
