import { AutocompleteInput, BooleanInput, CreateButton, Datagrid, List, ReferenceInput, SearchInput, SelectField, SelectInput, TextField, TextInput, TopToolbar, FilterButton } from 'react-admin';
import { caseStatusChoices, severityChoices, sourceChoices } from '../components/choices';
import { DateTimeField } from '../components/fields';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="status" source="status" choices={caseStatusChoices} alwaysOn />,
  <SelectInput key="source" source="source" choices={sourceChoices} />,
  <SelectInput key="severity" source="severity" choices={severityChoices} label="resources.complaints.fields.severity" />,
  <ReferenceInput key="unitId" source="unitId" reference="org-units">
    <AutocompleteInput optionText="name" label="resources.complaints.fields.unitId" />
  </ReferenceInput>,
  <TextInput key="month" source="month" placeholder="YYYY-MM" />,
  <BooleanInput key="overdue" source="overdue" />,
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
