import { condition, defineUpdate, setHandler } from '@temporalio/workflow';

export { reviewCase } from '../workflows/src/review-case.workflow';

const approve = defineUpdate<string, [unknown]>('act');

/** Baseline: the least a human-step workflow can do — wait for one Update, answer, finish. */
export async function bareApproval(): Promise<string> {
  let done = false;
  setHandler(approve, () => {
    done = true;
    return 'approved';
  });
  await condition(() => done);
  return 'approved';
}
