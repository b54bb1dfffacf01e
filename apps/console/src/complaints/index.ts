import Icon from '@mui/icons-material/ReportProblem';
import { ComplaintList } from './ComplaintList';
import { ComplaintCreate } from './ComplaintCreate';
import { ComplaintShow } from './ComplaintShow';

export default {
  list: ComplaintList,
  create: ComplaintCreate,
  show: ComplaintShow,
  icon: Icon,
  recordRepresentation: (r: { customer?: string; id: string }) => r.customer ?? r.id,
};
