import { randomUUID } from 'node:crypto';
import { eventually, startTestStack, TestStack } from '../support/stack';

/** Issue 11: the case and task views carry names (姓名（工号）), search by 工单号 / customer / employee, Temporal link for admins only. */
describe('case and task views: names, search, Temporal link', () => {
  let s: TestStack;
  const emp: Record<string, { id: string; label: string; unitId: string; name: string; code: string }> = {};
  beforeAll(async () => {
    s = await startTestStack({ TEMPORAL_UI_PORT: '18299' });
    const rows = await s.ds.query(
      `SELECT u.username, e.id, e.name, e.code, e.unit_id FROM users u JOIN employees e ON e.id = u.employee_id`,
    );
    for (const r of rows)
      emp[r.username] = { id: r.id, name: r.name, code: r.code, unitId: r.unit_id, label: `${r.name}（${r.code}）` };
  });
  afterAll(async () => {
    await s?.stop();
  });
  const auth = async (u: string) => ({ Authorization: `Bearer ${await s.login(u)}` });

  it('a decided task and the timeline name people as 姓名（工号）; the Temporal link follows TEMPORAL_UI_PORT and is for admins only', async () => {
    const created = await s.http
      .post('/api/cases')
      .set(await auth('admin'))
      .send({ title: '名称测试', businessKey: `names-${randomUUID()}` });
    expect(created.status).toBe(201);
    expect(created.body.createdByName).toBe(emp.admin.label);
    expect(created.body.temporalUrl).toBe(
      `http://localhost:18299/namespaces/default/workflows/${encodeURIComponent(created.body.workflowId)}`,
    );
    const id = created.body.id;
    const taskId = await eventually(
      async () =>
        (await s.http.get(`/api/cases/${id}`).set(await auth('admin'))).body.tasks?.[0]?.id as string | undefined,
    );
    const acted = await s.http
      .post(`/api/tasks/${taskId}/actions`)
      .set(await auth('leader1'))
      .send({ action: 'approve', comment: '同意办理' });
    expect(acted.status).toBe(200);
    const detail = await eventually(async () => {
      const r = await s.http.get(`/api/cases/${id}`).set(await auth('leader1'));
      return r.body.tasks?.[0]?.status === 'done' ? r.body : null;
    });
    expect(detail.temporalUrl).toBeNull();
    expect(detail.tasks[0]).toMatchObject({ decidedBy: s.users.leader1, decidedByName: emp.leader1.label });
    const approve = detail.timeline.find((e: { action: string }) => e.action === 'task.approve');
    expect(approve).toMatchObject({
      actor: 'leader1',
      actorName: emp.leader1.label,
      comment: '同意办理',
      stage: 'review',
    });
    expect(approve.stageLabel).toBeTruthy();
    expect(detail.names[s.users.leader1]).toBe(emp.leader1.label);
    const list = await s.http
      .get('/api/cases')
      .query({ filter: JSON.stringify({ id: [id] }) })
      .set(await auth('leader1'));
    expect(list.body[0].temporalUrl).toBeNull();
    const task = await s.http.get(`/api/tasks/${taskId}`).set(await auth('admin'));
    expect(task.body).toMatchObject({ decidedByName: emp.leader1.label });
  });

  it('cases and tasks are searched by 工单号, customer and employee name or 工号 (filter q)', async () => {
    const wo = `WO-${randomUUID().slice(0, 8)}`;
    const customer = `客户${randomUUID().slice(0, 6)}`;
    const reg = await s.http
      .post('/api/complaints')
      .set(await auth('verifier1'))
      .send({
        source: 'hotline-work-order',
        workOrderNo: wo,
        customer,
        channel: '10000号',
        occurredAt: '2026-11-20T02:00:00Z',
        description: '搜索测试',
        unitId: emp.agent2.unitId,
        employeeIds: [emp.agent2.id],
      });
    expect(reg.status).toBe(201);
    const caseId = reg.body.id;
    const search = async (resource: 'cases' | 'tasks', q: string) => {
      const r = await s.http
        .get(`/api/${resource}`)
        .query({ filter: JSON.stringify({ q }), range: JSON.stringify([0, 999]) })
        .set(await auth('admin'));
      expect(r.status).toBe(200);
      return r.body.map((x: { id: string; caseId?: string }) => x.caseId ?? x.id) as string[];
    };
    await eventually(async () => (await search('tasks', wo)).includes(caseId));
    for (const q of [wo, customer, emp.agent2.name, emp.agent2.code]) {
      expect(await search('cases', q)).toContain(caseId);
      expect(await search('tasks', q)).toContain(caseId);
    }
    expect(await search('cases', `无此客户${randomUUID()}`)).toEqual([]);
  });
});
