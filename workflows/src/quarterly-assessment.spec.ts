import { TestWorkflowEnvironment } from '@temporalio/testing';
import { randomUUID } from 'node:crypto';
import { CaseState, QuarterlyActivities } from '@qf/contracts';
import { actUpdate } from '@qf/contracts/messages';
import { DEFAULT_FLOWS, defaultPolicy } from '@qf/policy';
import { actor, caseInput, RecordingActivities, testWorker, timeSkippingEnv } from '../test/harness';

const flow = DEFAULT_FLOWS.find((f) => f.kind === 'quarterly-assessment')!;

/** The quarterly workflow's own activities, recorded (the case engine's come from RecordingActivities). */
class QuarterlyActs extends RecordingActivities implements QuarterlyActivities {
  statuses: string[] = [];
  rectifications = 0;
  async setQuarterlyStatus(i: { planId: string; status: string }) {
    this.statuses.push(i.status);
  }
  async collectQuarterlyValues() {
    return { values: 2 };
  }
  async analyseQuarter() {
    return { units: 2, missing: 0 };
  }
  async openFindingRectifications() {
    this.rectifications++;
    return [];
  }
  async quarterlyUnitHeads() {
    return [
      { unitId: 'a', userId: 'head-a' },
      { unitId: 'b', userId: 'head-b' },
    ];
  }
  async draftNextQuarterPlan() {
    return { planId: null, period: null };
  }
}

describe('quarterly assessment (time-skipping)', () => {
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

  it('Q-1 stages in order; a unit head who does not acknowledge is reminded, told it is overdue after the policy working days, then the quality department is asked', async () => {
    const acts = new QuarterlyActs({});
    const taskQueue = `tq-${randomUUID()}`;
    const worker = await testWorker(env, acts, taskQueue);
    const policy = defaultPolicy();
    const all7 = { timeZone: 'Asia/Shanghai', holidays: [] as string[], workingWeekdays: [1, 2, 3, 4, 5, 6, 7] };
    const r = await worker.runUntil(async () => {
      const h = await env.client.workflow.start('quarterlyAssessment', {
        taskQueue,
        workflowId: `quarterly-${randomUUID()}`,
        args: [
          caseInput(flow, {
            kind: 'quarterly-assessment',
            data: { planId: 'p1', period: '2030-Q2' },
            policy,
            calendar: all7,
          }),
        ],
      });
      const act = (taskId: string, userId: string, roles: string[]) =>
        h.executeUpdate(actUpdate, {
          args: [{ taskId, action: 'approve', actor: actor(userId, roles), requestId: randomUUID() }],
        });
      for (const stage of ['plan', 'collect', 'report']) {
        await waitFor(() => acts.tasks.some((t) => t.stage === stage));
        await act(acts.tasks.find((t) => t.stage === stage)!.id, 'q1', ['quality']);
      }
      expect(acts.rectifications).toBe(1);
      await waitFor(() => acts.tasks.filter((t) => t.stage === 'feedback').length === 2);
      const [a, b] = acts.tasks.filter((t) => t.stage === 'feedback');
      expect([a.userId, b.userId]).toEqual(['head-a', 'head-b']);
      await act(a.id, 'head-a', ['branch-head']);
      // quality.feedbackWorkingDays (5) and the escalation's 1 working day later: reminder, overdue, escalation
      await env.sleep(`${policy.quality.feedbackWorkingDays - 2} days`);
      expect(acts.notes).toHaveLength(0);
      await env.sleep('5 days');
      expect(acts.notes.map((n) => [n.kind, n.userId ?? n.role])).toEqual([
        ['reminder', 'head-b'],
        ['overdue', 'head-b'],
        ['escalation', 'quality'],
      ]);
      await act(b.id, 'head-b', ['branch-head']);
      const escalated = acts.tasks.find((t) => t.role === 'quality' && t.stage === 'feedback')!;
      await act(escalated.id, 'q1', ['quality']);
      return (await h.result()) as CaseState;
    });
    expect(r.outcome).toBe('acknowledged');
    expect(acts.statuses).toEqual(['approval', 'collecting', 'reporting', 'reported', 'feedback', 'closed']);
  });
});
