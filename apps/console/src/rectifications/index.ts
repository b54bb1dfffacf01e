import Icon from '@mui/icons-material/BuildCircle';
import type { RectificationRecord } from './model';
import { lazyView } from '../components/lazy';

const RectificationCreate = lazyView(() => import('./RectificationCreate'), 'RectificationCreate');
const RectificationList = lazyView(() => import('./RectificationList'), 'RectificationList');
const RectificationShow = lazyView(() => import('./RectificationShow'), 'RectificationShow');

export type { RectificationRecord, RectificationSummary } from './model';

export default {
  list: RectificationList,
  show: RectificationShow,
  create: RectificationCreate,
  icon: Icon,
  recordRepresentation: (r: RectificationRecord) =>
    [r.teamName, r.orderNo ?? r.description?.slice(0, 20)].filter(Boolean).join(' · ') || r.id,
};
