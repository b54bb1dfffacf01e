import { Chip } from '@mui/material';
import {
  CreateButton,
  Datagrid,
  FunctionField,
  List,
  TextField,
  TopToolbar,
  usePermissions,
  useTranslate,
} from 'react-admin';
import { hasRole } from '../authProvider';
import { DateTimeField } from '../components/fields';
import { STATUS_COLOR, type QuarterlyRecord, type QuarterlyStatus } from './model';

export const QuarterlyStatusChip = ({ status }: { status?: QuarterlyStatus }) => {
  const translate = useTranslate();
  if (!status) return <span>—</span>;
  return (
    <Chip
      size="small"
      color={STATUS_COLOR[status] ?? 'default'}
      label={translate(`qf.quarterly.status.${status}`, { _: status })}
      data-testid="quarterly-status"
    />
  );
};

const ListActions = () => {
  const { permissions } = usePermissions();
  return <TopToolbar>{hasRole(permissions, ['quality']) && <CreateButton />}</TopToolbar>;
};

/** 季度考核: one plan per quarter, latest first. */
export const QuarterlyList = () => (
  <List sort={{ field: 'period', order: 'DESC' }} perPage={25} exporter={false} actions={<ListActions />}>
    <Datagrid bulkActionButtons={false} rowClick="show">
      <TextField source="period" />
      <TextField source="title" sortable={false} />
      <FunctionField source="status" render={(r: QuarterlyRecord) => <QuarterlyStatusChip status={r.status} />} />
      <TextField source="ownerName" sortable={false} />
      <FunctionField
        source="indicators"
        label="qf.quarterly.indicators_label"
        sortable={false}
        render={(r: QuarterlyRecord) => r.indicators.map((i) => `${i.name} ${i.weight}%`).join('、')}
      />
      <DateTimeField source="createdAt" />
    </Datagrid>
  </List>
);
