import {
  AutocompleteInput,
  BooleanField,
  BooleanInput,
  Create,
  Datagrid,
  Edit,
  List,
  PasswordInput,
  ReferenceField,
  ReferenceInput,
  SearchInput,
  SelectArrayInput,
  SelectInput,
  SimpleForm,
  TextField,
  TextInput,
  required,
} from 'react-admin';
import { roleChoices } from '../components/choices';
import { RolesField } from '../components/fields';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="roles" source="roles" choices={roleChoices} />,
];

export const UserList = () => (
  <List filters={filters} sort={{ field: 'username', order: 'ASC' }} perPage={25}>
    <Datagrid rowClick="edit" bulkActionButtons={false}>
      <TextField source="username" />
      <TextField source="displayName" />
      <RolesField source="roles" sortable={false} />
      <ReferenceField source="employeeId" reference="employees" link={false} emptyText="—" sortable={false} />
      <BooleanField source="active" />
    </Datagrid>
  </List>
);

const UserInputs = () => (
  <>
    <TextInput source="displayName" validate={required()} />
    <SelectArrayInput source="roles" choices={roleChoices} validate={required()} />
    <ReferenceInput source="employeeId" reference="employees">
      <AutocompleteInput optionText="name" />
    </ReferenceInput>
    <BooleanInput source="active" />
  </>
);

export const UserEdit = () => (
  <Edit mutationMode="pessimistic">
    <SimpleForm>
      <TextInput source="username" disabled />
      <UserInputs />
    </SimpleForm>
  </Edit>
);

export const UserCreate = () => (
  <Create redirect="list">
    <SimpleForm defaultValues={{ active: true, roles: ['employee'] }}>
      <TextInput source="username" validate={required()} />
      <PasswordInput source="password" />
      <UserInputs />
    </SimpleForm>
  </Create>
);
