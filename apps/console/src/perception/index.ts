import MonthIcon from '@mui/icons-material/SentimentSatisfiedAlt';
import RankingIcon from '@mui/icons-material/Leaderboard';
import type { PerceptionMonthRecord } from './model';

import CardIcon from '@mui/icons-material/Style';
import { lazyView } from '../components/lazy';

const PerceptionMonthList = lazyView(() => import('./PerceptionMonthList'), 'PerceptionMonthList');
const PerceptionMonthShow = lazyView(() => import('./PerceptionMonthShow'), 'PerceptionMonthShow');
const RankingPage = lazyView(() => import('./RankingPage'), 'RankingPage');
const IndicatorBoard = lazyView(() => import('./IndicatorBoard'), 'IndicatorBoard');

/** 客户感知月度考核 (P-1…P-5). */
export const perceptionMonths = {
  list: PerceptionMonthList,
  show: PerceptionMonthShow,
  icon: MonthIcon,
  recordRepresentation: (r: PerceptionMonthRecord) => r.month ?? r.id,
};

/** 满意度排名 (P-1): a page, registered as a resource for its menu entry. */
export const perceptionRankings = { list: RankingPage, icon: RankingIcon };

/** 黄牌/红牌 (P-6) with the incident registration (P-7): a page, registered as a resource for its menu entry. */
export const indicatorCards = { list: IndicatorBoard, icon: CardIcon };
