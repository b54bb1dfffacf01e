import { randomUUID } from 'node:crypto';
import { eventually, startTestStack, TestStack } from '../support/stack';

describe('foundation: login → case → workflow → human step → state', () => {
  let s: TestStack;
  beforeAll(async () => {
    s = await startTestStack();
  });
  afterAll(async () => {
    await s?.stop();
  });

  it('health reports db and temporal up', async () => {
    const res = await s.http.get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('ok');
    expect(res.body.info.db.status).toBe('up');
    expect(res.body.info.temporal.status).toBe('up');
  });

  it('serves OpenAPI at /api/docs-json', async () => {
    const res = await s.http.get('/api/docs-json');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining(['/api/auth/login', '/api/cases', '/api/tasks/{id}/actions']),
    );
  });

  it('bad login is 401 with a clear message; no token is 401', async () => {
    const bad = await s.http.post('/api/auth/login').send({ username: 'admin', password: 'wrong' });
    expect(bad.status).toBe(401);
    expect(bad.body).toMatchObject({ statusCode: 401, error: 'Unauthorized', message: 'wrong username or password' });
    const unknown = await s.http.post('/api/auth/login').send({ username: 'nobody', password: 'x' });
    expect(unknown.status).toBe(401);
    const none = await s.http.get('/api/cases');
    expect(none.status).toBe(401);
    expect(none.body.message).toMatch(/authentication required/);
    const garbage = await s.http.get('/api/cases').set('Authorization', 'Bearer not-a-token');
    expect(garbage.status).toBe(401);
  });

  it('login with a missing field is 400 naming the field', async () => {
    const res = await s.http.post('/api/auth/login').send({ username: 'admin' });
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual([expect.objectContaining({ path: 'password' })]);
  });

  it('too many login attempts give 429', async () => {
    // the default limit (10 a minute), on a stack of its own and a name of its own: the buckets are in the layer's
    // shared database, where other files' stacks (limit 1000: every test client is 127.0.0.1) sign in as the demo users
    const limited = await startTestStack({ LOGIN_RATE_LIMIT: '10' }, { worker: false });
    try {
      const username = `agent3-${randomUUID().slice(0, 6)}`;
      const codes: number[] = [];
      for (let i = 0; i < 12; i++)
        codes.push((await limited.http.post('/api/auth/login').send({ username, password: 'nope' })).status);
      expect(codes.slice(0, 10).every((c) => c === 401)).toBe(true);
      expect(codes[11]).toBe(429);
    } finally {
      await limited.stop();
    }
  });

  it('a case runs through its workflow: activity writes, human step by Update, new state visible', async () => {
    const admin = await s.login('admin');
    const businessKey = `wiring-${Date.now()}`;
    const created = await s.http
      .post('/api/cases')
      .set('Authorization', `Bearer ${admin}`)
      .send({ title: '测试案件', description: 'wiring', businessKey });
    expect(created.status).toBe(201);
    const id = created.body.id;
    expect(created.body.workflowId).toMatch(/^review-/);
    expect(created.body.temporalUrl).toContain(`/workflows/${created.body.workflowId}`);
    const waiting = await eventually(async () => {
      const r = await s.http.get(`/api/cases/${id}`).set('Authorization', `Bearer ${admin}`);
      return r.body.stage === 'review' && r.body.tasks.length === 1 ? r.body : null;
    });
    expect(waiting.waitingOn).toEqual([{ role: 'leadership' }]);
    expect(waiting.dueAt).toBeTruthy();
    const taskId = waiting.tasks[0].id;

    // the admin does not hold the stage's role
    const wrong = await s.http
      .post(`/api/tasks/${taskId}/actions`)
      .set('Authorization', `Bearer ${admin}`)
      .send({ action: 'approve' });
    expect(wrong.status).toBe(403);

    const leader = await s.login('leader1');
    const inbox = await s.http
      .get('/api/tasks')
      .query({ filter: JSON.stringify({ mine: true, status: 'open' }) })
      .set('Authorization', `Bearer ${leader}`);
    expect(inbox.status).toBe(200);
    expect(inbox.body.map((t: { id: string }) => t.id)).toContain(taskId);
    expect(inbox.headers['content-range']).toMatch(/^tasks \d+-\d+\/\d+$/);

    const acted = await s.http
      .post(`/api/tasks/${taskId}/actions`)
      .set('Authorization', `Bearer ${leader}`)
      .send({ action: 'approve', comment: '同意' });
    expect(acted.status).toBe(200);
    expect(acted.body).toMatchObject({ status: 'closed', outcome: 'approved' });

    const again = await s.http
      .post(`/api/tasks/${taskId}/actions`)
      .set('Authorization', `Bearer ${leader}`)
      .send({ action: 'approve' });
    expect(again.status).toBe(409);

    const after = await s.http.get(`/api/cases/${id}`).set('Authorization', `Bearer ${admin}`);
    expect(after.body).toMatchObject({ status: 'closed', outcome: 'approved', stage: null });
    expect(after.body.tasks[0]).toMatchObject({ status: 'done', decision: 'approve' });
    expect(after.body.timeline.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['case.registered', 'stage.opened', 'task.approve', 'case.approved']),
    );
    // registering the same business key again returns the closed case and never runs its workflow again
    const repeat = await s.http
      .post('/api/cases')
      .set('Authorization', `Bearer ${admin}`)
      .send({ title: '测试案件', description: 'wiring', businessKey });
    expect(repeat.status).toBe(200);
    expect(repeat.body).toMatchObject({ id, status: 'closed' });
    await new Promise((r) => setTimeout(r, 1500));
    const still = await s.http.get(`/api/cases/${id}`).set('Authorization', `Bearer ${admin}`);
    expect(still.body).toMatchObject({ status: 'closed', outcome: 'approved' });
    expect(still.body.tasks).toHaveLength(1);
  });

  it('a malformed action on a task one may act on is 400 and changes nothing; on a missing task 404', async () => {
    const admin = await s.login('admin');
    const leader = await s.login('leader1');
    const created = await s.http.post('/api/cases').set('Authorization', `Bearer ${admin}`).send({ title: '格式错误' });
    const taskId = await eventually(
      async () =>
        (await s.ds.query(`SELECT id FROM tasks WHERE case_id = $1 AND status = 'open'`, [created.body.id]))[0]
          ?.id as string,
    );
    const res = await s.http
      .post(`/api/tasks/${taskId}/actions`)
      .set('Authorization', `Bearer ${leader}`)
      .send({ action: 'explode' });
    expect(res.status).toBe(400);
    expect(res.body.details[0].path).toBe('action');
    const [task] = await s.ds.query(`SELECT status FROM tasks WHERE id = $1`, [taskId]);
    expect(task.status).toBe('open');
    const missing = await s.http
      .post('/api/tasks/00000000-0000-0000-0000-000000000000/actions')
      .set('Authorization', `Bearer ${admin}`)
      .send({ action: 'explode' });
    expect(missing.status).toBe(404);
  });
});
