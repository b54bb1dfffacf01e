import { Datagrid, List, NumberField, SelectField, TextField } from 'react-admin';
import { DateTimeField } from '../components/fields';
import { versionStatusChoices } from '../components/choices';

export const PolicyList = () => (
  <List sort={{ field: 'version', order: 'DESC' }} perPage={25} exporter={false}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <NumberField source="version" />
      <TextField source="label" emptyText="—" sortable={false} />
      <SelectField source="status" choices={versionStatusChoices} />
      <TextField source="effectiveFrom" emptyText="—" sortable={false} />
      <TextField source="author" emptyText="—" sortable={false} />
      <DateTimeField source="createdAt" sortable={false} />
      <DateTimeField source="publishedAt" sortable={false} />
    </Datagrid>
  </List>
);
