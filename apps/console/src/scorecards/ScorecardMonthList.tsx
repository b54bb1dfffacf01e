import { Chip, Stack, Typography } from '@mui/material';
import { Datagrid, FunctionField, List, TextField, TopToolbar, usePermissions, useTranslate } from 'react-admin';
import { hasRole } from '../authProvider';
import { DateTimeField } from '../components/fields';
import { formatFen } from '../components/format';
import { ImportButton } from '../components/ImportButton';
import { StartScorecardButton } from './StartScorecardButton';
import { STATUS_COLOR, type ScorecardMonthRecord } from './model';

export const ScorecardStatusChip = ({ status }: { status?: ScorecardMonthRecord['status'] }) => {
  const translate = useTranslate();
  if (!status) return <span>—</span>;
  return (
    <Chip size="small" color={STATUS_COLOR[status]} label={translate(`qf.scorecard.status.${status}`, { _: status })} />
  );
};

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

const Empty = () => (
  <Typography color="text.secondary" sx={{ p: 2 }}>
    {useTranslate()('qf.scorecard.list_empty')}
  </Typography>
);

const n = (v: unknown) => (typeof v === 'number' ? v : '—');

/** KPI 考核卡月度考核: one row per month, newest first, with the month's figures. */
export const ScorecardMonthList = () => (
  <List sort={{ field: 'month', order: 'DESC' }} perPage={25} exporter={false} actions={<ListActions />} empty={false}>
    <Datagrid bulkActionButtons={false} rowClick="show" empty={<Empty />}>
      <TextField source="month" />
      <FunctionField
        source="status"
        sortable={false}
        render={(r: ScorecardMonthRecord) => <ScorecardStatusChip status={r.status} />}
      />
      <FunctionField
        source="summary.units"
        sortable={false}
        render={(r: ScorecardMonthRecord) => n(r.summary?.units)}
      />
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
      <DateTimeField source="computedAt" sortable={false} />
      <DateTimeField source="postedAt" sortable={false} />
    </Datagrid>
  </List>
);
