import * as path from 'node:path';
import { NativeConnection, Worker, bundleWorkflowCode, WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { DataSource } from 'typeorm';
import { createActivities } from '@qf/activities';
import { REPO_ROOT } from '@qf/runtime';
import { deploymentOptions, type DeploymentVersion } from './versioning';
import { workflowBundlerOptions } from './workflow-bundler-options';
import { DEFAULT_MAX_CACHED_WORKFLOWS } from './workflow-cache';

export const WORKFLOWS_PATH = path.join(REPO_ROOT, 'workflows/src/registry.ts');

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
