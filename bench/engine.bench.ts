/**
 * Engine overhead: N review cases (our stage engine: task activity, state sync, deadline timers, Update with
 * validator) against N bare one-Update workflows, on the same Temporal dev server in the same run; and the durable
 * floor: N bare workflows whose Update runs one activity before answering (what recording a person's action only after
 * its acceptance is in the history costs, with no engine around it).
 * Activities are in memory here, so the ratio is the cost of the engine's orchestration, not of Postgres.
 * Both sides wait the same way (start → poll a query every 5 ms until the workflow is ready for its human step →
 * one typed Update → the result), with typed message definitions; the two sides alternate over ROUNDS rounds and the
 * ratio is printed per round with min / median / max.
 * Run: npm run bench   (N=200, 3 rounds by default: BENCH_N=500 BENCH_ROUNDS=5 npm run bench)
 */
import { Client, Connection } from '@temporalio/client';
import { bundleWorkflowCode, NativeConnection, Worker } from '@temporalio/worker';
import * as path from 'node:path';
import { randomUUID } from 'node:crypto';
import { actUpdate, stateQuery } from '@qf/contracts/messages';
import { DEFAULT_FLOWS } from '@qf/policy';
import { workflowBundlerOptions } from '../apps/worker/src/workflow-bundler-options';
import { freePort, startTemporalDevServer } from '../infra/dev';
import { caseInput, RecordingActivities } from '../workflows/test/harness';
import { bareApprove, bareState } from './bare.workflow';

const N = Number(process.env.BENCH_N ?? 200);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONCURRENCY = 20;

/** Polls a readiness check every 5 ms (the same on both sides). */
async function until(ready: () => Promise<boolean>): Promise<void> {
  // a query that times out (a busy worker) counts as not ready yet
  while (!(await ready().catch(() => false))) await new Promise((r) => setTimeout(r, 5));
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

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
    // each side in its own bundle, on its own task queue: a workflow run evaluates every module of its bundle, so the
    // bare side must not carry the engine's modules (nor the engine the bare side's)
    const bundleOf = (file: string) =>
      bundleWorkflowCode({
        workflowsPath: path.join(__dirname, file),
        ...workflowBundlerOptions,
        logger: { info() {}, warn() {}, error: console.error, debug() {}, trace() {}, log() {} } as never,
      });
    const acts = new RecordingActivities();
    const activities = Object.fromEntries(
      Object.getOwnPropertyNames(Object.getPrototypeOf(acts))
        .filter((k) => k !== 'constructor')
        .map((k) => [k, (acts as unknown as Record<string, (...a: unknown[]) => unknown>)[k].bind(acts)]),
    );
    const taskQueue = `bench-${randomUUID()}`;
    const bareQueue = `bare-${randomUUID()}`;
    const worker = await Worker.create({
      connection: await NativeConnection.connect({ address: server.address }),
      taskQueue,
      workflowBundle: await bundleOf('engine.workflow.ts'),
      activities,
    });
    const bareWorker = await Worker.create({
      connection: await NativeConnection.connect({ address: server.address }),
      taskQueue: bareQueue,
      workflowBundle: await bundleOf('bare.workflow.ts'),
      // the durable floor's one activity, in memory like the engine's
      activities: { async recordDecision() {} },
    });
    const bareRun = bareWorker.run();
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
    const bareOne = (workflow: 'bareApproval' | 'durableApproval') => async () => {
      const h = await client.workflow.start(workflow, {
        taskQueue: bareQueue,
        workflowId: `bare-${randomUUID()}`,
        args: [],
      });
      await until(async () => (await h.query(bareState)).ready);
      await h.executeUpdate(bareApprove, { args: [{}] });
      await h.result();
    };
    const engineOne = async (i: number) => {
      const id = `review-${randomUUID()}`;
      const h = await client.workflow.start('reviewCase', {
        taskQueue,
        workflowId: id,
        args: [caseInput(flow, { caseId: id })],
      });
      // the in-memory activities name a stage's task by stage:round:slot; ready when the stage is open
      await until(async () => (await h.query(stateQuery)).stage === 'review');
      await h.executeUpdate(actUpdate, {
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
    };
    await worker.runUntil(async () => {
      // warm-up (bundle load, connections, every workflow type cached once)
      await bareOne('bareApproval')();
      await bareOne('durableApproval')();
      await engineOne(-1);
      const ratios: number[] = [];
      const floorRatios: number[] = [];
      for (let round = 1; round <= ROUNDS; round++) {
        // the three sides take turns in a rotating order, so none always runs on a warmer (or busier) machine
        const ms: Record<string, number> = {};
        const sides: [string, () => Promise<number>][] = [
          ['bare', () => timed(`round ${round} bare one-Update`, bareOne('bareApproval'))],
          ['engine', () => timed(`round ${round} reviewCase (engine)`, engineOne)],
          ['durable', () => timed(`round ${round} durable floor`, bareOne('durableApproval'))],
        ];
        for (let k = 0; k < sides.length; k++) {
          const [name, run] = sides[(k + round - 1) % sides.length];
          ms[name] = await run();
        }
        ratios.push(ms.engine / ms.bare);
        floorRatios.push(ms.durable / ms.bare);
        console.log(
          `round ${round}: ratio reviewCase / bare = ${(ms.engine / ms.bare).toFixed(2)}; durable floor / bare = ${(ms.durable / ms.bare).toFixed(2)}`,
        );
      }
      const spread = (xs: number[]) =>
        `min ${Math.min(...xs).toFixed(2)}, median ${median(xs).toFixed(2)}, max ${Math.max(...xs).toFixed(2)}`;
      console.log(`ratio reviewCase / bare over ${ROUNDS} rounds: ${spread(ratios)}`);
      console.log(`ratio durable floor (one Update + one activity) / bare: ${spread(floorRatios)}`);
    });
    bareWorker.shutdown();
    await bareRun;
  } finally {
    await server.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
