import Icon from '@mui/icons-material/RequestQuote';
import { SettlementList } from './SettlementList';
import { SettlementShow } from './SettlementShow';
import type { SettlementRecord } from './model';

export type { SettlementRecord, SettlementRow, SettlementBranch } from './model';

export default {
  list: SettlementList,
  show: SettlementShow,
  icon: Icon,
  recordRepresentation: (r: SettlementRecord) => r.month ?? r.id,
};
