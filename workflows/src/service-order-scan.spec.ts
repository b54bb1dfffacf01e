import { TestWorkflowEnvironment } from '@temporalio/testing';
import { randomUUID } from 'node:crypto';
import { DEFAULT_FLOWS } from '@qf/policy';
import { caseInput, RecordingActivities, testWorker, timeSkippingEnv } from '../test/harness';

const flow = DEFAULT_FLOWS.find((f) => f.kind === 'order-redispatch')!;

/** The scan's activities over 12 late orders in pages of 5 (openRedispatchCases pages them by order number). */
class ScanActivities extends RecordingActivities {
  flags = 0;
  pages: (string | null)[] = [];
  readonly orders = Array.from({ length: 12 }, (_, i) => `SO${String(i + 1).padStart(3, '0')}`);
  async flagLateOrders() {
    this.flags++;
    return { now: '2026-11-30T12:00:00.000Z', flagged: this.orders.length };
  }
  async openRedispatchCases({ after }: { now: string; after: string | null }) {
    this.pages.push(after);
    const rest = this.orders.filter((o) => !after || o > after);
    const batch = rest.slice(0, 5);
    return {
      redispatch: batch.map((orderNo) => ({
        caseId: `case-${orderNo}`,
        workflowId: `order-redispatch-${orderNo}-${randomUUID()}`,
        input: caseInput(flow, { caseId: `case-${orderNo}`, kind: 'order-redispatch', data: { orderNo } }),
      })),
      next: batch.length === 5 ? batch[batch.length - 1] : null,
    };
  }
}

describe('service order deadline scan (time-skipping)', () => {
  let env: TestWorkflowEnvironment;
  beforeAll(async () => {
    env = await timeSkippingEnv();
  });
  afterAll(async () => {
    await env?.teardown();
  });

  it('K-2 a burst is worked through in bounded runs: each run continues as new from the last order done, every late order re-dispatched once, flagged once', async () => {
    const acts = new ScanActivities();
    const taskQueue = `tq-${randomUUID()}`;
    const worker = await testWorker(env, acts, taskQueue);
    const workflowId = `scan-${randomUUID()}`;
    const { result, runs } = await worker.runUntil(async () => {
      const h = await env.client.workflow.start('serviceOrderDeadlineScan', {
        taskQueue,
        workflowId,
        args: [{ perRun: 5 }],
      });
      const result = await h.result();
      // the first run ended by continuing as new, from the last order of its batch
      const first = await env.client.workflow.getHandle(workflowId, h.firstExecutionRunId).fetchHistory();
      const last = first.events!.at(-1)!;
      return { result, runs: last.workflowExecutionContinuedAsNewEventAttributes ? 'continued' : 'ended' };
    });
    expect(result).toEqual({ flagged: 12, redispatch: 12 });
    expect(runs).toBe('continued');
    expect(acts.flags).toBe(1);
    expect(acts.pages).toEqual(['', 'SO005', 'SO010']);
  });
});
