import Icon from '@mui/icons-material/Campaign';
import { NoticeList, type NoticeRecord } from './NoticeList';

export default {
  list: NoticeList,
  icon: Icon,
  recordRepresentation: (r: NoticeRecord) => r.body?.categoryLabel ?? r.caseId ?? r.id,
};
