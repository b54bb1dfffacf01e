import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import CancelIcon from '@mui/icons-material/Cancel';
import HourglassEmptyIcon from '@mui/icons-material/HourglassEmpty';
import { Stack, Table, TableBody, TableCell, TableFooter, TableHead, TableRow, Typography } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import { formatDateTime, formatPoints } from '../components/format';
import { formatYuan, type SettlementBranch, type SettlementStatus } from './model';

const T = 'qf.process_ui.settlement';
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : '—');

/** The branch head's confirmation of the latest round: confirmed / returned / pending, by whom and when. */
export const Confirmation = ({ b, status }: { b: SettlementBranch; status: SettlementStatus }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (b.confirmed === null) {
    return (
      <Typography variant="body2" color="text.secondary">
        {translate(`${T}.covered_by_hr`)}
      </Typography>
    );
  }
  if (b.confirmed) {
    return (
      <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center', color: 'success.main' }}>
        <CheckCircleIcon fontSize="small" />
        <span>
          {translate(`${T}.confirmed_by`, {
            who: b.decidedByName ?? b.headName ?? '—',
            at: formatDateTime(b.decidedAt, locale),
          })}
        </span>
      </Stack>
    );
  }
  if (b.taskStatus === 'done' && b.decision === 'reject') {
    return (
      <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center', color: 'error.main' }}>
        <CancelIcon fontSize="small" />
        <span>
          {translate(`${T}.rejected_by`, {
            who: b.decidedByName ?? b.headName ?? '—',
            at: formatDateTime(b.decidedAt, locale),
          })}
        </span>
      </Stack>
    );
  }
  return (
    <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center', color: 'text.secondary' }}>
      <HourglassEmptyIcon fontSize="small" />
      <span>
        {status === 'computing'
          ? translate('qf.settlement.not_yet')
          : b.headName
            ? translate(`${T}.waiting_for`, { who: b.headName })
            : translate('qf.settlement.pending')}
      </span>
    </Stack>
  );
};

/**
 * Totals per branch — people, points, P4 / P5, money in 元 — with each branch head's confirmation, and the sum of all
 * rows shown. `highlight` marks the branch being decided.
 */
export const BranchTotals = ({
  branches,
  status,
  highlight,
  testId = 'settlement-branches',
  showTotal = true,
}: {
  branches: SettlementBranch[];
  status: SettlementStatus;
  highlight?: string | null;
  testId?: string;
  showTotal?: boolean;
}) => {
  const translate = useTranslate();
  const sum = (k: 'employees' | 'points' | 'moneyFen' | 'p4' | 'p5') =>
    branches.reduce((a, b) => a + (typeof b[k] === 'number' ? b[k] : 0), 0);
  return (
    <Table size="small" data-testid={testId} sx={{ '& th, & td': { whiteSpace: 'nowrap' } }}>
      <TableHead>
        <TableRow>
          <TableCell>{translate('qf.settlement.row.branch')}</TableCell>
          <TableCell align="right">{translate('resources.settlements.fields.totals.employees')}</TableCell>
          <TableCell align="right">{translate('qf.settlement.row.points')}</TableCell>
          <TableCell align="right">{translate('resources.settlements.fields.totals.p4')}</TableCell>
          <TableCell align="right">{translate('resources.settlements.fields.totals.p5')}</TableCell>
          <TableCell align="right">{translate(`${T}.money_yuan`)}</TableCell>
          <TableCell>{translate('qf.settlement.confirmation')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {branches.map((b) => (
          <TableRow
            key={b.branchId ?? 'company'}
            selected={!!highlight && b.branchId === highlight}
            data-testid="settlement-branch-row"
          >
            <TableCell>{b.branchName ?? '—'}</TableCell>
            <TableCell align="right">{num(b.employees)}</TableCell>
            <TableCell align="right">{formatPoints(b.points)}</TableCell>
            <TableCell align="right">{num(b.p4)}</TableCell>
            <TableCell align="right">{num(b.p5)}</TableCell>
            <TableCell align="right">{formatYuan(b.moneyFen)}</TableCell>
            <TableCell>
              <Confirmation b={b} status={status} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
      {showTotal && branches.length > 1 && (
        <TableFooter>
          <TableRow data-testid="settlement-branches-total">
            <TableCell>{translate(`${T}.total`)}</TableCell>
            <TableCell align="right">{sum('employees')}</TableCell>
            <TableCell align="right">{formatPoints(sum('points'))}</TableCell>
            <TableCell align="right">{sum('p4')}</TableCell>
            <TableCell align="right">{sum('p5')}</TableCell>
            <TableCell align="right">{formatYuan(sum('moneyFen'))}</TableCell>
            <TableCell />
          </TableRow>
        </TableFooter>
      )}
    </Table>
  );
};
