import { Chip, Typography } from '@mui/material';
import { Datagrid, FunctionField, List, TextField, TopToolbar, usePermissions, useTranslate } from 'react-admin';
import { hasRole } from '../authProvider';
import { DateTimeField } from '../components/fields';
import { formatPoints } from '../components/format';
import { StartPerceptionButton } from './StartPerceptionButton';
import { STATUS_COLOR, type PerceptionMonthRecord } from './model';

export const PerceptionStatusChip = ({ status }: { status?: PerceptionMonthRecord['status'] }) => {
  const translate = useTranslate();
  if (!status) return <span>—</span>;
  return (
    <Chip
      size="small"
      color={STATUS_COLOR[status]}
      label={translate(`qf.perception.status.${status}`, { _: status })}
    />
  );
};

const ListActions = () => {
  const { permissions } = usePermissions();
  return <TopToolbar>{hasRole(permissions, ['quality']) && <StartPerceptionButton />}</TopToolbar>;
};

const Empty = () => (
  <Typography color="text.secondary" sx={{ p: 2 }}>
    {useTranslate()('qf.perception.list_empty')}
  </Typography>
);

const n = (v: unknown) => (typeof v === 'number' ? v : '—');

/** 客户感知月度考核: one row per month, newest first, with the month's figures. */
export const PerceptionMonthList = () => (
  <List sort={{ field: 'month', order: 'DESC' }} perPage={25} exporter={false} actions={<ListActions />} empty={false}>
    <Datagrid bulkActionButtons={false} rowClick="show" empty={<Empty />}>
      <TextField source="month" />
      <FunctionField
        source="status"
        sortable={false}
        render={(r: PerceptionMonthRecord) => <PerceptionStatusChip status={r.status} />}
      />
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
      <DateTimeField source="computedAt" sortable={false} />
      <DateTimeField source="postedAt" sortable={false} />
    </Datagrid>
  </List>
);
