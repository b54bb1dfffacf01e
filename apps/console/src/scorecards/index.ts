import MonthIcon from '@mui/icons-material/Assessment';
import type { ScorecardMonthRecord } from './model';
import { lazyView } from '../components/lazy';

const ScorecardMonthList = lazyView(() => import('./ScorecardMonthList'), 'ScorecardMonthList');
const ScorecardMonthShow = lazyView(() => import('./ScorecardMonthShow'), 'ScorecardMonthShow');

/** KPI 考核卡月度考核 (K-3…K-7, K-9). */
export const scorecardMonths = {
  list: ScorecardMonthList,
  show: ScorecardMonthShow,
  icon: MonthIcon,
  recordRepresentation: (r: ScorecardMonthRecord) => r.month ?? r.id,
};
