import { workflowInfo } from '@temporalio/workflow';
import { CaseState, CaseWorkflowInput, PerceptionActivities, ScheduledPerceptionMonth } from '@qf/contracts';
import { FlowDefinitionSchema } from '@qf/policy';
import { activities } from './engine/activities';
import { CaseRuntime } from './engine/case-runtime';
import { startCaseChild } from './engine/start-case-child';
import { stageOf } from './engine/stage-of';
import { rectification } from './rectification.workflow';

const acts = activities<PerceptionActivities>('settlement');

/**
 * perceptionMonth (P-1…P-5): compute the month's rankings and penalties from the satisfaction figures, the quality
 * department reviews them (a return recomputes — after corrected imports), then the points are posted to the ledger
 * once and the month's P4 grades and training flags reach the settlement (H-1). Started by the quality department
 * (`POST /api/perception-months`) or each month by the Temporal Schedule `qf-monthly-perception` (policy's day and
 * local time) for the month before.
 */
export async function perceptionMonth(
  started: CaseWorkflowInput | ScheduledPerceptionMonth = {},
): Promise<CaseState | { skipped: string; month: string }> {
  // started by the Schedule: the month before registers its own case; a month that has one (by hand, or an earlier
  // trigger) is left to that run
  let input: CaseWorkflowInput;
  if ('caseId' in started) input = started;
  else {
    const r = await acts.registerPerceptionMonth({
      workflowId: workflowInfo().workflowId,
      nowIso: new Date(Date.now()).toISOString(),
      month: started.month,
    });
    if ('skipped' in r) return r;
    input = r.input as CaseWorkflowInput;
  }
  const flow = FlowDefinitionSchema.parse(input.flow);
  const { month } = input.data as { month: string };
  const rt = new CaseRuntime(input);
  for (let round = 1; ; round++) {
    const summary = await acts.computePerceptionMonth({ month, policy: input.policy, round });
    rt.state.data = { ...rt.state.data, summary, round };
    const review = await rt.runStage(stageOf(flow, 'review'), { round });
    if (review.outcome === 'approved') break;
  }
  // P-5: each supervision order is a rectification of its own, registered before the month shows as posted, then
  // started as a child that outlives this case
  const orders = await acts.openSupervisionOrders({
    month,
    caseId: input.caseId,
    workflowId: rt.workflowId,
    initiatorUserId: input.initiatorUserId,
  });
  const posted = await acts.postPerceptionMonth({
    month,
    caseId: input.caseId,
    workflowId: rt.workflowId,
    policy: input.policy,
  });
  for (const o of orders) await startCaseChild(rectification, o);
  return rt.finish('closed', 'posted', { month, ...posted, supervisionCases: orders.map((o) => o.caseId) });
}
