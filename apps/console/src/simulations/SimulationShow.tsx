import { lazy } from 'react';
import DownloadIcon from '@mui/icons-material/Download';
import {
  Alert,
  Box,
  Card,
  CardContent,
  Chip,
  LinearProgress,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import {
  Button,
  Datagrid,
  DeleteButton,
  FunctionField,
  ListBase,
  Pagination,
  Show,
  TextField,
  TopToolbar,
  useNotify,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { downloadWithToken } from '../components/download';
import { ChartSection, DividedSection } from '../components/Section';
import { API_URL } from '../dataProvider';
import type { MoveDatum } from './MovesChart';
import {
  changesResource,
  formatPointsDelta,
  formatYuanDelta,
  type SimulationChange,
  type SimulationRecord,
  type SimulationResult,
} from './model';

// recharts is large: load it after the page is on screen (as the settlement page does).
const MovesChart = lazy(() => import('./MovesChart'));

const ExportButton = () => {
  const record = useRecordContext<SimulationRecord>();
  const notify = useNotify();
  if (!record || record.status !== 'done') return null;
  const download = () =>
    downloadWithToken(
      `${API_URL}/simulations/${encodeURIComponent(record.id)}/export?format=xlsx`,
      `simulation-v${record.policyVersion}.xlsx`,
    ).catch((e) => notify((e as Error)?.message || 'ra.notification.http_error', { type: 'error' }));
  return (
    <Button label="qf.simulation.export_xlsx" onClick={download} data-testid="simulation-export">
      <DownloadIcon />
    </Button>
  );
};

const ShowActions = () => (
  <TopToolbar>
    <ExportButton />
    <DeleteButton mutationMode="pessimistic" redirect="list" />
  </TopToolbar>
);

const grade = (g: string | null, none: string) => g ?? none;

const SummaryCard = ({ label, value, testId }: { label: string; value: string | number; testId?: string }) => (
  <Card variant="outlined" sx={{ minWidth: 180 }}>
    <CardContent>
      <Typography variant="body2" color="text.secondary">
        {label}
      </Typography>
      <Typography variant="h5" component="div" data-testid={testId}>
        {value}
      </Typography>
    </CardContent>
  </Card>
);

const Header = ({ record }: { record: SimulationRecord }) => {
  const translate = useTranslate();
  const p = record.progress ?? { done: record.monthsDone, total: record.months.length };
  const s = record.summary;
  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Typography variant="h5" component="h1">
          {translate('qf.simulation.heading', {
            version: translate('qf.simulation.version', { version: record.policyVersion }),
            baseline: record.baselineVersion
              ? translate('qf.simulation.version', { version: record.baselineVersion })
              : translate('qf.simulation.defaults'),
          })}
        </Typography>
        <Chip
          size="small"
          color={record.status === 'done' ? 'success' : record.status === 'failed' ? 'error' : 'default'}
          label={translate(`qf.simulation.status.${record.status}`)}
          data-testid="simulation-status"
        />
      </Stack>
      <Typography color="text.secondary">
        {translate('qf.simulation.months', { months: record.months.join('、') })}
      </Typography>
      {record.status === 'running' && (
        <Box>
          <Typography variant="body2">
            {translate('qf.simulation.progress', { done: p.done, total: p.total })}
          </Typography>
          <LinearProgress variant="determinate" value={p.total ? (100 * p.done) / p.total : 0} />
        </Box>
      )}
      {record.status === 'failed' && <Alert severity="error">{translate('qf.simulation.failed')}</Alert>}
      {s && (
        <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap' }}>
          <SummaryCard label={translate('qf.simulation.card.grade_moves')} value={s.gradeMoves} testId="sim-moves" />
          <SummaryCard
            label={translate('qf.simulation.card.p4')}
            value={`${s.p4Before} → ${s.p4After}`}
            testId="sim-p4"
          />
          <SummaryCard
            label={translate('qf.simulation.card.p5')}
            value={`${s.p5Before} → ${s.p5After}`}
            testId="sim-p5"
          />
          <SummaryCard
            label={translate('qf.simulation.card.money')}
            value={formatYuanDelta(s.moneyDeltaFen)}
            testId="sim-money"
          />
          <SummaryCard label={translate('qf.simulation.card.changed')} value={s.changed} />
          <SummaryCard label={translate('qf.simulation.card.perception')} value={s.perceptionChanged} />
          {typeof s.starPayDeltaFen === 'number' && (
            <SummaryCard label={translate('qf.simulation.card.star_pay')} value={formatYuanDelta(s.starPayDeltaFen)} />
          )}
          {typeof s.repairerScoresChanged === 'number' && (
            <SummaryCard label={translate('qf.simulation.card.repairer_scores')} value={s.repairerScoresChanged} />
          )}
          {typeof s.scorecardsChanged === 'number' && (
            <SummaryCard label={translate('qf.simulation.card.scorecards')} value={s.scorecardsChanged} />
          )}
        </Stack>
      )}
    </Stack>
  );
};

const MovesCard = ({ record }: { record: SimulationRecord }) => {
  const translate = useTranslate();
  const none = translate('qf.simulation.no_grade');
  const data: MoveDatum[] = (record.moves ?? [])
    .filter((m) => m.before !== m.after)
    .map((m) => ({ move: `${grade(m.before, none)} → ${grade(m.after, none)}`, people: m.people }));
  if (data.length === 0) return null;
  return (
    <ChartSection title={translate('qf.simulation.chart')}>
      <MovesChart data={data} label={translate('qf.simulation.people')} />
    </ChartSection>
  );
};

const UnitsTable = ({ record }: { record: SimulationRecord }) => {
  const translate = useTranslate();
  const units = record.units ?? [];
  if (units.length === 0) return null;
  return (
    <DividedSection title={translate('qf.simulation.units')}>
      <Stack spacing={0.5}>
        {units.map((u) => (
          <Typography key={u.branchId ?? 'none'} variant="body2">
            {u.branch ?? translate('qf.simulation.company_level')}：
            {translate('qf.simulation.unit_line', {
              people: u.people,
              moves: u.gradeMoves,
              money: formatYuanDelta(u.moneyDeltaFen),
            })}
          </Typography>
        ))}
      </Stack>
    </DividedSection>
  );
};

const value = (v: number | null) => (v === null ? '—' : String(v));

/**
 * Star pay (S-10, S-12), repairer scores (E-5), scorecard totals and K-5 fines (K-*) that would change: the person
 * (姓名（工号）) or unit, its unit, the value and the money under both policies.
 */
const OtherResults = ({ record }: { record: SimulationRecord }) => {
  const translate = useTranslate();
  const rows = record.results ?? [];
  if (rows.length === 0) return null;
  return (
    <DividedSection title={translate('qf.simulation.other_results')}>
      <Table size="small" data-testid="simulation-results">
        <TableHead>
          <TableRow>
            <TableCell>{translate('qf.simulation.col.month')}</TableCell>
            <TableCell>{translate('qf.simulation.col.kind')}</TableCell>
            <TableCell>{translate('qf.simulation.col.subject')}</TableCell>
            <TableCell>{translate('qf.simulation.col.unit')}</TableCell>
            <TableCell>{translate('qf.simulation.col.value')}</TableCell>
            <TableCell>{translate('qf.simulation.col.amount')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((r: SimulationResult) => (
            <TableRow key={`${r.month}:${r.kind}:${r.card}:${r.subjectId}`}>
              <TableCell>{r.month}</TableCell>
              <TableCell>{translate(`qf.simulation.result_kind.${r.kind}`)}</TableCell>
              <TableCell>{r.subject ?? '—'}</TableCell>
              <TableCell>{r.unit ?? '—'}</TableCell>
              <TableCell>
                {r.valueBefore === null && r.valueAfter === null
                  ? '—'
                  : `${value(r.valueBefore)} → ${value(r.valueAfter)}`}
              </TableCell>
              <TableCell>{r.moneyDeltaFen ? formatYuanDelta(r.moneyDeltaFen) : '—'}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </DividedSection>
  );
};

/** The people whose results would change (`GET /simulations/:id/changes`), 姓名（工号）. */
const Changes = ({ id }: { id: string }) => {
  const translate = useTranslate();
  const none = translate('qf.simulation.no_grade');
  return (
    <ListBase
      resource={changesResource(id)}
      disableSyncWithLocation
      storeKey={false}
      sort={{ field: 'month', order: 'ASC' }}
      perPage={25}
    >
      <Datagrid
        bulkActionButtons={false}
        rowClick={false}
        empty={<Typography color="text.secondary">{translate('qf.simulation.no_changes')}</Typography>}
      >
        <TextField source="month" label="qf.simulation.col.month" />
        <FunctionField
          source="kind"
          label="qf.simulation.col.kind"
          sortable={false}
          render={(r: SimulationChange) => translate(`qf.simulation.kind.${r.kind}`)}
        />
        <TextField source="employee" label="qf.simulation.col.employee" sortBy="name" />
        <TextField source="branch" label="qf.simulation.col.branch" sortable={false} emptyText="—" />
        <FunctionField
          label="qf.simulation.col.grade"
          render={(r: SimulationChange) => `${grade(r.gradeBefore, none)} → ${grade(r.gradeAfter, none)}`}
        />
        <FunctionField
          source="pointsDelta"
          label="qf.simulation.col.points"
          render={(r: SimulationChange) => formatPointsDelta(r.pointsAfter - r.pointsBefore)}
        />
        <FunctionField
          source="moneyDelta"
          label="qf.simulation.col.money"
          render={(r: SimulationChange) => formatYuanDelta(r.moneyDeltaFen)}
        />
      </Datagrid>
      <Pagination />
    </ListBase>
  );
};

const SimulationShowLayout = () => {
  const record = useRecordContext<SimulationRecord>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <CardContent>
      <Header record={record} />
      {record.status !== 'running' && (
        <>
          <DividedSection title={translate('qf.simulation.distribution')}>
            <MovesCard record={record} />
          </DividedSection>
          <UnitsTable record={record} />
          <DividedSection title={translate('qf.simulation.people_affected')}>
            <Changes id={record.id} />
          </DividedSection>
          <OtherResults record={record} />
        </>
      )}
    </CardContent>
  );
};

/** The result of a what-if simulation: progress while it runs, then summary cards, the chart and the people. */
export const SimulationShow = () => (
  <Show
    actions={<ShowActions />}
    queryOptions={{
      refetchInterval: (q: { state: { data?: SimulationRecord } }) =>
        q.state.data?.status === 'running' ? 1000 : false,
    }}
  >
    <SimulationShowLayout />
  </Show>
);
