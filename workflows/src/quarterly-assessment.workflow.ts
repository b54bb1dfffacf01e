import {
  CaseState,
  CaseWorkflowInput,
  QuarterlyActivities,
  QuarterlyCaseData,
  ScheduledQuarterlyDraft,
} from '@qf/contracts';
import { FlowDefinitionSchema, PolicySchema } from '@qf/policy';
import { nextAssessmentStage } from '@qf/domain';
import { activities } from './engine/activities';
import { CaseRuntime } from './engine/case-runtime';
import { startCaseChild } from './engine/start-case-child';
import { stageOf } from './engine/stage-of';
import { rectification } from './rectification.workflow';

const acts = activities<QuarterlyActivities>('batch');

/**
 * quarterlyAssessment: the policy's stages in order (plan → collect → analyse → report → feedback, Q-1):
 * the quality department's lead approves the plan; the product's own results are collected and the department enters
 * or imports the rest and the internal review findings; the analysis scores, ranks and compares each unit; the report
 * is issued (or returned to collection); each finding becomes a rectification; each unit head acknowledges the
 * unit's results within the policy's working days (reminder, then escalation to the quality department).
 */
export async function quarterlyAssessment(input: CaseWorkflowInput): Promise<CaseState> {
  const flow = FlowDefinitionSchema.parse(input.flow);
  const policy = PolicySchema.parse(input.policy);
  const { planId } = input.data as unknown as QuarterlyCaseData;
  const rt = new CaseRuntime(input);
  let round = 1;
  for (let step: string | null = policy.quality.assessmentStages[0] ?? null; step;) {
    if (step === 'plan') {
      await acts.setQuarterlyStatus({ planId, status: 'approval' });
      const r = await rt.runStage(stageOf(flow, 'plan'), { round });
      if (r.outcome !== 'approved') {
        await acts.setQuarterlyStatus({ planId, status: 'rejected' });
        return rt.finish('closed', 'rejected');
      }
    } else if (step === 'collect') {
      await acts.setQuarterlyStatus({ planId, status: 'collecting' });
      rt.state.data = { ...rt.state.data, collected: await acts.collectQuarterlyValues({ planId }) };
      await rt.runStage(stageOf(flow, 'collect'), { round });
    } else if (step === 'analyse') {
      rt.state.data = { ...rt.state.data, analysis: await acts.analyseQuarter({ planId }) };
    } else if (step === 'report') {
      await acts.setQuarterlyStatus({ planId, status: 'reporting' });
      const r = await rt.runStage(stageOf(flow, 'report'), { round });
      if (r.outcome === 'returned') {
        round++;
        step = 'collect';
        continue;
      }
      await acts.setQuarterlyStatus({ planId, status: 'reported' });
      await openRectifications(input, rt.workflowId, planId);
    } else if (step === 'feedback') {
      await acts.setQuarterlyStatus({ planId, status: 'feedback' });
      const heads = await acts.quarterlyUnitHeads({ planId });
      // one task per unit head (a unit without one: the branch-head role); all must acknowledge
      const assignees = heads.map((h) => ({ role: h.userId ? null : ('branch-head' as const), userId: h.userId }));
      await rt.runStage(stageOf(flow, 'feedback'), {
        round,
        assignees,
        deadline: { workingDays: policy.quality.feedbackWorkingDays },
      });
    }
    step = nextAssessmentStage(step, policy);
  }
  await acts.setQuarterlyStatus({ planId, status: 'closed' });
  return rt.finish('closed', 'acknowledged');
}

/** Q-2: each finding's rectification, registered once, started as a child that outlives this case (as P-5's). */
async function openRectifications(input: CaseWorkflowInput, workflowId: string, planId: string): Promise<void> {
  const starts = await acts.openFindingRectifications({
    planId,
    caseId: input.caseId,
    workflowId,
    initiatorUserId: input.initiatorUserId,
  });
  for (const s of starts) await startCaseChild(rectification, s);
}

/** The Schedule's run: the next quarter's plan as a draft, copied from the latest plan (once per period). */
export async function quarterlyPlanDraft(
  _input: ScheduledQuarterlyDraft = {},
): Promise<{ planId: string | null; period: string | null }> {
  return acts.draftNextQuarterPlan({ nowIso: new Date(Date.now()).toISOString() });
}
