import { lazy, Suspense } from 'react';
import { Box, Card, CardContent, CircularProgress, Stack, Typography } from '@mui/material';
import { Title, useGetIdentity, useGetList, usePermissions, useTranslate } from 'react-admin';
import type { CaseView } from '@qf/contracts/cases';
import { CASE_KINDS } from '@qf/contracts/cases';
import { CountCard } from '../components/CountCard';
import { PendingEvaluationsCard } from '../evaluations/PendingEvaluationsCard';
import { RoleChips } from '../components/fields';
import type { KindCount } from './OpenCasesChart';

// recharts is large: load it after the counts are on screen.
const OpenCasesChart = lazy(() => import('./OpenCasesChart'));

/** Counts come from the list's Content-Range total (range [0,0]). */
const useTaskCount = (filter: Record<string, unknown>) => {
  const { total, isPending, error } = useGetList('tasks', {
    filter,
    pagination: { page: 1, perPage: 1 },
    sort: { field: 'dueAt', order: 'ASC' },
  });
  if (isPending) return '…';
  if (error) return '—';
  return total ?? 0;
};

const inboxUrl = (filter: Record<string, unknown>) => `/tasks?filter=${encodeURIComponent(JSON.stringify(filter))}`;

export const Dashboard = () => {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const { permissions } = usePermissions<string[]>();
  const myOpen = { mine: true, status: 'open' };
  const myOverdue = { mine: true, status: 'open', overdue: true };
  const openTasks = useTaskCount(myOpen);
  const overdueTasks = useTaskCount(myOverdue);
  const { data: openCases, isPending: casesPending } = useGetList<CaseView>('cases', {
    filter: { status: 'open' },
    pagination: { page: 1, perPage: 100 },
    sort: { field: 'createdAt', order: 'DESC' },
  });

  const byKind: KindCount[] = CASE_KINDS.map((kind) => ({
    kind,
    label: translate(`qf.kind.${kind}`),
    count: (openCases ?? []).filter((c) => c.kind === kind).length,
  }));

  return (
    <Box data-testid="dashboard" sx={{ mt: 2 }}>
      <Title title="qf.dashboard.heading" />
      <Stack spacing={2}>
        <Card>
          <CardContent>
            <Typography variant="h5" component="h1" gutterBottom>
              {translate('qf.dashboard.heading')}
            </Typography>
            <Typography variant="body1" gutterBottom>
              {translate('qf.dashboard.welcome', { name: identity?.fullName ?? '' })}
            </Typography>
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
              <Typography variant="body2" color="text.secondary">
                {translate('qf.dashboard.roles')}:
              </Typography>
              <RoleChips roles={permissions ?? []} />
            </Stack>
          </CardContent>
        </Card>
        <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap' }}>
          <CountCard
            basis="200px"
            label={translate('qf.dashboard.my_open_tasks')}
            value={openTasks}
            to={inboxUrl(myOpen)}
          />
          <CountCard
            basis="200px"
            label={translate('qf.dashboard.overdue_tasks')}
            value={overdueTasks}
            color={typeof overdueTasks === 'number' && overdueTasks > 0 ? 'error.main' : undefined}
            to={inboxUrl(myOverdue)}
          />
          <PendingEvaluationsCard />
        </Stack>
        <Card>
          <CardContent>
            <Typography variant="subtitle1" gutterBottom>
              {translate('qf.dashboard.open_cases_by_kind')}
            </Typography>
            {casesPending ? (
              <CircularProgress size={24} />
            ) : (openCases ?? []).length === 0 ? (
              <Typography color="text.secondary">{translate('qf.dashboard.no_open_cases')}</Typography>
            ) : (
              <Suspense fallback={<CircularProgress size={24} />}>
                <OpenCasesChart data={byKind} countLabel={translate('qf.dashboard.count')} />
              </Suspense>
            )}
          </CardContent>
        </Card>
      </Stack>
    </Box>
  );
};
