import { Card, CardContent, Stack, Typography } from '@mui/material';
import { Link, Show, useRecordContext, useTranslate } from 'react-admin';
import { ScorecardResults, ScorecardSummaryLine } from './ScorecardResults';
import { ScorecardStatusChip } from './ScorecardMonthList';
import type { ScorecardMonthRecord } from './model';

const Body = () => {
  const translate = useTranslate();
  const r = useRecordContext<ScorecardMonthRecord>();
  if (!r) return null;
  return (
    <Stack spacing={3} sx={{ p: 2 }}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Typography variant="h6">{translate('qf.scorecard.heading', { month: r.month })}</Typography>
        <ScorecardStatusChip status={r.status} />
        {r.policyVersion && (
          <Typography color="text.secondary">
            {translate('qf.scorecard.policy_version', { n: r.policyVersion })}
          </Typography>
        )}
        {r.caseId && (
          <Link to={`/cases/${encodeURIComponent(r.caseId)}/show`}>{translate('qf.scorecard.open_case')}</Link>
        )}
      </Stack>
      <Card variant="outlined">
        <CardContent>
          <ScorecardSummaryLine r={r} />
        </CardContent>
      </Card>
      <ScorecardResults record={r} />
    </Stack>
  );
};

export const ScorecardMonthShow = () => (
  <Show>
    <Body />
  </Show>
);
