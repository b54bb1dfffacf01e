import Icon from '@mui/icons-material/History';
import { lazyView } from '../components/lazy';

const AuditList = lazyView(() => import('./AuditList'), 'AuditList');

export default {
  list: AuditList,
  icon: Icon,
  recordRepresentation: (r: { action?: string; id: string }) => r.action ?? r.id,
};
