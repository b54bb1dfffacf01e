import { TestWorkflowEnvironment } from '@temporalio/testing';
import { ApplicationFailure } from '@temporalio/common';
import { Worker } from '@temporalio/worker';
import { randomUUID } from 'node:crypto';
import { FAILURE, SimulationActivities, SimulationWorkflowInput } from '@qf/contracts';
import { workflowBundle } from '../../apps/worker/src/worker';
import { maybeRecordHistory, timeSkippingEnv } from '../test/harness';

/** The simulation's activities in memory: which months ran, in which order, and how the run was finished. */
function recording(opts: { deletedAt?: string; failAt?: string } = {}) {
  const months: string[] = [];
  const finished: { status: string; error?: string }[] = [];
  const acts: SimulationActivities = {
    async simulateMonth({ month }) {
      months.push(month);
      if (month === opts.failAt)
        throw ApplicationFailure.create({ type: FAILURE.badRequest, message: `no facts for ${month}` });
      return month !== opts.deletedAt;
    },
    async finishSimulation({ status, error }) {
      finished.push({ status, ...(error ? { error } : {}) });
    },
  };
  return { acts, months, finished };
}

describe('policySimulation workflow (issue 16, what-if)', () => {
  let env: TestWorkflowEnvironment;
  beforeAll(async () => {
    env = await timeSkippingEnv();
  });
  afterAll(async () => {
    await env?.teardown();
  });

  async function run(acts: SimulationActivities, months: string[], record?: string) {
    const taskQueue = `tq-${randomUUID()}`;
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowBundle: await workflowBundle(),
      activities: acts,
    });
    const input: SimulationWorkflowInput = { simulationId: randomUUID(), months, policy: {}, baseline: {} };
    return worker.runUntil(async () => {
      const h = await env.client.workflow.start('policySimulation', {
        taskQueue,
        workflowId: `simulation-${randomUUID()}`,
        args: [input],
      });
      const r = (await h.result()) as { status: string };
      if (record) await maybeRecordHistory(h, record);
      return r;
    });
  }

  it('simulates each month once, in order, then marks the run done', async () => {
    const r = recording();
    const out = await run(r.acts, ['2026-01', '2026-02', '2026-03'], 'policy-simulation-done');
    expect(out).toEqual({ status: 'done' });
    expect(r.months).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(r.finished).toEqual([{ status: 'done' }]);
  });

  it('stops after the month whose results found the simulation deleted, and finishes nothing', async () => {
    const r = recording({ deletedAt: '2026-02' });
    const out = await run(r.acts, ['2026-01', '2026-02', '2026-03'], 'policy-simulation-deleted');
    expect(out).toEqual({ status: 'deleted' });
    expect(r.months).toEqual(['2026-01', '2026-02']);
    expect(r.finished).toEqual([]);
  });

  it('a month that cannot be simulated marks the run failed with the reason, and the months after it do not run', async () => {
    const r = recording({ failAt: '2026-02' });
    const out = await run(r.acts, ['2026-01', '2026-02', '2026-03'], 'policy-simulation-failed');
    expect(out).toEqual({ status: 'failed' });
    expect(r.months).toEqual(['2026-01', '2026-02']);
    expect(r.finished).toHaveLength(1);
    expect(r.finished[0].status).toBe('failed');
    expect(r.finished[0].error).toMatch(/2026-02|Activity task failed/);
  });
});
