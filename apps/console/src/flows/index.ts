import Icon from '@mui/icons-material/Schema';
import type { FlowRecord } from './model';
import { lazyView } from '../components/lazy';

const FlowList = lazyView(() => import('./FlowList'), 'FlowList');
const FlowShow = lazyView(() => import('./FlowShow'), 'FlowShow');
const FlowEdit = lazyView(() => import('./FlowEdit'), 'FlowEdit');

export default {
  list: FlowList,
  show: FlowShow,
  edit: FlowEdit,
  icon: Icon,
  recordRepresentation: (r: FlowRecord) => r.id,
};
