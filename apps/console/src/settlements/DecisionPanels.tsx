import { Alert, Box, CircularProgress, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Link, useTranslate } from 'react-admin';
import type { TaskView } from '@qf/contracts/cases';
import { LabeledValue } from '../components/fields';
import { formatPoints } from '../components/format';
import { messageOf } from '../components/problem';
import { API_URL, httpClient } from '../dataProvider';
import { BranchTotals } from './BranchTotals';
import { SettlementRows } from './SettlementRows';
import { StatusChip } from './StatusChip';
import { formatYuan, type SettlementForTask } from './model';

const T = 'qf.process_ui.settlement';

/** `GET /settlements/by-task/:taskId` (refetched when react-admin refreshes after an action). */
const useSettlementForTask = (taskId: string) =>
  useQuery({
    queryKey: ['settlements', 'by-task', taskId],
    queryFn: async () =>
      (await httpClient(`${API_URL}/settlements/by-task/${encodeURIComponent(taskId)}`)).json as SettlementForTask,
  });

const Totals = ({
  s,
  testId,
}: {
  s: { employees: number; points: number; moneyFen: number; p4: number; p5: number };
  testId: string;
}) => {
  const translate = useTranslate();
  const item = (label: string, value: string | number, id: string) => (
    <Box data-testid={`${testId}-${id}`}>
      <LabeledValue label={label} value={value} variant="h6" valueComponent="div" />
    </Box>
  );
  return (
    <Stack direction="row" spacing={4} useFlexGap sx={{ flexWrap: 'wrap' }} data-testid={testId}>
      {item(translate('resources.settlements.fields.totals.employees'), s.employees, 'employees')}
      {item(translate('resources.settlements.fields.totals.pointsX10'), formatPoints(s.points), 'points')}
      {item(translate('resources.settlements.fields.totals.p4'), s.p4, 'p4')}
      {item(translate('resources.settlements.fields.totals.p5'), s.p5, 'p5')}
      {item(translate(`${T}.money_total_yuan`), formatYuan(s.moneyFen), 'money')}
    </Stack>
  );
};

const Head = ({ s }: { s: SettlementForTask }) => {
  const translate = useTranslate();
  return (
    <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
      <Typography variant="subtitle1">{translate('qf.settlement.heading', { month: s.month })}</Typography>
      <StatusChip status={s.status} />
      {s.taskRound > 1 && <Typography color="text.secondary">{translate(`${T}.round`, { n: s.taskRound })}</Typography>}
      <Link to={`/settlements/${encodeURIComponent(s.id)}/show`}>{translate(`${T}.open_settlement`)}</Link>
    </Stack>
  );
};

const Loading = ({ error }: { error: unknown }) => {
  const translate = useTranslate();
  return error ? (
    <Alert severity="warning">{translate(`${T}.load_error`, { error: messageOf(error) })}</Alert>
  ) : (
    <CircularProgress size={24} />
  );
};

/** 分公司确认 (H-1): the branch head decides on their branch's rows and totals. */
export const SettlementConfirmPanel = ({ task }: { task: TaskView }) => {
  const translate = useTranslate();
  const { data: s, error } = useSettlementForTask(task.id);
  if (!s) return <Loading error={error} />;
  const branches = s.branches ?? [];
  const mine = branches.find((b) => b.branchId === s.taskBranchId);
  // a confirmation escalated to HR (its branch head did not act in time) decides for every branch
  if (!s.taskBranchId) {
    return (
      <Stack spacing={2} data-testid="settlement-confirm-panel">
        <Head s={s} />
        <BranchTotals branches={branches} status={s.status} testId="settlement-confirm-branches" />
      </Stack>
    );
  }
  return (
    <Stack spacing={2} data-testid="settlement-confirm-panel">
      <Head s={s} />
      <Typography variant="subtitle2" data-testid="settlement-confirm-branch">
        {translate(`${T}.branch_to_confirm`, { branch: mine?.branchName ?? '—' })}
      </Typography>
      {mine ? (
        <Totals s={mine} testId="settlement-branch-totals" />
      ) : (
        <Typography color="text.secondary">{translate(`${T}.branch_no_rows`)}</Typography>
      )}
      <Box>
        <Typography variant="subtitle2" gutterBottom>
          {translate(`${T}.branch_rows`)}
        </Typography>
        <SettlementRows id={s.id} branches={branches} branchId={s.taskBranchId} perPage={10} />
      </Box>
    </Stack>
  );
};

/** 人力审批 (H-2): HR decides on the whole month — totals per branch and which branch heads confirmed. */
export const SettlementApprovePanel = ({ task }: { task: TaskView }) => {
  const translate = useTranslate();
  const { data: s, error } = useSettlementForTask(task.id);
  if (!s) return <Loading error={error} />;
  const branches = s.branches ?? [];
  const t = s.totals ?? {};
  const confirmable = branches.filter((b) => b.confirmed !== null);
  return (
    <Stack spacing={2} data-testid="settlement-approve-panel">
      <Head s={s} />
      <Totals
        s={{
          employees: t.employees ?? 0,
          points: t.pointsX10 ?? 0,
          moneyFen: t.moneyFen ?? 0,
          p4: t.p4 ?? 0,
          p5: t.p5 ?? 0,
        }}
        testId="settlement-month-totals"
      />
      <Typography variant="subtitle2">
        {translate('qf.settlement.branches')}{' '}
        <Typography component="span" color="text.secondary">
          {translate('qf.settlement.confirmed_count', {
            n: confirmable.filter((b) => b.confirmed).length,
            total: confirmable.length,
          })}
        </Typography>
      </Typography>
      <BranchTotals branches={branches} status={s.status} testId="settlement-approve-branches" />
    </Stack>
  );
};
