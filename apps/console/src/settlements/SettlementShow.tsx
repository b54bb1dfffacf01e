import { lazy } from 'react';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import HourglassEmptyIcon from '@mui/icons-material/HourglassEmpty';
import {
  Box,
  CardContent,
  Divider,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import {
  Labeled,
  Link,
  Show,
  TopToolbar,
  useLocaleState,
  usePermissions,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { hasRole } from '../authProvider';
import { DateTimeField, LabeledValue, useWaitingOnLabel } from '../components/fields';
import { formatDateTime, formatPoints } from '../components/format';
import { RecordTitle } from '../components/RecordTitle';
import { ChartSection, DividedSection } from '../components/Section';
import type { BranchDatum } from './BranchChart';
import { BranchTotals } from './BranchTotals';
import { ExportButtons } from './ExportButtons';
import { SettlementRows } from './SettlementRows';
import { StatusChip } from './StatusChip';
import { caseUrl, formatYuan, inboxUrl, type SettlementBranch, type SettlementRecord } from './model';

// recharts is large: load it after the page is on screen (as the dashboard does).
const BranchChart = lazy(() => import('./BranchChart'));

const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : '—');

const ShowActions = () => {
  const record = useRecordContext<SettlementRecord>();
  const { permissions } = usePermissions();
  if (!record || !hasRole(permissions, ['hr'])) return null;
  return (
    <TopToolbar>
      <ExportButtons id={String(record.id)} month={record.month} />
    </TopToolbar>
  );
};

/** "Waiting on X until Y" (red when overdue); nothing to wait on once locked. */
const WaitingOnLine = ({ record }: { record: SettlementRecord }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const who = useWaitingOnLabel()(record.waitingOn);
  if (record.status === 'locked' || !who) {
    return <Typography color="text.secondary">{translate('qf.case.not_waiting')}</Typography>;
  }
  const overdue = !!record.dueAt && new Date(record.dueAt).getTime() < Date.now();
  return (
    <Typography sx={{ fontWeight: 500 }} color={overdue ? 'error' : undefined} data-testid="settlement-waiting">
      {translate(record.dueAt ? 'qf.settlement.waiting' : 'qf.settlement.waiting_no_due', {
        who,
        due: formatDateTime(record.dueAt, locale),
      })}
      {overdue ? ` · ${translate('qf.task.overdue')}` : ''}
    </Typography>
  );
};

const Header = ({ record }: { record: SettlementRecord }) => {
  const translate = useTranslate();
  const t = record.totals ?? {};
  return (
    <Stack spacing={1.5}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Typography variant="h5" component="h1">
          {translate('qf.settlement.heading', { month: record.month })}
        </Typography>
        <StatusChip status={record.status} size="medium" />
        {record.stage && (
          <Typography color="text.secondary">
            {translate('qf.settlement.stage_label')}:{' '}
            {translate(`qf.settlement.stage.${record.stage}`, { _: record.stage })}
          </Typography>
        )}
      </Stack>
      <WaitingOnLine record={record} />
      {record.caseId && (
        <Stack direction="row" spacing={3}>
          <Link to={caseUrl(record.caseId)}>{translate('qf.settlement.open_case')}</Link>
          <Link to={inboxUrl(record.caseId)}>{translate('qf.settlement.open_inbox')}</Link>
        </Stack>
      )}
      <Stack direction="row" spacing={4} useFlexGap sx={{ flexWrap: 'wrap' }}>
        <LabeledValue
          variant="body1"
          valueComponent="div"
          label={translate('resources.settlements.fields.totals.employees')}
          value={num(t.employees)}
        />
        <LabeledValue
          variant="body1"
          valueComponent="div"
          label={translate('resources.settlements.fields.totals.pointsX10')}
          value={formatPoints(t.pointsX10)}
        />
        <LabeledValue
          variant="body1"
          valueComponent="div"
          label={translate('resources.settlements.fields.totals.moneyFen')}
          value={formatYuan(t.moneyFen)}
        />
        <LabeledValue
          variant="body1"
          valueComponent="div"
          label={translate('resources.settlements.fields.totals.p4')}
          value={num(t.p4)}
        />
        <LabeledValue
          variant="body1"
          valueComponent="div"
          label={translate('resources.settlements.fields.totals.p5')}
          value={num(t.p5)}
        />
        <LabeledValue
          variant="body1"
          valueComponent="div"
          label={translate('resources.settlements.fields.policyVersion')}
          value={num(record.policyVersion)}
        />
        <Labeled label="resources.settlements.fields.createdAt">
          <DateTimeField source="createdAt" />
        </Labeled>
        <Labeled label="resources.settlements.fields.lockedAt">
          <DateTimeField source="lockedAt" />
        </Labeled>
      </Stack>
    </Stack>
  );
};

/** Per-branch progress: the branch head's confirmation (✓ / pending) with the branch's totals. */
const BranchProgress = ({ branches, status }: { branches: SettlementBranch[]; status: SettlementRecord['status'] }) => {
  const translate = useTranslate();
  const confirmable = branches.filter((b) => b.confirmed !== null);
  const confirmed = confirmable.filter((b) => b.confirmed).length;
  return (
    <Box>
      <Typography variant="subtitle1" gutterBottom>
        {translate('qf.settlement.branches')}{' '}
        <Typography component="span" color="text.secondary">
          {translate('qf.settlement.confirmed_count', { n: confirmed, total: confirmable.length })}
        </Typography>
      </Typography>
      {branches.length === 0 ? (
        <Typography color="text.secondary">{translate('qf.settlement.no_branches')}</Typography>
      ) : (
        <BranchTotals branches={branches} status={status} />
      )}
    </Box>
  );
};

const BranchChartCard = ({ branches }: { branches: SettlementBranch[] }) => {
  const translate = useTranslate();
  if (branches.length === 0) return null;
  const data: BranchDatum[] = branches.map((b) => ({
    branch: b.branchName ?? '—',
    p4: b.p4 ?? 0,
    p5: b.p5 ?? 0,
    points: typeof b.points === 'number' ? b.points / 10 : 0,
  }));
  return (
    <ChartSection title={translate('qf.settlement.chart')}>
      <BranchChart
        data={data}
        labels={{
          p4: translate('qf.settlement.chart_p4'),
          p5: translate('qf.settlement.chart_p5'),
          points: translate('qf.settlement.row.points'),
          count: translate('qf.dashboard.count'),
        }}
      />
    </ChartSection>
  );
};

const SettlementShowLayout = () => {
  const record = useRecordContext<SettlementRecord>();
  const translate = useTranslate();
  if (!record) return null;
  const branches = Array.isArray(record.branches) ? record.branches : [];
  return (
    <CardContent>
      <Header record={record} />
      <Divider sx={{ my: 2 }} />
      <BranchProgress branches={branches} status={record.status} />
      <Divider sx={{ my: 2 }} />
      <BranchChartCard branches={branches} />
      <DividedSection title={translate('qf.settlement.rows')}>
        <SettlementRows key={record.status} id={String(record.id)} branches={branches} />
      </DividedSection>
    </CardContent>
  );
};

/** While the close is computing, poll so the totals and status appear without a reload. */
export const SettlementShow = () => (
  <Show
    title={<RecordTitle<SettlementRecord> messageKey="qf.settlement.heading" args={(r) => ({ month: r.month })} />}
    actions={<ShowActions />}
    queryOptions={{
      refetchInterval: (query) =>
        (query.state.data as SettlementRecord | undefined)?.status === 'computing' ? 5000 : false,
    }}
  >
    <SettlementShowLayout />
  </Show>
);
