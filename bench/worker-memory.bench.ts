/**
 * Where the worker's memory goes as review cases stay open (issue 18, goal 4). Runs the compiled worker
 * (dist/apps/worker/main.js, `--expose-gc`, preloaded with bench/worker-memory.probe.js) beside the compiled api, on
 * its own Postgres + Temporal dev server, opens review cases through POST /api/cases in steps (BENCH_STEPS, cumulative
 * open cases, default 0,20,300,1000) and at each step prints the worker's RSS and each isolate's V8 heap — first as
 * found, then after a full GC in every isolate — plus the size of one case's workflow input and history.
 * Run: npm run bench:worker-memory   (BENCH_BUILD=1 builds dist/ first; WORKER_MAX_CACHED_WORKFLOWS as for the worker;
 * WORKER_NODE_FLAGS adds node flags to the worker, e.g. --max-old-space-size=512; MALLOC_ARENA_MAX passes through;
 * BENCH_SNAPSHOT_DIR writes heap snapshots of every isolate at the last step)
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { ensureDatabaseRoles, freePort, startEmbeddedPostgres, startTemporalDevServer } from '../infra/dev';

const root = path.resolve(__dirname, '..');
const STEPS = (process.env.BENCH_STEPS ?? '0,20,300,1000').split(',').map(Number);
const CACHE = process.env.WORKER_MAX_CACHED_WORKFLOWS;
const NODE_FLAGS = (process.env.WORKER_NODE_FLAGS ?? '').split(' ').filter(Boolean);
/** another compiled worker to measure (e.g. a copy beside an experimental workflow bundle); npm packages from here */
const WORKER_MAIN = process.env.WORKER_MAIN ?? 'dist/apps/worker/main.js';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const mb = (b: number) => (b / 1024 / 1024).toFixed(1);

interface Heap {
  threadId: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  arrayBuffers: number;
  heapSizeLimit: number;
  nativeContexts: number;
  detachedContexts: number;
}
interface Mem {
  main: Heap;
  threads: Heap[];
  proc: { rss: number; rssAnon: number; rssFile: number; threads: number };
}

async function pool<T>(items: T[], concurrency: number, fn: (x: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await fn(items[next++]);
    }),
  );
}

async function main(): Promise<void> {
  if (process.env.BENCH_BUILD === '1' || !existsSync(path.join(root, 'dist/apps/worker/main.js'))) {
    const b = spawnSync('bash', ['infra/scripts/build.sh', 'server'], { cwd: root, stdio: 'inherit' });
    if (b.status !== 0) throw new Error('build failed');
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'qf-bench-wmem-'));
  chmodSync(dir, 0o755);
  const pg = await startEmbeddedPostgres({ dataDir: path.join(dir, 'pg'), port: await freePort(), database: 'qf' });
  const temporal = await startTemporalDevServer({ port: await freePort() });
  const procs: ChildProcess[] = [];
  try {
    const owner = { name: 'qf_owner', password: 'bench-owner' };
    const app = { name: 'qf_app', password: 'bench-app' };
    await ensureDatabaseRoles({ superUrl: pg.url, owner, app });
    const url = (r: { name: string; password: string }) =>
      pg.url.replace(/\/\/postgres:[^@]*@/, `//${r.name}:${r.password}@`);
    const port = await freePort();
    const probePort = await freePort();
    const env = {
      ...process.env,
      NODE_ENV: 'development',
      SEED_DEMO: 'true',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: url(app),
      TEMPORAL_ADDRESS: temporal.address,
      TEMPORAL_TASK_QUEUE: `wmem-${randomUUID().slice(0, 8)}`,
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
    const worker = spawn('node', ['--expose-gc', ...NODE_FLAGS, '-r', './bench/worker-memory.probe.js', WORKER_MAIN], {
      cwd: root,
      env: { ...env, QF_MEM_PROBE_PORT: String(probePort), NODE_PATH: path.join(root, 'node_modules') },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const api = spawn('node', ['dist/apps/api/main.js'], { cwd: root, env, stdio: ['ignore', 'ignore', 'inherit'] });
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
    const admin = await login('admin');
    const call = async (method: string, p: string, body?: unknown) => {
      const r = await fetch(`${base}${p}`, {
        method,
        headers: { authorization: admin, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: r.status, body: (await r.json().catch(() => null)) as any }; // eslint-disable-line @typescript-eslint/no-explicit-any
    };
    /** n more review cases, returned once each has its first task open (its workflow waiting, cached) */
    const openCases = async (n: number): Promise<void> => {
      const ids: string[] = [];
      await pool(
        Array.from({ length: n }, (_, i) => i),
        5,
        async (i) => {
          const c = await call('POST', '/api/cases', { title: `wmem ${i} ${randomUUID().slice(0, 6)}` });
          if (c.status !== 201) throw new Error(`create case: ${c.status} ${JSON.stringify(c.body)}`);
          ids.push(c.body.id);
        },
      );
      for (const caseId of ids) {
        for (let k = 0; ; k++) {
          const c = await call('GET', `/api/cases/${caseId}`);
          if (c.body?.tasks?.some((x: { status: string }) => x.status === 'open')) break;
          if (k > 600) throw new Error(`case ${caseId}: no open task`);
          await sleep(100);
        }
      }
    };
    const mem = async (gc: boolean): Promise<Mem> =>
      (await (await fetch(`http://127.0.0.1:${probePort}/mem?gc=${gc ? 1 : 0}`)).json()) as Mem;
    const line = (m: Mem) =>
      `RSS ${mb(m.proc.rss)} (anon ${mb(m.proc.rssAnon)}) | main heap ${mb(m.main.heapUsed)}/${mb(m.main.heapTotal)} ext ${mb(m.main.external)} | ` +
      m.threads
        .map(
          (t) =>
            `thread ${t.threadId} heap ${mb(t.heapUsed)}/${mb(t.heapTotal)} (limit ${mb(t.heapSizeLimit)}) ext ${mb(t.external)}`,
        )
        .join(' | ') +
      ` | OS threads ${m.proc.threads}`;

    console.log(
      `worker ${WORKER_MAIN}, maxCachedWorkflows ${CACHE ?? 'the worker default (200)'}, node flags ${NODE_FLAGS.join(' ') || '-'}`,
    );
    await sleep(3000);
    let open = 0;
    const rows: { open: number; raw: Mem; gc: Mem }[] = [];
    for (const target of STEPS) {
      const t0 = performance.now();
      if (target > open) await openCases(target - open);
      const took = (performance.now() - t0) / 1000;
      open = Math.max(open, target);
      await sleep(2000);
      const raw = await mem(false);
      const gc = await mem(true);
      rows.push({ open, raw, gc });
      console.log(`\n${open} open cases (${took.toFixed(0)} s)\n  as found: ${line(raw)}\n  after GC: ${line(gc)}`);
    }

    // one case's workflow: the size of its input (the pinned policy and flow) and of its history
    const client = new Client({ connection: await Connection.connect({ address: temporal.address }) });
    for await (const wf of client.workflow.list({ query: `WorkflowType = 'reviewCase'` })) {
      const h = await client.workflow.getHandle(wf.workflowId, wf.runId).fetchHistory();
      const start = h.events?.[0]?.workflowExecutionStartedEventAttributes;
      const input = (start?.input?.payloads ?? []).reduce((s, p) => s + (p.data?.length ?? 0), 0);
      const payloads = (h.events ?? []).reduce(
        (s, e) => s + JSON.stringify(e).length, // a rough size of every event (JSON of the decoded proto)
        0,
      );
      console.log(
        `\none reviewCase workflow (${wf.workflowId}): input ${(input / 1024).toFixed(1)} KB, history ${h.events?.length} events ≈ ${(payloads / 1024).toFixed(0)} KB as JSON`,
      );
      break;
    }

    if (process.env.BENCH_SNAPSHOT_DIR) {
      mkdirSync(process.env.BENCH_SNAPSHOT_DIR, { recursive: true });
      const r = await fetch(
        `http://127.0.0.1:${probePort}/snapshot?dir=${encodeURIComponent(process.env.BENCH_SNAPSHOT_DIR)}`,
      );
      console.log('heap snapshots:', await r.text());
    }

    console.log('\nslopes (MB per open case):');
    const first = rows[0];
    for (const r of rows.slice(1)) {
      const d = r.open - first.open;
      const slope = (a: number, b: number) => ((b - a) / 1024 / 1024 / d).toFixed(3);
      const threadHeap = (m: Mem) => m.threads.reduce((s, t) => s + t.heapUsed, 0);
      console.log(
        `  ${first.open} → ${r.open}: RSS as found ${slope(first.raw.proc.rss, r.raw.proc.rss)}, RSS after GC ${slope(first.gc.proc.rss, r.gc.proc.rss)}, ` +
          `workflow-thread live heap ${slope(threadHeap(first.gc), threadHeap(r.gc))}, main live heap ${slope(first.gc.main.heapUsed, r.gc.main.heapUsed)}`,
      );
    }
  } finally {
    for (const p of procs) p.kill('SIGTERM');
    await sleep(1000);
    await temporal.stop();
    await pg.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
