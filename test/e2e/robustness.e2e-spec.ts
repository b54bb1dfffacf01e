import { startTestStack, TestStack } from '../support/stack';

/** Issue 12: nothing a client sends gets a 500 — refused at the edge (400/413, in the error shape) and nothing changes. */
describe('robustness: client input never yields a 500', () => {
  let s: TestStack;
  let admin: { Authorization: string };
  beforeAll(async () => {
    s = await startTestStack({}, { worker: false });
    admin = { Authorization: `Bearer ${await s.login('admin')}` };
  });
  afterAll(() => s?.stop());

  const shaped = (body: Record<string, unknown>, status: number) =>
    expect(body).toMatchObject({
      statusCode: status,
      error: expect.any(String),
      message: expect.any(String),
      code: expect.any(String),
    });

  it('a NUL character in any text field — the unauthenticated login too — or a filter is a 400 naming the field', async () => {
    const login = await s.http.post('/api/auth/login').send({ username: 'ad\u0000min', password: 'x' });
    expect(login.status).toBe(400);
    shaped(login.body, 400);
    expect(login.body.details).toEqual([expect.objectContaining({ path: 'username', code: 'text.nul' })]);

    const employees = await s.http
      .get('/api/employees')
      .query({ filter: JSON.stringify({ q: 'a\u0000' }) })
      .set(admin);
    expect(employees.status).toBe(400);
    const surrogate = await s.http
      .post('/api/auth/login')
      .set('Content-Type', 'application/json')
      .send('{"username":"a\\ud800","password":"x"}');
    expect(surrogate.status).toBe(400);
    expect(surrogate.body.details[0]).toMatchObject({ path: 'username', code: 'text.lone_surrogate' });
    const pathNul = await s.http.get('/api/policies/%00').set(admin);
    expect(pathNul.status).toBeLessThan(500);
  });

  it('a body nested 10,000 levels deep is a 400, not a stack overflow', async () => {
    const deep = '{"username":' + '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000) + ',"password":"x"}';
    const res = await s.http.post('/api/auth/login').set('Content-Type', 'application/json').send(deep);
    expect(res.status).toBe(400);
    shaped(res.body, 400);
    expect(res.body.details[0].code).toBe('input.too_deep');
  });

  it('ids and numbers beyond the integer range are a 4xx, never a 500', async () => {
    for (const url of [
      '/api/policies/99999999999',
      '/api/policies/1/diff/99999999999',
      '/api/flows/99999999999',
      `/api/star-holders?filter=${encodeURIComponent('{"level":99999999999}')}`,
    ]) {
      const res = await s.http.get(url).set(admin);
      expect([url, res.status]).toEqual([url, expect.any(Number)]);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
    }
  });

  it('malformed JSON is a 400 and an oversized body a 413, both in the error shape (not a 404 from the static files)', async () => {
    const bad = await s.http
      .post('/api/complaints')
      .set(admin)
      .set('Content-Type', 'application/json')
      .send('{"customer": ');
    expect(bad.status).toBe(400);
    shaped(bad.body, 400);
    const big = await s.http
      .post('/api/complaints')
      .set(admin)
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ description: 'x'.repeat(2 * 1024 * 1024) }));
    expect(big.status).toBe(413);
    shaped(big.body, 413);
  });
});
