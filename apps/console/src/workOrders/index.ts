import Icon from '@mui/icons-material/Handyman';
import { WorkOrderList, type WorkOrderRecord } from './WorkOrderList';

export type { WorkOrderRecord } from './WorkOrderList';

/** 工单 (E-1): list only (the api has no `GET /work-orders/:id`). */
export default {
  list: WorkOrderList,
  icon: Icon,
  recordRepresentation: (r: WorkOrderRecord) => r.orderNo ?? r.id,
};
