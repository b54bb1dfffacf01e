import { workflowInfo } from '@temporalio/workflow';
import {
  CaseActivities,
  CaseState,
  CaseWorkflowInput,
  ScheduledStarReview,
  StarActivities,
  StarMonthlyScore,
  StarReviewData,
} from '@qf/contracts';
import { FlowDefinitionSchema, PolicySchema } from '@qf/policy';
import { localTimeToUtc, monthlyAssessmentDueDate } from '@qf/domain';
import { CaseRuntime, RuleViolation } from './engine/case-runtime';
import { activities } from './engine/activities';
import { stageOf } from './engine/stage-of';

const acts = activities<StarActivities & Pick<CaseActivities, 'notify'>>('review');

/**
 * starMonthlyReview (S-10, S-11, S-12): the team leads enter every star holder's monthly score by the 5th of the
 * next month (reminder before, overdue notice, then escalation to the admin); the month's star pay follows the
 * score (and the June exam factor in the second half year), a veto cancels it, and three consecutive or six
 * months in the year below the line lower the star. Started by HR (`POST /api/star-reviews`) or each month by the
 * Temporal Schedule `qf-monthly-star-review` (1st of the month, 08:00 local) for the month before.
 */
export async function starMonthlyReview(
  started: CaseWorkflowInput | ScheduledStarReview = {},
): Promise<CaseState | { skipped: string; month: string }> {
  // started by the monthly Schedule (1st of the month): the review of the month before registers its own case;
  // a month already under review (started by hand) is left to that run
  let input: CaseWorkflowInput;
  if ('caseId' in started) input = started;
  else {
    const r = await acts.registerStarReview({
      workflowId: workflowInfo().workflowId,
      nowIso: new Date(Date.now()).toISOString(),
      month: started.month,
    });
    if ('skipped' in r) return r;
    input = r.input;
  }
  const flow = FlowDefinitionSchema.parse(input.flow);
  const policy = PolicySchema.parse(input.policy ?? {});
  const stage = (key: string) => stageOf(flow, key);
  const { reviewId, month } = input.data as unknown as StarReviewData;
  const rt = new CaseRuntime(input);

  const holders = await acts.starReviewHolders({ month });
  rt.state.data = { ...rt.state.data, holders: holders.length };
  const due = localTimeToUtc(monthlyAssessmentDueDate(month, policy), 24 * 3_600_000 - 1, input.calendar.timeZone);
  const result = await rt.runStage(stage('scores'), {
    round: 1,
    dueAt: due,
    validate: (u) => {
      const list = (u.data?.scores ?? []) as StarMonthlyScore[];
      const out: RuleViolation[] = [];
      if (!Array.isArray(list)) return [{ path: 'data.scores', message: 'scores must be a list', rule: 'S-10' }];
      const given = new Set(list.map((s) => s.employeeId));
      for (const h of holders)
        if (!given.has(h.employeeId))
          out.push({
            path: 'data.scores',
            message: `missing the score of star holder ${h.employeeId} (S-10)`,
            rule: 'S-10',
          });
      list.forEach((s, i) => {
        if (typeof s.score !== 'number' || s.score < 0 || s.score > 100)
          out.push({ path: `data.scores.${i}.score`, message: 'score must be 0–100 (S-10)', rule: 'S-10' });
        if (s.veto && !s.vetoReason?.trim())
          out.push({
            path: `data.scores.${i}.vetoReason`,
            message: 'a veto needs its reason: violation, major error or liable complaint (S-10)',
            rule: 'S-10',
          });
      });
      return out;
    },
  });
  const scores = (result.decisions.at(-1)?.data?.scores ?? []) as StarMonthlyScore[];
  const applied = await acts.applyStarReview({
    reviewId,
    caseId: input.caseId,
    workflowId: rt.workflowId,
    month,
    scores,
    policy: input.policy,
  });
  return rt.finish('closed', 'scored', applied);
}
