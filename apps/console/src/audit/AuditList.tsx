import { Stack } from '@mui/material';
import { Datagrid, List, TextField, TextInput, useRecordContext, useTranslate } from 'react-admin';
import { DateTimeField, JsonBlock } from '../components/fields';

const filters = [
  <TextInput key="actor" source="actor" alwaysOn />,
  <TextInput key="caseId" source="caseId" alwaysOn />,
];

const AuditDiff = () => {
  const r = useRecordContext<{ before?: unknown; after?: unknown }>();
  const translate = useTranslate();
  if (!r) return null;
  return (
    <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ p: 1 }}>
      <JsonBlock value={r.before} label={translate('resources.audit.fields.before')} defaultOpen />
      <JsonBlock value={r.after} label={translate('resources.audit.fields.after')} defaultOpen />
    </Stack>
  );
};

export const AuditList = () => (
  <List filters={filters} sort={{ field: 'at', order: 'DESC' }} perPage={50} exporter={false}>
    <Datagrid bulkActionButtons={false} rowClick="expand" expand={<AuditDiff />}>
      <DateTimeField source="at" />
      <TextField source="actor" emptyText="—" />
      <TextField source="action" />
      <TextField source="caseId" emptyText="—" />
      <TextField source="workflowId" emptyText="—" />
    </Datagrid>
  </List>
);
