import 'reflect-metadata';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import { NativeConnection } from '@temporalio/worker';
import { loadEnv } from '@qf/contracts';
import { createDataSource, setUpDatabase } from '@qf/persistence';
import { databaseUrl, temporalAddress, temporalConnectionOptions } from '@qf/runtime';
import { migrate } from './migrate';
import { releaseCommand } from './release-command';
import { versionOfEnv } from './versioning';
import { serveWorkerHealth } from './health';
import { startNotificationDispatcher } from './notifications/dispatcher';
import { createWorker } from './worker';
import { DEFAULT_MAX_CACHED_WORKFLOWS, limitWorkflowHeap } from './workflow-cache';

async function main(): Promise<void> {
  const env = loadEnv();
  if (process.argv[2] === 'migrate') return migrate(env);
  if (process.argv[2] === 'release') return releaseCommand(env, __dirname);
  const ds = await createDataSource(databaseUrl(env)).initialize();
  // migrations + grants + seeds as the owner when DATABASE_MIGRATION_URL is set; otherwise the schema must be current
  for (const problem of await setUpDatabase(ds, env)) console.warn(`worker: DATABASE_URL ${problem}`);
  // The compiled worker (dist/apps/worker/main.js) loads the workflow bundle built beside it; production requires it.
  const bundlePath = path.join(__dirname, 'workflow-bundle.js');
  const workflowBundlePath = existsSync(bundlePath) ? bundlePath : undefined;
  if (!workflowBundlePath && env.NODE_ENV === 'production') {
    throw new Error(`worker: no prebuilt workflow bundle at ${bundlePath} — run npm run build`);
  }
  const connection = await NativeConnection.connect(temporalConnectionOptions(env, temporalAddress(env)));
  // before Worker.create starts the workflow thread: its heap sized for the cache (workflow-cache.ts)
  const maxCachedWorkflows = env.WORKER_MAX_CACHED_WORKFLOWS ?? DEFAULT_MAX_CACHED_WORKFLOWS;
  limitWorkflowHeap(maxCachedWorkflows, (flags) => v8.setFlagsFromString(flags));
  const worker = await createWorker({
    connection,
    namespace: env.TEMPORAL_NAMESPACE,
    taskQueue: env.TEMPORAL_TASK_QUEUE,
    ds,
    workflowBundlePath,
    deployment: versionOfEnv(env),
    maxCachedWorkflows,
  });
  console.log(
    `worker: polling task queue "${env.TEMPORAL_TASK_QUEUE}" on ${temporalAddress(env)}/${env.TEMPORAL_NAMESPACE}`,
  );
  const health = env.WORKER_HEALTH_PORT ? await serveWorkerHealth(worker, env.WORKER_HEALTH_PORT) : undefined;
  if (health) console.log(`worker: health on :${env.WORKER_HEALTH_PORT}/health`);
  // the notification outbox's dispatcher runs beside the Temporal worker (apps/worker/src/notifications/dispatcher.ts)
  const dispatcher = env.NOTIFY_DISPATCH ? startNotificationDispatcher(ds, env) : null;
  await worker.run(); // returns after SIGINT/SIGTERM (the SDK installs the handlers) once in-flight tasks finish
  await dispatcher?.stop();
  health?.close();
  await connection.close();
  await ds.destroy();
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
