import Icon from '@mui/icons-material/ReportProblem';
import { lazyView } from '../components/lazy';

const ComplaintList = lazyView(() => import('./ComplaintList'), 'ComplaintList');
const ComplaintCreate = lazyView(() => import('./ComplaintCreate'), 'ComplaintCreate');
const ComplaintShow = lazyView(() => import('./ComplaintShow'), 'ComplaintShow');

export default {
  list: ComplaintList,
  create: ComplaintCreate,
  show: ComplaintShow,
  icon: Icon,
  recordRepresentation: (r: { customer?: string; id: string }) => r.customer ?? r.id,
};
