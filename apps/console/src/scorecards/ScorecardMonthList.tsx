import { Stack } from '@mui/material';
import { FunctionField, TopToolbar, usePermissions } from 'react-admin';
import { hasRole } from '../authProvider';
import { formatFen } from '../components/format';
import { ImportButton } from '../components/ImportButton';
import { MonthRunList, MonthStatusChip, summaryFigure as n } from '../components/MonthRunList';
import { StartScorecardButton } from './StartScorecardButton';
import type { ScorecardMonthRecord } from './model';

export const ScorecardStatusChip = ({ status }: { status?: ScorecardMonthRecord['status'] }) => (
  <MonthStatusChip area="qf.scorecard" status={status} />
);

/** 导入指标数据 (受理量、BOSS 差错率、网络出口故障、设备故障 …): all rows or none. */
export const ImportKpiValuesButton = () => (
  <ImportButton
    endpoint="kpi-values/import"
    columns={['月份', '指标', '层级', '编码', '设备', '数值']}
    templateName="考核指标数据导入模板.csv"
    titleKey="qf.scorecard.import.title"
    helpKey="qf.scorecard.import.help"
    doneKey="qf.scorecard.import.done"
  />
);

const ListActions = () => {
  const { permissions } = usePermissions();
  return (
    <TopToolbar>
      {hasRole(permissions, ['quality']) && (
        <Stack direction="row" spacing={1}>
          <ImportKpiValuesButton />
          <StartScorecardButton />
        </Stack>
      )}
    </TopToolbar>
  );
};

/** KPI 考核卡月度考核: one row per month, newest first, with the month's figures. */
export const ScorecardMonthList = () => (
  <MonthRunList area="qf.scorecard" actions={<ListActions />}>
    <FunctionField source="summary.units" sortable={false} render={(r: ScorecardMonthRecord) => n(r.summary?.units)} />
    <FunctionField
      source="summary.people"
      sortable={false}
      render={(r: ScorecardMonthRecord) => n(r.summary?.people)}
    />
    <FunctionField
      source="summary.fineFen"
      sortable={false}
      textAlign="right"
      render={(r: ScorecardMonthRecord) => (r.summary ? formatFen(r.summary.fineFen) : '—')}
    />
  </MonthRunList>
);
