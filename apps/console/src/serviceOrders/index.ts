import OrdersIcon from '@mui/icons-material/AssignmentLate';
import FineIcon from '@mui/icons-material/Gavel';
import { lazyView } from '../components/lazy';
import type { ServiceOrderRecord } from './model';

const ServiceOrderBoard = lazyView(() => import('./ServiceOrderBoard'), 'ServiceOrderBoard');
const ServiceOrderShow = lazyView(() => import('./ServiceOrderShow'), 'ServiceOrderShow');
const ServiceOrderCreate = lazyView(() => import('./ServiceOrderCreate'), 'ServiceOrderCreate');
const FineList = lazyView(() => import('./FineList'), 'FineList');

/** 工单时限看板 (K-1, K-2). */
export const serviceOrders = {
  list: ServiceOrderBoard,
  show: ServiceOrderShow,
  create: ServiceOrderCreate,
  icon: OrdersIcon,
  recordRepresentation: (r: ServiceOrderRecord) => r.orderNo,
};

/** 违规罚款 (K-8). */
export const serviceFines = { list: FineList, icon: FineIcon };
