import { quarterOf, shiftQuarter } from '@qf/domain';
import {
  QuarterlyPlanDetailResponseSchema,
  QuarterlyPlanResponseSchema,
  quarterlyDraftScheduleId,
} from '@qf/contracts';
import { createQuarterlyActivities } from '../../activities/src/quarterly-activities';
import { TemporalService } from '../../apps/api/src/temporal/temporal.module';
import { eventually, startTestStack, TestStack } from '../support/stack';

/* eslint-disable @typescript-eslint/no-explicit-any */

/** The quarterly assessment cycle through the api on real Postgres and Temporal. */
describe('quarterly assessment (Q-1, Q-2)', () => {
  let s: TestStack;
  const unit: Record<string, string> = {};
  // a quarter no other spec touches: its satisfaction figures are this spec's own
  const period = '2030-Q2';
  let planId = '';
  let caseId = '';
  beforeAll(async () => {
    s = await startTestStack();
    for (const r of await s.ds.query(`SELECT id, code FROM org_units`)) unit[r.code] = r.id;
    // P-1 satisfaction of the quarter's months: 东城 95 on average, 西城 76
    for (const [code, scores] of [
      ['a-branch', [95, 93, 97]],
      ['b-branch', [76, 76, 76]],
    ] as const)
      for (const [i, score] of scores.entries())
        await s.ds.query(
          `INSERT INTO perception_unit_results (month, unit_id, channel, scope, score, sample, rank, ranked, below_standard, below_months_in_year)
           VALUES ($1, $2, 'hall', 'branch', $3, 100, 1, 2, false, 0)`,
          [`2030-0${4 + i}`, unit[code], score],
        );
    // the quarter before: 东城 scored 70
    const [prev] = await s.ds.query(
      `INSERT INTO quarterly_plans (period, title, scope, indicators, status) VALUES ('2030-Q1', '2030-Q1 季度考核', $1, '[]', 'closed') RETURNING id`,
      [[unit['a-branch']]],
    );
    await s.ds.query(
      `INSERT INTO quarterly_results (plan_id, unit_id, score, rank, indicators, worst) VALUES ($1, $2, 70, 1, '[]', '[]')`,
      [prev.id, unit['a-branch']],
    );
  });
  afterAll(async () => {
    await s?.stop();
  });
  const auth = async (u: string) => ({ Authorization: `Bearer ${await s.login(u)}` });
  const get = async (u: string, url: string) => s.http.get(url).set(await auth(u));
  const send = async (u: string, method: 'post' | 'put', url: string, body?: unknown) =>
    s.http[method](url)
      .set(await auth(u))
      .send(body as object);
  const plan = () => get('quality1', `/api/quarterly-assessments/${planId}`).then((r) => r.body);
  const openTask = (stage: string, userId?: string) =>
    eventually(
      async () =>
        (
          await s.ds.query(
            `SELECT id, due_at FROM tasks WHERE case_id = $1 AND stage = $2 AND status = 'open' AND ($3::uuid IS NULL OR assignee_user_id = $3)`,
            [caseId, stage, userId ?? null],
          )
        )[0],
      30000,
    );
  const act = async (u: string, taskId: string, body: Record<string, unknown> = { action: 'approve' }) =>
    send(u, 'post', `/api/tasks/${taskId}/actions`, body);
  const indicators = [
    { name: '客户满意度', weight: 50, source: 'perception', direction: 'higher', target: 95 },
    { name: '服务规范', weight: 30, source: 'manual', direction: 'higher', target: 100 },
    { name: '考核扣分', weight: 20, source: 'manual', direction: 'lower', target: 2 },
  ];

  it('Q-1 a quarter from plan to acknowledgement: approval, collection, analysis (score, rank, trend, worst), report, each unit head acknowledges', async () => {
    const scope = [unit['a-branch'], unit['b-branch']];
    // the weights must sum to 100; the scope names units
    const bad = await send('quality1', 'post', '/api/quarterly-assessments', {
      period,
      scope: [...scope, unit.city],
      indicators: indicators.map((i, n) => (n === 0 ? { ...i, weight: 40 } : i)),
    });
    expect(bad.status).toBe(400);
    expect(bad.body.details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'indicators', code: 'quality.weights_sum', rule: 'Q-1' }),
        expect.objectContaining({ path: 'scope.2', rule: 'Q-1' }),
      ]),
    );
    expect((await send('agent1', 'post', '/api/quarterly-assessments', { period, scope, indicators })).status).toBe(
      403,
    );
    const created = await send('quality1', 'post', '/api/quarterly-assessments', { period, scope, indicators });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      period,
      status: 'draft',
      caseId: null,
      ownerName: expect.stringMatching(/（/),
    });
    planId = created.body.id;
    expect((await send('quality1', 'post', '/api/quarterly-assessments', { period, scope, indicators })).status).toBe(
      409,
    );

    // submitted: the quality department's lead approves the plan
    const submitted = await send('quality1', 'post', `/api/quarterly-assessments/${planId}/submit`);
    expect(submitted.status).toBe(201);
    caseId = submitted.body.caseId;
    expect(caseId).toBeTruthy();
    expect((await send('quality1', 'post', `/api/quarterly-assessments/${planId}/submit`)).status).toBe(409);
    const early = await send('quality1', 'put', `/api/quarterly-assessments/${planId}/values`, {
      values: [{ unitId: scope[0], indicator: 'k2', value: 90 }],
    });
    expect([early.status, early.body.code]).toEqual([409, 'quality.not_collecting']);
    const approval = await openTask('plan');
    expect((await act('branchhead1', approval.id)).status).toBe(404); // not a task a branch head may see
    expect((await act('quality1', approval.id)).status).toBe(200);

    // collection: the product's satisfaction figures are in; the rest is entered, with a finding
    await eventually(async () => ((await plan()).status === 'collecting' ? true : null), 30000);
    const collecting = await plan();
    expect(collecting.values).toEqual(
      expect.arrayContaining([
        { unitId: scope[0], indicator: 'k1', value: 95, source: 'perception' },
        { unitId: scope[1], indicator: 'k1', value: 76, source: 'perception' },
      ]),
    );
    const wrong = await send('quality1', 'put', `/api/quarterly-assessments/${planId}/values`, {
      values: [{ unitId: unit.city, indicator: 'k9', value: 1 }],
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.details.map((d: any) => d.path)).toEqual(['values.0.unitId', 'values.0.indicator']);
    const saved = await send('quality1', 'put', `/api/quarterly-assessments/${planId}/values`, {
      values: [
        { unitId: scope[0], indicator: 'k2', value: 90 },
        { unitId: scope[0], indicator: 'k3', value: 3 },
        { unitId: scope[1], indicator: 'k2', value: 100 },
        { unitId: scope[1], indicator: 'k3', value: 1 },
      ],
    });
    expect([saved.status, saved.body]).toEqual([200, { saved: 4 }]);
    const hall = await send('quality1', 'post', `/api/quarterly-assessments/${planId}/findings`, {
      teamUnitId: unit['a-hall'],
      description: '内部检查：营业厅台账不全',
    });
    expect([hall.status, hall.body.details?.[0]?.path]).toEqual([400, 'teamUnitId']);
    const finding = await send('quality1', 'post', `/api/quarterly-assessments/${planId}/findings`, {
      teamUnitId: unit['a-team1'],
      description: '内部检查：装维一班工单记录不完整（季度考核）',
    });
    expect(finding.status).toBe(201);
    expect((await act('quality1', (await openTask('collect')).id)).status).toBe(200);

    // analysis and report: 西城 50×0.8 + 30 + 20 = 90 first; 东城 50 + 30×0.9 + 20×0.5 = 87, up 17 on the quarter before
    const report = await openTask('report');
    const analysed = await plan();
    expect(analysed.results.map((r: any) => [r.unitName, r.score, r.rank, r.previousScore, r.trend])).toEqual([
      ['西城县分公司', 90, 1, null, null],
      ['东城县分公司', 87, 2, 70, 17],
    ]);
    expect(analysed.results[1].worst.map((w: any) => [w.name, w.lost])).toEqual([
      ['考核扣分', 10],
      ['服务规范', 3],
    ]);
    const xlsx = await get('quality1', `/api/quarterly-assessments/${planId}/export`);
    expect([xlsx.status, xlsx.headers['content-type']]).toEqual([
      200,
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ]);
    expect((await act('quality1', report.id)).status).toBe(200);

    // feedback: each unit head acknowledges the unit's results, due in the policy's working days
    const heads = [s.users.branchhead1, s.users.branchhead2];
    const a = await openTask('feedback', heads[0]);
    const b = await openTask('feedback', heads[1]);
    expect(a.due_at).toBeTruthy();
    expect(Date.parse(a.due_at) - Date.now()).toBeGreaterThan(5 * 86_400_000); // 5 working days: at least a week
    expect([403, 404]).toContain((await act('branchhead2', a.id)).status);
    expect((await act('branchhead1', a.id)).status).toBe(200);
    const half = await plan();
    expect(half.status).toBe('feedback');
    expect(half.results.map((r: any) => [r.headName, !!r.acknowledgedAt])).toEqual([
      [expect.stringMatching(/（/), false],
      [expect.stringMatching(/（/), true],
    ]);
    expect((await act('branchhead2', b.id)).status).toBe(200);
    const done = await eventually(async () => {
      const p = await plan();
      return p.status === 'closed' ? p : null;
    }, 30000);
    expect(done.results.every((r: any) => r.acknowledgedAt)).toBe(true);
    // the answers in their documented shapes (OpenAPI)
    expect(QuarterlyPlanDetailResponseSchema.safeParse(done).error).toBeUndefined();
    const list = await get(
      'quality1',
      `/api/quarterly-assessments?filter=${encodeURIComponent(JSON.stringify({ period }))}`,
    );
    expect([list.status, list.headers['content-range'], list.body.map((p: any) => p.id)]).toEqual([
      200,
      'quarterly-assessments 0-0/1',
      [planId],
    ]);
    expect(QuarterlyPlanResponseSchema.safeParse(list.body[0]).error).toBeUndefined();
    const kase = (await get('quality1', `/api/cases/${caseId}`)).body;
    expect([kase.status, kase.outcome]).toEqual(['closed', 'acknowledged']);
  });

  it("Q-1 a unit head sees only their unit's results, values and findings; another unit's plan is 404 (read, list, export)", async () => {
    const full = await plan();
    expect(full.results).toHaveLength(2);
    for (const [head, own] of [
      ['branchhead1', 'a-branch'],
      ['branchhead2', 'b-branch'],
    ] as const) {
      const r = await get(head, `/api/quarterly-assessments/${planId}`);
      expect(r.status).toBe(200);
      expect(r.body.results.map((x: any) => x.unitId)).toEqual([unit[own]]);
      expect(r.body.units.map((x: any) => x.id)).toEqual([unit[own]]);
      expect(new Set(r.body.values.map((x: any) => x.unitId))).toEqual(new Set([unit[own]]));
      // the finding is of a team of 东城 (a-branch)
      expect(r.body.findings).toHaveLength(own === 'a-branch' ? 1 : 0);
    }
    // a plan of 西城 alone: 东城's head may not see it at all
    const other = await send('quality1', 'post', '/api/quarterly-assessments', {
      period: '2029-Q3',
      scope: [unit['b-branch']],
      indicators,
    });
    expect(other.status).toBe(201);
    const url = `/api/quarterly-assessments/${other.body.id}`;
    expect((await get('branchhead1', url)).status).toBe(404);
    expect((await get('branchhead1', `${url}/export`)).status).toBe(404);
    expect((await get('branchhead2', url)).status).toBe(200);
    expect((await get('quality1', url)).status).toBe(200);
    const listed = async (u: string) =>
      (await get(u, `/api/quarterly-assessments?filter=${encodeURIComponent(JSON.stringify({ period: '2029-Q3' }))}`))
        .body.length;
    expect([await listed('branchhead1'), await listed('branchhead2'), await listed('quality1')]).toEqual([0, 1, 1]);
  });

  it('Q-2 a finding of the quarter opens one rectification of its team (origin inspection), once', async () => {
    const p = await plan();
    const f = p.findings[0];
    expect(f.rectificationCaseId).toBeTruthy();
    const rect = await eventually(
      async () => (await get('manager1', `/api/rectifications/${f.rectificationCaseId}`)).body,
    );
    expect(rect).toMatchObject({ origin: 'inspection', teamUnitId: unit['a-team1'], status: 'open' });
    expect(rect.dueAt).toBeTruthy();
    // opened again (a retried activity): the same case, no second rectification
    const again = await createQuarterlyActivities(s.ds).openFindingRectifications({
      planId,
      caseId,
      workflowId: 'retry',
      initiatorUserId: null,
    });
    expect(again.map((x) => x.caseId)).toEqual([f.rectificationCaseId]);
    const [{ n }] = await s.ds.query(
      `SELECT count(*)::int AS n FROM rectifications WHERE description = '内部检查：装维一班工单记录不完整（季度考核）'`,
    );
    expect(n).toBe(1);
  });

  it("Q-1 the Schedule drafts the next quarter's plan from the latest one before it, once", async () => {
    const client = await s.app.get(TemporalService).client();
    const handle = client.schedule.getHandle(quarterlyDraftScheduleId(s.env.TEMPORAL_TASK_QUEUE));
    const d = await handle.describe();
    expect(d.action).toMatchObject({ type: 'startWorkflow', workflowType: 'quarterlyPlanDraft' });
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    const current = quarterOf(today.slice(0, 7)).quarter;
    const next = shiftQuarter(current, 1);
    const source = await send('quality1', 'post', '/api/quarterly-assessments', {
      period: current,
      scope: [unit['a-branch']],
      indicators: [{ name: '服务规范', weight: 100, target: 100 }],
    });
    expect(source.status).toBe(201);
    await handle.trigger();
    const drafted = await eventually(
      async () =>
        (await s.ds.query(`SELECT id, status, scope, indicators FROM quarterly_plans WHERE period = $1`, [next]))[0],
      30000,
    );
    expect(drafted).toMatchObject({ status: 'draft', scope: [unit['a-branch']] });
    expect(drafted.indicators.map((i: any) => i.name)).toEqual(['服务规范']);
    const again = await createQuarterlyActivities(s.ds).draftNextQuarterPlan({ nowIso: new Date().toISOString() });
    expect(again).toEqual({ planId: null, period: next });
  });
});
