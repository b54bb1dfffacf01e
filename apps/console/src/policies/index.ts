import Icon from '@mui/icons-material/Policy';
import type { PolicyRecord } from './model';
import { lazyView } from '../components/lazy';

const PolicyList = lazyView(() => import('./PolicyList'), 'PolicyList');
const PolicyShow = lazyView(() => import('./PolicyShow'), 'PolicyShow');
const PolicyEdit = lazyView(() => import('./PolicyEdit'), 'PolicyEdit');

export default {
  list: PolicyList,
  show: PolicyShow,
  edit: PolicyEdit,
  icon: Icon,
  recordRepresentation: (r: PolicyRecord) => `v${r.version}`,
};
