import Icon from '@mui/icons-material/RequestQuote';
import type { SettlementRecord } from './model';
import { lazyView } from '../components/lazy';

const SettlementList = lazyView(() => import('./SettlementList'), 'SettlementList');
const SettlementShow = lazyView(() => import('./SettlementShow'), 'SettlementShow');

export type { SettlementRecord, SettlementRow, SettlementBranch } from './model';

export default {
  list: SettlementList,
  show: SettlementShow,
  icon: Icon,
  recordRepresentation: (r: SettlementRecord) => r.month ?? r.id,
};
