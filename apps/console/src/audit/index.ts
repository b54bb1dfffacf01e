import Icon from '@mui/icons-material/History';
import { AuditList } from './AuditList';

export default {
  list: AuditList,
  icon: Icon,
  recordRepresentation: (r: { action?: string; id: string }) => r.action ?? r.id,
};
