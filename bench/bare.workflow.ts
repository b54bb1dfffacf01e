import { condition, defineQuery, defineUpdate, setHandler } from '@temporalio/workflow';

export { reviewCase } from '../workflows/src/review-case.workflow';

/** The baseline's messages, typed like the engine's (`actUpdate`, `stateQuery` of @qf/contracts/messages). */
export const bareApprove = defineUpdate<string, [unknown]>('bareApprove');
export const bareState = defineQuery<{ ready: boolean }>('bareState');

/** Baseline: the least a human-step workflow can do — answer a readiness query, wait for one Update, finish. */
export async function bareApproval(): Promise<string> {
  let done = false;
  setHandler(bareState, () => ({ ready: true }));
  setHandler(bareApprove, () => {
    done = true;
    return 'approved';
  });
  await condition(() => done);
  return 'approved';
}
