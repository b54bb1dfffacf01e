import { createServiceOrderActivities } from '../../activities/src/service-order-activities';
import { eventually, startTestStack, TestStack } from '../support/stack';

/** Service work orders (K-1), deadlines and re-dispatch (K-2), fines per event (K-8) on real Postgres and Temporal. */
describe('service work orders and fines (K-1, K-2, K-8)', () => {
  let s: TestStack;
  const unit: Record<string, string> = {};
  const emp: Record<string, string> = {};
  const tag = `T${Date.now().toString(36).toUpperCase()}`;
  beforeAll(async () => {
    s = await startTestStack({ SERVICE_ORDER_SCAN: 'true' });
    for (const r of await s.ds.query(`SELECT id, code FROM org_units`)) unit[r.code] = r.id;
    for (const r of await s.ds.query(`SELECT u.username, e.id FROM users u JOIN employees e ON e.id = u.employee_id`))
      emp[r.username] = r.id;
  });
  afterAll(async () => {
    await s?.stop();
  });
  const auth = async (u: string) => ({ Authorization: `Bearer ${await s.login(u)}` });
  const minutesAgo = (m: number) => new Date(Date.now() - m * 60000).toISOString();
  const create = async (user: string, body: Record<string, unknown>) =>
    s.http
      .post('/api/service-orders')
      .set(await auth(user))
      .send(body);
  const openTask = (caseId: string) =>
    eventually(
      async () =>
        (
          await s.ds.query(
            `SELECT id, stage, assignee_role, assignee_user_id FROM tasks WHERE case_id = $1 AND status = 'open'`,
            [caseId],
          )
        )[0],
      30000,
    );

  it('K-1 an order moves hotline → dispatch → handling → closed, each move with who and when, and keeps its four tracking lines', async () => {
    const no = `${tag}-1`;
    const c = await create('dispatcher1', { orderNo: no, kind: 'ordinary', unitId: unit['a-team1'] });
    expect(c.status).toBe(201);
    expect(c.body).toMatchObject({ orderNo: no, stage: 'hotline', late: false, redispatchCount: 0 });
    const id = c.body.id;
    expect((await create('dispatcher1', { orderNo: no, kind: 'ordinary', unitId: unit['a-team1'] })).status).toBe(409);
    // only the next stage: hotline cannot jump to closed
    const jump = await s.http
      .post(`/api/service-orders/${id}/moves`)
      .set(await auth('dispatcher1'))
      .send({ to: 'closed' });
    expect(jump.status).toBe(409);
    const move = async (to: string, extra: Record<string, unknown> = {}) =>
      s.http
        .post(`/api/service-orders/${id}/moves`)
        .set(await auth('dispatcher1'))
        .send({ to, ...extra });
    expect((await move('dispatch')).status).toBe(201);
    const handling = await move('handling', { unitId: unit['a-team2'], handlerId: emp.foreman1 });
    expect(handling.status).toBe(201);
    expect(handling.body).toMatchObject({
      stage: 'handling',
      unitId: unit['a-team2'],
      handlerName: expect.stringMatching(/^工长（E\d+）$/),
    });
    expect(handling.body.respondedAt).toBeTruthy();
    // a team lead sees only orders of their unit: teamlead2 (b-team1) gets a 404, not a 403
    expect((await s.http.get(`/api/service-orders/${id}`).set(await auth('teamlead2'))).status).toBe(404);
    expect((await s.http.get(`/api/service-orders/${id}`).set(await auth('manager1'))).status).toBe(200);
    for (const [line, value] of [
      ['handler_feedback', '已上门处理，光猫更换'],
      ['re_complaint', '无'],
      ['callback', '回访满意'],
      ['qa_sampling', '抽检合格'],
    ])
      expect(
        (
          await s.http
            .put(`/api/service-orders/${id}/tracking`)
            .set(await auth('dispatcher1'))
            .send({ line, value })
        ).status,
      ).toBe(200);
    const bad = await s.http
      .put(`/api/service-orders/${id}/tracking`)
      .set(await auth('dispatcher1'))
      .send({ line: 'x', value: 'y' });
    expect(bad.status).toBe(400);
    expect(bad.body.details[0].path).toBe('line');
    const closed = await move('closed');
    expect(closed.status).toBe(201);
    expect(closed.body.moves.map((m: any) => [m.fromStage, m.toStage])).toEqual([
      [null, 'hotline'],
      ['hotline', 'dispatch'],
      ['dispatch', 'handling'],
      ['handling', 'closed'],
    ]);
    expect(closed.body.moves.every((m: any) => /^调度员（E\d+）$/.test(m.actorName) && m.at)).toBe(true);
    expect(closed.body.tracking.map((t: any) => t.line).sort()).toEqual([
      'callback',
      'handler_feedback',
      'qa_sampling',
      're_complaint',
    ]);
    expect((await move('closed')).status).toBe(409);
    const audit = await s.ds.query(`SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY id`, [id]);
    expect(audit.map((a: any) => a.action)).toEqual(
      expect.arrayContaining(['service-order.created', 'service-order.moved', 'service-order.tracked']),
    );
  });

  it('K-1 imports orders from the call system all-or-nothing, naming each bad row', async () => {
    const file = (rows: string[]) =>
      Buffer.from(['工单号,工单类型,处理单位编码,受理时间,处理人工号,响应时间,办结时间', ...rows].join('\n'));
    const post = async (rows: string[]) =>
      s.http
        .post('/api/service-orders/import')
        .set(await auth('dispatcher1'))
        .attach('file', file(rows), 'orders.csv');
    const bad = await post([
      `${tag}-I1,普通,a-team1,2026-04-02 09:00,,,`,
      `${tag}-I2,VIP故障,NOPE,2026-04-02 09:10,,,`,
      `${tag}-I3,odd,a-team1,2026-04-02 09:20,,,`,
      `${tag}-I1,普通,a-team1,2026-04-02 09:30,,,`,
    ]);
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: any) => d.path)).toEqual(
      expect.arrayContaining(['row 3.unitCode', 'row 4.kind', 'row 5.orderNo']),
    );
    expect(
      (await s.ds.query(`SELECT count(*)::int AS n FROM service_orders WHERE order_no LIKE $1`, [`${tag}-I%`]))[0].n,
    ).toBe(0);
    const ok = await post([
      `${tag}-I1,普通,a-team1,2026-04-02 09:00,,,`,
      `${tag}-I2,VIP故障,a-team2,2026-04-02 09:10,,2026-04-02 09:25,2026-04-02 14:00`,
    ]);
    expect(ok.status).toBe(201);
    expect(ok.body.imported).toBe(2);
    const [vip] = await s.ds.query(
      `SELECT stage, respond_due_at, complete_due_at, accepted_at FROM service_orders WHERE order_no = $1`,
      [`${tag}-I2`],
    );
    expect(vip.stage).toBe('closed');
    // K-2: VIP fault 20 min / 6 h from acceptance (09:10 +08:00)
    expect(new Date(vip.respond_due_at).toISOString()).toBe('2026-04-02T01:30:00.000Z');
    expect(new Date(vip.complete_due_at).toISOString()).toBe('2026-04-02T07:10:00.000Z');
  });

  it('K-2 a late ordinary order is flagged within a minute, re-dispatched by the dispatcher and counted against its unit', async () => {
    const no = `${tag}-L`;
    // accepted 31 minutes ago: the 30-minute response deadline passed a minute ago (no sleeping)
    const c = await create('dispatcher1', {
      orderNo: no,
      kind: 'ordinary',
      unitId: unit['a-team1'],
      acceptedAt: minutesAgo(31),
    });
    expect(c.status).toBe(201);
    const accepted = Date.parse(c.body.acceptedAt);
    expect(Date.parse(c.body.respondDueAt) - accepted).toBe(30 * 60000);
    expect(Date.parse(c.body.completeDueAt) - accepted).toBe(24 * 3600000);
    const onTime = await create('dispatcher1', {
      orderNo: `${no}-ok`,
      kind: 'vip_activation',
      unitId: unit['a-team1'],
      acceptedAt: minutesAgo(31),
    });
    expect(Date.parse(onTime.body.respondDueAt) - Date.parse(onTime.body.acceptedAt)).toBe(60 * 60000);
    const flagged = await eventually(async () => {
      const r = (await s.http.get(`/api/service-orders/${c.body.id}`).set(await auth('dispatcher1'))).body;
      return r.lateRespondAt ? r : null;
    }, 75000);
    expect(flagged.late).toBe(true);
    expect(Date.parse(flagged.lateRespondAt) - Date.parse(flagged.respondDueAt)).toBeLessThan(60000 + 25000);
    expect(flagged.lateCompleteAt).toBeNull();
    const caseRow = await eventually(
      async () =>
        (
          await s.ds.query(
            `SELECT id, kind, unit_id FROM cases WHERE kind = 'order-redispatch' AND business_key = $1`,
            [`${no}-respond`],
          )
        )[0],
    );
    expect(caseRow.unit_id).toBe(unit['a-team1']);
    const task = await openTask(caseRow.id);
    expect(task).toMatchObject({ stage: 'redispatch', assignee_role: 'dispatcher' });
    // the VIP activation order (1 h) is not late
    const other = (await s.http.get(`/api/service-orders/${onTime.body.id}`).set(await auth('dispatcher1'))).body;
    expect(other.late).toBe(false);
    // the late list of the unit holds it
    const late = await s.http
      .get('/api/service-orders')
      .query({ filter: JSON.stringify({ late: true, unitId: unit['a-team1'], q: no }) })
      .set(await auth('dispatcher1'));
    expect(late.body.map((o: any) => o.orderNo)).toEqual([no]);
    // the dispatcher re-dispatches to another handler
    const done = await s.http
      .post(`/api/tasks/${task.id}/actions`)
      .set(await auth('dispatcher1'))
      .send({ action: 'approve', data: { handlerId: emp.foreman1 } });
    expect(done.status).toBe(200);
    const after = await eventually(async () => {
      const r = (await s.http.get(`/api/service-orders/${c.body.id}`).set(await auth('dispatcher1'))).body;
      return r.redispatchCount === 1 ? r : null;
    });
    expect(after.handlerId).toBe(emp.foreman1);
    expect(after.moves.at(-1)).toMatchObject({ note: '重新派单' });
    // flagged once: later scans find nothing more to flag for it
    const audits = await s.ds.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'service-order.late' AND entity_id = $1`,
      [c.body.id],
    );
    expect(audits[0].n).toBe(1);
    const [counted] = await s.ds.query(
      `SELECT count(*)::int AS n FROM service_orders WHERE unit_id = $1 AND late_respond_at IS NOT NULL AND order_no LIKE $2`,
      [unit['a-team1'], `${no}%`],
    );
    expect(counted.n).toBe(1);
  });

  it('K-8 a fine out of its range is refused naming the field; the lead approves once and the fine posts to the ledger once', async () => {
    const register = async (body: Record<string, unknown>) =>
      s.http
        .post('/api/service-fines')
        .set(await auth('quality1'))
        .send(body);
    const refused = await register({
      kind: 'attitude-complaint',
      employeeId: emp.agent2,
      amountFen: 25000,
      description: `${tag} 态度`,
    });
    expect(refused.status).toBe(400);
    expect(refused.body.details[0]).toMatchObject({
      path: 'amountFen',
      rule: 'K-8',
      code: 'kpi.fine_range',
      params: { min: 50, max: 200 },
    });
    // a team member may not register fines
    expect(
      (
        await s.http
          .post('/api/service-fines')
          .set(await auth('agent1'))
          .send({})
      ).status,
    ).toBe(403);
    const ok = await register({
      kind: 'attitude-complaint',
      employeeId: emp.agent2,
      amountFen: 12000,
      description: `${tag} 态度投诉`,
    });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({
      status: 'pending',
      amountFen: 12000,
      employeeName: expect.stringMatching(/^客服2（E\d+）$/),
    });
    const caseId = await eventually(
      async () => (await s.ds.query(`SELECT case_id FROM service_fines WHERE id = $1`, [ok.body.id]))[0]?.case_id,
    );
    const task = await openTask(caseId);
    // the agent's direct lead: the hotline's team lead
    expect(task.assignee_user_id).toBe(s.users.hotlinelead1);
    const inbox = await s.http
      .get('/api/tasks')
      .query({ filter: JSON.stringify({ mine: true, caseId }) })
      .set(await auth('hotlinelead1'));
    expect(inbox.body.map((t: any) => t.id)).toContain(task.id);
    expect(
      (
        await s.http
          .post(`/api/tasks/${task.id}/actions`)
          .set(await auth('teamlead1'))
          .send({ action: 'approve' })
      ).status,
    ).not.toBe(200);
    const approve = () => s.http.post(`/api/tasks/${task.id}/actions`).set({}).send({ action: 'approve' });
    const first = await approve().set(await auth('hotlinelead1'));
    expect(first.status).toBe(200);
    const again = await approve().set(await auth('hotlinelead1'));
    expect(again.status).toBe(409);
    const ledger = () =>
      eventually(async () => {
        const rows = await s.ds.query(
          `SELECT employee_id, reason, money_fen::int AS fen, source FROM ledger_entries WHERE case_id = $1`,
          [caseId],
        );
        return rows.length ? rows : null;
      });
    expect(await ledger()).toEqual([{ employee_id: emp.agent2, reason: 'kpi-fine', fen: 12000, source: 'kpi-fine' }]);
    const fine = await eventually(async () => {
      const r = (await s.http.get(`/api/service-fines/${ok.body.id}`).set(await auth('quality1'))).body;
      return r.status === 'approved' ? r : null;
    });
    expect(fine.decidedAt).toBeTruthy();
    expect(await ledger()).toHaveLength(1);
  });

  it('K-8 standards not followed fine the person and the direct lead jointly; a false work order costs the unit 1', async () => {
    const reg = await s.http
      .post('/api/service-fines')
      .set(await auth('quality1'))
      .send({ kind: 'standards-not-followed', employeeId: emp.agent3, description: `${tag} 未按规范` });
    expect(reg.status).toBe(201);
    expect(reg.body).toMatchObject({ amountFen: 3000, leadFen: 3000 });
    const caseId = (await s.ds.query(`SELECT case_id FROM service_fines WHERE id = $1`, [reg.body.id]))[0].case_id;
    const task = await openTask(caseId);
    expect(
      (
        await s.http
          .post(`/api/tasks/${task.id}/actions`)
          .set(await auth('hotlinelead1'))
          .send({ action: 'approve' })
      ).status,
    ).toBe(200);
    const rows = await eventually(async () => {
      const r = await s.ds.query(
        `SELECT employee_id, reason, money_fen::int AS fen FROM ledger_entries WHERE case_id = $1 ORDER BY reason`,
        [caseId],
      );
      return r.length === 2 ? r : null;
    });
    expect(rows).toEqual([
      { employee_id: emp.agent3, reason: 'kpi-fine', fen: 3000 },
      { employee_id: emp.hotlinelead1, reason: 'kpi-fine-lead', fen: 3000 },
    ]);
    const fo = await s.http
      .post('/api/service-fines')
      .set(await auth('quality1'))
      .send({ kind: 'false-work-order', employeeId: emp.agent1, amountFen: 5000, description: `${tag} 虚假工单` });
    expect(fo.status).toBe(201);
    expect(fo.body.unitScoreDelta).toBe(-1);
    // returned (退回, with a reason): nothing posts
    const foCase = (await s.ds.query(`SELECT case_id FROM service_fines WHERE id = $1`, [fo.body.id]))[0].case_id;
    const foTask = await openTask(foCase);
    expect(
      (
        await s.http
          .post(`/api/tasks/${foTask.id}/actions`)
          .set(await auth('hotlinelead1'))
          .send({ action: 'return', comment: '证据不足' })
      ).status,
    ).toBe(200);
    await eventually(
      async () =>
        (await s.http.get(`/api/service-fines/${fo.body.id}`).set(await auth('quality1'))).body.status === 'returned',
    );
    expect((await s.ds.query(`SELECT count(*)::int AS n FROM ledger_entries WHERE case_id = $1`, [foCase]))[0].n).toBe(
      0,
    );
    const unitLedger = (caseId: string) =>
      s.ds.query(
        `SELECT unit_id, source, org_score_x10 AS x10 FROM unit_ledger_entries WHERE case_id = $1 OR reason LIKE '%' || $2`,
        [caseId, fo.body.id],
      );
    expect(await unitLedger(foCase)).toEqual([]);
    // approved: the unit loses 1 organisational point (the units' ledger, where P-6 posts its deductions), once
    const fo2 = await s.http
      .post('/api/service-fines')
      .set(await auth('quality1'))
      .send({ kind: 'false-work-order', employeeId: emp.agent1, amountFen: 6000, description: `${tag} 虚假工单 2` });
    expect(fo2.status).toBe(201);
    const [fine2] = await s.ds.query(`SELECT case_id, unit_id, month FROM service_fines WHERE id = $1`, [fo2.body.id]);
    expect(
      (
        await s.http
          .post(`/api/tasks/${(await openTask(fine2.case_id)).id}/actions`)
          .set(await auth('hotlinelead1'))
          .send({ action: 'approve' })
      ).status,
    ).toBe(200);
    const posted = await eventually(async () => {
      const r = await unitLedger(fine2.case_id);
      return r.length ? r : null;
    });
    expect(posted).toEqual([{ unit_id: fine2.unit_id, source: 'kpi-fine', x10: 10 }]);
    // the decision replayed (an activity retry): nothing posts twice
    const wf = (await s.ds.query(`SELECT workflow_id FROM cases WHERE id = $1`, [fine2.case_id]))[0].workflow_id;
    expect(
      await createServiceOrderActivities(s.ds).settleFine({
        caseId: fine2.case_id,
        workflowId: wf,
        fineId: fo2.body.id,
        approved: true,
      }),
    ).toEqual({ posted: 0 });
    expect(await unitLedger(fine2.case_id)).toHaveLength(1);
  });
});
