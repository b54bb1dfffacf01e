import { randomUUID } from 'node:crypto';
import * as jwt from 'jsonwebtoken';
import { registerCase } from '@qf/persistence';
import { LoginChanges } from '../../apps/api/src/auth/login-changes';
import { SESSION_CACHE_TTL_MS } from '../../apps/api/src/auth/session-cache';
import { startTestStack, TestStack } from '../support/stack';

/**
 * Issue 18: the guard keeps the login behind a token for a short TTL (SessionCache) and the case list carries its total
 * on the page. A change this api makes takes effect on the next request; one made elsewhere when the database's
 * announcement arrives (LoginChanges), well inside the TTL.
 */
describe('session cache and the case list total (issue 18)', () => {
  let s: TestStack;
  let admin: Record<string, string>;
  const tag = randomUUID().slice(0, 6);
  const bearer = (t: string) => ({ Authorization: `Bearer ${t}` });
  const signIn = async (username: string, password: string) => {
    const r = await s.http.post('/api/auth/login').send({ username, password });
    expect(r.status).toBe(200);
    return r.body.accessToken as string;
  };
  /** a fresh login of this file (never a shared demo login: revoking those would break other files) */
  const newUser = async (name: string, roles: string[], employeeId: string | null = null) => {
    const body = { username: `${name}${tag}`, displayName: `缓存${name}`, roles, employeeId, password: 'cache-pass-1' };
    const r = await s.http.post('/api/users').set(admin).send(body);
    expect(r.status).toBe(201);
    return { id: r.body.id as string, body, token: await signIn(body.username, body.password) };
  };
  const unit = async (code: string) => {
    const r = await s.http
      .post('/api/org-units')
      .set(admin)
      .send({ code: `${code}${tag}`, name: `缓存组${code}${tag}`, kind: 'team' });
    expect(r.status).toBe(201);
    return r.body.id as string;
  };
  const listCases = (token: string, filter: unknown, range: [number, number] = [0, 24]) =>
    s.http
      .get('/api/cases')
      .query({ filter: JSON.stringify(filter), range: JSON.stringify(range) })
      .set(bearer(token));

  beforeAll(async () => {
    s = await startTestStack({}, { worker: false });
    admin = bearer(await s.login('admin'));
  });
  afterAll(async () => {
    await s?.stop();
  });

  it('a deactivated login is refused on the very next request, though its session was just read', async () => {
    const u = await newUser('gone', ['employee']);
    expect((await s.http.get('/api/auth/me').set(bearer(u.token))).status).toBe(200); // cached now
    const put = await s.http
      .put(`/api/users/${u.id}`)
      .set(admin)
      .send({ ...u.body, password: undefined, active: false });
    expect(put.status).toBe(200);
    expect((await s.http.get('/api/auth/me').set(bearer(u.token))).status).toBe(401);
    expect((await listCases(u.token, {})).status).toBe(401);
  });

  it("moving a team lead's employee to another unit re-scopes the case list at once", async () => {
    const [home, other] = [await unit('A'), await unit('B')];
    const emp = await s.http
      .post('/api/employees')
      .set(admin)
      .send({
        code: `C${tag}`,
        name: `缓存组长${tag}`,
        unitId: home,
        postBonusFen: 0,
        employmentType: 'staff',
      });
    expect(emp.status).toBe(201);
    const lead = await newUser('lead', ['team-lead'], emp.body.id);
    const [{ policy, flow }] = await s.ds.query(
      `SELECT (SELECT max(version) FROM policy_versions)::int AS policy, (SELECT max(version) FROM flow_versions WHERE kind = 'review')::int AS flow`,
    );
    const caseId = await registerCase(s.ds, {
      kind: 'review',
      businessKey: `session-cache-${tag}`,
      title: `缓存范围 ${tag}`,
      workflowId: `session-cache-${tag}`,
      policyVersion: policy,
      flowVersion: flow,
      data: {},
      unitId: other,
    });
    const before = await listCases(lead.token, { id: [caseId] });
    expect(before.status).toBe(200);
    expect([before.headers['content-range'], before.body]).toEqual(['cases 0-0/0', []]);

    const moved = await s.http
      .put(`/api/employees/${emp.body.id}`)
      .set(admin)
      .send({ ...emp.body, id: undefined, unitId: other });
    expect(moved.status).toBe(200);
    expect((await s.http.get('/api/auth/me').set(bearer(lead.token))).body.unitId).toBe(other);
    const after = await listCases(lead.token, { id: [caseId] });
    expect(after.headers['content-range']).toBe('cases 0-0/1');
    expect(after.body.map((c: { id: string }) => c.id)).toEqual([caseId]);

    // the exact total also on a page past the end (react-admin's pagination reads it from Content-Range)
    const past = await listCases(lead.token, { id: [caseId] }, [25, 49]);
    expect([past.status, past.headers['content-range'], past.body]).toEqual([200, 'cases 25-25/1', []]);
  });

  it('a token checked before is still refused once it expires, and a token with a forged signature never matches it', async () => {
    const u = await newUser('expiring', ['employee']);
    const [{ tv }] = await s.ds.query(`SELECT token_version AS tv FROM users WHERE id = $1`, [u.id]);
    const exp = Math.floor(Date.now() / 1000) + 2;
    const token = jwt.sign({ sub: u.id, username: u.body.username, tv, exp }, s.env.JWT_SECRET!);
    expect((await s.http.get('/api/auth/me').set(bearer(token))).status).toBe(200); // its signature is remembered now
    const [head, body] = token.split('.');
    expect((await s.http.get('/api/auth/me').set(bearer(`${head}.${body}.${'A'.repeat(43)}`))).status).toBe(401);
    let status = 200;
    while (status === 200 && Date.now() < (exp + 5) * 1000)
      status = (await s.http.get('/api/auth/me').set(bearer(token))).status;
    expect(status).toBe(401);
    expect(Date.now()).toBeGreaterThanOrEqual(exp * 1000);
  });

  /** requests until `u`'s token is refused; how long it took (ms) */
  const refusedAfter = async (token: string, bound: number) => {
    const t0 = Date.now();
    let status = 200;
    while (status === 200 && Date.now() - t0 < bound + 5000)
      status = (await s.http.get('/api/auth/me').set(bearer(token))).status;
    expect(status).toBe(401);
    return Date.now() - t0;
  };

  it('a revocation made outside this api (another process, SQL) takes effect at once: the database announces it', async () => {
    const u = await newUser('elsewhere', ['employee']);
    expect((await s.http.get('/api/auth/me').set(bearer(u.token))).status).toBe(200); // cached now
    await s.ds.query(`UPDATE users SET token_version = token_version + 1 WHERE id = $1`, [u.id]);
    // well inside the cache's TTL: the notification, not the TTL, dropped the cached login
    expect(await refusedAfter(u.token, SESSION_CACHE_TTL_MS)).toBeLessThan(SESSION_CACHE_TTL_MS / 2);
  });

  it("an employee's unit changed by SQL re-scopes their login at once", async () => {
    const [home, other] = [await unit('S'), await unit('T')];
    const emp = await s.http
      .post('/api/employees')
      .set(admin)
      .send({ code: `S${tag}`, name: `缓存SQL${tag}`, unitId: home, postBonusFen: 0, employmentType: 'staff' });
    expect(emp.status).toBe(201);
    const lead = await newUser('sqllead', ['team-lead'], emp.body.id);
    expect((await s.http.get('/api/auth/me').set(bearer(lead.token))).body.unitId).toBe(home); // cached now
    await s.ds.query(`UPDATE employees SET unit_id = $2 WHERE id = $1`, [emp.body.id, other]);
    const t0 = Date.now();
    let unitId = home;
    while (unitId === home && Date.now() - t0 < SESSION_CACHE_TTL_MS + 5000)
      unitId = (await s.http.get('/api/auth/me').set(bearer(lead.token))).body.unitId;
    expect(unitId).toBe(other);
    expect(Date.now() - t0).toBeLessThan(SESSION_CACHE_TTL_MS / 2);
  });

  it('while the api cannot listen it keeps no login (a revocation is seen at once), and it listens again', async () => {
    const changes = s.app.get(LoginChanges);
    const pid = changes.backendPid();
    expect(pid).toEqual(expect.any(Number));
    const u = await newUser('unheard', ['employee']);
    // the listening connection is cut: until it is back, every request reads the login
    await s.ds.query(`SELECT pg_terminate_backend($1)`, [pid]);
    for (let i = 0; i < 100 && changes.backendPid() === pid; i++) await new Promise((r) => setTimeout(r, 10));
    expect((await s.http.get('/api/auth/me').set(bearer(u.token))).status).toBe(200);
    await s.ds.query(`UPDATE users SET token_version = token_version + 1 WHERE id = $1`, [u.id]);
    expect((await s.http.get('/api/auth/me').set(bearer(u.token))).status).toBe(401);
    // it listens again on a new connection
    const t0 = Date.now();
    while ((changes.backendPid() === undefined || changes.backendPid() === pid) && Date.now() - t0 < 20_000)
      await new Promise((r) => setTimeout(r, 50));
    const again = changes.backendPid();
    expect(again).toEqual(expect.any(Number));
    expect(again).not.toBe(pid);
    const [{ n }] = await s.ds.query(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE pid = $1 AND query ILIKE 'LISTEN %'`,
      [again],
    );
    expect(n).toBe(1);
  });
});
