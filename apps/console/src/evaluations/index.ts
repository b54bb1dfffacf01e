import Icon from '@mui/icons-material/PhoneCallback';
import ScoresIcon from '@mui/icons-material/EmojiEvents';
import type { EvaluationRecord } from './model';
import { lazyView } from '../components/lazy';

const EvaluationList = lazyView(() => import('./EvaluationList'), 'EvaluationList');
const ScoresPage = lazyView(() => import('./ScoresPage'), 'ScoresPage');

export type { EvaluationRecord, AssignResult, MonthlyScores } from './model';

/** 回访评价 (E-2…E-4). The api has no `GET /evaluations/:id`: the callback screen is a dialog from the list. */
export default {
  list: EvaluationList,
  icon: Icon,
  recordRepresentation: (r: EvaluationRecord) => r.orderNo ?? r.id,
};

/** 月度得分 (E-5, E-6): a page, not a list (`GET /scores?month=` returns one object). */
export const scores = {
  list: ScoresPage,
  icon: ScoresIcon,
};
