import * as path from 'node:path';
import { NativeConnection, Worker, bundleWorkflowCode, WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { DataSource } from 'typeorm';
import { createActivities } from '@qf/activities';
import { REPO_ROOT } from '@qf/runtime';
import { deploymentOptions, type DeploymentVersion } from './versioning';
import { workflowBundlerOptions } from './workflow-bundler-options';

export const WORKFLOWS_PATH = path.join(REPO_ROOT, 'workflows/src/index.ts');

/**
 * The worker's workflow cache when WORKER_MAX_CACHED_WORKFLOWS is unset (issue 18, goal 4). A cached workflow costs
 * ~2.5 MB of live heap (workflow-bundler-options.ts), so the SDK's own default — sized from the V8 heap limit, ~2,300
 * workflows on a 4 GB heap — lets open cases grow the worker by ~6 GB. 200 bounds the cache to ~0.5 GB of heap over a
 * ~0.2 GB idle worker, however many cases are open (bench/worker-memory.bench.ts); a case outside the cache replays its
 * history (a few events) on its next task.
 */
export const DEFAULT_MAX_CACHED_WORKFLOWS = 200;

let cachedBundle: Promise<WorkflowBundleWithSourceMap> | undefined;
/** Bundles the workflows once per process (webpack; workspace aliases resolved). */
export function workflowBundle(): Promise<WorkflowBundleWithSourceMap> {
  cachedBundle ??= bundleWorkflowCode({ workflowsPath: WORKFLOWS_PATH, ...workflowBundlerOptions });
  return cachedBundle;
}

export async function createWorker(opts: {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  ds: DataSource;
  /** A prebuilt bundle (`npm run build`: dist/apps/worker/workflow-bundle.js); else bundled here once. */
  workflowBundlePath?: string;
  /** Worker Versioning: the deployment build this worker serves (workflows pinned to it); unset: unversioned */
  deployment?: DeploymentVersion;
  /**
   * Workflows kept in memory between their tasks (WORKER_MAX_CACHED_WORKFLOWS); an evicted case replays its history on
   * its next task. Unset: DEFAULT_MAX_CACHED_WORKFLOWS. README, Benchmarks: the worker's RSS per cached case.
   */
  maxCachedWorkflows?: number;
}): Promise<Worker> {
  return Worker.create({
    connection: opts.connection,
    namespace: opts.namespace,
    taskQueue: opts.taskQueue,
    workflowBundle: opts.workflowBundlePath ? { codePath: opts.workflowBundlePath } : await workflowBundle(),
    activities: createActivities(opts.ds),
    workerDeploymentOptions: deploymentOptions(opts.deployment),
    maxCachedWorkflows: opts.maxCachedWorkflows ?? DEFAULT_MAX_CACHED_WORKFLOWS,
  });
}
