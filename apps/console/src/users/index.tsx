import Icon from '@mui/icons-material/ManageAccounts';
import { lazyView } from '../components/lazy';

const UserList = lazyView(() => import('./UserViews'), 'UserList');
const UserEdit = lazyView(() => import('./UserViews'), 'UserEdit');
const UserCreate = lazyView(() => import('./UserViews'), 'UserCreate');

export default {
  list: UserList,
  edit: UserEdit,
  create: UserCreate,
  icon: Icon,
  recordRepresentation: (r: { displayName?: string; username?: string; id: string }) =>
    r.displayName ?? r.username ?? r.id,
};
