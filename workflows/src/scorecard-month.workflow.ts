import { workflowInfo } from '@temporalio/workflow';
import { CaseState, CaseWorkflowInput, ScheduledScorecardMonth, ScorecardActivities } from '@qf/contracts';
import { FlowDefinitionSchema } from '@qf/policy';
import { activities } from './engine/activities';
import { CaseRuntime } from './engine/case-runtime';
import { startCaseChild } from './engine/start-case-child';
import { stageOf } from './engine/stage-of';
import { interview } from './interview.workflow';

const acts = activities<ScorecardActivities>('settlement');
const register = activities<Pick<ScorecardActivities, 'registerScorecardMonth'>>('write');

/**
 * scorecardMonth (K-3…K-7, K-9): gather the month's figures and apply each scorecard's formulas (results per unit and
 * person, with each indicator's value, score and formula), the quality department reviews them (a return recomputes —
 * after corrected imports), then the K-5 fines are posted to the ledger once. Started by hand
 * (`POST /api/scorecard-months`) or by the Temporal Schedule `qf-monthly-scorecards` (policy day) for the month before;
 * the month keeps the policy version its case pinned.
 */
export async function scorecardMonth(
  started: CaseWorkflowInput | ScheduledScorecardMonth = {},
): Promise<CaseState | { skipped: string; month: string }> {
  let input: CaseWorkflowInput;
  if ('caseId' in started) input = started;
  else {
    const r = await register.registerScorecardMonth({
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
    const summary = await acts.computeScorecardMonth({
      month,
      policy: input.policy,
      policyVersion: input.policyVersion,
      round,
    });
    rt.state.data = { ...rt.state.data, summary, round };
    const review = await rt.runStage(stageOf(flow, 'review'), { round });
    if (review.outcome === 'approved') break;
  }
  const posted = await acts.postScorecardMonth({ month, caseId: input.caseId, workflowId: rt.workflowId });
  // P-6: the units' points feed the indicator cards; each interview a card orders runs as a case of its own
  const cards = await acts.feedIndicatorCards({
    month,
    caseId: input.caseId,
    workflowId: rt.workflowId,
    policy: input.policy,
    initiatorUserId: input.initiatorUserId,
  });
  for (const i of cards.interviews) await startCaseChild(interview, i);
  return rt.finish('closed', 'posted', {
    month,
    ...posted,
    indicatorsFed: cards.fed,
    unitsCarded: cards.carded,
    interviewCases: cards.interviews.map((i) => i.caseId),
  });
}
