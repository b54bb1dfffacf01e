import MonthIcon from '@mui/icons-material/Assessment';
import { ScorecardMonthList } from './ScorecardMonthList';
import { ScorecardMonthShow } from './ScorecardMonthShow';
import type { ScorecardMonthRecord } from './model';

/** KPI 考核卡月度考核 (K-3…K-7, K-9). */
export const scorecardMonths = {
  list: ScorecardMonthList,
  show: ScorecardMonthShow,
  icon: MonthIcon,
  recordRepresentation: (r: ScorecardMonthRecord) => r.month ?? r.id,
};
