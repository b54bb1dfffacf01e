import { randomUUID } from 'node:crypto';
import { sweepThrottleBuckets, throttleHit } from '@qf/persistence';
import { eventually, startTestStack, TestStack } from '../support/stack';

/**
 * Issue 12: the login throttle cannot be sidestepped by spelling, forged addresses or another api process (its buckets
 * are in the database); the account backoff is bounded.
 */
describe('login throttle and account backoff', () => {
  let s: TestStack;
  let s2: TestStack;
  let proxied: TestStack;
  const login = (stack: TestStack, username: string, password: string, from?: string) => {
    const req = stack.http.post('/api/auth/login');
    if (from) req.set('X-Forwarded-For', from);
    return req.send({ username, password });
  };

  beforeAll(async () => {
    s = await startTestStack({ LOGIN_RATE_LIMIT: '5' }, { worker: false });
    // a second api process on the same database (as behind a load balancer)
    s2 = await startTestStack({ LOGIN_RATE_LIMIT: '5' }, { worker: false });
    proxied = await startTestStack(
      { TRUST_PROXY: 'loopback', LOGIN_RATE_LIMIT: '1000', LOGIN_BACKOFF_AFTER: '3', LOGIN_BACKOFF_MAX_SECONDS: '2' },
      { worker: false },
    );
  });
  afterAll(async () => {
    await s?.stop();
    await s2?.stop();
    await proxied?.stop();
  });

  it('spelling variants of one username share one bucket (trimmed, case- and width-folded)', async () => {
    const name = `probe${randomUUID().slice(0, 6)}`;
    const variants = [` ${name}`, `${name} `, `\t${name}`, name.toUpperCase(), `${name}\n`, name];
    const codes: number[] = [];
    for (const v of variants) codes.push((await login(s, v, 'wrong-password')).status);
    expect(codes).toEqual([401, 401, 401, 401, 401, 429]);
  });

  it('another api process gives no fresh allowance: every process counts in the one bucket (in the database)', async () => {
    const name = `spread${randomUUID().slice(0, 6)}`;
    const codes: number[] = [];
    for (let i = 0; i < 6; i++) codes.push((await login(i % 2 ? s2 : s, name, 'wrong-password')).status);
    expect(codes).toEqual([401, 401, 401, 401, 401, 429]);
    // both processes refuse it now, with the wait until the block ends
    for (const p of [s, s2]) {
      const r = await login(p, name, 'wrong-password');
      expect(r.status).toBe(429);
      expect(Number(r.headers['retry-after-login'])).toBeGreaterThan(50); // the named throttler's header
    }
  });

  it('a bucket counts a sliding window, blocks once over the limit, and starts again when the block ends', async () => {
    const key = `window-${randomUUID()}`;
    const hit = () => throttleHit(s.ds, key, 600, 2, 900);
    expect(await hit()).toMatchObject({ totalHits: 1, isBlocked: false, timeToBlockExpire: 0 });
    expect(await hit()).toMatchObject({ totalHits: 2, isBlocked: false });
    expect(await hit()).toMatchObject({ totalHits: 3, isBlocked: true, timeToBlockExpire: 1 });
    expect(await hit()).toMatchObject({ totalHits: 3, isBlocked: true }); // a blocked bucket counts nothing more
    await new Promise((r) => setTimeout(r, 1000));
    expect(await hit()).toMatchObject({ totalHits: 1, isBlocked: false });
    await new Promise((r) => setTimeout(r, 700)); // that hit left the window
    expect(await hit()).toMatchObject({ totalHits: 1, isBlocked: false });
    // without a block, a request over the limit is refused on its own
    const free = `noblock-${randomUUID()}`;
    const codes = [];
    for (let i = 0; i < 3; i++) codes.push((await throttleHit(s.ds, free, 60_000, 2, 0)).isBlocked);
    expect(codes).toEqual([false, false, true]);
    // expired buckets are swept
    await s.ds.query(`UPDATE throttle_buckets SET expires_at = now() - interval '1 second' WHERE key = $1`, [key]);
    await sweepThrottleBuckets(s.ds);
    expect(await s.ds.query(`SELECT 1 FROM throttle_buckets WHERE key = $1`, [key])).toEqual([]);
  });

  it('a forged X-Forwarded-For gives no fresh bucket unless TRUST_PROXY names the proxy', async () => {
    const name = `forged${randomUUID().slice(0, 6)}`;
    const codes: number[] = [];
    for (let i = 0; i < 6; i++) codes.push((await login(s, name, 'wrong-password', `203.0.113.${i + 1}`)).status);
    expect(codes).toEqual([401, 401, 401, 401, 401, 429]);
  });

  it('failures from many addresses slow the account down, never the owner at a known client, and the wait is bounded', async () => {
    const username = `backoff${randomUUID().slice(0, 6)}`;
    const created = await proxied.http
      .post('/api/users')
      .set('Authorization', `Bearer ${await proxied.login('admin')}`)
      .send({ username, displayName: '退避测试', roles: ['employee'], password: 'correct-horse' });
    expect(created.status).toBe(201);
    // the owner signs in once from their desk: a known client from now on
    expect((await login(proxied, username, 'correct-horse', '198.51.100.7')).status).toBe(200);

    // an attacker guesses from fresh addresses: after 3 failures the account rests, whoever asks
    for (let i = 0; i < 3; i++)
      expect((await login(proxied, username, 'guess', `203.0.113.${50 + i}`)).status).toBe(401);
    const refused = await login(proxied, username, 'correct-horse', '203.0.113.99');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(refused.body.message).toMatch(/too many failed logins/);

    // the owner at the known client is not locked out
    const owner = await login(proxied, username, 'correct-horse', '198.51.100.7');
    expect(owner.status).toBe(200);

    // sign-ins, failures and sign-outs are audited, with the client
    expect(
      (await proxied.http.post('/api/auth/logout').set('Authorization', `Bearer ${owner.body.accessToken}`)).status,
    ).toBe(204);
    const rows = await proxied.ds.query(
      `SELECT action, details->>'client' AS client FROM audit_log WHERE actor = $1 ORDER BY id`,
      [username],
    );
    expect(rows.map((r: { action: string }) => r.action)).toEqual([
      'auth.login',
      'auth.login_failed',
      'auth.login_failed',
      'auth.login_failed',
      'auth.login',
      'auth.logout',
    ]);
    expect(rows[1].client).toBe('203.0.113.50');

    // the rest is bounded (LOGIN_BACKOFF_MAX_SECONDS = 2): a new client gets in once it has passed
    for (let i = 0; i < 6; i++) await login(proxied, username, 'guess', `203.0.113.${60 + i}`);
    expect((await login(proxied, username, 'correct-horse', '192.0.2.1')).status).toBe(429);
    await eventually(async () => (await login(proxied, username, 'correct-horse', '192.0.2.1')).status === 200, 8000);
  });
});
