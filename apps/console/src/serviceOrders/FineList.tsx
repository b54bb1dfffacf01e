import { Box, Chip, Typography } from '@mui/material';
import {
  Datagrid,
  FunctionField,
  List,
  SelectInput,
  TextField,
  TopToolbar,
  usePermissions,
  useTranslate,
} from 'react-admin';
import { hasRole } from '../authProvider';
import { DateTimeField, MoneyField } from '../components/fields';
import { FineRegisterButton, FINE_KINDS } from './FineRegister';
import type { FineRecord } from './model';

const T = 'qf.fines';

const Empty = () => (
  <Box sx={{ p: 2 }}>
    <Typography color="text.secondary">{useTranslate()(`${T}.empty`)}</Typography>
  </Box>
);

/** 违规罚款 (K-8): registered fines and their lead's decision. */
export const FineList = () => {
  const translate = useTranslate();
  const { permissions } = usePermissions();
  const filters = [
    <SelectInput
      key="kind"
      source="kind"
      alwaysOn
      choices={FINE_KINDS.map((id) => ({ id, name: `${T}.kind.${id}` }))}
    />,
    <SelectInput
      key="status"
      source="status"
      alwaysOn
      choices={['pending', 'approved', 'returned'].map((id) => ({ id, name: `${T}.status.${id}` }))}
    />,
  ];
  return (
    <List
      title={translate(`${T}.title`)}
      sort={{ field: 'createdAt', order: 'DESC' }}
      filters={filters}
      exporter={false}
      empty={false}
      actions={
        <TopToolbar>
          {hasRole(permissions, ['team-lead', 'manager', 'quality', 'branch-head']) && <FineRegisterButton />}
        </TopToolbar>
      }
    >
      <Datagrid
        bulkActionButtons={false}
        rowClick={(_, __, r) => (r.caseId ? `/cases/${r.caseId}/show` : false)}
        empty={<Empty />}
      >
        <DateTimeField source="createdAt" />
        <FunctionField source="kind" render={(r: FineRecord) => translate(`${T}.kind.${r.kind}`)} />
        <TextField source="employeeName" sortable={false} />
        <TextField source="unitName" sortable={false} emptyText="—" />
        <MoneyField source="amountFen" />
        <TextField source="leadName" sortable={false} emptyText="—" />
        <MoneyField source="leadFen" />
        <TextField source="description" sortable={false} />
        <FunctionField
          source="status"
          render={(r: FineRecord) => (
            <Chip
              size="small"
              color={r.status === 'approved' ? 'success' : r.status === 'returned' ? 'default' : 'warning'}
              label={translate(`${T}.status.${r.status}`)}
            />
          )}
        />
        <TextField source="registeredByName" sortable={false} emptyText="—" />
      </Datagrid>
    </List>
  );
};
