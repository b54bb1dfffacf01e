import { lazy, Suspense, useEffect, useState } from 'react';
import {
  Alert,
  Box,
  Card,
  CardContent,
  CircularProgress,
  Stack,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
} from '@mui/material';
import { useTranslate } from 'react-admin';
import { CountCard } from '../components/CountCard';
import { API_URL, httpClient } from '../dataProvider';
import { boardUrl, count, normalizeSummary, type RectificationSummary } from './model';
import type { OpenOverdueDatum } from './RectificationChart';

// recharts is large: load it after the counts are on screen (as the dashboard does).
const RectificationChart = lazy(() => import('./RectificationChart'));

type State =
  { status: 'loading' } | { status: 'error'; message: string } | { status: 'ok'; summary: RectificationSummary };

/** `GET /rectifications/summary` (not a record, so not through the data provider's getOne). */
const useSummary = (): State => {
  const [state, setState] = useState<State>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    httpClient(`${API_URL}/rectifications/summary`)
      .then(({ json }) => {
        const summary = normalizeSummary(json);
        if (!live) return;
        setState(
          summary ? { status: 'ok', summary } : { status: 'error', message: 'ra.notification.data_provider_error' },
        );
      })
      .catch((e: unknown) => {
        if (live) setState({ status: 'error', message: (e as Error)?.message || 'ra.notification.http_error' });
      });
    return () => {
      live = false;
    };
  }, []);
  return state;
};

type GroupBy = 'team' | 'branch';

const ChartCard = ({ summary }: { summary: RectificationSummary }) => {
  const translate = useTranslate();
  const [by, setBy] = useState<GroupBy>('team');
  const data: OpenOverdueDatum[] =
    by === 'team'
      ? summary.byTeam.map((t) => ({
          name: t.teamName ?? '—',
          open: t.open,
          overdue: t.overdue,
        }))
      : summary.byBranch.map((b) => ({
          name: b.branchName ?? translate('qf.process_ui.rect.no_branch'),
          open: b.open,
          overdue: b.overdue,
        }));
  return (
    <Card>
      <CardContent>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center', justifyContent: 'space-between', mb: 1 }}>
          <Typography variant="subtitle1">
            {translate(by === 'team' ? 'qf.rectification.chart_by_team' : 'qf.rectification.chart_by_branch')}
          </Typography>
          <ToggleButtonGroup
            size="small"
            exclusive
            value={by}
            onChange={(_, v: GroupBy | null) => v && setBy(v)}
            data-testid="rectification-chart-toggle"
          >
            <ToggleButton value="team">{translate('qf.rectification.by_team')}</ToggleButton>
            <ToggleButton value="branch">{translate('qf.rectification.by_branch')}</ToggleButton>
          </ToggleButtonGroup>
        </Stack>
        {data.length === 0 ? (
          <Typography color="text.secondary">{translate('qf.rectification.no_open')}</Typography>
        ) : (
          <Suspense fallback={<CircularProgress size={24} />}>
            <RectificationChart
              data={data}
              labels={{
                open: translate('qf.rectification.summary.open'),
                overdue: translate('qf.rectification.summary.overdue'),
              }}
            />
          </Suspense>
        )}
      </CardContent>
    </Card>
  );
};

/** The board's head: open / due this week / overdue counts (each opens the list so filtered) and the chart. */
export const Summary = () => {
  const translate = useTranslate();
  const state = useSummary();
  const value = (k: 'open' | 'dueThisWeek' | 'overdue') =>
    state.status === 'loading' ? '…' : state.status === 'error' ? '—' : count(state.summary[k]);
  const overdue = value('overdue');
  const due = value('dueThisWeek');
  return (
    <Stack spacing={2} sx={{ mt: 2 }} data-testid="rectification-summary">
      <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap' }}>
        <CountCard
          basis="180px"
          label={translate('qf.rectification.summary.open')}
          value={value('open')}
          to={boardUrl({ status: 'open' })}
        />
        <CountCard
          basis="180px"
          label={translate('qf.rectification.summary.due_this_week')}
          value={due}
          color={typeof due === 'number' && due > 0 ? 'warning.main' : undefined}
          to={boardUrl({ dueThisWeek: true })}
        />
        <CountCard
          basis="180px"
          label={translate('qf.rectification.summary.overdue')}
          value={overdue}
          color={typeof overdue === 'number' && overdue > 0 ? 'error.main' : undefined}
          to={boardUrl({ overdue: true })}
        />
      </Stack>
      {state.status === 'error' && (
        <Alert severity="warning">
          {translate('qf.rectification.summary_error')}: {translate(state.message, { _: state.message })}
        </Alert>
      )}
      {state.status === 'ok' && <ChartCard summary={state.summary} />}
      {state.status === 'loading' && (
        <Box>
          <CircularProgress size={24} />
        </Box>
      )}
    </Stack>
  );
};
