import { continueAsNew, patched, workflowInfo } from '@temporalio/workflow';
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
import { startCaseChild } from './engine/start-case-child';
import { stageOf } from './engine/stage-of';

const acts = activities<ServiceOrderActivities>('batch');

/** K-2: where a scan continues (continue-as-new) — its `now`, the last order done, and its counts so far. */
export interface DeadlineScanResume {
  now?: string;
  after?: string | null;
  flagged?: number;
  started?: number;
  /** re-dispatch cases per run before it continues as new (default SCAN_ORDERS_PER_RUN; tests set it small) */
  perRun?: number;
}

/**
 * K-2: re-dispatch cases one run starts before it continues as new — each start is ~2 history events and each batch
 * activity ~3, so a run keeps its history near 2,000 events however many orders one scan flags (10,000 in a burst
 * would otherwise put ~23,000 events in one history, near Temporal's limits).
 */
export const SCAN_ORDERS_PER_RUN = 800;

/**
 * K-2 deadline scan, run by a Temporal Schedule every 20 s: one set-based UPDATE flags every order past a deadline
 * (not one timer per order) and commits; then the flagged orders are audited and each late open order's re-dispatch
 * case is registered (a second activity: the workflow's history carries the scan's `now` to it, so a crash between the
 * two loses nothing) and started as a child that outlives the scan. A burst is worked through in runs of
 * SCAN_ORDERS_PER_RUN cases, each continuing as new from the last order done (the same workflow id: the Schedule skips
 * its next tick until the burst is done).
 */
export async function serviceOrderDeadlineScan(
  resume: DeadlineScanResume = {},
): Promise<{ flagged: number; redispatch: number }> {
  // a scan that started before bounded runs (its history on an older worker) finishes as it began: one run, in turn
  const bounded = patched('k2-scan-bounded-runs');
  const perRun = bounded ? (resume.perRun ?? SCAN_ORDERS_PER_RUN) : Number.POSITIVE_INFINITY;
  let now: string;
  let flagged: number;
  let after: string | null;
  if (resume.now) {
    now = resume.now;
    flagged = resume.flagged ?? 0;
    after = resume.after ?? null;
  } else {
    const r = await acts.flagLateOrders({});
    now = r.now;
    flagged = r.flagged;
    after = r.flagged ? '' : null;
  }
  let started = resume.started ?? 0;
  for (let thisRun = 0; after !== null;) {
    if (thisRun >= perRun || (bounded && workflowInfo().continueAsNewSuggested))
      await continueAsNew<typeof serviceOrderDeadlineScan>({ now, after, flagged, started, perRun: resume.perRun });
    const batch = await acts.openRedispatchCases({ now, after });
    const start = async (c: (typeof batch.redispatch)[number]) => ((await startCaseChild(orderRedispatch, c)) ? 1 : 0);
    // the batch's children are started together (each start awaits only its own acknowledgement)
    if (bounded) started += (await Promise.all(batch.redispatch.map(start))).reduce<number>((a, b) => a + b, 0);
    else for (const c of batch.redispatch) started += await start(c);
    thisRun += batch.redispatch.length + 1;
    after = batch.next;
  }
  return { flagged, redispatch: started };
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
