import { FunctionField, TopToolbar, usePermissions } from 'react-admin';
import { hasRole } from '../authProvider';
import { formatPoints } from '../components/format';
import { MonthRunList, MonthStatusChip, summaryFigure as n } from '../components/MonthRunList';
import { StartPerceptionButton } from './StartPerceptionButton';
import type { PerceptionMonthRecord } from './model';

export const PerceptionStatusChip = ({ status }: { status?: PerceptionMonthRecord['status'] }) => (
  <MonthStatusChip area="qf.perception" status={status} />
);

const ListActions = () => {
  const { permissions } = usePermissions();
  return <TopToolbar>{hasRole(permissions, ['quality']) && <StartPerceptionButton />}</TopToolbar>;
};

/** 客户感知月度考核: one row per month, newest first, with the month's figures. */
export const PerceptionMonthList = () => (
  <MonthRunList area="qf.perception" actions={<ListActions />}>
    <FunctionField
      source="summary.people"
      sortable={false}
      render={(r: PerceptionMonthRecord) => n(r.summary?.people)}
    />
    <FunctionField
      source="summary.belowStandard"
      sortable={false}
      render={(r: PerceptionMonthRecord) => n(r.summary?.belowStandard)}
    />
    <FunctionField source="summary.p4" sortable={false} render={(r: PerceptionMonthRecord) => n(r.summary?.p4)} />
    <FunctionField
      source="summary.pointsX10"
      sortable={false}
      textAlign="right"
      render={(r: PerceptionMonthRecord) => (r.summary ? formatPoints(r.summary.pointsX10) : '—')}
    />
  </MonthRunList>
);
