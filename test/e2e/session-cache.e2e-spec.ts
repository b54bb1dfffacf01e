import { randomUUID } from 'node:crypto';
import * as jwt from 'jsonwebtoken';
import { registerCase } from '@qf/persistence';
import { SESSION_CACHE_TTL_MS } from '../../apps/api/src/auth/session-cache';
import { startTestStack, TestStack } from '../support/stack';

/**
 * Issue 18: the guard keeps the login behind a token for a short TTL (SessionCache) and the case list carries its total
 * on the page. A change this api makes takes effect on the next request; one made elsewhere within the TTL.
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

  it('a revocation made outside this api (another process, SQL) takes effect within the TTL', async () => {
    const u = await newUser('elsewhere', ['employee']);
    expect((await s.http.get('/api/auth/me').set(bearer(u.token))).status).toBe(200); // cached now
    await s.ds.query(`UPDATE users SET token_version = token_version + 1 WHERE id = $1`, [u.id]);
    const t0 = Date.now();
    let status = 200;
    while (status === 200 && Date.now() - t0 < SESSION_CACHE_TTL_MS + 5000)
      status = (await s.http.get('/api/auth/me').set(bearer(u.token))).status;
    expect(status).toBe(401);
    // the TTL, plus one request's time under a loaded test machine
    expect(Date.now() - t0).toBeLessThan(SESSION_CACHE_TTL_MS + 1500);
  });
});
