import ExcelJS from 'exceljs';
import { dailyEvaluationScheduleId } from '@qf/contracts';
import { localDate } from '@qf/domain';
import { POLICY_IN_EFFECT, remindUnansweredEvaluations, reportEvaluationResults } from '@qf/persistence';
import { EvaluationScheduleService } from '../../apps/api/src/evaluation/evaluation-schedule.service';
import { TemporalService } from '../../apps/api/src/temporal/temporal.module';
import { startTestStack, TestStack, eventually } from '../support/stack';

describe('closed-order evaluation (E-1…E-7)', () => {
  let s: TestStack;
  let team: string;
  let repairers: string[];
  beforeAll(async () => {
    s = await startTestStack();
    [{ id: team }] = await s.ds.query(`SELECT id FROM org_units WHERE code = 'b-team1'`);
    repairers = (
      await s.ds.query(
        `SELECT e.id FROM employees e JOIN org_units o ON o.id = e.unit_id WHERE o.code = 'b-team1' ORDER BY e.code LIMIT 4`,
      )
    ).map((r: { id: string }) => r.id);
  });
  afterAll(async () => {
    await s?.stop();
  });
  const auth = async (u: string) => ({ Authorization: `Bearer ${await s.login(u)}` });
  const order = async (orderNo: string, closedAt: string, over: Record<string, unknown> = {}, i = 0) =>
    s.http
      .post('/api/work-orders')
      .set(await auth('dispatcher1'))
      .send({
        orderNo,
        repairerId: repairers[i % repairers.length],
        teamUnitId: team,
        reporter: '王女士',
        closedAt,
        ...over,
      });

  it('E-2 sampling of 100 orders gives 90 dispatcher and 10 manager callbacks, balanced per repairer, reproducible with the seed', async () => {
    for (let i = 0; i < 100; i++) expect((await order(`E2-${i}`, '2026-10-12T03:00:00Z', {}, i)).status).toBe(201);
    const r = await s.http
      .post('/api/evaluations/assign')
      .set(await auth('manager1'))
      .send({ date: '2026-10-12', seed: 'fixed-seed' });
    expect(r.status).toBe(200);
    expect(r.body.assigned).toEqual({ foreman: 100, dispatcher: 90, manager: 10 });
    const evs = await s.ds.query(
      `SELECT ev.kind, w.repairer_id, ev.explanation FROM evaluations ev JOIN work_orders w ON w.id = ev.order_id WHERE w.order_no LIKE 'E2-%' AND ev.kind <> 'foreman'`,
    );
    const perRepairer = new Map<string, number>();
    for (const e of evs.filter((x: { kind: string }) => x.kind === 'manager'))
      perRepairer.set(e.repairer_id, (perRepairer.get(e.repairer_id) ?? 0) + 1);
    const counts = [...perRepairer.values()];
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
    expect(evs.every((e: { explanation: string }) => e.explanation.length > 0)).toBe(true);
    const again = await s.http
      .post('/api/evaluations/assign')
      .set(await auth('manager1'))
      .send({ date: '2026-10-12', seed: 'fixed-seed' });
    expect(again.body.assigned).toEqual({ foreman: 0, dispatcher: 0, manager: 0 });
  });

  it('E-1 an order is evaluated once; a repeat report of the same fault is evaluated again; non-hotline orders are not', async () => {
    await order('E1-a', '2026-10-13T03:00:00Z', { faultKey: 'F-1' });
    await order('E1-b', '2026-10-13T04:00:00Z', { faultKey: 'F-1' });
    await order('E1-c', '2026-10-13T05:00:00Z', { faultKey: 'F-1', repeatReport: true });
    await order('E1-d', '2026-10-13T05:00:00Z', { source: 'walk-in' });
    const r = await s.http
      .post('/api/evaluations/assign')
      .set(await auth('manager1'))
      .send({ date: '2026-10-13', seed: 's' });
    const skipped = Object.fromEntries(
      r.body.skipped.map((x: { orderNo: string; reason: string }) => [x.orderNo, x.reason]),
    );
    expect(Object.keys(skipped).sort()).toEqual(['E1-d']);
    const r2 = await s.http
      .post('/api/evaluations/assign')
      .set(await auth('manager1'))
      .send({ date: '2026-10-14', seed: 's' });
    expect(r2.body.orders).toBe(0);
    await order('E1-e', '2026-10-15T03:00:00Z', { faultKey: 'F-1' });
    const r3 = await s.http
      .post('/api/evaluations/assign')
      .set(await auth('manager1'))
      .send({ date: '2026-10-15', seed: 's' });
    expect(r3.body.skipped).toEqual([
      expect.objectContaining({ orderNo: 'E1-e', reason: expect.stringContaining('E-1') }),
    ]);
  });

  it('E-5 scores [10, 10, 8, 6] give 8.5 + 0.6 = 9.1; E-3 answers score by the policy; E-7 a dissatisfied callback opens a rectification', async () => {
    const choices = ['satisfied', 'satisfied', 'basic', 'dissatisfied'];
    for (let i = 0; i < 4; i++) await order(`E5-${i}`, '2026-09-10T03:00:00Z', { repairerId: repairers[0] });
    await s.http
      .post('/api/evaluations/assign')
      .set(await auth('manager1'))
      .send({ date: '2026-09-10', seed: 'e5' });
    const evs = await s.ds
      .query(`SELECT ev.id, u.username FROM evaluations ev JOIN work_orders w ON w.id = ev.order_id JOIN users u ON u.id = ev.evaluator_user_id
      WHERE w.order_no LIKE 'E5-%' AND ev.kind <> 'foreman' ORDER BY w.order_no`);
    expect(evs).toHaveLength(4);
    expect(
      (
        await s.http
          .post(`/api/evaluations/${evs[0].id}/answer`)
          .set(await auth('agent1'))
          .send({ choice: 'satisfied' })
      ).status,
    ).toBe(403);
    let rect: string | null = null;
    for (let i = 0; i < 4; i++) {
      const a = await s.http
        .post(`/api/evaluations/${evs[i].id}/answer`)
        .set(await auth(evs[i].username))
        .send({ choice: choices[i] });
      expect(a.status).toBe(200);
      expect(a.body.score).toBe([10, 10, 8, 6][i]);
      if (i === 3) rect = a.body.rectificationCaseId;
    }
    expect(
      (
        await s.http
          .post(`/api/evaluations/${evs[0].id}/answer`)
          .set(await auth(evs[0].username))
          .send({ choice: 'basic' })
      ).status,
    ).toBe(409);
    const scores = (await s.http.get('/api/scores?month=2026-09').set(await auth('manager1'))).body;
    expect(scores.repairers.find((r: { repairerId: string }) => r.repairerId === repairers[0])).toMatchObject({
      count: 4,
      average: 8.5,
      volumeBonus: 0.6,
      total: 9.1,
    });
    // E-5 why: the rule, the policy version in effect and exactly the evaluations it counted, by order number
    const [inEffect] = await s.ds.query(`SELECT v.version ${POLICY_IN_EFFECT}`);
    expect(scores.repairers.find((r: { repairerId: string }) => r.repairerId === repairers[0]).why).toEqual({
      rules: ['E-5'],
      policyVersion: inEffect?.version ?? null,
      facts: [
        { code: 'e5_evaluations', params: { count: 4, sum: 34 } },
        { code: 'e5_callback_satisfied', params: { count: 2, orders: 'E5-0、E5-1' } },
        { code: 'e5_callback_basic', params: { count: 1, orders: 'E5-2' } },
        { code: 'e5_callback_dissatisfied', params: { count: 1, orders: 'E5-3' } },
        { code: 'e5_formula', params: { average: 8.5, count: 4, factor: 0.15, bonus: 0.6, total: 9.1 } },
      ],
    });
    expect(scores.repairStar.repairerId).toBe(repairers[0]);
    expect(rect).toBeTruthy();
    const r = await eventually(
      async () => (await s.http.get(`/api/rectifications/${rect}`).set(await auth('manager1'))).body,
    );
    expect(r).toMatchObject({ origin: 'dissatisfied-callback', internal: false, teamUnitId: team });
  });

  it("E-2 each day: the Temporal Schedule exists after startup (18:00 Shanghai); triggering it assigns today's closed orders with the date as seed, once", async () => {
    const client = await s.app.get(TemporalService).client();
    const handle = client.schedule.getHandle(dailyEvaluationScheduleId(s.env.TEMPORAL_TASK_QUEUE));
    const d = await handle.describe();
    expect(d.spec.timezone).toBe('Asia/Shanghai');
    expect(d.action).toMatchObject({
      type: 'startWorkflow',
      workflowType: 'dailyEvaluationAssignment',
      taskQueue: s.env.TEMPORAL_TASK_QUEUE,
    });
    expect(d.policies.overlap).toBe('ALLOW_ALL');
    const next = d.info.nextActionTimes[0];
    expect([next.getUTCHours(), next.getUTCMinutes()]).toEqual([10, 0]); // 18:00 in Shanghai
    // startup again: the schedule is updated, not created twice
    expect(await s.app.get(EvaluationScheduleService).ensure()).toEqual({
      scheduleId: handle.scheduleId,
      created: false,
    });

    const closedAt = new Date(Date.now() - 60_000).toISOString();
    for (let i = 0; i < 3; i++) expect((await order(`SCH-${i}`, closedAt, {}, i)).status).toBe(201);
    const today = localDate(closedAt, 'Asia/Shanghai');
    const evals = () =>
      s.ds.query(
        `SELECT ev.kind, ev.seed, ev.evaluate_on::text AS "evaluateOn" FROM evaluations ev JOIN work_orders w ON w.id = ev.order_id WHERE w.order_no LIKE 'SCH-%'`,
      );
    await handle.trigger();
    const rows = await eventually(async () => {
      const r = await evals();
      return r.length === 6 ? r : null;
    }, 30000);
    expect(rows.filter((r: { kind: string }) => r.kind === 'foreman')).toHaveLength(3);
    expect(new Set(rows.map((r: { seed: string }) => r.seed))).toEqual(new Set([today]));
    // a second run of the same day assigns nothing again (a run's workflow id carries its start second: start it in the next one)
    const [first] = (await handle.describe()).info.recentActions;
    await eventually(async () => Math.floor(Date.now() / 1000) > Math.floor(first.takenAt.getTime() / 1000));
    await handle.trigger();
    const runs = await eventually(async () => {
      const x = (await handle.describe()).info.recentActions;
      return x.length >= 2 ? x : null;
    }, 30000);
    const second = client.workflow.getHandle(runs[runs.length - 1].action.workflow.workflowId);
    const assigned = await eventually(async () => {
      const h = await second.fetchHistory();
      const done = (h.events ?? []).filter((e) => e.activityTaskCompletedEventAttributes);
      return done.length >= 3 ? done : null; // policy + yesterday + today; then it waits for the E-4 reminder
    }, 30000);
    expect(assigned).toHaveLength(3);
    expect(await evals()).toHaveLength(6);

    // the time is the policy's: publishing a policy with another assignment time moves the schedule (then back)
    const admin = await auth('admin');
    const body = (await s.http.get('/api/policies/current').set(admin)).body.body;
    const publishAt = async (assignmentTime: string) => {
      const draft = await s.http
        .post('/api/policies')
        .set(admin)
        .send({
          body: { ...body, evaluation: { ...body.evaluation, assignmentTime } },
          effectiveFrom: new Date().toISOString().slice(0, 10),
        });
      expect(draft.status).toBe(201);
      expect((await s.http.post(`/api/policies/${draft.body.id}/publish`).set(admin)).status).toBe(200);
      const t = (await handle.describe()).info.nextActionTimes[0];
      return [t.getUTCHours(), t.getUTCMinutes()];
    };
    expect(await publishAt('07:30')).toEqual([23, 30]);
    expect(await publishAt('18:00')).toEqual([10, 0]);
  });

  it('E-4 the unanswered evaluations of a day are reminded (to each evaluator), once; answered ones are not', async () => {
    for (let i = 0; i < 2; i++) await order(`E4-${i}`, '2026-07-01T03:00:00Z', {}, i);
    await s.http
      .post('/api/evaluations/assign')
      .set(await auth('manager1'))
      .send({ date: '2026-07-01' });
    const evs = await s.ds
      .query(`SELECT ev.id, ev.kind, ev.evaluator_user_id, u.username FROM evaluations ev JOIN work_orders w ON w.id = ev.order_id
      LEFT JOIN users u ON u.id = ev.evaluator_user_id WHERE w.order_no LIKE 'E4-%' ORDER BY w.order_no, ev.kind`);
    expect(evs).toHaveLength(4);
    const answered = evs.find((e: { kind: string }) => e.kind !== 'foreman');
    expect(
      (
        await s.http
          .post(`/api/evaluations/${answered.id}/answer`)
          .set(await auth(answered.username))
          .send({ choice: 'satisfied' })
      ).status,
    ).toBe(200);
    const sent = await remindUnansweredEvaluations(s.ds, {
      evaluateOn: '2026-07-02',
      kind: 'overdue',
      workflowId: 'e2e',
    });
    expect(sent).toBeGreaterThanOrEqual(3);
    const notes = await s.ds.query(
      `SELECT idempotency_key AS key, user_id, role, message FROM notifications WHERE idempotency_key = ANY($1::text[])`,
      [evs.map((e: { id: string }) => `evaluation:${e.id}:overdue`)],
    );
    expect(notes).toHaveLength(3);
    expect(notes.map((n: { key: string }) => n.key)).not.toContain(`evaluation:${answered.id}:overdue`);
    for (const n of notes) {
      const ev = evs.find((e: { id: string }) => n.key === `evaluation:${e.id}:overdue`);
      expect(n).toMatchObject({ user_id: ev.evaluator_user_id, role: ev.kind });
      expect(n.message).toContain('E-4');
    }
    expect(
      await remindUnansweredEvaluations(s.ds, { evaluateOn: '2026-07-02', kind: 'overdue', workflowId: 'e2e' }),
    ).toBe(0);
  });

  it("E-4 the day's results reach the team: its own lead is told answered / assigned and the scores, once", async () => {
    for (let i = 0; i < 2; i++) await order(`E4R-${i}`, '2026-07-11T03:00:00Z', {}, i);
    await s.http
      .post('/api/evaluations/assign')
      .set(await auth('manager1'))
      .send({ date: '2026-07-11' });
    const evs = await s.ds.query(`SELECT ev.id, u.username FROM evaluations ev JOIN work_orders w ON w.id = ev.order_id
      JOIN users u ON u.id = ev.evaluator_user_id WHERE w.order_no LIKE 'E4R-%' ORDER BY w.order_no, ev.kind`);
    expect(
      (
        await s.http
          .post(`/api/evaluations/${evs[0].id}/answer`)
          .set(await auth(evs[0].username))
          .send({ choice: 'dissatisfied' })
      ).status,
    ).toBe(200);
    expect(await reportEvaluationResults(s.ds, { evaluateOn: '2026-07-12', workflowId: 'e2e' })).toBeGreaterThanOrEqual(
      1,
    );
    const [lead] = await s.ds.query(`SELECT id FROM users WHERE username = 'teamlead2'`); // lead of b-team1
    const notes = await s.ds.query(
      `SELECT user_id, message FROM notifications WHERE kind = 'evaluation-results' AND idempotency_key LIKE 'evaluation-results:2026-07-12:%'`,
    );
    const mine = notes.filter((n: { user_id: string }) => n.user_id === lead.id);
    expect(mine).toHaveLength(1);
    expect(mine[0].message).toMatch(/已评 1\/\d+，满意 0，基本满意 0，不满意 1.*\(E-4\)/);
    expect(await reportEvaluationResults(s.ds, { evaluateOn: '2026-07-12', workflowId: 'e2e' })).toBe(0);
  });

  it('E-6 the repair star goes to the performance committee: approved → one ledger row (−0.5 points, January of the next year); sent twice → one case; rejected → nothing', async () => {
    const scoredMonth = async (prefix: string, day: string, repairerId: string) => {
      for (let i = 0; i < 2; i++)
        expect((await order(`${prefix}-${i}`, `${day}T03:00:00Z`, { repairerId })).status).toBe(201);
      await s.http
        .post('/api/evaluations/assign')
        .set(await auth('manager1'))
        .send({ date: day });
      const evs = await s.ds.query(
        `SELECT ev.id, u.username FROM evaluations ev JOIN work_orders w ON w.id = ev.order_id JOIN users u ON u.id = ev.evaluator_user_id
        WHERE w.order_no LIKE $1`,
        [`${prefix}-%`],
      );
      expect(evs).toHaveLength(4);
      for (const e of evs)
        expect(
          (
            await s.http
              .post(`/api/evaluations/${e.id}/answer`)
              .set(await auth(e.username))
              .send({ choice: 'satisfied' })
          ).status,
        ).toBe(200);
    };
    const committeeTasks = (caseId: string) =>
      eventually(async () => {
        const t = await s.ds.query(
          `SELECT t.id, u.username FROM tasks t JOIN users u ON u.id = t.assignee_user_id WHERE t.case_id = $1 AND t.stage = 'committee' AND t.status = 'open' ORDER BY u.username`,
          [caseId],
        );
        return t.length === 5 ? t : null;
      });
    const vote = async (caseId: string, votes: ('approve' | 'reject')[]) => {
      let last: any;
      for (const [i, t] of (await committeeTasks(caseId)).entries()) {
        last = await s.http
          .post(`/api/tasks/${t.id}/actions`)
          .set(await auth(t.username))
          .send({ action: votes[i] });
        expect(last.status).toBe(200);
      }
      return last.body;
    };
    const ledger = (caseId: string) =>
      s.ds.query(`SELECT employee_id, month, source, reason, points_x10 FROM ledger_entries WHERE case_id = $1`, [
        caseId,
      ]);

    await scoredMonth('E6A', '2026-05-10', repairers[2]);
    expect((await s.http.post('/api/scores/2026-05/repair-star').set(await auth('dispatcher1'))).status).toBe(403);
    const month = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);
    expect((await s.http.post(`/api/scores/${month}/repair-star`).set(await auth('manager1'))).status).toBe(409);
    const sent = await s.http.post('/api/scores/2026-05/repair-star').set(await auth('manager1'));
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({
      kind: 'repair-star',
      status: 'open',
      stage: 'committee',
      data: { month: '2026-05', repairerId: repairers[2], total: 10.6 },
    }); // 4 evaluations of 10: 10 + 4 × 0.15
    // E-5 why travels with the case: the committee sees the evaluations that made the score
    const nominee = (await s.http.get(`/api/repair-stars/${sent.body.id}`).set(await auth('manager1'))).body
      .nominees[0];
    expect(nominee.why).toMatchObject({ rules: ['E-5'], policyVersion: sent.body.policyVersion });
    expect(nominee.why.facts[0]).toEqual({ code: 'e5_evaluations', params: { count: 4, sum: 40 } });
    const again = await s.http.post('/api/scores/2026-05/repair-star').set(await auth('manager1'));
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(sent.body.id);
    expect(
      await s.ds.query(`SELECT id FROM cases WHERE kind = 'repair-star' AND business_key = '2026-05'`),
    ).toHaveLength(1);
    expect(await ledger(sent.body.id)).toHaveLength(0); // nothing before the committee approves
    expect(await vote(sent.body.id, ['approve', 'approve', 'reject', 'approve', 'approve'])).toMatchObject({
      status: 'closed',
      outcome: 'posted',
    });
    expect(await ledger(sent.body.id)).toEqual([
      { employee_id: repairers[2], month: '2027-01', source: 'repair-star', reason: 'repair-star', points_x10: -5 },
    ]);
    const scores = (await s.http.get('/api/scores?month=2026-05').set(await auth('manager1'))).body;
    expect(scores.repairStarCase).toMatchObject({ id: sent.body.id, status: 'closed', outcome: 'posted' });
    expect((await s.http.post('/api/scores/2026-05/repair-star').set(await auth('manager1'))).status).toBe(200);
    expect(await ledger(sent.body.id)).toHaveLength(1);

    await scoredMonth('E6B', '2026-06-10', repairers[3]);
    const rejected = await s.http.post('/api/scores/2026-06/repair-star').set(await auth('admin'));
    expect(rejected.status).toBe(201);
    expect(await vote(rejected.body.id, ['reject', 'approve', 'reject', 'reject', 'approve'])).toMatchObject({
      status: 'closed',
      outcome: 'rejected',
    });
    expect(await ledger(rejected.body.id)).toHaveLength(0);
  });

  it("scope: team leads, foremen and dispatchers read the orders and evaluations of their own units and those assigned to them; another unit's order is 404 (issue 12)", async () => {
    expect((await order('SC-1', '2026-11-02T03:00:00Z')).status).toBe(201);
    expect((await order('SC-2', '2026-11-02T03:00:00Z', {}, 1)).status).toBe(201);
    const [sc1, sc2] = await s.ds.query(
      `SELECT id FROM work_orders WHERE order_no IN ('SC-1', 'SC-2') ORDER BY order_no`,
    );
    const total = async (u: string, path: string, filter: object = {}) => {
      const r = await s.http
        .get(path)
        .query({ filter: JSON.stringify(filter), range: '[0,0]' })
        .set(await auth(u));
      expect(r.status).toBe(200);
      return Number(/\/(\d+)$/.exec(r.headers['content-range'])![1]);
    };
    const [{ own }] = await s.ds.query(`SELECT count(*)::int AS own FROM work_orders WHERE team_unit_id = $1`, [team]);
    const [{ all }] = await s.ds.query(`SELECT count(*)::int AS "all" FROM work_orders`);
    // teamlead2 leads b-team1 (the orders' team); teamlead1 leads a-team1 and sees none of them
    expect(await total('teamlead2', '/api/work-orders')).toBe(own);
    expect(await total('teamlead1', '/api/work-orders')).toBeLessThan(all - own + 1);
    expect(await total('manager1', '/api/work-orders')).toBe(all);
    expect((await s.http.get(`/api/work-orders/${sc1.id}`).set(await auth('teamlead2'))).status).toBe(200);
    expect((await s.http.get(`/api/work-orders/${sc1.id}`).set(await auth('manager1'))).status).toBe(200);
    const hidden = await s.http.get(`/api/work-orders/${sc1.id}`).set(await auth('teamlead1'));
    expect(hidden.status).toBe(404);
    expect(hidden.body.code).toBe('not_found.work_order');
    // dispatcher1 (a-team1) sees an order of b-team1 only once a callback of it is theirs
    expect((await s.http.get(`/api/work-orders/${sc1.id}`).set(await auth('dispatcher1'))).status).toBe(404);
    await s.http
      .post('/api/evaluations/assign')
      .set(await auth('manager1'))
      .send({ date: '2026-11-02', seed: 'scope' });
    const evs: { id: string; order_id: string; kind: string; username: string | null }[] = await s.ds.query(
      `SELECT ev.id, ev.order_id, ev.kind, u.username FROM evaluations ev LEFT JOIN users u ON u.id = ev.evaluator_user_id
       WHERE ev.order_id = ANY($1::uuid[]) ORDER BY ev.id`,
      [[sc1.id, sc2.id]],
    );
    expect(evs).toHaveLength(4);
    for (const o of [sc1, sc2]) {
      const mine = evs.filter((e) => e.order_id === o.id && e.username === 'dispatcher1');
      expect(await total('dispatcher1', '/api/evaluations', { orderId: o.id })).toBe(mine.length);
      expect((await s.http.get(`/api/work-orders/${o.id}`).set(await auth('dispatcher1'))).status).toBe(
        mine.length ? 200 : 404,
      );
      expect(await total('teamlead1', '/api/evaluations', { orderId: o.id })).toBe(0);
      expect(await total('teamlead2', '/api/evaluations', { orderId: o.id })).toBe(2);
      expect(await total('admin', '/api/evaluations', { orderId: o.id })).toBe(2);
    }
    // answering an evaluation outside one's units that is not one's own: 404, as if it did not exist; inside: 403
    const foremanEval = evs.find((e) => e.kind === 'foreman')!;
    expect(foremanEval.username).toBe('foreman1'); // b-team1 has no foreman login: another unit's foreman self-evaluates (E-2)
    const answerAs = async (u: string) =>
      (
        await s.http
          .post(`/api/evaluations/${foremanEval.id}/answer`)
          .set(await auth(u))
          .send({ choice: 'satisfied' })
      ).status;
    expect(await answerAs('teamlead1')).toBe(404);
    expect(await answerAs('dispatcher1')).toBe(404);
    expect(await answerAs('teamlead2')).toBe(403);
  });

  it('audit: creating a work order, importing orders and assigning a day each write exactly one audit row (issue 12)', async () => {
    const rows = (entity: string, entityId: string | null, action: string) =>
      s.ds.query(
        `SELECT actor, action FROM audit_log WHERE entity = $1 AND entity_id IS NOT DISTINCT FROM $2 AND action = $3`,
        [entity, entityId, action],
      );
    const created = await order('AU-1', '2026-11-03T03:00:00Z');
    expect(created.status).toBe(201);
    expect(await rows('work-order', created.body.id, 'work-order.created')).toEqual([
      { actor: 'dispatcher1', action: 'work-order.created' },
    ]);
    const refused = await order('AU-1', '2026-11-03T03:00:00Z');
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect(await rows('work-order', created.body.id, 'work-order.created')).toHaveLength(1);

    const [{ code }] = await s.ds.query(`SELECT code FROM employees WHERE id = $1`, [repairers[0]]);
    const before = (await rows('work-order', 'audit.csv', 'work-orders.imported')).length;
    const csv = [
      'orderNo,faultKey,repeatReport,source,repairerCode,teamCode,reporter,reportedAt,closedAt',
      `AU-2,,,hotline,${code},b-team1,客户,,2026-11-03T04:00:00Z`,
    ].join('\n');
    const imported = await s.http
      .post('/api/work-orders/import')
      .set(await auth('dispatcher1'))
      .attach('file', Buffer.from(csv), 'audit.csv');
    expect(imported.body).toEqual({ imported: 1 });
    expect(await rows('work-order', 'audit.csv', 'work-orders.imported')).toHaveLength(before + 1);

    const assigned = await s.http
      .post('/api/evaluations/assign')
      .set(await auth('manager1'))
      .send({ date: '2026-11-03', seed: 'audit' });
    expect(assigned.status).toBe(200);
    expect(await rows('evaluation-day', '2026-11-03', 'evaluations.assigned')).toEqual([
      { actor: 'manager1', action: 'evaluations.assigned' },
    ]);
  });

  it('E-1 importing closed orders: bad rows import nothing and list every bad row; a good file imports all', async () => {
    const header = 'orderNo,faultKey,repeatReport,source,repairerCode,teamCode,reporter,reportedAt,closedAt';
    const [{ code }] = await s.ds.query(`SELECT code FROM employees WHERE id = $1`, [repairers[0]]);
    const bad = [
      header,
      `I-1,,,hotline,${code},b-team1,x,,2026-10-20T03:00:00Z`,
      `I-2,,,hotline,NOPE,b-team1,x,,2026-10-20T03:00:00Z`,
      `I-3,,,hotline,${code},no-team,x,,not-a-date`,
    ].join('\n');
    const r = await s.http
      .post('/api/work-orders/import')
      .set(await auth('dispatcher1'))
      .attach('file', Buffer.from(bad), 'orders.csv');
    expect(r.status).toBe(400);
    expect([...new Set(r.body.details.map((d: { path: string }) => d.path))].sort()).toEqual(['row 3', 'row 4']);
    expect(await s.ds.query(`SELECT 1 FROM work_orders WHERE order_no = 'I-1'`)).toHaveLength(0);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('orders');
    ws.addRow(header.split(','));
    for (let i = 0; i < 2000; i++)
      ws.addRow([`IM-${i}`, '', '', 'hotline', code, 'b-team1', '客户', '', '2026-10-21T03:00:00Z']);
    const ok = await s.http
      .post('/api/work-orders/import')
      .set(await auth('dispatcher1'))
      .attach('file', Buffer.from(await wb.xlsx.writeBuffer()), 'orders.xlsx');
    expect(ok.body).toEqual({ imported: 2000 });
  });

  it('E-1 importing 100,000 closed orders from one file completes and reports its progress', async () => {
    const [{ code }] = await s.ds.query(`SELECT code FROM employees WHERE id = $1`, [repairers[1]]);
    const lines = ['orderNo,faultKey,repeatReport,source,repairerCode,teamCode,reporter,reportedAt,closedAt'];
    for (let i = 0; i < 100_000; i++)
      lines.push(`BULK-${i},,,hotline,${code},b-team1,客户${i % 100},,2026-08-0${1 + (i % 9)}T03:00:00Z`);
    const importId = '7f3c1a52-0000-4000-8000-' + String(Date.now()).slice(-12).padStart(12, '0');
    const seen: { phase: string; processed: number; total: number }[] = [];
    let finished = false;
    const poll = (async () => {
      while (!finished) {
        const p = await s.http.get(`/api/imports/${importId}`).set(await auth('dispatcher1'));
        if (p.status === 200) seen.push(p.body);
        await new Promise((r) => setTimeout(r, 200));
      }
    })();
    const t0 = Date.now();
    const res = await s.http
      .post('/api/work-orders/import')
      .set(await auth('dispatcher1'))
      .field('importId', importId)
      .attach('file', Buffer.from(lines.join('\n')), 'bulk.csv');
    finished = true;
    await poll;
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ imported: 100_000 });
    const final = (await s.http.get(`/api/imports/${importId}`).set(await auth('dispatcher1'))).body;
    expect(final).toMatchObject({ phase: 'done', processed: 100_000, total: 100_000 });
    expect(seen.length).toBeGreaterThan(0);
    console.log(
      `imported 100,000 orders in ${((Date.now() - t0) / 1000).toFixed(1)} s; progress seen: ${[...new Set(seen.map((x) => `${x.phase}:${x.processed}`))].join(', ')}`,
    );
  }, 180_000);
});
