import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { randomUUID } from 'node:crypto';
import { AssignEvaluationsResult, DailyEvaluationResult, EvaluationActivities } from '@qf/contracts';
import { addDays, evaluationDayTimeline, localDate } from '@qf/domain';
import { defaultPolicy } from '@qf/policy';
import { workflowBundle } from '../../apps/worker/src/worker';
import { maybeRecordHistory, timeSkippingEnv } from '../test/harness';

/** In-memory evaluation activities: records each call with the (skipped) workflow-server time. */
class EvaluationFakes {
  calls: { name: string; input: any; at: number }[] = [];
  constructor(
    private readonly env: TestWorkflowEnvironment,
    private readonly unanswered = 2,
  ) {}
  activities(): EvaluationActivities {
    const rec = async (name: string, input: unknown) =>
      this.calls.push({ name, input, at: await this.env.currentTimeMs() });
    return {
      evaluationPolicy: async () => defaultPolicy(),
      assignEvaluations: async (i): Promise<AssignEvaluationsResult> => {
        await rec('assign', i);
        return {
          date: i.date,
          seed: i.seed,
          orders: 3,
          evaluated: 3,
          assigned: { foreman: 3, dispatcher: 3, manager: 0 },
          skipped: [],
          skippedTotal: 0,
        };
      },
      remindEvaluations: async (i) => {
        await rec(i.kind, i);
        return this.unanswered;
      },
      reportEvaluationResults: async (i) => {
        await rec('results', i);
        return 2;
      },
    };
  }
  of(name: string) {
    return this.calls.filter((c) => c.name === name);
  }
}

describe('daily evaluation assignment (time-skipping)', () => {
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
  const worker = async (fakes: EvaluationFakes, taskQueue: string) =>
    Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowBundle: await workflowBundle(),
      activities: fakes.activities(),
    });

  it("E-4 assigns today's orders with the date as seed, reminds the unanswered on the evaluation day's morning and notifies them as overdue at its end", async () => {
    const fakes = new EvaluationFakes(env);
    const taskQueue = `tq-${randomUUID()}`;
    const policy = defaultPolicy();
    const now = await env.currentTimeMs();
    const today = localDate(new Date(now).toISOString(), policy.calendar.timeZone);
    const { evaluateOn, remindAt, dueAt } = evaluationDayTimeline(today, policy);
    const w = await worker(fakes, taskQueue);
    const result = await w.runUntil(async () => {
      // as the Schedule starts it: no date, so the local date of the run
      const h = await env.client.workflow.start('dailyEvaluationAssignment', {
        taskQueue,
        workflowId: `daily-${randomUUID()}`,
        args: [{}],
      });
      await waitFor(() => fakes.of('assign').length === 2);
      expect(fakes.of('assign').map((c) => c.input)).toEqual([
        { date: addDays(today, -1), seed: addDays(today, -1) },
        { date: today, seed: today },
      ]);
      expect(fakes.of('reminder')).toHaveLength(0);
      await env.sleep(Date.parse(remindAt) - (await env.currentTimeMs()) - 60_000);
      expect(fakes.of('reminder')).toHaveLength(0);
      await env.sleep(120_000);
      await waitFor(() => fakes.of('reminder').length === 1);
      expect(fakes.of('reminder')[0].input).toMatchObject({ evaluateOn, kind: 'reminder' });
      expect(fakes.of('reminder')[0].at).toBeGreaterThanOrEqual(Date.parse(remindAt));
      await env.sleep(Date.parse(dueAt) - (await env.currentTimeMs()) - 60_000);
      expect(fakes.of('overdue')).toHaveLength(0);
      const r = (await h.result()) as DailyEvaluationResult;
      await maybeRecordHistory(h, 'daily-evaluation-E-4');
      return r;
    });
    expect(fakes.of('overdue')).toHaveLength(1);
    expect(fakes.of('overdue')[0].input).toMatchObject({ evaluateOn, kind: 'overdue' });
    expect(fakes.of('overdue')[0].at).toBeGreaterThanOrEqual(Date.parse(dueAt));
    // E-4: the results reach the teams at the end of the evaluation day
    expect(fakes.of('results')).toHaveLength(1);
    expect(fakes.of('results')[0].input).toMatchObject({ evaluateOn });
    expect(fakes.of('results')[0].at).toBeGreaterThanOrEqual(Date.parse(dueAt));
    expect(result).toMatchObject({
      date: today,
      seed: today,
      evaluateOn,
      reminded: 2,
      overdue: 2,
      assigned: { foreman: 3 },
      teamsNotified: 2,
    });
  });

  it('E-4 a run for a past day (by hand, with its own seed) notifies the unanswered as overdue at once and sends no "due today" reminder', async () => {
    const fakes = new EvaluationFakes(env, 1);
    const taskQueue = `tq-${randomUUID()}`;
    const w = await worker(fakes, taskQueue);
    const r = (await w.runUntil(
      env.client.workflow.execute('dailyEvaluationAssignment', {
        taskQueue,
        workflowId: `daily-${randomUUID()}`,
        args: [{ date: '2026-01-05', seed: 'manual' }],
      }),
    )) as DailyEvaluationResult;
    expect(r).toMatchObject({ date: '2026-01-05', seed: 'manual', evaluateOn: '2026-01-06', reminded: 0, overdue: 1 });
    expect(fakes.of('reminder')).toHaveLength(0);
    expect(fakes.of('assign').map((c) => c.input)).toEqual([
      { date: '2026-01-04', seed: '2026-01-04' },
      { date: '2026-01-05', seed: 'manual' },
    ]);
  });
});
