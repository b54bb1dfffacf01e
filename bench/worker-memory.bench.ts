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
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { freePort } from '../infra/dev';
import { root, sleep, startProduct } from './product';

const STEPS = (process.env.BENCH_STEPS ?? '0,20,300,1000').split(',').map(Number);
const CACHE = process.env.WORKER_MAX_CACHED_WORKFLOWS;
const NODE_FLAGS = (process.env.WORKER_NODE_FLAGS ?? '').split(' ').filter(Boolean);
/** another compiled worker to measure (e.g. a copy beside an experimental workflow bundle); npm packages from here */
const WORKER_MAIN = process.env.WORKER_MAIN ?? 'dist/apps/worker/main.js';
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

async function main(): Promise<void> {
  const probePort = await freePort();
  const product = await startProduct({
    build: process.env.BENCH_BUILD === '1',
    name: 'wmem',
    workerNodeArgs: ['--expose-gc', ...NODE_FLAGS, '-r', './bench/worker-memory.probe.js'],
    workerMain: WORKER_MAIN,
    workerEnv: { QF_MEM_PROBE_PORT: String(probePort), NODE_PATH: path.join(root, 'node_modules') },
  });
  const { temporal } = product;
  try {
    const admin = await product.login('admin');
    /** n more review cases, returned once each has its first task open (its workflow waiting, cached) */
    const openCases = (n: number) => product.openCases(admin, n, 'wmem');
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
    await product.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
