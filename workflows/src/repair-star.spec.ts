import { TestWorkflowEnvironment } from '@temporalio/testing';
import { randomUUID } from 'node:crypto';
import { CaseState } from '@qf/contracts';
import { actUpdate } from '@qf/contracts/messages';
import { DEFAULT_FLOWS, defaultPolicy } from '@qf/policy';
import {
  actor,
  caseInput,
  maybeRecordHistory,
  RecordingActivities,
  testWorker,
  timeSkippingEnv,
} from '../test/harness';

const flow = DEFAULT_FLOWS.find((f) => f.kind === 'repair-star')!;
const data = {
  month: '2026-12',
  repairerId: 'R1',
  repairerName: 'r',
  teamId: 't',
  teamName: 't',
  count: 4,
  average: 10,
  volumeBonus: 0.6,
  total: 10.6,
};

describe('repair star (time-skipping)', () => {
  let env: TestWorkflowEnvironment;
  beforeAll(async () => {
    env = await timeSkippingEnv();
  });
  afterAll(async () => {
    await env?.teardown();
  });
  const waitFor = async (cond: () => boolean) => {
    while (!cond()) await new Promise((r) => setTimeout(r, 20));
  };
  const start = async (acts: RecordingActivities, taskQueue: string) =>
    env.client.workflow.start('repairStar', {
      taskQueue,
      workflowId: `repair-star-${randomUUID()}`,
      args: [caseInput(flow, { kind: 'repair-star', data, policy: defaultPolicy() })],
    });
  const vote = (h: any, taskId: string, userId: string, action: 'approve' | 'reject') =>
    h.executeUpdate(actUpdate, {
      args: [{ taskId, action, actor: actor(userId, ['committee']), requestId: randomUUID() }],
    });

  it('E-6 each committee member votes; approved, the 0.5 points are posted once as a grant in January of the next year', async () => {
    const acts = new RecordingActivities({ committee: ['c1', 'c2', 'c3'] });
    const taskQueue = `tq-${randomUUID()}`;
    const worker = await testWorker(env, acts, taskQueue);
    const r = await worker.runUntil(async () => {
      const h = await start(acts, taskQueue);
      await waitFor(() => acts.tasks.length === 3);
      expect(acts.tasks.map((t) => t.userId)).toEqual(['c1', 'c2', 'c3']);
      await vote(h, acts.tasks[0].id, 'c1', 'approve');
      await vote(h, acts.tasks[1].id, 'c2', 'reject');
      expect(acts.posted).toHaveLength(0);
      await vote(h, acts.tasks[2].id, 'c3', 'approve');
      const res = (await h.result()) as CaseState;
      await maybeRecordHistory(h, 'repair-star-E-6');
      return res;
    });
    expect(r.outcome).toBe('posted');
    expect(acts.posted).toEqual([
      { month: '2027-01', lines: [{ employeeId: 'R1', reason: 'repair-star', points: -5 }] },
    ]);
  });

  it('E-6 the vote closes at its deadline on the votes cast: a majority against (or too few votes) posts nothing', async () => {
    const acts = new RecordingActivities({ committee: ['c1', 'c2', 'c3'] });
    const taskQueue = `tq-${randomUUID()}`;
    const worker = await testWorker(env, acts, taskQueue);
    const r = await worker.runUntil(async () => {
      const h = await start(acts, taskQueue);
      await waitFor(() => acts.tasks.length === 3);
      await vote(h, acts.tasks[0].id, 'c1', 'reject');
      await vote(h, acts.tasks[1].id, 'c2', 'reject');
      return (await h.result()) as CaseState; // 5 working days pass on the test server
    });
    expect(r.outcome).toBe('rejected');
    expect(acts.posted).toHaveLength(0);
  });
});
