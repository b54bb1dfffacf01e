import {
  AutocompleteInput,
  Create,
  CreateButton,
  Datagrid,
  Edit,
  List,
  ReferenceField,
  ReferenceInput,
  SearchInput,
  SelectField,
  SelectInput,
  SimpleForm,
  TextField,
  TextInput,
  TopToolbar,
  usePermissions,
  required,
} from 'react-admin';
import { unitKindChoices } from '../components/choices';
import { hasRole, MASTER_DATA_EDITORS } from '../authProvider/access';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="kind" source="kind" choices={unitKindChoices} alwaysOn />,
];

export const OrgUnitList = () => {
  const { permissions } = usePermissions();
  const canEdit = hasRole(permissions, MASTER_DATA_EDITORS);
  return (
    <List
      filters={filters}
      sort={{ field: 'name', order: 'ASC' }}
      perPage={50}
      actions={<TopToolbar>{canEdit && <CreateButton />}</TopToolbar>}
    >
      <Datagrid rowClick={canEdit ? 'edit' : false} bulkActionButtons={false}>
        <TextField source="name" />
        <SelectField source="kind" choices={unitKindChoices} />
        <ReferenceField source="parentId" reference="org-units" link={false} emptyText="—" sortable={false} />
      </Datagrid>
    </List>
  );
};

// O-1: company → branches → centres/halls → teams.
const OrgUnitForm = () => (
  <SimpleForm>
    <TextInput source="name" validate={required()} />
    <SelectInput source="kind" choices={unitKindChoices} validate={required()} />
    <ReferenceInput source="parentId" reference="org-units">
      <AutocompleteInput optionText="name" />
    </ReferenceInput>
  </SimpleForm>
);

export const OrgUnitEdit = () => (
  <Edit mutationMode="pessimistic">
    <OrgUnitForm />
  </Edit>
);

export const OrgUnitCreate = () => (
  <Create redirect="list">
    <OrgUnitForm />
  </Create>
);
