import Icon from '@mui/icons-material/Campaign';
import { type NoticeRecord } from './NoticeList';
import { lazyView } from '../components/lazy';

const NoticeList = lazyView(() => import('./NoticeList'), 'NoticeList');

export default {
  list: NoticeList,
  icon: Icon,
  recordRepresentation: (r: NoticeRecord) => r.body?.categoryLabel ?? r.caseId ?? r.id,
};
