import { Card, CardContent, Stack, Typography } from '@mui/material';
import { Link, Show, useRecordContext, useTranslate } from 'react-admin';
import { PerceptionResults, SummaryCards } from './PerceptionResults';
import { PerceptionStatusChip } from './PerceptionMonthList';
import type { PerceptionMonthRecord } from './model';

const Body = () => {
  const translate = useTranslate();
  const r = useRecordContext<PerceptionMonthRecord>();
  if (!r) return null;
  return (
    <Stack spacing={3} sx={{ p: 2 }}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Typography variant="h6">{translate('qf.perception.heading', { month: r.month })}</Typography>
        <PerceptionStatusChip status={r.status} />
        {r.caseId && (
          <Link to={`/cases/${encodeURIComponent(r.caseId)}/show`}>{translate('qf.perception.open_case')}</Link>
        )}
        <Link to={`/perception-rankings?month=${r.month}`}>{translate('qf.perception.open_ranking')}</Link>
      </Stack>
      <Card variant="outlined">
        <CardContent>
          <SummaryCards summary={r.summary} />
        </CardContent>
      </Card>
      <PerceptionResults record={r} />
    </Stack>
  );
};

export const PerceptionMonthShow = () => (
  <Show>
    <Body />
  </Show>
);
