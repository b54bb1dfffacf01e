import Icon from '@mui/icons-material/AccountTree';
import { lazyView } from '../components/lazy';

const OrgUnitList = lazyView(() => import('./OrgUnitViews'), 'OrgUnitList');
const OrgUnitEdit = lazyView(() => import('./OrgUnitViews'), 'OrgUnitEdit');
const OrgUnitCreate = lazyView(() => import('./OrgUnitViews'), 'OrgUnitCreate');

export default {
  list: OrgUnitList,
  edit: OrgUnitEdit,
  create: OrgUnitCreate,
  icon: Icon,
  recordRepresentation: 'name',
};
