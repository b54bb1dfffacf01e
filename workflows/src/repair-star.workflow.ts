import { CaseState, CaseWorkflowInput, ComplaintActivities, RepairStarCaseData } from '@qf/contracts';
import { repairStarAward } from '@qf/domain';
import { FlowDefinitionSchema, PolicySchema } from '@qf/policy';
import { CaseRuntime } from './engine/case-runtime';
import { activities } from './engine/activities';
import { stageOf } from './engine/stage-of';

const acts = activities<Pick<ComplaintActivities, 'postLedger'>>();

/**
 * repairStar (E-6): the month's repair star earns the policy's 0.5 points only once the performance committee
 * approves (each member votes; majority of the votes cast with two thirds voting, or at the deadline on the votes
 * cast). Approved, the points are posted to the ledger once (unique by case, employee and reason), booked in January
 * of the next year — "redeemed the next year" — as a grant (negative points: the ledger counts deductions positive).
 * Rejected, nothing is posted. The award is computed from the policy pinned at the start of the case.
 */
export async function repairStar(input: CaseWorkflowInput): Promise<CaseState> {
  const flow = FlowDefinitionSchema.parse(input.flow);
  const stage = stageOf(flow, 'committee');
  const data = input.data as unknown as RepairStarCaseData;
  const award = repairStarAward(data.repairerId, data.month, PolicySchema.parse(input.policy ?? {}));
  const rt = new CaseRuntime(input);
  rt.state.data = { ...rt.state.data, award };

  const vote = await rt.runStage(stage, { round: 1 });
  if (vote.outcome !== 'approved') return rt.finish('closed', 'rejected', { votes: vote.decisions.length });

  const lines = [{ employeeId: data.repairerId, reason: 'repair-star', points: award.ledgerPointsX10 }];
  const posted = await acts.postLedger({
    caseId: input.caseId,
    workflowId: rt.workflowId,
    source: 'repair-star',
    month: award.bookMonth,
    lines,
  });
  rt.state.data = { ...rt.state.data, posted: { month: award.bookMonth, lines, rows: posted } };
  return rt.finish('closed', 'posted', { month: award.bookMonth, pointsX10: award.pointsX10 });
}
