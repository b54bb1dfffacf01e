import QuarterIcon from '@mui/icons-material/Assessment';
import type { QuarterlyRecord } from './model';
import { lazyView } from '../components/lazy';

const QuarterlyCreate = lazyView(() => import('./QuarterlyCreate'), 'QuarterlyCreate');
const QuarterlyList = lazyView(() => import('./QuarterlyList'), 'QuarterlyList');
const QuarterlyShow = lazyView(() => import('./QuarterlyShow'), 'QuarterlyShow');

/** 季度考核: quarterly plans, their collection, report and feedback. */
export const quarterlyAssessments = {
  list: QuarterlyList,
  show: QuarterlyShow,
  create: QuarterlyCreate,
  icon: QuarterIcon,
  recordRepresentation: (r: QuarterlyRecord) => r.title ?? r.period,
};
