import Icon from '@mui/icons-material/MoneyOff';
import { lazyView } from '../components/lazy';

const DeductionList = lazyView(() => import('./DeductionList'), 'DeductionList');

export default {
  list: DeductionList,
  icon: Icon,
  recordRepresentation: (r: { employeeName?: string; month?: string; id: string }) =>
    r.employeeName ? `${r.employeeName} ${r.month ?? ''}` : r.id,
};
