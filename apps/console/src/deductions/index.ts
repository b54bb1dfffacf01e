import Icon from '@mui/icons-material/MoneyOff';
import { DeductionList } from './DeductionList';

export default {
  list: DeductionList,
  icon: Icon,
  recordRepresentation: (r: { employeeName?: string; month?: string; id: string }) =>
    r.employeeName ? `${r.employeeName} ${r.month ?? ''}` : r.id,
};
