import Icon from '@mui/icons-material/BuildCircle';
import { RectificationCreate } from './RectificationCreate';
import { RectificationList } from './RectificationList';
import { RectificationShow } from './RectificationShow';
import type { RectificationRecord } from './model';

export type { RectificationRecord, RectificationSummary } from './model';

export default {
  list: RectificationList,
  show: RectificationShow,
  create: RectificationCreate,
  icon: Icon,
  recordRepresentation: (r: RectificationRecord) =>
    [r.teamName, r.orderNo ?? r.description?.slice(0, 20)].filter(Boolean).join(' · ') || r.id,
};
