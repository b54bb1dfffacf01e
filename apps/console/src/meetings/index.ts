import Icon from '@mui/icons-material/Groups';
import type { MeetingRecord } from './model';
import { lazyView } from '../components/lazy';

const MeetingList = lazyView(() => import('./MeetingList'), 'MeetingList');
const MeetingCreate = lazyView(() => import('./MeetingForms'), 'MeetingCreate');
const MeetingEdit = lazyView(() => import('./MeetingForms'), 'MeetingEdit');
const MeetingShow = lazyView(() => import('./MeetingForms'), 'MeetingShow');

export type { MeetingRecord } from './model';

export default {
  list: MeetingList,
  show: MeetingShow,
  edit: MeetingEdit,
  create: MeetingCreate,
  icon: Icon,
  recordRepresentation: (r: MeetingRecord) => r.title ?? r.id,
};
