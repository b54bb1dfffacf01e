import { CaseState, CaseWorkflowInput, SettlementActivities } from '@qf/contracts';
import { FlowDefinitionSchema } from '@qf/policy';
import { CaseRuntime } from './engine/case-runtime';
import { activities } from './engine/activities';
import { stageOf } from './engine/stage-of';

const acts = activities<SettlementActivities>('settlement');

/**
 * monthlySettlement (H-1…H-3): compute the month (set-based), each branch head confirms (in parallel: one task
 * each, all must approve), HR approves, the month locks. A branch's rejection or HR's return recomputes
 * (after corrections) and asks again.
 */
export async function monthlySettlement(input: CaseWorkflowInput): Promise<CaseState> {
  const flow = FlowDefinitionSchema.parse(input.flow);
  const stage = (key: string) => stageOf(flow, key);
  const { settlementId, month } = input.data as { settlementId: string; month: string };
  const rt = new CaseRuntime(input);
  for (let round = 1; ; round++) {
    const totals = await acts.computeSettlement({
      settlementId,
      month,
      policy: input.policy,
      policyVersion: input.policyVersion,
    });
    rt.state.data = { ...rt.state.data, totals, round };
    const confirmed = await rt.runStage(stage('confirm'), { round });
    if (confirmed.outcome !== 'approved') continue;
    await acts.setSettlementStatus({ settlementId, status: 'approving' });
    const approved = await rt.runStage(stage('approve'), { round });
    if (approved.outcome === 'approved') break;
    await acts.setSettlementStatus({ settlementId, status: 'computing' });
  }
  await acts.lockMonth({ settlementId, month, workflowId: rt.workflowId });
  return rt.finish('closed', 'locked', { month });
}
