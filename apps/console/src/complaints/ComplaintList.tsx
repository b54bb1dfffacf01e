import { CreateButton, Datagrid, List, SearchInput, SelectField, SelectInput, TextField, TopToolbar, FilterButton } from 'react-admin';
import { caseStatusChoices, sourceChoices } from '../components/choices';
import { DateTimeField } from '../components/fields';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="status" source="status" choices={caseStatusChoices} alwaysOn />,
  <SelectInput key="source" source="source" choices={sourceChoices} />,
];

export const ComplaintList = () => (
  <List
    filters={filters}
    sort={{ field: 'createdAt', order: 'DESC' }}
    perPage={25}
    actions={
      <TopToolbar>
        <FilterButton />
        <CreateButton />
      </TopToolbar>
    }
  >
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <DateTimeField source="createdAt" />
      <SelectField source="source" choices={sourceChoices} />
      <TextField source="customer" />
      <TextField source="channel" />
      <DateTimeField source="occurredAt" />
      <SelectField source="status" choices={caseStatusChoices} />
      <TextField source="stage" emptyText="—" />
    </Datagrid>
  </List>
);
