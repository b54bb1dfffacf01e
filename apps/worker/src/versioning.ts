import type { Client } from '@temporalio/client';
import type { temporal } from '@temporalio/proto';
import { Worker, type WorkerDeploymentOptions, type WorkflowBundleWithSourceMap } from '@temporalio/worker';

/**
 * Worker Versioning (Temporal worker deployments). A release is a build id of the deployment
 * (TEMPORAL_DEPLOYMENT_NAME, TEMPORAL_WORKER_BUILD_ID). Every workflow is PINNED to the build that started it: a new
 * release never runs an old case's history on new code — old cases finish on the workers of their build, which stay
 * up until they drain. A new build becomes the one new cases start on only through `release` below, and only after
 * the histories of the queue's open cases replay on it without nondeterminism (the replay gate), so that moving pinned
 * cases onto it (`temporal workflow update-options --versioning-override-…`) is known to be safe.
 */
export interface DeploymentVersion {
  deploymentName: string;
  buildId: string;
}

/** The worker's deployment options for a build, or undefined: an unversioned worker (dev, tests, one-machine runs). */
export function deploymentOptions(version: DeploymentVersion | undefined): WorkerDeploymentOptions | undefined {
  if (!version) return undefined;
  return { version, useWorkerVersioning: true, defaultVersioningBehavior: 'PINNED' };
}

/** The build of the env, when TEMPORAL_WORKER_BUILD_ID is set. */
export function versionOfEnv(env: {
  TEMPORAL_WORKER_BUILD_ID?: string;
  TEMPORAL_DEPLOYMENT_NAME: string;
}): DeploymentVersion | undefined {
  return env.TEMPORAL_WORKER_BUILD_ID
    ? { deploymentName: env.TEMPORAL_DEPLOYMENT_NAME, buildId: env.TEMPORAL_WORKER_BUILD_ID }
    : undefined;
}

export interface ReleaseResult {
  /** open workflows of the task queue whose histories were replayed on the new build */
  replayed: number;
  /** those that did not replay (the release is refused when there is any) */
  failures: { workflowId: string; runId: string; error: string }[];
  /** true when the build became the deployment's current version */
  current: boolean;
}

/**
 * The release gate: replays the history of every open workflow on `taskQueue` with `workflowBundle` (the new build's
 * code); when all replay, makes `version` the deployment's current version (new cases start on it). The build's workers
 * must be polling already (the server knows a version from its pollers).
 */
export async function release(opts: {
  client: Client;
  namespace: string;
  taskQueue: string;
  version: DeploymentVersion;
  workflowBundle: WorkflowBundleWithSourceMap | { codePath: string };
  identity?: string;
}): Promise<ReleaseResult> {
  const { client, namespace, taskQueue, version } = opts;
  const failures: ReleaseResult['failures'] = [];
  let replayed = 0;
  const query = `ExecutionStatus = "Running" AND TaskQueue = "${taskQueue.replace(/"/g, '')}"`;
  for await (const wf of client.workflow.list({ query })) {
    const history = (await client.workflow
      .getHandle(wf.workflowId, wf.runId)
      .fetchHistory()) as temporal.api.history.v1.IHistory;
    replayed++;
    try {
      await Worker.runReplayHistory({ workflowBundle: opts.workflowBundle }, history, wf.workflowId);
    } catch (e) {
      failures.push({ workflowId: wf.workflowId, runId: wf.runId, error: (e as Error).message.slice(0, 300) });
    }
  }
  if (failures.length) return { replayed, failures, current: false };
  await client.workflowService.setWorkerDeploymentCurrentVersion({
    namespace,
    deploymentName: version.deploymentName,
    buildId: version.buildId,
    identity: opts.identity ?? 'qualityflow-release',
  });
  return { replayed, failures, current: true };
}

/** The build a workflow runs on (its pinned version), from the server's description. */
export async function buildOfWorkflow(client: Client, workflowId: string): Promise<string | undefined> {
  const d = await client.workflow.getHandle(workflowId).describe();
  const info = d.raw.workflowExecutionInfo?.versioningInfo;
  return info?.deploymentVersion?.buildId ?? undefined;
}
