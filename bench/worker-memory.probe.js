/**
 * Preloaded into the worker process by bench/worker-memory.bench.ts (`node --expose-gc -r bench/worker-memory.probe.js
 * dist/apps/worker/main.js`); never part of the product. Node runs a preload in every thread, so it sees both isolates:
 * the main thread (activities, pg, the Temporal core's bridge) and the SDK's workflow thread (the V8 context the cached
 * workflows live in). The main thread answers on 127.0.0.1:QF_MEM_PROBE_PORT:
 *   GET /mem?gc=1     process.memoryUsage() + /proc RSS, and each thread's V8 heap (after a full GC in every isolate
 *                     when gc=1)
 *   GET /snapshot?dir=D  a heap snapshot of every isolate into D (main.heapsnapshot, thread-<id>.heapsnapshot)
 */
const { isMainThread, threadId, BroadcastChannel } = require('node:worker_threads');
const v8 = require('node:v8');
const fs = require('node:fs');
const path = require('node:path');

const CHANNEL = 'qf-worker-memory-probe';

function heap() {
  const m = process.memoryUsage();
  const h = v8.getHeapStatistics();
  return {
    threadId,
    heapUsed: m.heapUsed,
    heapTotal: m.heapTotal,
    external: m.external,
    arrayBuffers: m.arrayBuffers,
    heapSizeLimit: h.heap_size_limit,
    nativeContexts: h.number_of_native_contexts,
    detachedContexts: h.number_of_detached_contexts,
  };
}

function fullGc() {
  if (typeof globalThis.gc !== 'function') return false;
  globalThis.gc();
  globalThis.gc();
  return true;
}

if (!isMainThread) {
  const ch = new BroadcastChannel(CHANNEL);
  ch.unref();
  ch.onmessage = ({ data }) => {
    if (!data || data.to !== 'threads') return;
    let extra = {};
    if (data.op === 'gc') extra.gc = fullGc();
    if (data.op === 'snapshot')
      extra.file = v8.writeHeapSnapshot(path.join(data.dir, `thread-${threadId}.heapsnapshot`));
    ch.postMessage({ to: 'main', id: data.id, ...heap(), ...extra });
  };
} else if (process.env.QF_MEM_PROBE_PORT) {
  const ch = new BroadcastChannel(CHANNEL);
  ch.unref();
  let seq = 0;
  /** the threads' answers: collected until 1 s after the first one (a GC of a big heap takes seconds), at most 60 s */
  const askThreads = (op, extra) =>
    new Promise((resolve) => {
      const id = ++seq;
      const got = [];
      let timer;
      const done = () => {
        ch.removeEventListener('message', onMsg);
        resolve(got);
      };
      const onMsg = ({ data }) => {
        if (!data || data.to !== 'main' || data.id !== id) return;
        got.push(data);
        clearTimeout(timer);
        timer = setTimeout(done, 1000);
      };
      ch.addEventListener('message', onMsg);
      ch.postMessage({ to: 'threads', id, op, ...extra });
      timer = setTimeout(done, 60000);
    });
  const procStatus = () => {
    const s = fs.readFileSync('/proc/self/status', 'utf8');
    const kb = (k) => Number(new RegExp(`${k}:\\s+(\\d+) kB`).exec(s)?.[1] ?? NaN) * 1024;
    return {
      rss: kb('VmRSS'),
      rssAnon: kb('RssAnon'),
      rssFile: kb('RssFile'),
      threads: Number(/Threads:\s+(\d+)/.exec(s)?.[1]),
    };
  };
  const server = require('node:http').createServer(async (req, res) => {
    const u = new URL(req.url, 'http://x');
    try {
      let body;
      if (u.pathname === '/mem') {
        const gc = u.searchParams.get('gc') === '1';
        const threads = await askThreads(gc ? 'gc' : 'stat', {});
        if (gc) fullGc();
        body = { main: heap(), threads, proc: procStatus() };
      } else if (u.pathname === '/snapshot') {
        const dir = u.searchParams.get('dir');
        const threads = await askThreads('snapshot', { dir });
        const main = v8.writeHeapSnapshot(path.join(dir, 'main.heapsnapshot'));
        body = { main, threads: threads.map((t) => t.file) };
      } else {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    } catch (e) {
      res.writeHead(500).end(String(e && e.stack));
    }
  });
  server.listen(Number(process.env.QF_MEM_PROBE_PORT), '127.0.0.1');
  server.unref();
}
