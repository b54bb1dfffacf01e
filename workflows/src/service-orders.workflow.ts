import { ParentClosePolicy, startChild, WorkflowIdReusePolicy } from '@temporalio/workflow';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import {
  CaseState,
  CaseWorkflowInput,
  FineCaseData,
  RedispatchCaseData,
  RedispatchDecisionSchema,
  ServiceOrderActivities,
} from '@qf/contracts';
import { FlowDefinitionSchema } from '@qf/policy';
import { activities } from './engine/activities';
import { CaseRuntime } from './engine/case-runtime';
import { stageOf } from './engine/stage-of';

const acts = activities<ServiceOrderActivities>('batch');

/**
 * K-2 deadline scan, run by a Temporal Schedule every 20 s: one set-based UPDATE flags every order past a deadline
 * (not one timer per order) and commits; then the flagged orders are audited and each late open order's re-dispatch
 * case is registered (a second activity: the workflow's history carries the scan's `now` to it, so a crash between the
 * two loses nothing) and started as a child that outlives the scan.
 */
export async function serviceOrderDeadlineScan(): Promise<{ flagged: number; redispatch: number }> {
  const r = await acts.flagLateOrders({});
  let started = 0;
  for (let after: string | null = r.flagged ? '' : null; after !== null;) {
    const batch = await acts.openRedispatchCases({ now: r.now, after });
    for (const c of batch.redispatch) {
      try {
        await startChild(orderRedispatch, {
          workflowId: c.workflowId,
          args: [c.input as CaseWorkflowInput],
          parentClosePolicy: ParentClosePolicy.ABANDON,
          workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
        });
        started++;
      } catch (e) {
        if (!(e instanceof WorkflowExecutionAlreadyStartedError)) throw e;
      }
    }
    after = batch.next;
  }
  return { flagged: r.flagged, redispatch: started };
}

/** K-2: a late order's re-dispatch task for the dispatchers; done, the order counts one more re-dispatch. */
export async function orderRedispatch(input: CaseWorkflowInput): Promise<CaseState> {
  const flow = FlowDefinitionSchema.parse(input.flow);
  const data = input.data as unknown as RedispatchCaseData;
  const rt = new CaseRuntime(input);
  const done = await rt.runStage(stageOf(flow, 'redispatch'), {
    round: 1,
    validate: (u) => {
      if (u.action !== 'approve') return [];
      const r = RedispatchDecisionSchema.safeParse(u.data ?? {});
      return r.success
        ? []
        : r.error.issues.map((i) => ({ path: `data.${i.path.join('.')}`, message: i.message, rule: 'K-2' }));
    },
  });
  const last = done.decisions.at(-1);
  const decision = RedispatchDecisionSchema.parse(last?.data ?? {});
  await acts.completeRedispatch({
    caseId: input.caseId,
    orderId: data.orderId,
    decision,
    actor: last?.username ?? 'system',
  });
  return rt.finish('closed', 'redispatched', { orderNo: data.orderNo, ...decision });
}

/** K-8: a fine per event waits on the fined person's direct lead: approved, it posts to the ledger once; or returned. */
export async function serviceFine(input: CaseWorkflowInput): Promise<CaseState> {
  const flow = FlowDefinitionSchema.parse(input.flow);
  const data = input.data as unknown as FineCaseData;
  const rt = new CaseRuntime(input);
  const done = await rt.runStage(stageOf(flow, 'approve'), {
    round: 1,
    assignees: data.leadUserId ? [{ role: null, userId: data.leadUserId }] : undefined,
  });
  const approved = done.outcome === 'approved';
  const r = await acts.settleFine({ caseId: input.caseId, workflowId: rt.workflowId, fineId: data.fineId, approved });
  return rt.finish('closed', approved ? 'approved' : 'returned', { fineId: data.fineId, posted: r.posted });
}
