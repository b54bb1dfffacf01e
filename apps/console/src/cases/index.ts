import Icon from '@mui/icons-material/Assignment';
import type { CaseView } from '@qf/contracts/cases';
import { CaseList } from './CaseList';
import { CaseShow } from './CaseShow';
import { CaseCreate } from './CaseCreate';

export default {
  list: CaseList,
  show: CaseShow,
  create: CaseCreate,
  icon: Icon,
  recordRepresentation: (r: CaseView) => r.title ?? r.businessKey ?? r.id,
};
