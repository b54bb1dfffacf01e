import Icon from '@mui/icons-material/Handyman';
import { type WorkOrderRecord } from './WorkOrderList';
import { lazyView } from '../components/lazy';

const WorkOrderList = lazyView(() => import('./WorkOrderList'), 'WorkOrderList');
const WorkOrderShow = lazyView(() => import('./WorkOrderShow'), 'WorkOrderShow');

export type { WorkOrderRecord } from './WorkOrderList';

/** 工单 (E-1): the closed orders and each order with its evaluations. */
export default {
  list: WorkOrderList,
  show: WorkOrderShow,
  icon: Icon,
  recordRepresentation: (r: WorkOrderRecord) => r.orderNo ?? r.id,
};
