import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import type { Env } from '@qf/contracts';
import { temporalAddress, temporalConnectionOptions } from '@qf/runtime';
import { release, versionOfEnv } from './versioning';
import { workflowBundle } from './worker';

/**
 * `node dist/apps/worker/main.js release` (after the new build's workers are up): the replay gate, then the build
 * becomes the deployment's current version. Exit 1, with the cases that did not replay, when the gate refuses.
 */
export async function releaseCommand(env: Env, bundleDir: string): Promise<void> {
  const version = versionOfEnv(env);
  if (!version) throw new Error('release: TEMPORAL_WORKER_BUILD_ID (the build to release) is not set');
  const bundlePath = path.join(bundleDir, 'workflow-bundle.js');
  const connection = await Connection.connect(temporalConnectionOptions(env, temporalAddress(env)));
  try {
    const client = new Client({ connection, namespace: env.TEMPORAL_NAMESPACE });
    const r = await release({
      client,
      namespace: env.TEMPORAL_NAMESPACE,
      taskQueue: env.TEMPORAL_TASK_QUEUE,
      version,
      workflowBundle: existsSync(bundlePath) ? { codePath: bundlePath } : await workflowBundle(),
    });
    for (const f of r.failures)
      console.error(`release: ${f.workflowId} does not replay on ${version.buildId}: ${f.error}`);
    if (!r.current) {
      process.exitCode = 1;
      console.error(
        `release: refused — ${r.failures.length} of ${r.replayed} open cases do not replay on the new build`,
      );
      return;
    }
    console.log(
      `release: ${version.deploymentName}/${version.buildId} is current (${r.replayed} open cases replayed on it)`,
    );
  } finally {
    await connection.close();
  }
}
