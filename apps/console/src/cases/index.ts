import Icon from '@mui/icons-material/Assignment';
import type { CaseView } from '@qf/contracts/cases';
import { lazyView } from '../components/lazy';

const CaseList = lazyView(() => import('./CaseList'), 'CaseList');
const CaseShow = lazyView(() => import('./CaseShow'), 'CaseShow');
const CaseCreate = lazyView(() => import('./CaseCreate'), 'CaseCreate');

export default {
  list: CaseList,
  show: CaseShow,
  create: CaseCreate,
  icon: Icon,
  recordRepresentation: (r: CaseView) => r.title ?? r.businessKey ?? r.id,
};
