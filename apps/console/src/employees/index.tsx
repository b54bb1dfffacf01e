import Icon from '@mui/icons-material/People';
import { Create, Edit } from 'react-admin';
import { lazyView } from '../components/lazy';

const EmployeeList = lazyView(() => import('./EmployeeList'), 'EmployeeList');
const EmployeeForm = lazyView(() => import('./EmployeeForm'), 'EmployeeForm');

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
