import { TestWorkflowEnvironment } from '@temporalio/testing';
import { randomUUID } from 'node:crypto';
import { CaseState } from '@qf/contracts';
import { DEFAULT_FLOWS, defaultPolicy } from '@qf/policy';
import {
  actAs,
  caseInput,
  maybeRecordHistory,
  RecordingActivities,
  SHANGHAI,
  testWorker,
  timeSkippingEnv,
  waitFor,
} from '../test/harness';

const flow = DEFAULT_FLOWS.find((f) => f.kind === 'complaint')!;
const policy = defaultPolicy();
const E1 = '11111111-1111-4111-8111-111111111111';
const SUP = '22222222-2222-4222-8222-222222222222';
const complaint = {
  source: 'hotline-work-order',
  workOrderNo: 'WO1',
  customer: 'c',
  channel: 'x',
  occurredAt: '2026-11-01T00:00:00Z',
  description: 'd',
  unitId: E1,
  employeeIds: [E1],
  escalationLevel: 0,
};

describe('complaintLiability workflow (time-skipping)', () => {
  let env: TestWorkflowEnvironment;
  beforeAll(async () => {
    env = await timeSkippingEnv();
  });
  afterAll(async () => {
    await env?.teardown();
  });

  const act = actAs;

  async function run(acts: RecordingActivities, body: (h: any) => Promise<void>, over: Record<string, unknown> = {}) {
    const taskQueue = `tq-${randomUUID()}`;
    const worker = await testWorker(env, acts, taskQueue);
    return worker.runUntil(async () => {
      const h = await env.client.workflow.start('complaintLiability', {
        taskQueue,
        workflowId: `complaint-${randomUUID()}`,
        args: [caseInput(flow, { kind: 'complaint', policy, data: { complaint: { ...complaint, ...over } } })],
      });
      await body(h);
      const result = (await h.result()) as CaseState;
      await maybeRecordHistory(
        h,
        `complaint-${/\b([A-Z]-\d+)\b/.exec(expect.getState().currentTestName ?? '')?.[1] ?? 'x'}`,
      );
      return result;
    });
  }
  const ruling = (points: number, extra: unknown[] = []) => ({
    severity: 'serious',
    category: policy.complaints.severities.serious.categories[0].key,
    cause: 'execution',
    persons: [
      { employeeId: E1, role: 'responsible', points },
      { employeeId: SUP, role: 'supervisor', points: 3 },
      ...extra,
    ],
  });

  it('C-12 a window that lapses without appeal posts the deductions', async () => {
    const acts = new RecordingActivities();
    acts.logins[E1] = 'u-e1';
    const result = await run(acts, async (h) => {
      await waitFor(() => acts.tasks.length === 1);
      await act(h, acts.tasks[0].id, 'v1', ['verifier'], { verdict: 'liable', facts: 'f' });
      await waitFor(() => acts.tasks.length === 2);
      const r = await act(h, acts.tasks[1].id, 'r1', ['ruling-lead'], ruling(8));
      expect(r.stage).toBe('appeal');
      expect(acts.posted).toHaveLength(0); // C-12: nothing posts while the window is open
    });
    expect(result.outcome).toBe('posted');
    expect(acts.notices).toHaveLength(1);
    expect(acts.posted[0].lines).toEqual([
      { employeeId: E1, reason: 'ruling', points: 80, severity: 'serious' },
      { employeeId: SUP, reason: 'ruling', points: 30, severity: 'serious' },
    ]);
  });

  it('C-13 a verification past its deadline reminds the verifiers, then escalates to the ruling lead', async () => {
    const acts = new RecordingActivities();
    await run(acts, async (h) => {
      await waitFor(() => acts.tasks.length === 1);
      await env.sleep('12 days'); // 3 working days + 1 grace, with weekends in between
      expect(acts.notes.map((n) => n.kind)).toEqual(['reminder', 'overdue', 'escalation']);
      expect(acts.notes[2].role).toBe('ruling-lead');
      const escalated = acts.tasks.find((t) => t.role === 'ruling-lead')!;
      await act(h, escalated.id, 'r1', ['ruling-lead'], { verdict: 'unfounded', facts: 'no basis' });
    });
  });

  it('C-6 an escalated order at level 2 needs the supervisor named in the ruling', async () => {
    const acts = new RecordingActivities();
    await run(
      acts,
      async (h) => {
        await waitFor(() => acts.tasks.length === 1);
        await act(h, acts.tasks[0].id, 'v1', ['verifier'], { verdict: 'liable', facts: 'f' });
        await waitFor(() => acts.tasks.length === 2);
        const onlyHandler = {
          severity: 'ordinary',
          category: policy.complaints.severities.ordinary.categories[0].key,
          cause: 'other',
          persons: [{ employeeId: E1, role: 'handler', points: 2 }],
        };
        const err = await act(h, acts.tasks[1].id, 'r1', ['ruling-lead'], onlyHandler).catch((e: any) => e);
        expect(err.cause.type).toBe('QF_BAD_REQUEST');
        expect(JSON.stringify(err.cause.details)).toContain('C-6');
        await act(h, acts.tasks[1].id, 'r1', ['ruling-lead'], {
          ...onlyHandler,
          persons: [...onlyHandler.persons, { employeeId: SUP, role: 'supervisor', points: 2 }],
        });
      },
      { source: 'escalated-order', escalationLevel: 2 },
    );
    expect(acts.posted[0].lines.map((l) => l.employeeId)).toEqual([E1, SUP]);
  });
});
