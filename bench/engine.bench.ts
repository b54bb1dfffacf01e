/**
 * Engine overhead: N review cases (our stage engine: task activity, state sync, deadline timers, Update with
 * validator) against N bare one-Update workflows, on the same Temporal dev server in the same run.
 * Activities are in memory here, so the ratio is the cost of the engine's orchestration, not of Postgres.
 * Run: npm run bench   (N=200 by default: BENCH_N=500 npm run bench)
 */
import { Client, Connection } from '@temporalio/client';
import { bundleWorkflowCode, NativeConnection, Worker } from '@temporalio/worker';
import * as path from 'node:path';
import { randomUUID } from 'node:crypto';
import { DEFAULT_FLOWS } from '@qf/policy';
import { workspaceAliases } from '@qf/runtime';
import { freePort, startTemporalDevServer } from '../infra/dev';
import { caseInput, RecordingActivities } from '../workflows/test/harness';

const N = Number(process.env.BENCH_N ?? 200);
const CONCURRENCY = 20;

async function pool<T>(n: number, fn: (i: number) => Promise<T>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < n) await fn(next++);
    }),
  );
}

async function main(): Promise<void> {
  const server = await startTemporalDevServer({ port: await freePort() });
  try {
    const bundle = await bundleWorkflowCode({
      workflowsPath: path.join(__dirname, 'bare.workflow.ts'),
      webpackConfigHook: (c) => ({
        ...c,
        resolve: { ...c.resolve, alias: { ...(c.resolve?.alias as object), ...workspaceAliases() } },
      }),
      logger: { info() {}, warn() {}, error: console.error, debug() {}, trace() {}, log() {} } as never,
    });
    const acts = new RecordingActivities();
    const activities = Object.fromEntries(
      Object.getOwnPropertyNames(Object.getPrototypeOf(acts))
        .filter((k) => k !== 'constructor')
        .map((k) => [k, (acts as unknown as Record<string, (...a: unknown[]) => unknown>)[k].bind(acts)]),
    );
    const taskQueue = `bench-${randomUUID()}`;
    const worker = await Worker.create({
      connection: await NativeConnection.connect({ address: server.address }),
      taskQueue,
      workflowBundle: bundle,
      activities,
    });
    const client = new Client({ connection: await Connection.connect({ address: server.address }) });
    const flow = DEFAULT_FLOWS.find((f) => f.kind === 'review')!;

    const timed = async (label: string, one: (i: number) => Promise<void>) => {
      const t0 = performance.now();
      await pool(N, one);
      const ms = performance.now() - t0;
      console.log(
        `${label.padEnd(28)} ${N} cases in ${(ms / 1000).toFixed(2)} s  (${(N / (ms / 1000)).toFixed(1)} cases/s)`,
      );
      return ms;
    };
    await worker.runUntil(async () => {
      // warm-up (bundle load, connections)
      const warm = await client.workflow.start('bareApproval', {
        taskQueue,
        workflowId: `warm-${randomUUID()}`,
        args: [],
      });
      await warm.executeUpdate('act', { args: [{}] });
      const bare = await timed('bare one-Update workflow', async () => {
        const h = await client.workflow.start('bareApproval', {
          taskQueue,
          workflowId: `bare-${randomUUID()}`,
          args: [],
        });
        await h.executeUpdate('act', { args: [{}] });
        await h.result();
      });
      const ours = await timed('reviewCase (stage engine)', async (i) => {
        const id = `review-${randomUUID()}`;
        const h = await client.workflow.start('reviewCase', {
          taskQueue,
          workflowId: id,
          args: [caseInput(flow, { caseId: id })],
        });
        // the in-memory activities name a stage's task by stage:round:slot; wait until the stage is open
        while ((await h.query<{ stage: string | null }>('state')).stage !== 'review')
          await new Promise((r) => setTimeout(r, 5));
        await h.executeUpdate('act', {
          args: [
            {
              taskId: 'review:1:0',
              action: 'approve',
              actor: { userId: `u${i}`, username: 'u', roles: ['leadership'] },
              requestId: randomUUID(),
            },
          ],
        });
        await h.result();
      });
      console.log(`ratio reviewCase / bare = ${(ours / bare).toFixed(2)}`);
    });
  } finally {
    await server.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
