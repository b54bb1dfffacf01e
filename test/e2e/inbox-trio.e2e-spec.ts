import { randomUUID } from 'node:crypto';
import { eventually, startTestStack, TestStack } from '../support/stack';

/**
 * Issue 17, the inbox trio: 已办 (GET /api/tasks filter done: 'mine'), 我的流程 (GET /api/cases filter mine: true) and
 * 批量同意 (POST /api/tasks/batch: each task approved as a single approve; refusals listed per task).
 */
describe('inbox trio: 已办, 我的流程, batch approve', () => {
  let s: TestStack;
  beforeAll(async () => {
    s = await startTestStack();
  });
  afterAll(async () => {
    await s?.stop();
  });
  const auth = async (u: string) => ({ Authorization: `Bearer ${await s.login(u)}` });
  const all = JSON.stringify([0, 999]);

  /** A generic review case started by `who` (it waits on the leadership), and its open task. */
  async function reviewCase(who: string, title: string): Promise<{ caseId: string; taskId: string }> {
    const created = await s.http
      .post('/api/cases')
      .set(await auth(who))
      .send({ title, businessKey: `inbox-trio-${randomUUID()}` });
    expect(created.status).toBe(201);
    const caseId = created.body.id as string;
    const taskId = await eventually(async () => {
      const r = await s.http.get(`/api/cases/${caseId}`).set(await auth('admin'));
      return r.body.tasks?.find((t: { status: string }) => t.status === 'open')?.id as string | undefined;
    });
    return { caseId, taskId };
  }

  const doneTasks = async (who: string, filter: Record<string, unknown> = { done: 'mine' }) =>
    s.http
      .get('/api/tasks')
      .query({ filter: JSON.stringify(filter), sort: JSON.stringify(['decidedAt', 'DESC']), range: all })
      .set(await auth(who));

  it('已办 lists the tasks I decided, with my decision, comment and time; nobody else’s; a bad value is a 400', async () => {
    const title = `已办测试 ${randomUUID().slice(0, 6)}`;
    const { taskId } = await reviewCase('hr1', title);
    expect((await doneTasks('leader1')).body.map((t: { id: string }) => t.id)).not.toContain(taskId);
    const acted = await s.http
      .post(`/api/tasks/${taskId}/actions`)
      .set(await auth('leader1'))
      .send({ action: 'reject', comment: '材料不全' });
    expect(acted.status).toBe(200);

    const mine = await doneTasks('leader1');
    expect(mine.status).toBe(200);
    const row = mine.body.find((t: { id: string }) => t.id === taskId);
    expect(row).toMatchObject({ caseTitle: title, decision: 'reject', decisionComment: '材料不全', status: 'done' });
    expect(Date.now() - Date.parse(row.decidedAt)).toBeLessThan(5 * 60_000);
    expect(row.decidedBy).toBe(s.users.leader1);
    // every row is one the caller decided, newest first
    for (const t of mine.body) expect(t.decidedBy).toBe(s.users.leader1);
    const times = mine.body.map((t: { decidedAt: string }) => Date.parse(t.decidedAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    // leader2 holds the same role and sees the case, but did not decide it
    expect((await doneTasks('leader2')).body.map((t: { id: string }) => t.id)).not.toContain(taskId);

    const bad = await doneTasks('leader1', { done: 'yes' });
    expect(bad.status).toBe(400);
    expect(bad.body.details[0].path).toBe('filter.done');
  });

  it('我的流程 lists the cases I started or am named in, with where each waits (stage and who)', async () => {
    const title = `我的流程测试 ${randomUUID().slice(0, 6)}`;
    const { caseId } = await reviewCase('hr1', title);
    const list = async (who: string) =>
      s.http
        .get('/api/cases')
        .query({ filter: JSON.stringify({ mine: true }), range: all })
        .set(await auth(who));
    const mine = await list('hr1');
    expect(mine.status).toBe(200);
    const row = mine.body.find((c: { id: string }) => c.id === caseId);
    expect(row).toMatchObject({ title, status: 'open', stage: 'review', createdBy: s.users.hr1 });
    expect(row.waitingOn).toEqual([expect.objectContaining({ role: 'leadership' })]);
    for (const c of mine.body) expect(c.createdBy === s.users.hr1 || c.kind !== 'review').toBe(true);
    // the leadership may see the case (it waits on them) but did not start it
    expect((await list('leader1')).body.map((c: { id: string }) => c.id)).not.toContain(caseId);
  });

  it('batch approve of 3 tasks with one decided by someone else first: 2 approved (each audited) + 1 listed refusal', async () => {
    const tag = randomUUID().slice(0, 6);
    const cases: { title: string; caseId: string; taskId: string }[] = [];
    for (const n of [1, 2, 3])
      cases.push({ title: `批量 ${tag} ${n}`, ...(await reviewCase('hr1', `批量 ${tag} ${n}`)) });
    const listed = await s.http
      .get('/api/tasks')
      .query({ filter: JSON.stringify({ id: cases.map((c) => c.taskId) }), range: all })
      .set(await auth('leader1'));
    expect(listed.body.map((t: { batchApprove: boolean }) => t.batchApprove)).toEqual([true, true, true]);
    // the stale one: leader2 decides it first
    const first = await s.http
      .post(`/api/tasks/${cases[1].taskId}/actions`)
      .set(await auth('leader2'))
      .send({ action: 'approve' });
    expect(first.status).toBe(200);

    const batch = await s.http
      .post('/api/tasks/batch')
      .set(await auth('leader1'))
      .send({ taskIds: cases.map((c) => c.taskId), comment: '批量同意' });
    expect(batch.status).toBe(200);
    expect(batch.body.done.sort()).toEqual([cases[0].taskId, cases[2].taskId].sort());
    expect(batch.body.failed).toEqual([{ taskId: cases[1].taskId, caseTitle: cases[1].title, code: 'task.decided' }]);

    for (const c of [cases[0], cases[2]]) {
      const detail = await eventually(async () => {
        const r = await s.http.get(`/api/cases/${c.caseId}`).set(await auth('hr1'));
        return r.body.status === 'closed' ? r.body : null;
      });
      expect(detail.outcome).toBe('approved');
      const approvals = detail.timeline.filter((e: { action: string }) => e.action === 'task.approve');
      expect(approvals).toEqual([expect.objectContaining({ actor: 'leader1', comment: '批量同意' })]);
    }
    const stale = (await s.http.get(`/api/cases/${cases[1].caseId}`).set(await auth('hr1'))).body;
    expect(stale.tasks[0]).toMatchObject({ decidedBy: s.users.leader2 });
    expect(stale.timeline.filter((e: { action: string }) => e.action === 'task.approve')).toHaveLength(1);
    // the two approved tasks are in leader1's 已办 with the batch's comment
    const done = (await doneTasks('leader1')).body.filter((t: { caseTitle: string }) => t.caseTitle.includes(tag));
    expect(done.map((t: { decisionComment: string }) => t.decisionComment)).toEqual(['批量同意', '批量同意']);
  });

  it('batch approve refuses a stage without batchApprove per task, mixed stages and malformed bodies with 400', async () => {
    const employee = (
      await s.ds.query(
        `SELECT e.id, e.unit_id FROM users u JOIN employees e ON e.id = u.employee_id WHERE u.username = 'agent2'`,
      )
    )[0];
    const reg = await s.http
      .post('/api/complaints')
      .set(await auth('verifier1'))
      .send({
        source: 'hotline-work-order',
        workOrderNo: `WO-BATCH-${randomUUID().slice(0, 8)}`,
        customer: '批量客户',
        channel: '10000号',
        occurredAt: '2026-11-20T02:00:00Z',
        description: '批量测试',
        unitId: employee.unit_id,
        employeeIds: [employee.id],
      });
    expect(reg.status).toBe(201);
    const verifyTask = await eventually(async () => {
      const r = await s.http.get(`/api/cases/${reg.body.id}`).set(await auth('admin'));
      return r.body.tasks?.find((t: { stage: string; status: string }) => t.stage === 'verify' && t.status === 'open')
        ?.id as string | undefined;
    });
    const refused = await s.http
      .post('/api/tasks/batch')
      .set(await auth('verifier1'))
      .send({ taskIds: [verifyTask] });
    expect(refused.status).toBe(200);
    expect(refused.body).toMatchObject({ done: [], failed: [{ taskId: verifyTask, code: 'task.batch_not_allowed' }] });
    const still = await s.http.get(`/api/tasks/${verifyTask}`).set(await auth('verifier1'));
    expect(still.body).toMatchObject({ status: 'open', batchApprove: false });

    const { taskId } = await reviewCase('hr1', `批量混合 ${randomUUID().slice(0, 6)}`);
    const mixed = await s.http
      .post('/api/tasks/batch')
      .set(await auth('admin'))
      .send({ taskIds: [taskId, verifyTask] });
    expect(mixed.status).toBe(400);
    expect(mixed.body.code).toBe('task.batch_mixed_stages');

    for (const body of [{}, { taskIds: [] }, { taskIds: ['not-a-uuid'] }, { taskIds: [taskId], comment: 7 }]) {
      const r = await s.http
        .post('/api/tasks/batch')
        .set(await auth('leader1'))
        .send(body);
      expect(r.status).toBe(400);
    }
    // an unknown task is listed as not found (no probing), nothing else happens
    const ghost = randomUUID();
    const unknown = await s.http
      .post('/api/tasks/batch')
      .set(await auth('leader1'))
      .send({ taskIds: [ghost] });
    expect(unknown.body).toEqual({ done: [], failed: [{ taskId: ghost, caseTitle: null, code: 'not_found.task' }] });
  });
});
