import { TestWorkflowEnvironment } from '@temporalio/testing';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import { CaseState } from '@qf/contracts';
import { actUpdate, stateQuery } from '@qf/contracts/messages';
import { FlowDefinitionSchema } from '@qf/policy';
import {
  actor,
  caseInput,
  maybeRecordHistory,
  RecordingActivities,
  testWorker,
  timeSkippingEnv,
} from '../../test/harness';

const flow = (stage: Record<string, unknown>) =>
  FlowDefinitionSchema.parse({ kind: 'review', version: 1, stages: [{ key: 's1', label: '阶段', ...stage }] });

describe('stage engine (time-skipping Temporal test server)', () => {
  let env: TestWorkflowEnvironment;
  beforeAll(async () => {
    env = await timeSkippingEnv();
  });
  afterAll(async () => {
    await env?.teardown();
  });

  async function run(
    acts: RecordingActivities,
    f: ReturnType<typeof flow>,
    body: (h: ReturnType<TestWorkflowEnvironment['client']['workflow']['getHandle']>) => Promise<void>,
    over = {},
  ) {
    const taskQueue = `tq-${randomUUID()}`;
    const worker = await testWorker(env, acts, taskQueue);
    return worker.runUntil(async () => {
      const h = await env.client.workflow.start('reviewCase', {
        taskQueue,
        workflowId: `wf-${randomUUID()}`,
        args: [caseInput(f, over)],
      });
      await body(h);
      const result = (await h.result()) as CaseState;
      await maybeRecordHistory(
        h,
        `review-${(expect.getState().currentTestName ?? '')
          .split(' ')
          .slice(-3)
          .join('-')
          .replace(/[^a-z0-9-]/gi, '')}`,
      );
      return result;
    });
  }
  const act = (h: any, taskId: string, userId: string, roles: string[], action = 'approve', extra = {}) =>
    h.executeUpdate(actUpdate, {
      args: [{ taskId, action, actor: actor(userId, roles), requestId: randomUUID(), ...extra }],
    });
  const waitTasks = async (acts: RecordingActivities, n: number) => {
    while (acts.tasks.length < n) await new Promise((r) => setTimeout(r, 20));
  };

  it('mode one: the first approval decides; a second actor gets a conflict', async () => {
    const acts = new RecordingActivities();
    const result = await run(acts, flow({ assignee: { kind: 'role', role: 'verifier' } }), async (h) => {
      await waitTasks(acts, 1);
      const first = await act(h, acts.tasks[0].id, 'v1', ['verifier']);
      expect(first.outcome).toBe('approved');
      // the case finished with the first approval: the late second action is refused (not found / failed)
      await expect(act(h, acts.tasks[0].id, 'v2', ['verifier'])).rejects.toThrow();
    });
    expect(result.outcome).toBe('approved');
    expect(acts.actions).toHaveLength(1);
  });

  it('issue 18: a stage is opened with its read model in one write; tasks found with another assignee than asked write the state again, naming them', async () => {
    const acts = new RecordingActivities();
    // the stage's task already written, assigned to v9 (e.g. by an earlier attempt): the role pool asked for is not it
    acts.tasks.push({ id: 's1:1:0', role: null, userId: 'v9', slot: 0, stage: 's1', round: 1 });
    await run(acts, flow({ assignee: { kind: 'role', role: 'verifier' } }), async (h) => {
      while (acts.states.length < 2) await new Promise((r) => setTimeout(r, 20));
      expect((await h.query(stateQuery)).waitingOn).toEqual([{ userId: 'v9' }]);
      await act(h, 's1:1:0', 'v9', ['verifier']);
    });
    // written with the tasks (waiting on the role), then again (waiting on v9), then closed
    expect(acts.states.slice(0, 2)).toEqual(['open:s1:-', 'open:s1:-']);
  });

  it('issue 18: an approve that decides its stage records the action as an activity the accepting workflow task schedules; the other engine writes are local activities', async () => {
    const acts = new RecordingActivities();
    let events: any[] = [];
    await run(acts, flow({ assignee: { kind: 'role', role: 'verifier' } }), async (h) => {
      await waitTasks(acts, 1);
      while (!acts.states.length) await new Promise((r) => setTimeout(r, 20)); // the stage is open and recorded
      expect((await act(h, acts.tasks[0].id, 'v1', ['verifier'])).status).toBe('closed');
      await h.result();
      events = (await h.fetchHistory()).events ?? [];
    });
    const localActivity = (e: any): string | undefined => {
      const m = e.markerRecordedEventAttributes;
      if (m?.markerName !== 'core_local_activity') return undefined;
      const body = JSON.parse(Buffer.from(m.details?.data?.payloads?.[0].data).toString('utf8'));
      return body.activity_type ?? body.activityType;
    };
    const accepted = events.findIndex((e) => e.workflowExecutionUpdateAcceptedEventAttributes);
    expect(accepted).toBeGreaterThan(0);
    // opening the stage: one local activity (its tasks and the case's state, one transaction), none through the server
    expect(events.slice(0, accepted).map(localActivity).filter(Boolean)).toEqual(['openStage']);
    expect(events.slice(0, accepted).filter((e) => e.activityTaskScheduledEventAttributes)).toEqual([]);
    // the action: one activity, scheduled by the workflow task that accepted the Update (so the acceptance is in the
    // history before its rows are written) — then the case's final state, local, in the next workflow task, which ends
    const scheduled = events.findIndex((e) => e.activityTaskScheduledEventAttributes);
    expect(scheduled).toBeGreaterThan(accepted);
    expect(events[scheduled].activityTaskScheduledEventAttributes.activityType.name).toBe('recordClosingAction');
    expect(events.slice(accepted, scheduled).some((e) => e.workflowTaskScheduledEventAttributes)).toBe(false);
    expect(events.filter((e) => e.activityTaskScheduledEventAttributes)).toHaveLength(1);
    expect(events.slice(scheduled).map(localActivity).filter(Boolean)).toEqual(['syncCase']);
    expect(events.slice(scheduled).filter((e) => e.workflowTaskCompletedEventAttributes)).toHaveLength(1);
    expect(events.at(-1).workflowExecutionCompletedEventAttributes).toBeTruthy();
    expect(acts.actions.map((a) => [a.action, a.task.status])).toEqual([['approve', 'done']]);
    expect(acts.states).toEqual(['open:s1:-', 'open:s1:-', 'closed:-:approved']);
    // one patch per case (each patch marker comes with a TemporalChangeVersion upsert, a visibility write): was three
    const patches = events.filter((e) => e.markerRecordedEventAttributes?.markerName === 'core_patch');
    expect(patches).toHaveLength(1);
    expect(events.filter((e) => e.upsertWorkflowSearchAttributesEventAttributes).length).toBeLessThanOrEqual(1);
  });

  it('validator rejects the wrong role with a forbidden failure and records nothing', async () => {
    const acts = new RecordingActivities();
    await run(acts, flow({ assignee: { kind: 'role', role: 'verifier' } }), async (h) => {
      await waitTasks(acts, 1);
      const err = await act(h, acts.tasks[0].id, 'x', ['employee']).catch((e: any) => e);
      expect(err.cause.type).toBe('QF_FORBIDDEN');
      const bad = await act(h, acts.tasks[0].id, 'v1', ['verifier'], 'approve', { taskId: '' }).catch((e: any) => e);
      expect(bad.cause.type).toBe('QF_BAD_REQUEST');
      expect(acts.actions).toHaveLength(0);
      await act(h, acts.tasks[0].id, 'v1', ['verifier'], 'reject', { comment: 'no' });
    });
  });

  it('quorum: 3 of 5 approvals decide the stage', async () => {
    const members = ['c1', 'c2', 'c3', 'c4', 'c5'];
    const acts = new RecordingActivities({ committee: members });
    const result = await run(
      acts,
      flow({ assignee: { kind: 'role', role: 'committee' }, assignment: 'each', mode: { kind: 'quorum', n: 3 } }),
      async (h) => {
        await waitTasks(acts, 5);
        const r1 = await act(h, acts.tasks[0].id, 'c1', ['committee']);
        const r2 = await act(h, acts.tasks[1].id, 'c2', ['committee'], 'reject');
        const r3 = await act(h, acts.tasks[2].id, 'c3', ['committee']);
        expect([r1.status, r2.status, r3.status]).toEqual(['open', 'open', 'open']);
        const r4 = await act(h, acts.tasks[3].id, 'c4', ['committee']);
        expect(r4.outcome).toBe('approved');
      },
    );
    expect(result.outcome).toBe('approved');
  });

  it('majority with quorum: each voter counts once and may change the vote before the close', async () => {
    const members = ['m1', 'm2', 'm3'];
    const acts = new RecordingActivities({ committee: members });
    const result = await run(
      acts,
      flow({
        assignee: { kind: 'role', role: 'committee' },
        assignment: 'each',
        mode: { kind: 'majority', quorumFraction: 2 / 3 },
        deadline: { workingDays: 1 },
      }),
      async (h) => {
        await waitTasks(acts, 3);
        await act(h, acts.tasks[0].id, 'm1', ['committee'], 'reject');
        await act(h, acts.tasks[0].id, 'm1', ['committee'], 'approve'); // changed vote, still one voter
        const r = await act(h, acts.tasks[1].id, 'm2', ['committee'], 'reject');
        expect(r.status).toBe('open'); // 1:1 and m3 has not voted: the vote stays open
        // m3 never votes: at the deadline 2 of 3 voted (quorum 2/3), 1 approve vs 1 reject → no majority
      },
    );
    expect(result.outcome).toBe('rejected');
  });

  it('deadline: a reminder, an overdue notice, then escalation to the target role; holidays do not count', async () => {
    const acts = new RecordingActivities();
    const start = new Date(await env.currentTimeMs());
    // the next 4 local days are holidays: nothing may fire during them
    const holidays = [1, 2, 3, 4].map((d) =>
      new Date(start.getTime() + 8 * 3600_000 + d * 86400_000).toISOString().slice(0, 10),
    );
    const f = flow({
      assignee: { kind: 'role', role: 'verifier' },
      deadline: { workingDays: 1 },
      reminderBefore: { hours: 2 },
      escalateTo: 'ruling-lead',
      escalateAfter: { workingDays: 1 },
    });
    await run(
      acts,
      f,
      async (h) => {
        await waitTasks(acts, 1);
        await env.sleep('3 days');
        expect(acts.notes).toHaveLength(0);
        await env.sleep('10 days');
        expect(acts.notes.map((n) => n.kind)).toEqual(['reminder', 'overdue', 'escalation']);
        expect(acts.notes[2].role).toBe('ruling-lead');
        const state: CaseState = await h.query(stateQuery);
        expect(state.waitingOn).toEqual(expect.arrayContaining([{ role: 'verifier' }, { role: 'ruling-lead' }]));
        const escalated = acts.tasks.find((t) => t.role === 'ruling-lead')!;
        await act(h, escalated.id, 'r1', ['ruling-lead']);
      },
      { calendar: { timeZone: 'Asia/Shanghai', holidays, workingWeekdays: [1, 2, 3, 4, 5, 6, 7] } },
    );
  });

  it('return sends the case back to the previous stage in a new round', async () => {
    const two = FlowDefinitionSchema.parse({
      kind: 'review',
      version: 1,
      stages: [
        { key: 'a', label: 'A', assignee: { kind: 'role', role: 'verifier' } },
        {
          key: 'b',
          label: 'B',
          assignee: { kind: 'role', role: 'ruling-lead' },
          actions: ['approve', 'reject', 'return'],
        },
      ],
    });
    const acts = new RecordingActivities();
    const result = await run(acts, two, async (h) => {
      await waitTasks(acts, 1);
      await act(h, 'a:1:0', 'v1', ['verifier']);
      await waitTasks(acts, 2);
      const back = await act(h, 'b:1:0', 'r1', ['ruling-lead'], 'return', { comment: '补充材料' });
      expect(back.stage).toBe('a');
      await act(h, 'a:2:0', 'v1', ['verifier']);
      await waitTasks(acts, 4);
      await act(h, 'b:2:0', 'r1', ['ruling-lead']);
    });
    expect(result.outcome).toBe('approved');
  });

  it('an action on a task already written but not yet taken up by the workflow waits for it (a worker crash widens that window), then counts once', async () => {
    // openStageTasks writes the row (a client can see it) and then is slow to return, as when the worker dies after the insert
    let release: () => void = () => undefined;
    const held = new Promise<void>((r) => {
      release = r;
    });
    class SlowOpen extends RecordingActivities {
      async openStageTasks(i: Parameters<RecordingActivities['openStageTasks']>[0]) {
        const refs = await super.openStageTasks(i);
        await held;
        return refs;
      }
    }
    const acts = new SlowOpen();
    const result = await run(acts, flow({ assignee: { kind: 'role', role: 'verifier' } }), async (h) => {
      await waitTasks(acts, 1);
      // the validator cannot know the task yet: both are held, then checked in full in the order they came
      const wrongRole = act(h, acts.tasks[0].id, 'x', ['employee']).catch((e: any) => e);
      await new Promise((r) => setTimeout(r, 200));
      const early = act(h, acts.tasks[0].id, 'v1', ['verifier']);
      await new Promise((r) => setTimeout(r, 300));
      release();
      expect((await early).outcome).toBe('approved');
      expect((await wrongRole).cause.type).toBe('QF_FORBIDDEN');
    });
    expect(result.outcome).toBe('approved');
    expect(acts.actions).toHaveLength(1);
  });
});
