import {
  Datagrid,
  FilterButton,
  List,
  ReferenceField,
  ReferenceInput,
  AutocompleteInput,
  SearchInput,
  SelectField,
  SelectInput,
  TextField,
  TopToolbar,
  CreateButton,
  ExportButton,
  usePermissions,
} from 'react-admin';
import { employmentTypeChoices } from '../components/choices';
import { MoneyField } from '../components/fields';
import { hasRole, MASTER_DATA_EDITORS } from '../authProvider/access';
import { ImportButton } from './ImportButton';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <ReferenceInput key="unitId" source="unitId" reference="org-units">
    <AutocompleteInput optionText="name" />
  </ReferenceInput>,
  <SelectInput key="employmentType" source="employmentType" choices={employmentTypeChoices} />,
];

export const EmployeeList = () => {
  const { permissions } = usePermissions();
  const canEdit = hasRole(permissions, MASTER_DATA_EDITORS);
  return (
    <List
      filters={filters}
      sort={{ field: 'name', order: 'ASC' }}
      perPage={25}
      actions={
        <TopToolbar>
          <FilterButton />
          {canEdit && <CreateButton />}
          {canEdit && <ImportButton />}
          <ExportButton />
        </TopToolbar>
      }
    >
      <Datagrid rowClick={canEdit ? 'edit' : false} bulkActionButtons={false}>
        <TextField source="code" />
        <TextField source="name" />
        <ReferenceField source="unitId" reference="org-units" link={false} />
        <TextField source="post" />
        <MoneyField source="postBonusFen" />
        <TextField source="hireDate" emptyText="—" />
        <TextField source="jobType" emptyText="—" />
        <SelectField source="employmentType" choices={employmentTypeChoices} />
        <ReferenceField source="supervisorId" reference="employees" link={false} emptyText="—" sortable={false} />
      </Datagrid>
    </List>
  );
};
