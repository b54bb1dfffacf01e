import Icon from '@mui/icons-material/People';
import { Create, Edit } from 'react-admin';
import { EmployeeList } from './EmployeeList';
import { EmployeeForm } from './EmployeeForm';

const EmployeeEdit = () => (
  <Edit mutationMode="pessimistic">
    <EmployeeForm />
  </Edit>
);

const EmployeeCreate = () => (
  <Create redirect="list">
    <EmployeeForm />
  </Create>
);

export default {
  list: EmployeeList,
  edit: EmployeeEdit,
  create: EmployeeCreate,
  icon: Icon,
  recordRepresentation: 'name',
};
