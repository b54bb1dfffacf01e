import { randomUUID } from 'node:crypto';
import { defaultPolicy } from '@qf/policy';
import { eventually, startTestStack, TestStack } from '../support/stack';

const policy = defaultPolicy();
const cat = (sev: 'egregious' | 'serious' | 'ordinary') => policy.complaints.severities[sev].categories[0].key;

describe('complaint liability end to end (C-1…C-12)', () => {
  let s: TestStack;
  const emp: Record<string, string> = {};
  let unitId: string;
  beforeAll(async () => {
    s = await startTestStack();
    const rows = await s.ds.query(
      `SELECT u.username, u.employee_id, e.unit_id FROM users u JOIN employees e ON e.id = u.employee_id`,
    );
    for (const r of rows) emp[r.username] = r.employee_id;
    unitId = rows.find((r: { username: string }) => r.username === 'agent1').unit_id;
  });
  afterAll(async () => {
    await s?.stop();
  });

  const auth = async (u: string) => ({ Authorization: `Bearer ${await s.login(u)}` });
  async function register(over: Record<string, unknown> = {}) {
    const res = await s.http
      .post('/api/complaints')
      .set(await auth('verifier1'))
      .send({
        source: 'hotline-work-order',
        workOrderNo: `WO-${randomUUID().slice(0, 8)}`,
        customer: '张先生',
        channel: '10000号',
        occurredAt: '2026-11-20T02:00:00Z',
        description: '装机超时未处理',
        unitId,
        employeeIds: [emp.agent1],
        ...over,
      });
    return res;
  }
  async function openTask(caseId: string, stage: string, user: string) {
    return eventually(async () => {
      const c = await s.http.get(`/api/cases/${caseId}`).set(await auth('admin'));
      const t = c.body.tasks.find(
        (x: any) =>
          x.stage === stage && x.status === 'open' && (!x.assigneeUserId || x.assigneeUserId === s.users[user]),
      );
      return t?.id as string | undefined;
    });
  }
  const act = async (taskId: string, user: string, body: Record<string, unknown>) =>
    s.http
      .post(`/api/tasks/${taskId}/actions`)
      .set(await auth(user))
      .send(body);
  const ledger = (caseId: string) =>
    s.ds.query(`SELECT employee_id, reason, points_x10, month FROM ledger_entries WHERE case_id = $1 ORDER BY reason`, [
      caseId,
    ]);

  it('C-1 registration keeps source and work order; the same work order twice gives one case', async () => {
    const wo = `WO-${randomUUID().slice(0, 8)}`;
    const first = await register({ workOrderNo: wo });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ kind: 'complaint', stage: 'verify', waitingOn: [{ role: 'verifier' }] });
    const again = await register({ workOrderNo: wo });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    const missing = await s.http
      .post('/api/complaints')
      .set(await auth('verifier1'))
      .send({ source: 'escalated-order', customer: 'x' });
    expect(missing.status).toBe(400);
    expect(missing.body.details.map((d: any) => d.path)).toEqual(
      expect.arrayContaining(['channel', 'occurredAt', 'description', 'unitId']),
    );
  });

  it('C-1 the sources are the policy in effect: a source it drops is refused naming the field, one it adds is accepted', async () => {
    const admin = await auth('admin');
    const body = (await s.http.get('/api/policies/current').set(admin)).body.body;
    const publish = async (policy: object) => {
      const draft = await s.http
        .post('/api/policies')
        .set(admin)
        .send({ body: policy, effectiveFrom: new Date().toISOString().slice(0, 10) });
      expect((await s.http.post(`/api/policies/${draft.body.id}/publish`).set(admin)).status).toBe(200);
    };
    const sources = ['hotline-work-order', 'escalated-order', 'internal-audit', 'wechat-complaint'];
    await publish({ ...body, complaints: { ...body.complaints, sources } });
    try {
      const dropped = await register({ source: 'regulator', workOrderNo: undefined });
      expect(dropped.status).toBe(400);
      expect(dropped.body.details).toEqual([
        expect.objectContaining({ path: 'source', rule: 'C-1', code: 'complaint.source_unknown' }),
      ]);
      const added = await register({ source: 'wechat-complaint', workOrderNo: undefined });
      expect(added.status).toBe(201);
      expect(added.body.complaint.source).toBe('wechat-complaint');
      // C-1: the employees concerned are named
      const nobody = await register({ employeeIds: [] });
      expect(nobody.status).toBe(400);
      expect(nobody.body.details).toEqual([
        expect.objectContaining({ path: 'employeeIds', code: 'complaint.employees_required' }),
      ]);
    } finally {
      await publish(body);
    }
  });

  it('C-2 a valid-not-liable verdict closes the case with the reason', async () => {
    const c = (await register()).body;
    const t = await openTask(c.id, 'verify', 'verifier1');
    const bad = await act(t, 'verifier1', { action: 'approve', data: { verdict: 'maybe' } });
    expect(bad.status).toBe(400);
    expect(bad.body.details[0]).toMatchObject({ path: 'data.verdict', rule: 'C-2' });
    // README "Errors": a zod issue carries a stable code (+params) the console translates
    expect(bad.body.code).toBe('validation');
    expect(bad.body.details[0]).toMatchObject({
      code: 'zod.invalid_value',
      params: { values: expect.stringContaining('liable') },
    });
    const ok = await act(t, 'verifier1', {
      action: 'approve',
      data: { verdict: 'valid-not-liable', facts: '客户诉求合理，但员工按规范操作' },
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ status: 'closed', outcome: 'valid-not-liable' });
    expect(await ledger(c.id)).toEqual([]);
  });

  it('C-3 out-of-range points and a person named twice are refused naming the rule; the corrected ruling posts after acceptance', async () => {
    const c = (await register()).body;
    await act(await openTask(c.id, 'verify', 'verifier1'), 'verifier1', {
      action: 'approve',
      data: { verdict: 'liable', facts: '属实' },
    });
    const rule = await openTask(c.id, 'rule', 'ruling1');
    // a verifier may not rule
    const notMine = await act(rule, 'verifier1', { action: 'approve', data: {} });
    expect(notMine.status).toBe(403);
    expect(notMine.body.code).toMatch(/^(task\.needs_role|task\.assigned_to_other|forbidden\.)/);
    const out = await act(rule, 'ruling1', {
      action: 'approve',
      data: {
        severity: 'ordinary',
        category: cat('ordinary'),
        cause: 'other',
        persons: [{ employeeId: emp.agent1, role: 'responsible', points: 3 }],
      },
    });
    expect(out.status).toBe(400);
    expect(out.body.details).toEqual([
      expect.objectContaining({ rule: 'C-3', path: expect.stringContaining('persons.0.points') }),
    ]);
    expect(out.body.message).toMatch(/2\.0/);
    expect(out.body.details[0]).toMatchObject({
      code: 'ruling.points_exact',
      params: { role: 'responsible', value: '2.0' },
    });
    const twice = await act(rule, 'ruling1', {
      action: 'approve',
      data: {
        severity: 'ordinary',
        category: cat('ordinary'),
        cause: 'other',
        persons: [
          { employeeId: emp.agent1, role: 'responsible', points: 2 },
          { employeeId: emp.agent1, role: 'responsible', points: 2 },
        ],
      },
    });
    expect(twice.status).toBe(400);
    expect(twice.body.details.map((d: any) => d.rule)).toContain('C-3');
    const ok = await act(rule, 'ruling1', {
      action: 'approve',
      data: {
        severity: 'ordinary',
        category: cat('ordinary'),
        cause: 'other',
        persons: [{ employeeId: emp.agent1, role: 'responsible', points: 2 }],
      },
    });
    expect(ok.status).toBe(200);
    expect(ok.body.stage).toBe('appeal');
    const notice = await s.ds.query(`SELECT body FROM notices WHERE case_id = $1`, [c.id]);
    expect(notice[0].body.persons).toEqual([expect.objectContaining({ employeeId: emp.agent1, points: '2.0' })]);
    // C-12 the accountable person accepts: nothing left to wait for, the deduction posts
    const accepted = await act(await openTask(c.id, 'appeal', 'agent1'), 'agent1', { action: 'approve' });
    expect(accepted.body).toMatchObject({ status: 'closed', outcome: 'posted' });
    expect(await ledger(c.id)).toEqual([
      expect.objectContaining({ employee_id: emp.agent1, reason: 'ruling', points_x10: 20 }),
    ]);
    const mine = await s.http.get('/api/deductions').set(await auth('agent1'));
    expect(mine.body.map((d: any) => d.caseId)).toContain(c.id);
    const others = await s.http.get('/api/deductions').set(await auth('agent2'));
    expect(others.body.map((d: any) => d.caseId)).not.toContain(c.id);
  });

  it('C-5 an execution failure needs the supervisor; C-12 an appeal that changes the points', async () => {
    const c = (await register({ employeeIds: [emp.agent2] })).body;
    await act(await openTask(c.id, 'verify', 'verifier1'), 'verifier1', {
      action: 'approve',
      data: { verdict: 'liable', facts: '属实' },
    });
    const rule = await openTask(c.id, 'rule', 'ruling1');
    const noSup = await act(rule, 'ruling1', {
      action: 'approve',
      data: {
        severity: 'serious',
        category: cat('serious'),
        cause: 'execution',
        persons: [{ employeeId: emp.agent2, role: 'responsible', points: 8 }],
      },
    });
    expect(noSup.status).toBe(400);
    expect(noSup.body.details.map((d: any) => d.rule)).toContain('C-5');
    const ok = await act(rule, 'ruling1', {
      action: 'approve',
      data: {
        severity: 'serious',
        category: cat('serious'),
        cause: 'execution',
        persons: [
          { employeeId: emp.agent2, role: 'responsible', points: 8 },
          { employeeId: emp.teamlead1, role: 'supervisor', points: 3 },
        ],
      },
    });
    expect(ok.status).toBe(200);
    const noReason = await act(await openTask(c.id, 'appeal', 'agent2'), 'agent2', { action: 'reject' });
    expect(noReason.status).toBe(400);
    const appealed = await act(await openTask(c.id, 'appeal', 'agent2'), 'agent2', {
      action: 'reject',
      comment: '系统故障导致，非本人责任',
    });
    expect(appealed.body.stage).toBe('appeal-decision');
    const decide = await openTask(c.id, 'appeal-decision', 'leader1');
    const outOfRange = await act(decide, 'leader1', {
      action: 'approve',
      data: { decision: 'change', points: [{ employeeId: emp.agent2, points: 4 }] },
    });
    expect(outOfRange.status).toBe(400);
    const changed = await act(decide, 'leader1', {
      action: 'approve',
      data: { decision: 'change', points: [{ employeeId: emp.agent2, points: 6 }] },
    });
    expect(changed.body).toMatchObject({ status: 'closed', outcome: 'posted' });
    expect((await ledger(c.id)).map((l: any) => [l.employee_id, l.points_x10])).toEqual(
      expect.arrayContaining([
        [emp.agent2, 60],
        [emp.teamlead1, 30],
      ]),
    );
  });

  it('C-2 egregious needs two distinct verifiers who agree; C-7 extra points; C-12 a withdrawn ruling posts nothing', async () => {
    const c = (await register({ employeeIds: [emp.agent3], severity: 'egregious' })).body;
    const t = await openTask(c.id, 'verify', 'verifier1');
    const first = await act(t, 'verifier1', { action: 'approve', data: { verdict: 'liable', facts: '属实' } });
    expect(first.body.stage).toBe('verify');
    expect((await act(t, 'verifier1', { action: 'approve', data: { verdict: 'liable', facts: '再次' } })).status).toBe(
      409,
    );
    const disagree = await act(t, 'verifier2', { action: 'approve', data: { verdict: 'unfounded', facts: '不属实' } });
    expect(disagree.status).toBe(400);
    const second = await act(t, 'verifier2', { action: 'approve', data: { verdict: 'liable', facts: '属实' } });
    expect(second.body.stage).toBe('rule');
    const ruled = await act(await openTask(c.id, 'rule', 'ruling1'), 'ruling1', {
      action: 'approve',
      data: {
        severity: 'egregious',
        category: cat('egregious'),
        cause: 'control',
        persons: [
          { employeeId: emp.agent3, role: 'responsible', points: 12 },
          { employeeId: emp.teamlead2, role: 'supervisor', points: 6 },
          { employeeId: emp.leader1, role: 'vp', points: 5 },
        ],
      },
    });
    expect(ruled.status).toBe(200);
    const appeal = await act(await openTask(c.id, 'appeal', 'agent3'), 'agent3', { action: 'reject', comment: '申诉' });
    expect(appeal.body.stage).toBe('appeal-decision');
    const withdrawn = await act(await openTask(c.id, 'appeal-decision', 'leader2'), 'leader2', {
      action: 'approve',
      data: { decision: 'withdraw' },
    });
    expect(withdrawn.body).toMatchObject({ status: 'closed', outcome: 'withdrawn' });
    expect(await ledger(c.id)).toEqual([]);
  });

  it('C-7 an egregious ruling posts the major-adverse-event points as their own entry', async () => {
    const c = (await register({ employeeIds: [emp.agent1] })).body;
    await act(await openTask(c.id, 'verify', 'verifier2'), 'verifier2', {
      action: 'approve',
      data: { verdict: 'liable', facts: '属实' },
    });
    await act(await openTask(c.id, 'rule', 'ruling1'), 'ruling1', {
      action: 'approve',
      data: {
        severity: 'egregious',
        category: cat('egregious'),
        cause: 'other',
        persons: [{ employeeId: emp.agent1, role: 'responsible', points: 15 }],
      },
    });
    await act(await openTask(c.id, 'appeal', 'agent1'), 'agent1', { action: 'approve' });
    await eventually(async () => (await ledger(c.id)).length === 2);
    expect((await ledger(c.id)).map((l: any) => [l.reason, l.points_x10])).toEqual([
      ['major-adverse-event', 40],
      ['ruling', 150],
    ]);
  });

  it('the verification team filters complaints by severity, unit, month, source and status', async () => {
    const h = await auth('verifier1');
    const list = async (filter: object) =>
      (
        await s.http
          .get('/api/complaints')
          .query({ filter: JSON.stringify(filter), range: '[0,199]' })
          .set(h)
      ).body as { id: string; severity?: string }[];
    const month = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);
    const all = await list({ unitId, month });
    expect(all.length).toBeGreaterThanOrEqual(6);
    expect(await list({ unitId, month: '2001-01' })).toEqual([]);
    const egregious = await list({ severity: 'egregious' });
    expect(egregious.length).toBeGreaterThanOrEqual(2);
    expect((await list({ source: 'regulator' })).length).toBe(0);
    expect((await list({ source: 'hotline-work-order', status: 'closed' })).length).toBeGreaterThanOrEqual(4);
  });

  it('the complaint list searches by 工单号, customer and employee (name or 工号); pages get names, not ids', async () => {
    const h = await auth('verifier1');
    const tag = randomUUID().slice(0, 6);
    const wo = `WO-S${tag}`;
    const mine = (await register({ workOrderNo: wo, customer: `搜索客户${tag}`, employeeIds: [emp.agent2] })).body;
    const other = (await register({ customer: `其他客户${tag}`, employeeIds: [emp.agent3] })).body;
    const [agent2] = await s.ds.query(`SELECT name, code FROM employees WHERE id = $1`, [emp.agent2]);
    const ids = async (filter: object) =>
      (
        (
          await s.http
            .get('/api/complaints')
            .query({ filter: JSON.stringify(filter), range: '[0,499]' })
            .set(h)
        ).body as { id: string }[]
      ).map((c) => c.id);
    expect(await ids({ q: wo })).toEqual([mine.id]);
    expect(await ids({ q: `搜索客户${tag}` })).toEqual([mine.id]);
    const byName = await ids({ q: agent2.name });
    expect(byName).toContain(mine.id);
    expect(byName).not.toContain(other.id);
    const byCode = await ids({ q: agent2.code });
    expect(byCode).toContain(mine.id);
    expect(byCode).not.toContain(other.id);
    const byId = await ids({ employeeId: emp.agent3 });
    expect(byId).toContain(other.id);
    expect(byId).not.toContain(mine.id);
    expect(await ids({ q: `无此客户${tag}` })).toEqual([]);
    const row = (
      await s.http
        .get('/api/complaints')
        .query({ filter: JSON.stringify({ q: wo }) })
        .set(h)
    ).body[0];
    expect(row.people[emp.agent2]).toEqual({ name: agent2.name, code: agent2.code });
    const one = await s.http.get(`/api/complaints/${mine.id}`).set(h);
    expect(one.body).toMatchObject({
      workOrderNo: wo,
      unitName: expect.any(String),
      people: { [emp.agent2]: { name: agent2.name, code: agent2.code } },
    });
  });
});
