/**
 * Issue 18's goals through the product as it runs (compiled api + worker processes, Postgres, Temporal dev server),
 * each against a baseline measured in the same run, over BENCH_REPS repetitions (3) with min / median / max:
 *   1. approve round trip (POST /api/tasks/:id/actions on a review case, the decision in the read model when it returns)
 *      vs a bare Temporal Update on the same server — p50 / p99 at concurrency 1 and 10, ratio of the p99s; and the
 *      durable floor: a bare Update whose handler first runs one activity (one INSERT) through the server, the least
 *      an action costs when its record is written only after its acceptance is in the history;
 *   2. end to end (register a review case, approve its task, the case closed) in cases/s vs Flowable's instances/s on
 *      the same shape (bench/flowable: an embedded Flowable engine on a database of the same Postgres, start → user
 *      task → exclusive gateway → end, in its own JVM, warmed up) at concurrency 1 and 10; the goal is the ratio at 10;
 *      and Temporal's floor for the shape: a bare workflow started, one Update, its result, no HTTP nor database;
 *   4. worker memory: RSS of the worker process over 0 → BENCH_OPEN open cases, per cached workflow;
 *   5. the case list (GET /api/cases, page of 25, admin, row scoping applied) — requests/s and p99 (autocannon) vs a
 *      bare node:http JSON route serving the same page in its own process.
 * Run: npm run bench:api   (builds the server into dist/ — BENCH_BUILD=0 reuses it — and bench/flowable with Maven,
 * offline when its dependencies are cached; BENCH_APPROVALS=40 BENCH_E2E=40 BENCH_FLOWABLE_N=200 BENCH_OPEN=300
 * BENCH_REPS=3; BENCH_FLOWABLE=0 leaves goal 2 out, for a machine without Java 17 and Maven; BENCH_GOALS=1,2,4,5
 * picks goals; WORKER_MAX_CACHED_WORKFLOWS is handed to the worker and printed with goal 4 — unset: the worker's
 * default, 200)
 */
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import * as path from 'node:path';
import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import { Client as PgClient, Pool as PgPool } from 'pg';
import { Client, Connection } from '@temporalio/client';
import { bundleWorkflowCode, NativeConnection, Worker } from '@temporalio/worker';
import { workspaceAliases } from '@qf/runtime';
import { freePort } from '../infra/dev';
import { pool, sleep, startProduct } from './product';
import { bareApprove, bareState, type FloorActivities } from './bare.workflow';
import { DEFAULT_MAX_CACHED_WORKFLOWS } from '../apps/worker/src/workflow-cache';

const APPROVALS = Number(process.env.BENCH_APPROVALS ?? 40);
const OPEN = Number(process.env.BENCH_OPEN ?? 300);
const REPS = Number(process.env.BENCH_REPS ?? 3);
const LIST_SECONDS = Number(process.env.BENCH_LIST_SECONDS ?? 5);
const E2E = Number(process.env.BENCH_E2E ?? 40);
const FLOWABLE_N = Number(process.env.BENCH_FLOWABLE_N ?? 200);
const FLOWABLE = process.env.BENCH_FLOWABLE !== '0';
const flowableDir = path.join(__dirname, 'flowable');
/** which goals to measure (BENCH_GOALS=4 for the memory figure alone) */
const GOALS = new Set((process.env.BENCH_GOALS ?? '1,2,4,5').split(',').map((g) => g.trim()));
/** passed on to the worker (apps/worker: Temporal's maxCachedWorkflows); unset: the SDK's heap-based default */
const CACHE = process.env.WORKER_MAX_CACHED_WORKFLOWS;

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];
const median = (xs: number[]) => pct(xs, 0.5);
const spread = (xs: number[], digits = 2) =>
  `min ${Math.min(...xs).toFixed(digits)}, median ${median(xs).toFixed(digits)}, max ${Math.max(...xs).toFixed(digits)}`;

/** CPU time (ms) the whole machine spent busy, from /proc/stat (USER_HZ 100) */
function machineBusyMs(): number {
  const f = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  return (f.reduce((a, b) => a + b, 0) - f[3] - f[4]) * 10;
}
/** CPU time (ms) of one process (user + system) */
function processBusyMs(pid: number): number {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(f[11]) + Number(f[12])) * 10;
}
/** CPU time (ms) so far of the machine's processes by kind (Postgres, Temporal, the worker, Java), from /proc */
function busyByKind(): Record<string, number> {
  const out: Record<string, number> = {};
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const cmd = readFileSync(`/proc/${d}/cmdline`, 'utf8');
      const kind = cmd.includes('apps/worker/main')
        ? 'worker'
        : cmd.includes('start-dev')
          ? 'temporal'
          : /(^|\/)postgres\0/.test(cmd) || cmd.startsWith('postgres:')
            ? 'postgres'
            : cmd.startsWith('java')
              ? 'java'
              : null;
      if (kind) out[kind] = (out[kind] ?? 0) + processBusyMs(Number(d));
    } catch {
      // the process ended meanwhile
    }
  }
  return out;
}

/**
 * CPU the rest of the machine used (share of one core) while `run` ran: everything but the measured server and this
 * process (the load generator). The list is measured after goals 1 and 2, whose leftovers (the Temporal server's and
 * the worker's cases, Postgres's autovacuum, the Flowable JVM's exit) would otherwise compete with it unseen.
 */
async function othersShare<T>(
  exclude: number[],
  run: () => Promise<T>,
): Promise<{ result: T; share: number; byKind: string }> {
  const own = () => exclude.reduce((a, pid) => a + processBusyMs(pid), 0);
  const [m0, o0, k0, t0] = [machineBusyMs(), own(), busyByKind(), performance.now()];
  const result = await run();
  const [m1, o1, k1, t1] = [machineBusyMs(), own(), busyByKind(), performance.now()];
  const byKind = Object.entries(k1)
    .map(([k, v]) => `${k} ${(((v - (k0[k] ?? 0)) / (t1 - t0)) * 100).toFixed(0)}%`)
    .join(', ');
  return { result, share: Math.max(0, m1 - m0 - (o1 - o0)) / (t1 - t0), byKind };
}

function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

/** bench/flowable's jar and its runtime classpath (target/lib): offline when Maven has the dependencies cached. */
function buildFlowable(): void {
  const mvn = (args: string[]) => spawnSync('mvn', args, { cwd: flowableDir, stdio: 'inherit' });
  if (mvn(['-q', '-o', '-B', 'package']).status === 0) return;
  console.log('bench/flowable: not built offline, building with downloads from Maven Central');
  const b = mvn(['-q', '-B', 'package']);
  if (b.error || b.status !== 0)
    throw new Error(`bench/flowable did not build (Java 17 and Maven needed; BENCH_FLOWABLE=0 leaves goal 2 out)`);
}

interface FlowableRun {
  concurrency: number;
  instances: number;
  instancesPerSec: number;
  taskP50Ms: number;
  taskP99Ms: number;
  error?: string;
}

/** The harness in --serve mode: warms up, then answers "CONCURRENCY N" lines with one JSON line each. */
async function startFlowable(jdbc: string, user: string, password: string) {
  const java = spawn(
    'java',
    [
      '-cp',
      `target/flowable-bench.jar${path.delimiter}target/lib/*`,
      'qf.bench.FlowableBench',
      '--serve',
      '--jdbc',
      jdbc,
      '--user',
      user,
      '--password',
      password,
    ],
    { cwd: flowableDir, stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const lines = createInterface({ input: java.stdout! })[Symbol.asyncIterator]();
  const nextJson = async <T>(): Promise<T> => {
    for (;;) {
      const l = await lines.next();
      if (l.done) throw new Error('the Flowable harness exited');
      if (l.value.trim().startsWith('{')) return JSON.parse(l.value) as T;
    }
  };
  const ready = await nextJson<{ ready: boolean; flowable: string }>();
  return {
    version: ready.flowable,
    process: java,
    run: async (concurrency: number, n: number): Promise<FlowableRun> => {
      java.stdin!.write(`${concurrency} ${n}\n`);
      const r = await nextJson<FlowableRun>();
      if (r.error) throw new Error(`Flowable: ${r.error}`);
      return r;
    },
    stop: () => java.stdin!.end('quit\n'),
  };
}

async function main(): Promise<void> {
  if (FLOWABLE && GOALS.has('2')) buildFlowable();
  // the server as the working tree has it (a dist/ left from hours ago measured code that was since changed);
  // BENCH_BUILD=0 reuses an existing dist/
  const product = await startProduct({ build: process.env.BENCH_BUILD !== '0', name: 'bench' });
  const { base, pg, temporal, procs, worker, api, login, call } = product;
  try {
    const admin = await login('admin');
    const leader = await login('leader1');
    /** review cases whose first task is open: [caseId, taskId] */
    const openCases = (n: number) => product.openCases(admin, n, 'bench');

    // --- the bare baseline's worker, in this process, on the same Temporal server
    const bundle = await bundleWorkflowCode({
      workflowsPath: path.join(__dirname, 'bare.workflow.ts'),
      webpackConfigHook: (c) => ({
        ...c,
        resolve: { ...c.resolve, alias: { ...(c.resolve?.alias as object), ...workspaceAliases() } },
      }),
      logger: { info() {}, warn() {}, error: console.error, debug() {}, trace() {}, log() {} } as never,
    });
    const bareQueue = `bare-${randomUUID().slice(0, 8)}`;
    // the durable floor's record: one INSERT of its own transaction, on the same Postgres (a pool like the worker's)
    const floorDb = new PgPool({ connectionString: pg.url, max: 10 });
    await floorDb.query(
      'CREATE TABLE IF NOT EXISTS bench_floor_decisions (workflow_id text PRIMARY KEY, at timestamptz)',
    );
    const floorActivities: FloorActivities = {
      async recordDecision(workflowId) {
        await floorDb.query('INSERT INTO bench_floor_decisions VALUES ($1, now()) ON CONFLICT DO NOTHING', [
          workflowId,
        ]);
      },
    };
    const bareWorker = await Worker.create({
      connection: await NativeConnection.connect({ address: temporal.address }),
      taskQueue: bareQueue,
      workflowBundle: bundle,
      activities: floorActivities,
    });
    const client = new Client({ connection: await Connection.connect({ address: temporal.address }) });
    const bareRun = bareWorker.run();
    const bareHandles = async (n: number, workflow: 'bareApproval' | 'durableApproval' = 'bareApproval') => {
      const hs = await Promise.all(
        Array.from({ length: n }, () =>
          client.workflow.start(workflow, { taskQueue: bareQueue, workflowId: `bare-${randomUUID()}`, args: [] }),
        ),
      );
      for (const h of hs)
        while (
          !(await h
            .query(bareState)
            .then((s) => s.ready)
            .catch(() => false))
        )
          await sleep(5);
      return hs;
    };

    // --- goal 1: approve vs bare Update
    const results: Record<string, number[]> = {};
    const push = (k: string, v: number) => (results[k] ??= []).push(v);
    for (let rep = 1; GOALS.has('1') && rep <= REPS; rep++) {
      for (const conc of [1, 10]) {
        const ours: number[] = [];
        const bare: number[] = [];
        const durable: number[] = [];
        const cases = await openCases(APPROVALS);
        const hs = await bareHandles(APPROVALS);
        const ds = await bareHandles(APPROVALS, 'durableApproval');
        const runOurs = () =>
          pool(cases, conc, async ({ taskId }) => {
            const t = performance.now();
            const r = await call('POST', `/api/tasks/${taskId}/actions`, leader, { action: 'approve' });
            ours.push(performance.now() - t);
            if (r.status !== 200) throw new Error(`approve ${r.status} ${JSON.stringify(r.body)}`);
          });
        const runBare = (handles: typeof hs, into: number[]) => () =>
          pool(handles, conc, async (h) => {
            const t = performance.now();
            await h.executeUpdate(bareApprove, { args: [{}] });
            into.push(performance.now() - t);
          });
        // the three sides take turns in a rotating order (each goes first once every three repetitions)
        const sides = [runBare(hs, bare), runOurs, runBare(ds, durable)];
        for (let k = 0; k < sides.length; k++) await sides[(k + rep - 1) % sides.length]();
        const line = (xs: number[]) => `p50 ${pct(xs, 0.5).toFixed(0)} ms p99 ${pct(xs, 0.99).toFixed(0)} ms`;
        console.log(
          `rep ${rep} c=${conc}: approve ${line(ours)} | bare Update ${line(bare)} | durable floor (Update + 1 activity) ${line(durable)}`,
        );
        push(`approve p99 / bare p99, concurrency ${conc}`, pct(ours, 0.99) / pct(bare, 0.99));
        push(`durable floor p99 / bare p99, conc. ${conc}`, pct(durable, 0.99) / pct(bare, 0.99));
        push(`approve p99 / durable floor p99, conc. ${conc}`, pct(ours, 0.99) / pct(durable, 0.99));
      }
    }

    // --- goal 2: end to end (register, approve, closed) vs Flowable's instances on the same shape, same Postgres
    if (FLOWABLE && GOALS.has('2')) {
      const su = new PgClient({ connectionString: pg.url });
      await su.connect();
      await su.query('CREATE DATABASE flowable');
      await su.end();
      const [, suUser, suPassword, hostPort] = /^postgres:\/\/([^:]+):([^@]*)@([^/]+)\//.exec(pg.url)!;
      const flowable = await startFlowable(
        `jdbc:postgresql://${hostPort}/flowable`,
        decodeURIComponent(suUser),
        decodeURIComponent(suPassword),
      );
      procs.push(flowable.process);
      console.log(`Flowable ${flowable.version} ready (warmed up)`);
      const caseOpenTask = async (caseId: string): Promise<string> => {
        for (let k = 0; ; k++) {
          const c = await call('GET', `/api/cases/${caseId}`, admin);
          const t = c.body?.tasks?.find((x: { status: string }) => x.status === 'open');
          if (t) return t.id;
          if (k > 3000) throw new Error(`case ${caseId}: no open task`);
          await sleep(20);
        }
      };
      const endToEnd = async (conc: number) => {
        const t0 = performance.now();
        await pool(
          Array.from({ length: E2E }, (_, i) => i),
          conc,
          async (i) => {
            const c = await call('POST', '/api/cases', admin, { title: `bench e2e ${i} ${randomUUID().slice(0, 6)}` });
            if (c.status !== 201) throw new Error(`create case: ${c.status} ${JSON.stringify(c.body)}`);
            const taskId = await caseOpenTask(c.body.id);
            const r = await call('POST', `/api/tasks/${taskId}/actions`, leader, { action: 'approve' });
            if (r.status !== 200) throw new Error(`approve ${r.status} ${JSON.stringify(r.body)}`);
            for (let k = 0, status = r.body?.status; status !== 'closed'; k++) {
              if (k > 3000) throw new Error(`case ${c.body.id} not closed`);
              await sleep(20);
              status = (await call('GET', `/api/cases/${c.body.id}`, admin)).body?.status;
            }
          },
        );
        return E2E / ((performance.now() - t0) / 1000);
      };
      // Temporal's floor for the same shape: a bare workflow started, one Update, its result — no HTTP, no database,
      // no product code, on the same server and machine
      const temporalFloor = async (conc: number) => {
        const t0 = performance.now();
        await pool(
          Array.from({ length: FLOWABLE_N }, (_, i) => i),
          conc,
          async () => {
            const h = await client.workflow.start('bareApproval', {
              taskQueue: bareQueue,
              workflowId: `floor-${randomUUID()}`,
            });
            await h.executeUpdate(bareApprove, { args: [{}] });
            await h.result();
          },
        );
        return FLOWABLE_N / ((performance.now() - t0) / 1000);
      };
      for (let rep = 1; rep <= REPS; rep++) {
        for (const conc of [1, 10]) {
          let ours = 0;
          let floor = 0;
          let theirs: FlowableRun | undefined;
          // the three sides take turns in a rotating order
          const sides = [
            async () => void (theirs = await flowable.run(conc, FLOWABLE_N)),
            async () => void (ours = await endToEnd(conc)),
            async () => void (floor = await temporalFloor(conc)),
          ];
          for (let k = 0; k < sides.length; k++) await sides[(k + rep - 1) % sides.length]();
          const f = theirs!;
          console.log(
            `rep ${rep} c=${conc}: end to end ${ours.toFixed(2)} cases/s | Temporal floor ${floor.toFixed(1)} cases/s | Flowable ${f.instancesPerSec.toFixed(1)} instances/s, task completion p50 ${f.taskP50Ms.toFixed(1)} ms p99 ${f.taskP99Ms.toFixed(1)} ms`,
          );
          push(`cases/s / Flowable instances/s, conc. ${conc}`, ours / f.instancesPerSec);
          push(`Temporal floor / Flowable, conc. ${conc}`, floor / f.instancesPerSec);
          push(`cases/s, concurrency ${conc}`, ours);
          push(`Temporal floor cases/s, concurrency ${conc}`, floor);
          push(`Flowable instances/s, concurrency ${conc}`, f.instancesPerSec);
        }
      }
      flowable.stop();
    }

    // --- goal 5: the case list vs a bare JSON route (its own process) serving the same page — a full page of 25 (run
    // alone, the goal had no cases to list: an empty page measured the pipeline, not the list)
    let page = await call('GET', '/api/cases?range=%5B0%2C24%5D', admin);
    if (GOALS.has('5') && page.body.length < 25) {
      await openCases(25 - page.body.length);
      page = await call('GET', '/api/cases?range=%5B0%2C24%5D', admin);
    }
    if (GOALS.has('5'))
      console.log(`list page: ${page.body.length} cases, ${JSON.stringify(page.body).length} bytes of JSON`);
    const bareListPort = await freePort();
    const bareList = spawn(
      'node',
      [
        '-e',
        `const body = JSON.stringify(${JSON.stringify(page.body)}); require('node:http').createServer((q, s) => { s.writeHead(200, {'content-type': 'application/json'}); s.end(body); }).listen(${bareListPort}, '127.0.0.1');`,
      ],
      { stdio: 'ignore' },
    );
    procs.push(bareList);
    await sleep(500);
    const cannon = (u: string, headers: Record<string, string>, duration = LIST_SECONDS) =>
      autocannon({ url: u, connections: 10, duration, headers });
    const measured = [api.pid!, process.pid, bareList.pid!];
    if (GOALS.has('5')) {
      // the rest of the machine settles first: at most 60 s, until it uses under 10% of a core for a second
      const t0 = performance.now();
      let share = 1;
      while (performance.now() - t0 < 60_000 && share >= 0.1)
        share = (await othersShare(measured, () => sleep(1000))).share;
      console.log(
        `list: the other processes settled in ${((performance.now() - t0) / 1000).toFixed(0)} s (last second: ${(share * 100).toFixed(0)}% of a core)`,
      );
      // both sides warmed up first (JIT, the pool's connections and prepared statements), as a running server is
      await cannon(`${base}/api/cases?range=%5B0%2C24%5D`, { authorization: admin }, 2);
      await cannon(`http://127.0.0.1:${bareListPort}/`, {}, 2);
    }
    for (let rep = 1; GOALS.has('5') && rep <= REPS; rep++) {
      const {
        result: ours,
        share,
        byKind,
      } = await othersShare(measured, () => cannon(`${base}/api/cases?range=%5B0%2C24%5D`, { authorization: admin }));
      const bare = await cannon(`http://127.0.0.1:${bareListPort}/`, {});
      if (ours.non2xx) throw new Error(`list answered ${ours.non2xx} non-2xx`);
      console.log(
        `rep ${rep} list: ${ours.requests.average.toFixed(0)} req/s p99 ${ours.latency.p99} ms (other processes meanwhile: ${(share * 100).toFixed(0)}% of a core — ${byKind}) | bare route ${bare.requests.average.toFixed(0)} req/s p99 ${bare.latency.p99} ms`,
      );
      push('list req/s', ours.requests.average);
      push('list p99 ms', ours.latency.p99);
      push('list req/s / bare req/s', ours.requests.average / bare.requests.average);
    }

    // --- goal 4: worker RSS over 0 → OPEN open cases (each cached in the worker, up to the cache size). Opened in
    // two steps: while the cache fills (RSS per cached workflow), then beyond it (evicted cases: garbage V8 has not
    // yet collected). RSS is not live memory: bench:worker-memory reads each isolate's heap after a forced GC.
    if (GOALS.has('4')) {
      const cacheSize = CACHE === undefined ? DEFAULT_MAX_CACHED_WORKFLOWS : Number(CACHE);
      const cached = Math.min(OPEN, cacheSize);
      const before = rssMb(worker.pid!);
      await openCases(cached);
      await sleep(2000);
      const full = rssMb(worker.pid!);
      if (OPEN > cached) await openCases(OPEN - cached);
      await sleep(2000);
      const after = rssMb(worker.pid!);
      console.log(
        `worker RSS ${before.toFixed(0)} MB → ${full.toFixed(0)} MB with ${cached} open cases (the cache full) → ${after.toFixed(0)} MB with ${OPEN} (maxCachedWorkflows ${CACHE ?? `${DEFAULT_MAX_CACHED_WORKFLOWS}, the worker's default`})`,
      );
      push('worker MB per open case', (after - before) / OPEN);
      if (cached > 0) push('worker MB per cached wf (cache filling)', (full - before) / cached);
    }

    bareWorker.shutdown();
    await bareRun;
    await floorDb.end();
    console.log('\nsummary (' + REPS + ' repetitions):');
    for (const [k, xs] of Object.entries(results))
      console.log(`  ${k.padEnd(40)} ${spread(xs, k.includes('MB') ? 3 : 2)}`);
  } finally {
    await product.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
