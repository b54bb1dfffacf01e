import Icon from '@mui/icons-material/Handyman';
import { WorkOrderList, type WorkOrderRecord } from './WorkOrderList';
import { WorkOrderShow } from './WorkOrderShow';

export type { WorkOrderRecord } from './WorkOrderList';

/** 工单 (E-1): the closed orders and each order with its evaluations. */
export default {
  list: WorkOrderList,
  show: WorkOrderShow,
  icon: Icon,
  recordRepresentation: (r: WorkOrderRecord) => r.orderNo ?? r.id,
};
