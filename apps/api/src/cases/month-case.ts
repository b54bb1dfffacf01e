import { RequestUser } from '../auth/auth.decorators';
import { conflict } from '../common/errors';
import { CasesService, StartCaseInput } from './cases.service';

/** The month that is running now in the organisation's time zone (YYYY-MM). */
export const currentMonth = (timeZone = 'Asia/Shanghai') =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit' }).format(new Date()).slice(0, 7);

/**
 * A monthly run's case (perception P-1…P-5, scorecards K-9), keyed by its month: started (or returned when it exists)
 * only for a month that is over — a month still running has no final figures yet (409 `code`).
 */
export async function startMonthCase(
  cases: CasesService,
  user: RequestUser,
  month: string,
  o: Pick<StartCaseInput, 'kind' | 'workflowType' | 'title' | 'onCreated'> & { figures: string; code: string },
) {
  if (month >= currentMonth())
    throw conflict(`month ${month} is not over yet: its ${o.figures} are not final`, o.code, { month });
  return cases.start(
    {
      kind: o.kind,
      workflowType: o.workflowType,
      businessKey: month,
      title: o.title,
      data: { month },
      onCreated: o.onCreated,
    },
    user,
  );
}
