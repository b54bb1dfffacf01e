import { patched, sleep, workflowInfo } from '@temporalio/workflow';
import { DailyEvaluationInput, DailyEvaluationResult, EvaluationActivities } from '@qf/contracts';
import { addDays, evaluationDayTimeline, localDate } from '@qf/domain';
import { PolicySchema } from '@qf/policy';
import { activities } from './engine/activities';

const acts = activities<EvaluationActivities>('batch');

const untilIso = async (iso: string): Promise<void> => {
  const ms = Date.parse(iso) - Date.now();
  if (ms > 0) await sleep(ms);
};

/**
 * dailyEvaluationAssignment (E-2 "each day", E-4), started by the Temporal Schedule `qf-daily-evaluation-assignment`
 * at the policy's local time (default 18:00 Asia/Shanghai) or by hand with a date:
 * 1. samples and assigns the orders closed today (local date of the policy's calendar) with the seed = the date,
 *    recorded in this history and on every evaluation; the orders of the day before that closed after its run are
 *    assigned too (idempotent by date: what was assigned stays as it is);
 * 2. E-4: the evaluations are due the day after closure: on the morning of that day (policy dueReminderTime) every
 *    evaluator with an unanswered one is reminded, and at its end (the due time) the ones still unanswered are
 *    notified as overdue, and the day's results go to each team's own lead. Durable timers, not a scan: a worker
 *    restart resumes the wait.
 */
export async function dailyEvaluationAssignment(input: DailyEvaluationInput = {}): Promise<DailyEvaluationResult> {
  const policy = PolicySchema.parse(await acts.evaluationPolicy());
  const date = input.date ?? localDate(new Date(Date.now()).toISOString(), policy.calendar.timeZone);
  const seed = input.seed ?? date;
  const yesterday = addDays(date, -1);
  const caughtUp = await acts.assignEvaluations({ date: yesterday, seed: yesterday });
  const assigned = await acts.assignEvaluations({ date, seed });

  const { evaluateOn, remindAt, dueAt } = evaluationDayTimeline(date, policy);
  const workflowId = workflowInfo().workflowId;
  let reminded = 0;
  if (Date.now() < Date.parse(dueAt)) {
    await untilIso(remindAt);
    reminded = await acts.remindEvaluations({ evaluateOn, kind: 'reminder', workflowId });
  }
  await untilIso(dueAt);
  const overdue = await acts.remindEvaluations({ evaluateOn, kind: 'overdue', workflowId });
  // E-4: the day's results reach each team (its own lead) at the end of the evaluation day
  const teamsNotified = patched('evaluation-results-to-team')
    ? await acts.reportEvaluationResults({ evaluateOn, workflowId })
    : 0;
  return {
    date,
    seed,
    evaluateOn,
    assigned: assigned.assigned,
    caughtUp: caughtUp.assigned,
    reminded,
    overdue,
    teamsNotified,
  };
}
