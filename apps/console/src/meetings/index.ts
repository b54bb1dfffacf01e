import Icon from '@mui/icons-material/Groups';
import { MeetingList } from './MeetingList';
import { MeetingCreate, MeetingEdit, MeetingShow } from './MeetingForms';
import type { MeetingRecord } from './model';

export type { MeetingRecord } from './model';

export default {
  list: MeetingList,
  show: MeetingShow,
  edit: MeetingEdit,
  create: MeetingCreate,
  icon: Icon,
  recordRepresentation: (r: MeetingRecord) => r.title ?? r.id,
};
