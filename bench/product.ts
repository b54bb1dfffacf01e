/**
 * The product as it runs, for the benches that measure it whole (bench:api, bench:worker-memory): the compiled api
 * and worker (dist/, built unless `build` is false) as separate processes on an embedded Postgres (owner and app roles,
 * migrated) and a Temporal dev server of their own, the api healthy; with login, a JSON call and review cases opened
 * through the api. `stop` ends every process it and the caller started (`procs`) and removes the data.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { randomUUID } from 'node:crypto';
import { ensureDatabaseRoles, freePort, startEmbeddedPostgres, startTemporalDevServer } from '../infra/dev';

export const root = path.resolve(__dirname, '..');
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs `fn` over `items`, `concurrency` at a time. */
export async function pool<T>(items: T[], concurrency: number, fn: (x: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await fn(items[next++]);
    }),
  );
}

export interface ProductOptions {
  /** build dist/ first (else only when it is missing) */
  build: boolean;
  /** the task queue's prefix and the data directory's name */
  name: string;
  /** node arguments before the worker's script, and the script (default dist/apps/worker/main.js) */
  workerNodeArgs?: string[];
  workerMain?: string;
  /** node arguments before the api's script (e.g. --cpu-prof) */
  apiNodeArgs?: string[];
  /** extra environment of the worker process */
  workerEnv?: Record<string, string>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Answer = { status: number; body: any };

export async function startProduct(o: ProductOptions) {
  const built =
    existsSync(path.join(root, 'dist/apps/api/main.js')) && existsSync(path.join(root, 'dist/apps/worker/main.js'));
  if (o.build || !built) {
    const b = spawnSync('bash', ['infra/scripts/build.sh', 'server'], { cwd: root, stdio: 'inherit' });
    if (b.status !== 0) throw new Error('build failed');
  }
  const dir = mkdtempSync(path.join(tmpdir(), `qf-bench-${o.name}-`));
  chmodSync(dir, 0o755);
  const pg = await startEmbeddedPostgres({ dataDir: path.join(dir, 'pg'), port: await freePort(), database: 'qf' });
  const temporal = await startTemporalDevServer({ port: await freePort() });
  const procs: ChildProcess[] = [];
  const stop = async () => {
    for (const p of procs) p.kill('SIGTERM');
    await sleep(1000);
    await temporal.stop();
    await pg.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const owner = { name: 'qf_owner', password: 'bench-owner' };
    const app = { name: 'qf_app', password: 'bench-app' };
    await ensureDatabaseRoles({ superUrl: pg.url, owner, app });
    const url = (r: { name: string; password: string }) =>
      pg.url.replace(/\/\/postgres:[^@]*@/, `//${r.name}:${r.password}@`);
    const port = await freePort();
    const env = {
      ...process.env,
      NODE_ENV: 'development',
      SEED_DEMO: 'true',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: url(app),
      TEMPORAL_ADDRESS: temporal.address,
      TEMPORAL_TASK_QUEUE: `${o.name}-${randomUUID().slice(0, 8)}`,
      JWT_SECRET: 'bench-secret-0123456789abcdef0123456789',
      LOG_LEVEL: 'warn',
      NOTIFY_DISPATCH: 'false',
    };
    const migrate = spawnSync('node', ['dist/apps/worker/main.js', 'migrate'], {
      cwd: root,
      env: { ...env, DATABASE_MIGRATION_URL: url(owner) },
      encoding: 'utf8',
    });
    if (migrate.status !== 0) throw new Error(`migrate failed: ${migrate.stderr}`);
    const worker = spawn('node', [...(o.workerNodeArgs ?? []), o.workerMain ?? 'dist/apps/worker/main.js'], {
      cwd: root,
      env: { ...env, ...o.workerEnv },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const api = spawn('node', [...(o.apiNodeArgs ?? []), 'dist/apps/api/main.js'], {
      cwd: root,
      env,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    procs.push(worker, api);
    const base = `http://127.0.0.1:${port}`;
    for (let i = 0; ; i++) {
      const ok = await fetch(`${base}/api/health`)
        .then((r) => r.status === 200)
        .catch(() => false);
      if (ok) break;
      if (i > 240) throw new Error('api not healthy');
      await sleep(500);
    }
    const login = async (username: string) => {
      const r = await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: 'demo' }),
      });
      return `Bearer ${((await r.json()) as { accessToken: string }).accessToken}`;
    };
    const call = async (method: string, p: string, auth: string, body?: unknown): Promise<Answer> => {
      const r = await fetch(`${base}${p}`, {
        method,
        headers: { authorization: auth, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: r.status, body: await r.json().catch(() => null) };
    };
    /** n review cases registered by `auth` (5 at a time), returned once each has its first task open */
    const openCases = async (auth: string, n: number, title: string): Promise<{ caseId: string; taskId: string }[]> => {
      const ids: string[] = [];
      await pool(
        Array.from({ length: n }, (_, i) => i),
        5,
        async (i) => {
          const c = await call('POST', '/api/cases', auth, { title: `${title} ${i} ${randomUUID().slice(0, 6)}` });
          if (c.status !== 201) throw new Error(`create case: ${c.status} ${JSON.stringify(c.body)}`);
          ids.push(c.body.id);
        },
      );
      const out: { caseId: string; taskId: string }[] = [];
      for (const caseId of ids) {
        for (let k = 0; ; k++) {
          const c = await call('GET', `/api/cases/${caseId}`, auth);
          const t = c.body?.tasks?.find((x: { status: string }) => x.status === 'open');
          if (t) {
            out.push({ caseId, taskId: t.id });
            break;
          }
          if (k > 600) throw new Error(`case ${caseId}: no open task`);
          await sleep(100);
        }
      }
      return out;
    };
    return { base, pg, temporal, procs, worker, api, login, call, openCases, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}
