/**
 * The worker's workflow cache when WORKER_MAX_CACHED_WORKFLOWS is unset (issue 18, goal 4). A cached workflow costs
 * ~2.5 MB of live heap (workflow-bundler-options.ts), so the SDK's own default — sized from the V8 heap limit, ~2,300
 * workflows on a 4 GB heap — lets open cases grow the worker by ~6 GB. 200 bounds the cache to ~0.5 GB of heap over a
 * ~0.2 GB idle worker, however many cases are open (bench/worker-memory.bench.ts); a case outside the cache replays its
 * history (a few events) on its next task.
 */
export const DEFAULT_MAX_CACHED_WORKFLOWS = 200;

/**
 * The V8 heap limit for the workflow thread, from the cache size: 256 MB + 4 MB per cached workflow (~2.5 MB live each,
 * the rest headroom; 1,056 MB for 200). RSS is not live memory: V8 grows a heap towards its limit before it collects,
 * and the default limit (from the machine's memory: 4 GB here) let evicted workflows' garbage take a worker with 200
 * cached workflows and 1,000 open cases to 1.5 GB RSS, 0.52 GB of it live (1.29 MB RSS per open case; with this limit
 * 0.96, bench/worker-memory.bench.ts; bench:api goal 4: 0.98).
 */
export function workflowHeapLimitMb(maxCachedWorkflows: number): number {
  return 256 + 4 * maxCachedWorkflows;
}

/**
 * Sets the heap limit of the isolates created from now on — the SDK's workflow thread, made by Worker.create — unless
 * the operator chose one (--max-old-space-size in the node flags or NODE_OPTIONS). Returns the limit set, if any.
 */
export function limitWorkflowHeap(maxCachedWorkflows: number, setFlags: (flags: string) => void): number | undefined {
  const flags = [...process.execArgv, process.env.NODE_OPTIONS ?? ''].join(' ');
  if (/--max[-_]old[-_]space[-_]size/.test(flags)) return undefined;
  const mb = workflowHeapLimitMb(maxCachedWorkflows);
  setFlags(`--max-old-space-size=${mb}`);
  return mb;
}
