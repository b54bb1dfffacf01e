import QuarterIcon from '@mui/icons-material/Assessment';
import { QuarterlyCreate } from './QuarterlyCreate';
import { QuarterlyList } from './QuarterlyList';
import { QuarterlyShow } from './QuarterlyShow';
import type { QuarterlyRecord } from './model';

/** 季度考核: quarterly plans, their collection, report and feedback. */
export const quarterlyAssessments = {
  list: QuarterlyList,
  show: QuarterlyShow,
  create: QuarterlyCreate,
  icon: QuarterIcon,
  recordRepresentation: (r: QuarterlyRecord) => r.title ?? r.period,
};
