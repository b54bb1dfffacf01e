import { TestWorkflowEnvironment } from '@temporalio/testing';
import { randomUUID } from 'node:crypto';
import { CaseState } from '@qf/contracts';
import { meetingChangedSignal } from '@qf/contracts/messages';
import { DEFAULT_FLOWS } from '@qf/policy';
import {
  actAs,
  caseInput,
  maybeRecordHistory,
  RecordingActivities,
  testWorker,
  timeSkippingEnv,
  waitFor,
} from '../test/harness';

const flow = DEFAULT_FLOWS.find((f) => f.kind === 'rectification')!;
const plan = { revisit: 'r', causes: 'c', plan: 'p' };

describe('rectification workflow (time-skipping)', () => {
  let env: TestWorkflowEnvironment;
  beforeAll(async () => {
    env = await timeSkippingEnv();
  });
  afterAll(async () => {
    await env?.teardown();
  });
  const act = actAs;

  it('E-8 moving the meeting re-arms the due timer: nothing is overdue before the new time, reminders after it', async () => {
    const acts = new RecordingActivities();
    const now = await env.currentTimeMs();
    const at = (days: number) => new Date(now + days * 86400_000).toISOString();
    const taskQueue = `tq-${randomUUID()}`;
    const worker = await testWorker(env, acts, taskQueue);
    const result = await worker.runUntil(async () => {
      const h = await env.client.workflow.start('rectification', {
        taskQueue,
        workflowId: `rect-${randomUUID()}`,
        args: [
          caseInput(flow, {
            kind: 'rectification',
            data: {
              origin: 'dissatisfied-callback',
              teamUnitId: 't',
              description: 'd',
              internal: false,
              meetingId: 'm1',
              dueAt: at(2),
            },
          }),
        ],
      });
      await waitFor(() => acts.tasks.length === 1);
      await h.signal(meetingChangedSignal, { meetingId: 'm1', scheduledAt: at(5) }); // the meeting moves later
      await h.signal(meetingChangedSignal, { meetingId: 'other', scheduledAt: at(1) }); // another meeting: ignored
      await env.sleep('4 days');
      expect(acts.notes.filter((n) => n.kind === 'overdue')).toHaveLength(0);
      await env.sleep('2 days');
      expect(acts.notes.filter((n) => n.kind === 'overdue').map((n) => n.role)).toEqual(['team-lead', 'manager']);
      const submitted = await act(h, acts.tasks[0].id, 'tl', ['team-lead'], plan);
      expect(submitted.data.late).toBe(true);
      await waitFor(() => acts.tasks.length === 2);
      await act(h, acts.tasks[1].id, 'mgr', ['manager']);
      const r = (await h.result()) as CaseState;
      await maybeRecordHistory(h, 'rectification-E-8');
      return r;
    });
    expect(result.outcome).toBe('confirmed');
    expect(acts.rectUpdates.some((u) => u.dueAt === at(5))).toBe(true);
  });
});
