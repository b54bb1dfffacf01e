/**
 * The worker's workflow cache when WORKER_MAX_CACHED_WORKFLOWS is unset (issue 18, goal 4): 1,000 workflows.
 *
 * A cached review case costs ~0.22 MB of live workflow-thread heap and ~0.4 MB of RSS (bench/worker-memory.bench.ts,
 * built worker, 0 → 1,000 open review cases with the cache at 1,000: RSS slope 0.40 MB per cached workflow, 0.62 while
 * the first 200 fill it; it was 2.97 / 3.03 MB with 2.46 MB live when every workflow evaluated every schema of the
 * bundle — workflow-bundler-options.ts). Workflows that parse their pinned policy no longer keep its schemas
 * (libs/contracts/src/lazy-schema.ts, `keep: false`; the bench opens review cases only, so for the other kinds this is
 * an estimate: + the parsed policy, ~20 KB). 1,000 cached cases are thus ~0.4 GB over a ~0.2 GB idle worker; a case
 * outside the cache replays its history (a few events; ~6 ms of module load per workflow now, ~94 ms before) on its
 * next task. The SDK's own default is sized from the V8 heap limit instead (~2,300 on a 4 GB heap).
 */
export const DEFAULT_MAX_CACHED_WORKFLOWS = 1000;

/**
 * The V8 heap limit for the workflow thread, from the cache size: 256 MB + 2 MB per cached workflow (2,256 MB for the
 * default 1,000: ~9× the ~0.22 MB live of a review case, headroom for workflows that hold more state). RSS is not live
 * memory: V8 grows a heap towards its limit before it collects, and the machine's default limit (4 GB here) let
 * evicted workflows' garbage take a worker with 200 cached workflows and 1,000 open cases to 1.5 GB RSS, 0.52 GB of
 * it live (before the schemas were lazy; bench/worker-memory.bench.ts).
 */
export function workflowHeapLimitMb(maxCachedWorkflows: number): number {
  return 256 + 2 * maxCachedWorkflows;
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
