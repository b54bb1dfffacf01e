import { Datagrid, FunctionField, List, NumberField, SelectField, SelectInput, TextField } from 'react-admin';
import { kindChoices } from '../components/choices';
import { DateTimeField } from '../components/fields';
import { flowStatusChoices } from './choices';
import type { FlowRecord } from './model';

const filters = [
  <SelectInput key="kind" source="kind" choices={kindChoices} alwaysOn />,
  <SelectInput key="status" source="status" choices={flowStatusChoices} alwaysOn />,
];

export const FlowList = () => (
  <List filters={filters} sort={{ field: 'kind', order: 'ASC' }} perPage={25} exporter={false}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <SelectField source="kind" choices={kindChoices} />
      <NumberField source="version" />
      <TextField source="label" emptyText="—" sortable={false} />
      <SelectField source="status" choices={flowStatusChoices} />
      <FunctionField
        source="stages"
        sortable={false}
        render={(r: FlowRecord) =>
          (Array.isArray(r.stages) ? r.stages : [])
            .map((s) => (s && typeof s === 'object' ? String((s as { label?: unknown }).label ?? '') : ''))
            .join(' → ')
        }
      />
      <TextField source="author" emptyText="—" sortable={false} />
      <DateTimeField source="createdAt" sortable={false} />
      <DateTimeField source="publishedAt" sortable={false} />
    </Datagrid>
  </List>
);
