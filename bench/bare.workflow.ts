import { condition, defineQuery, defineUpdate, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';

// Bundled on their own (no product module in the bundle): every workflow run evaluates its bundle's modules, so a
// baseline bundled with the product's workflows would pay for the product's module load and flatter the ratio.

/** The baseline's messages, typed like the engine's (`actUpdate`, `stateQuery` of @qf/contracts/messages). */
export const bareApprove = defineUpdate<string, [unknown]>('bareApprove');
export const bareState = defineQuery<{ ready: boolean }>('bareState');

/** The durable floor's one activity: a person's decision written to Postgres (one INSERT, its own transaction). */
export interface FloorActivities {
  recordDecision(workflowId: string): Promise<void>;
}
const floor = proxyActivities<FloorActivities>({ startToCloseTimeout: '10 seconds' });

async function humanStep(record?: () => Promise<void>): Promise<string> {
  let done = false;
  setHandler(bareState, () => ({ ready: true }));
  setHandler(bareApprove, async () => {
    if (record) await record();
    done = true;
    return 'approved';
  });
  await condition(() => done);
  return 'approved';
}

/** Baseline: the least a human-step workflow can do — answer a readiness query, wait for one Update, finish. */
export async function bareApproval(): Promise<string> {
  return humanStep();
}

/**
 * Floor of goal 1 (bench:api): the least a human step costs when the action's record is written only after its
 * acceptance is in the history — the Update's handler runs one activity through the server (one INSERT) and answers
 * when it is done. No product code: what Temporal itself charges for that ordering, on the same server in the same run.
 */
export async function durableApproval(): Promise<string> {
  return humanStep(() => floor.recordDecision(workflowInfo().workflowId));
}
