import { request as httpRequest } from 'node:http';
import { startTestStack, TestStack } from '../support/stack';

/** One raw HTTP GET (no automatic decompression), answering status, headers and the body's byte count as sent. */
function get(base: string, p: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; bytes: number }>(
    (resolve, reject) => {
      const req = httpRequest(base + p, { headers }, (res) => {
        let bytes = 0;
        res.on('data', (c: Buffer) => (bytes += c.length));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, bytes }));
      });
      req.on('error', reject);
      req.end();
    },
  );
}

/**
 * Issue 17 (fast first load) / issue 19 (console served compressed): the console build (CONSOLE_DIST) comes as the
 * build compressed it, hashed assets cached for good, index.html revalidated; the api's JSON compressed too.
 */
describe('browser: console delivery', () => {
  let s: TestStack;
  let base: string;
  let script: string;
  beforeAll(async () => {
    s = await startTestStack({}, { worker: false });
    base = s.baseUrl.replace('[::1]', '127.0.0.1');
  });
  afterAll(async () => {
    await s?.stop();
  });

  it('index.html is not cached and names its hashed script', async () => {
    const res = await fetch(base + '/');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    const html = await res.text();
    script = /<script[^>]+src="(\/assets\/[^"]+\.js)"/.exec(html)![1];
    expect(script).toMatch(/-[\w-]{8}\.js$/);
  });

  it('a hashed JS asset comes brotli- or gzip-compressed as asked, immutable', async () => {
    const plain = await get(base, script);
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');

    const br = await get(base, script, { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers['vary']).toMatch(/Accept-Encoding/i);
    expect(br.bytes).toBeLessThan(plain.bytes / 3);

    const gz = await get(base, script, { 'Accept-Encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.bytes).toBeLessThan(plain.bytes / 2);
  });

  it('a console route without a file answers index.html, not cached; a missing asset is a 404', async () => {
    const deep = await get(base, '/some/console/path', { Accept: 'text/html' });
    expect(deep.status).toBe(200);
    expect(deep.headers['cache-control']).toBe('no-cache');
    expect(String(deep.headers['content-type'])).toMatch(/text\/html/);
    // a missing asset is a 404, never the console page cached for a year
    const missing = await get(base, '/assets/missing-00000000.js');
    expect(missing.status).toBe(404);
  });

  it("the api's JSON comes compressed when the client accepts it", async () => {
    const token = await s.login('admin');
    const res = await get(base, '/api/docs-json', { 'Accept-Encoding': 'gzip, br', Authorization: `Bearer ${token}` });
    expect(res.status).toBe(200);
    expect(['br', 'gzip']).toContain(res.headers['content-encoding']);
    const cases = await get(base, '/api/cases?_start=0&_end=50', {
      'Accept-Encoding': 'gzip',
      Authorization: `Bearer ${token}`,
    });
    expect(cases.status).toBe(200);
    expect(String(cases.headers['content-type'])).toMatch(/json/);
    if (cases.bytes > 1024) expect(cases.headers['content-encoding']).toBe('gzip');
  });

  it("the api's answers are never stored by a browser or proxy, and carry no ETag; the console's files keep theirs", async () => {
    const token = await s.login('admin');
    for (const p of ['/api/cases?_start=0&_end=5', '/api/auth/me', '/api/nothing-here']) {
      const res = await get(base, p, { Authorization: `Bearer ${token}` });
      expect([p, res.headers['cache-control']]).toEqual([p, 'no-store']);
      expect([p, res.headers.etag]).toEqual([p, undefined]);
    }
    const index = await get(base, '/');
    expect(index.headers['cache-control']).toBe('no-cache');
    expect(index.headers.etag).toBeTruthy();
  });
});
