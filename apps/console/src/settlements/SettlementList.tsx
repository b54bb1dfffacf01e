import { Typography } from '@mui/material';
import { Datagrid, FunctionField, List, TextField, TopToolbar, usePermissions, useTranslate } from 'react-admin';
import { hasRole } from '../authProvider';
import { DateTimeField } from '../components/fields';
import { formatPoints } from '../components/format';
import { formatYuan } from './model';
import { StartSettlementButton } from './StartSettlementButton';
import { StatusChip } from './StatusChip';
import type { SettlementRecord } from './model';

const ListActions = () => {
  const { permissions } = usePermissions();
  return <TopToolbar>{hasRole(permissions, ['hr']) && <StartSettlementButton />}</TopToolbar>;
};

const count = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : '—');

const Empty = () => (
  <Typography color="text.secondary" sx={{ p: 2 }}>
    {useTranslate()('qf.process_ui.settlement.list_empty')}
  </Typography>
);

/**
 * Sortable by month, status and createdAt only (the api's sort columns). An empty list keeps its toolbar: the first
 * month is started from it.
 */
export const SettlementList = () => (
  <List sort={{ field: 'month', order: 'DESC' }} perPage={25} exporter={false} actions={<ListActions />} empty={false}>
    <Datagrid bulkActionButtons={false} rowClick="show" empty={<Empty />}>
      <TextField source="month" />
      <FunctionField source="status" render={(r: SettlementRecord) => <StatusChip status={r.status} />} />
      <FunctionField
        source="totals.employees"
        sortable={false}
        render={(r: SettlementRecord) => count(r.totals?.employees)}
      />
      <FunctionField
        source="totals.pointsX10"
        sortable={false}
        textAlign="right"
        render={(r: SettlementRecord) => formatPoints(r.totals?.pointsX10)}
      />
      <FunctionField
        source="totals.moneyFen"
        sortable={false}
        textAlign="right"
        render={(r: SettlementRecord) => formatYuan(r.totals?.moneyFen)}
      />
      <FunctionField source="totals.p4" sortable={false} render={(r: SettlementRecord) => count(r.totals?.p4)} />
      <FunctionField source="totals.p5" sortable={false} render={(r: SettlementRecord) => count(r.totals?.p5)} />
      <DateTimeField source="createdAt" />
      <DateTimeField source="lockedAt" sortable={false} />
    </Datagrid>
  </List>
);
