import { randomUUID } from 'node:crypto';
import { startTestStack, TestStack, eventually } from '../support/stack';

const ROUNDS = Number(process.env.QF_RACE_ROUNDS ?? 200);
const STORM = Number(process.env.QF_STORM ?? 100);

describe('approval engine: concurrency, access, audit (issue 3)', () => {
  let s: TestStack;
  beforeAll(async () => {
    s = await startTestStack();
  });
  afterAll(async () => {
    await s?.stop();
  });
  const auth = async (u: string) => ({ Authorization: `Bearer ${await s.login(u)}` });

  async function reviewCase(title: string, by = 'teamlead1') {
    const c = await s.http
      .post('/api/cases')
      .set(await auth(by))
      .send({ title });
    expect(c.status).toBe(201);
    // the first stage opens within seconds; a machine shared with other test runs may take longer
    const taskId = await eventually(
      async () =>
        (await s.ds.query(`SELECT id FROM tasks WHERE case_id = $1 AND status = 'open'`, [c.body.id]))[0]?.id as string,
      60_000,
    );
    return { caseId: c.body.id as string, taskId };
  }

  it(`two people act on the same single-approver task at once, ${ROUNDS} times: exactly one wins, the other gets 409`, async () => {
    const [h1, h2] = [await auth('leader1'), await auth('leader2')];
    const batch = 10;
    for (let i = 0; i < ROUNDS; i += batch) {
      const cases = await Promise.all(
        Array.from({ length: Math.min(batch, ROUNDS - i) }, (_, k) => reviewCase(`race ${i + k}`)),
      );
      await Promise.all(
        cases.map(async ({ caseId, taskId }) => {
          const [a, b] = await Promise.all([
            s.http.post(`/api/tasks/${taskId}/actions`).set(h1).send({ action: 'approve' }),
            s.http.post(`/api/tasks/${taskId}/actions`).set(h2).send({ action: 'reject', comment: 'no' }),
          ]);
          const codes = [a.status, b.status].sort();
          expect(codes).toEqual([200, 409]);
          const loser = a.status === 409 ? a : b;
          expect(loser.body.message).toMatch(/already been decided|no longer running|already closed|stage is closed/);
          const decisions = await s.ds.query(
            `SELECT count(*)::int AS n FROM audit_log WHERE case_id = $1 AND action IN ('task.approve','task.reject')`,
            [caseId],
          );
          expect(decisions[0].n).toBe(1);
        }),
      );
    }
  }, 600_000);

  it('O-2 a case or task out of scope answers 404 like a missing one; acting on a task of a role one does not hold is 403', async () => {
    const { caseId, taskId } = await reviewCase('teamlead1 private', 'teamlead1');
    expect((await s.http.get(`/api/cases/${caseId}`).set(await auth('teamlead1'))).status).toBe(200);
    const missingCase = await s.http.get(`/api/cases/${randomUUID()}`).set(await auth('agent2'));
    const hiddenCase = await s.http.get(`/api/cases/${caseId}`).set(await auth('agent2'));
    expect([hiddenCase.status, hiddenCase.body.code]).toEqual([404, missingCase.body.code]);
    const missingTask = await s.http.get(`/api/tasks/${randomUUID()}`).set(await auth('agent2'));
    const hiddenTask = await s.http.get(`/api/tasks/${taskId}`).set(await auth('agent2'));
    expect([hiddenTask.status, hiddenTask.body.code]).toEqual([404, missingTask.body.code]);
    const list = await s.http.get('/api/cases').set(await auth('agent2'));
    expect(list.body.map((c: { id: string }) => c.id)).not.toContain(caseId);
    // acting on a task one may not see is 404, whatever the body; the ownership check comes before the body's
    for (const body of [{}, { action: 'approve' }]) {
      const r = await s.http
        .post(`/api/tasks/${taskId}/actions`)
        .set(await auth('agent2'))
        .send(body);
      expect([JSON.stringify(body), r.status]).toEqual([JSON.stringify(body), 404]);
    }
    // the creator sees the task but does not hold its role: 403 for a valid and for an empty body alike
    for (const body of [{}, { action: 'approve' }]) {
      const r = await s.http
        .post(`/api/tasks/${taskId}/actions`)
        .set(await auth('teamlead1'))
        .send(body);
      expect([JSON.stringify(body), r.status]).toEqual([JSON.stringify(body), 403]);
    }
    // the assignee with a malformed body: 400 naming the field
    const malformed = await s.http
      .post(`/api/tasks/${taskId}/actions`)
      .set(await auth('leader1'))
      .send({});
    expect(malformed.status).toBe(400);
    expect(malformed.body.details[0].path).toBe('action');
    expect((await s.http.get(`/api/cases/${caseId}`).set(await auth('hr1'))).status).toBe(200);
  });

  it('O-2 review cases go to the leadership: an employee may not start one (403); a business key of a case one may not see is a 409 without its details', async () => {
    expect(
      (
        await s.http
          .post('/api/cases')
          .set(await auth('agent1'))
          .send({ title: 'agent review' })
      ).status,
    ).toBe(403);
    const businessKey = `scope-${randomUUID()}`;
    const own = await s.http
      .post('/api/cases')
      .set(await auth('admin'))
      .send({ title: '仅管理员可见', description: '机密说明', businessKey });
    expect(own.status).toBe(201);
    const other = await s.http
      .post('/api/cases')
      .set(await auth('teamlead2'))
      .send({ title: 'probe', businessKey });
    expect(other.status).toBe(409);
    expect(JSON.stringify(other.body)).not.toMatch(new RegExp(`${own.body.id}|仅管理员可见|机密说明`));
    const again = await s.http
      .post('/api/cases')
      .set(await auth('admin'))
      .send({ title: '仅管理员可见', businessKey });
    expect([again.status, again.body.id]).toEqual([200, own.body.id]);
  });

  it(`an approve storm: ${STORM} identical concurrent approvals of one task give one 200 and only 409 or 503 with Retry-After; the decision lands once`, async () => {
    const { caseId, taskId } = await reviewCase('storm');
    const leader = await auth('leader1');
    const answers = await Promise.all(
      Array.from({ length: STORM }, () =>
        s.http.post(`/api/tasks/${taskId}/actions`).set(leader).send({ action: 'approve', comment: '同意' }),
      ),
    );
    const codes = answers.map((a) => a.status);
    expect(codes.filter((c) => c === 200)).toHaveLength(1);
    expect(codes.filter((c) => c !== 200 && c !== 409 && c !== 503)).toEqual([]);
    for (const a of answers.filter((x) => x.status === 503))
      expect(Number(a.headers['retry-after'])).toBeGreaterThan(0);
    const detail = await eventually(async () => {
      const r = await s.http.get(`/api/cases/${caseId}`).set(await auth('admin'));
      return r.body.status === 'closed' ? r.body : null;
    });
    expect(detail.outcome).toBe('approved');
    const [{ n }] = await s.ds.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE case_id = $1 AND action = 'task.approve'`,
      [caseId],
    );
    expect(n).toBe(1);
  }, 180_000);

  // endpoint × role: which roles get 403 on admin-only and process endpoints
  const matrix: [string, string, string, number][] = [
    ['GET', '/api/audit', 'admin', 200],
    ['GET', '/api/audit', 'hr1', 403],
    ['GET', '/api/audit', 'agent1', 403],
    ['GET', '/api/users', 'admin', 200],
    ['GET', '/api/users', 'verifier1', 403],
    ['POST', '/api/complaints', 'agent1', 403],
    ['POST', '/api/complaints', 'teamlead1', 403],
    ['GET', '/api/cases', 'agent1', 200],
    ['GET', '/api/tasks', 'agent1', 200],
    ['GET', '/api/deductions', 'agent1', 200],
  ];
  it.each(matrix)('O-2 %s %s as %s → %d', async (method, url, user, status) => {
    const req = method === 'GET' ? s.http.get(url) : s.http.post(url).send({});
    const res = await req.set(await auth(user));
    expect(res.status).toBe(status);
  });

  it('O-1 employees are scoped: an agent sees only their own record; HR sees the org (~60 employees)', async () => {
    const own = await s.http.get('/api/employees').set(await auth('agent1'));
    expect(own.body).toHaveLength(1);
    const all = await s.http
      .get('/api/employees')
      .query({ range: '[0,99]' })
      .set(await auth('hr1'));
    expect(Number(all.headers['content-range'].split('/')[1])).toBeGreaterThanOrEqual(60);
    // a team lead sees the people of their own team (to nominate them, S-6), not other teams
    const team = (
      await s.http
        .get('/api/employees')
        .query({ range: '[0,999]' })
        .set(await auth('hotlinelead1'))
    ).body as { unitId: string; id: string }[];
    const [{ id: hotline }] = await s.ds.query(`SELECT id FROM org_units WHERE code = 'a-hotline'`);
    expect(team.length).toBeGreaterThan(40);
    expect(team.every((e) => e.unitId === hotline)).toBe(true);
    const [outsider] = await s.ds.query(
      `SELECT e.id FROM employees e JOIN org_units o ON o.id = e.unit_id WHERE o.code = 'b-team1' LIMIT 1`,
    );
    expect((await s.http.get(`/api/employees/${outsider.id}`).set(await auth('hotlinelead1'))).status).toBe(404);
    const units = await s.http.get('/api/org-units').set(await auth('hr1'));
    expect(units.body.map((u: { kind: string }) => u.kind)).toEqual(
      expect.arrayContaining(['company', 'branch', 'hall', 'team']),
    );
  });

  it('UPDATE or DELETE on the audit table fails in the database', async () => {
    // even as the owner (the app role has no such privilege at all: db-privileges.e2e-spec.ts)
    await expect(s.asOwner(`UPDATE audit_log SET actor = 'x'`)).rejects.toThrow(/append-only/);
    await expect(s.asOwner(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
    await expect(s.asOwner(`TRUNCATE audit_log`)).rejects.toThrow(/append-only/);
  });

  it('publishing a new flow version while a case runs leaves that case on its version; the next case uses the new one', async () => {
    const admin = await auth('admin');
    const running = await reviewCase('pinned to v1');
    const [{ v }] = await s.ds.query(`SELECT max(version)::int AS v FROM flow_versions WHERE kind = 'review'`);
    const current = (await s.http.get(`/api/flows/review-v${v}`).set(admin)).body;
    const bad = await s.http
      .post('/api/flows')
      .set(admin)
      .send({ kind: 'review', stages: [{ ...current.stages[0], key: 'Bad Key' }] });
    expect(bad.status).toBe(400);
    expect(bad.body.details[0].path).toBe('stages.0.key');
    const draft = await s.http
      .post('/api/flows')
      .set(admin)
      .send({ kind: 'review', stages: [{ ...current.stages[0], label: `复核 v${v + 1}` }] });
    expect(draft.status).toBe(201);
    expect((await s.http.post(`/api/flows/${draft.body.id}/publish`).set(admin)).status).toBe(200);
    expect((await s.http.put(`/api/flows/${draft.body.id}`).set(admin).send({ stages: current.stages })).status).toBe(
      409,
    );
    await expect(
      s.ds.query(`UPDATE flow_versions SET body = '{}' WHERE kind = 'review' AND version = $1`, [v + 1]),
    ).rejects.toThrow(/immutable/);

    const next = await reviewCase('takes the new version');
    const [a, b] = await Promise.all(
      [running, next].map(async (c) => (await s.http.get(`/api/cases/${c.caseId}`).set(admin)).body),
    );
    expect(a.flowVersion).toBe(v);
    expect(b.flowVersion).toBe(v + 1);
    expect(b.tasks[0].stageLabel).toBe(`复核 v${v + 1}`);
    expect(a.tasks[0].stageLabel).not.toBe(`复核 v${v + 1}`);
    const done = await s.http
      .post(`/api/tasks/${running.taskId}/actions`)
      .set(await auth('leader1'))
      .send({ action: 'approve' });
    expect(done.body).toMatchObject({ status: 'closed', outcome: 'approved' });
  });

  it('policies: a draft with a bad number is 400 naming the field; publish makes it immutable; diff lists changes', async () => {
    const admin = await auth('admin');
    const v1 = (await s.http.get('/api/policies/1').set(admin)).body;
    const bad = await s.http
      .post('/api/policies')
      .set(admin)
      .send({
        body: { ...v1.body, complaints: { ...v1.body.complaints, appealWindowWorkingDays: -1 } },
        effectiveFrom: '2099-01-01',
      });
    expect(bad.status).toBe(400);
    expect(bad.body.details[0].path).toBe('body.complaints.appealWindowWorkingDays');
    const draft = await s.http
      .post('/api/policies')
      .set(admin)
      .send({
        body: { ...v1.body, complaints: { ...v1.body.complaints, appealWindowWorkingDays: 5 } },
        effectiveFrom: '2099-01-01',
      });
    expect(draft.status).toBe(201);
    const diff = await s.http.get(`/api/policies/1/diff/${draft.body.id}`).set(admin);
    expect(diff.body).toEqual([{ path: 'complaints.appealWindowWorkingDays', before: 3, after: 5 }]);
    expect((await s.http.post(`/api/policies/${draft.body.id}/publish`).set(admin)).status).toBe(200);
    expect((await s.http.post(`/api/policies/${draft.body.id}/publish`).set(admin)).status).toBe(409);
    expect(
      (
        await s.http
          .post('/api/policies')
          .set(await auth('hr1'))
          .send({})
      ).status,
    ).toBe(403);
  });

  it('malformed list parameters are 400, not 500', async () => {
    const res = await s.http
      .get('/api/cases')
      .query({ sort: 'nope' })
      .set(await auth('admin'));
    expect(res.status).toBe(400);
    expect(res.body.details[0].path).toBe('sort');
    expect((await s.http.get('/api/cases/not-a-uuid').set(await auth('admin'))).status).toBe(404);
  });
});
