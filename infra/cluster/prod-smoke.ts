/**
 * npm run test:prod — the production build run as production: `NODE_ENV=production npm run start:prod` (compiled api
 * and worker, prebuilt workflow bundle and console, no ts-node) against a fresh Postgres (embedded, with an owner and
 * a least-privilege app role) and a Temporal dev server; the schema comes from the release step
 * (`main.js migrate`). Checks: api and worker health, no demo logins in production, the console's index.html not
 * cached, its hashed assets immutable and compressed, the env schema's production rules (no JWT_SECRET: refused).
 * Needs `npm run build` first. Not part of npm test.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ensureDatabaseRoles, freePort, startEmbeddedPostgres, startTemporalDevServer } from '../dev';

const root = path.resolve(__dirname, '../..');
const failures: string[] = [];
const check = (ok: boolean, what: string) => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures.push(what);
};

async function waitFor(url: string, timeoutMs: number): Promise<Response> {
  const end = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < end) {
    try {
      const r = await fetch(url);
      if (r.status === 200) return r;
      last = `HTTP ${r.status}`;
    } catch (e) {
      last = (e as Error).message;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} not healthy within ${timeoutMs} ms (${last})`);
}

async function main(): Promise<void> {
  for (const f of ['dist/apps/api/main.js', 'dist/apps/worker/main.js', 'dist/apps/worker/workflow-bundle.js'])
    if (!existsSync(path.join(root, f))) throw new Error(`${f} is missing — run npm run build`);
  if (!existsSync(path.join(root, 'dist/console/index.html')))
    throw new Error('dist/console is missing — npm run build');
  const dir = mkdtempSync(path.join(tmpdir(), 'qf-prod-'));
  chmodSync(dir, 0o755); // Postgres runs as its own OS user when started as root
  const pg = await startEmbeddedPostgres({ dataDir: path.join(dir, 'pg'), port: await freePort(), database: 'qf' });
  const temporal = await startTemporalDevServer({ port: await freePort() });
  let prod: ChildProcess | undefined;
  try {
    const owner = { name: 'qf_owner', password: 'owner-pw-smoke' };
    const app = { name: 'qf_app', password: 'app-pw-smoke' };
    await ensureDatabaseRoles({ superUrl: pg.url, owner, app });
    const port = await freePort();
    const healthPort = await freePort();
    const dbUrl = (r: { name: string; password: string }) =>
      pg.url.replace(/\/\/postgres:[^@]*@/, `//${r.name}:${r.password}@`);
    const env = {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: dbUrl(app),
      TEMPORAL_ADDRESS: temporal.address,
      JWT_SECRET: 'prod-smoke-secret-0123456789abcdef0123',
      WORKER_HEALTH_PORT: String(healthPort),
      CONSOLE_DIST: path.join(root, 'dist/console'),
      LOG_LEVEL: 'warn',
    };
    // the env schema's production rules: without JWT_SECRET the api refuses to start
    const refused = spawnSync('node', ['dist/apps/api/main.js'], {
      cwd: root,
      env: { ...env, JWT_SECRET: '' },
      encoding: 'utf8',
      timeout: 60000,
    });
    check(
      refused.status !== 0 && /JWT_SECRET/.test(refused.stderr + refused.stdout),
      'no JWT_SECRET in production: refused',
    );
    const migrate = spawnSync('node', ['dist/apps/worker/main.js', 'migrate'], {
      cwd: root,
      env: { ...env, DATABASE_MIGRATION_URL: dbUrl(owner) },
      encoding: 'utf8',
      timeout: 180000,
    });
    check(
      migrate.status === 0,
      `release step (main.js migrate): ${(migrate.stdout + migrate.stderr).trim().split('\n').pop()}`,
    );
    const t0 = Date.now();
    prod = spawn('bash', ['infra/scripts/cluster-start-prod.sh'], {
      cwd: root,
      env,
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    const health = await waitFor(`http://127.0.0.1:${port}/api/health`, 120000);
    check(health.status === 200, `api /api/health 200 in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    const worker = await waitFor(`http://127.0.0.1:${healthPort}/health`, 120000);
    check((await worker.json()).state === 'RUNNING', 'worker /health: RUNNING');
    const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'demo' }),
    });
    check(login.status === 401, `demo login refused in production (${login.status})`);
    const index = await fetch(`http://127.0.0.1:${port}/`, { headers: { 'accept-encoding': 'br, gzip' } });
    const html = await index.text();
    check(index.status === 200 && html.includes('<div id="root">'), 'console index.html served');
    check(
      /no-cache|no-store/.test(index.headers.get('cache-control') ?? ''),
      `index.html not cached (${index.headers.get('cache-control')})`,
    );
    const asset = readdirSync(path.join(root, 'dist/console/assets')).find((f) => /^index-.*\.js$/.test(f));
    if (asset) {
      const a = await fetch(`http://127.0.0.1:${port}/assets/${asset}`, { headers: { 'accept-encoding': 'br, gzip' } });
      await a.arrayBuffer();
      check(
        /immutable/.test(a.headers.get('cache-control') ?? ''),
        `hashed asset immutable (${a.headers.get('cache-control')})`,
      );
      check(
        /br|gzip/.test(a.headers.get('content-encoding') ?? ''),
        `hashed asset compressed (${a.headers.get('content-encoding')})`,
      );
    } else check(false, 'a hashed index-*.js asset in dist/console/assets');
  } finally {
    prod?.kill('SIGTERM');
    await new Promise((r) => (prod && prod.exitCode === null ? prod.once('exit', r) : r(null)));
    await temporal.stop();
    await pg.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  if (failures.length) {
    console.error(`test:prod: ${failures.length} failed`);
    process.exit(1);
  }
  console.log('test:prod: the production build runs as production');
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
