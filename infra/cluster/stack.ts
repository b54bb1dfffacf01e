/**
 * QualityFlow on a real Temporal cluster, all as separate processes on one machine:
 *   Postgres (embedded, or the server of TEMPORAL_DATABASE_URL) with least-privilege roles: temporal (owns the two
 *   Temporal databases), qualityflow_owner (owns the product's database, runs its migrations) and qualityflow_app
 *   (what the api and the workers log in as; only the grants the migrations give it),
 *   Temporal frontend ×2, history ×2, matching ×2, worker ×1 (infra/cluster/temporal-cluster.ts),
 *   haproxy in front of the api processes (HTTP) and of the Temporal frontends (TCP),
 *   api ×N and worker ×M from the compiled build (dist/apps/…/main.js; `npm run build`).
 * Used by `npm run cluster` (infra/cluster/main.ts) and `npm run test:cluster` (test/cluster/scale-out.ts).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres } from '../dev/postgres';
import { findHaproxy, haproxyConfig, haproxyProc } from './haproxy';
import { openLog, Proc } from './processes';
import {
  ensureServerBinaries,
  PgServer,
  setupTemporalDatabases,
  startTemporalCluster,
  TemporalCluster,
  TemporalLayout,
} from './temporal-cluster';

export const ROOT = path.resolve(__dirname, '../..');
const MAX_CONNECTIONS = 300;

export interface ClusterOptions {
  dataDir: string;
  /** ports: Postgres base, haproxy api base+0, temporal LB base+1, api i base+2+i… see portsOf() */
  base: number;
  apis: number;
  workers: number;
  layout: TemporalLayout;
  /** env for the api and worker processes (NODE_ENV, SEED_DEMO, LOG_LEVEL…) */
  appEnv: Record<string, string>;
  say: (s: string) => void;
}

export interface ClusterStack {
  apiUrl: string;
  temporalAddress: string;
  appDatabaseUrl: string;
  temporal: TemporalCluster;
  apis: Proc[];
  workers: Proc[];
  haproxy: Proc | null;
  startWorker(): Promise<Proc>;
  stop(): Promise<void>;
}

export function portsOf(base: number) {
  return {
    pg: base,
    apiLb: base + 1,
    temporalLb: base + 2,
    haproxyStats: base + 3,
    api: (i: number) => base + 10 + i,
    temporalBase: base + 100,
  };
}

function secretFile(file: string): string {
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

/**
 * The product's database: an owner role (migrations, via DATABASE_MIGRATION_URL) and an app role (DATABASE_URL) that
 * gets only what the migrations grant it. Neither is a superuser or may create databases or roles.
 */
async function setupAppDatabase(pg: PgServer, roles: { user: string; password: string }[], db: string): Promise<void> {
  const admin = new Client({ host: pg.host, port: pg.port, user: pg.adminUser, password: pg.adminPassword });
  await admin.connect();
  try {
    for (const role of roles) {
      const { rowCount } = await admin.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role.user]);
      if (!rowCount)
        await admin.query(`CREATE ROLE "${role.user}" LOGIN PASSWORD '${role.password.replace(/'/g, "''")}'`);
    }
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [db]);
    if (!exists.rowCount) await admin.query(`CREATE DATABASE "${db}" OWNER "${roles[0].user}"`);
    await admin.query(`REVOKE ALL ON DATABASE "${db}" FROM PUBLIC`);
    await admin.query(`GRANT CONNECT ON DATABASE "${db}" TO "${roles[1].user}"`);
  } finally {
    await admin.end();
  }
}

export async function startClusterStack(opts: ClusterOptions): Promise<ClusterStack> {
  const { say } = opts;
  const dataDir = path.resolve(opts.dataDir);
  mkdirSync(dataDir, { recursive: true, mode: 0o755 });
  const ports = portsOf(opts.base);
  const main = path.join(ROOT, 'dist/apps/api/main.js');
  const workerMain = path.join(ROOT, 'dist/apps/worker/main.js');
  if (
    !existsSync(main) ||
    !existsSync(workerMain) ||
    !existsSync(path.join(ROOT, 'dist/apps/worker/workflow-bundle.js'))
  )
    throw new Error('no compiled build in dist/apps — run `npm run build` first');
  const binDir = await ensureServerBinaries(ROOT, say);
  const stops: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    for (const stop of stops.splice(0).reverse()) await stop().catch((e) => say(`stop failed: ${e.message}`));
  };
  try {
    // Postgres
    let pg: PgServer;
    if (process.env.TEMPORAL_DATABASE_URL) {
      const u = new URL(process.env.TEMPORAL_DATABASE_URL);
      pg = {
        host: u.hostname,
        port: Number(u.port || 5432),
        adminUser: decodeURIComponent(u.username),
        adminPassword: decodeURIComponent(u.password),
      };
      say(`postgres: ${pg.host}:${pg.port} (TEMPORAL_DATABASE_URL)`);
    } else {
      const pgOpts = { dataDir: path.join(dataDir, 'pg'), port: ports.pg, database: 'postgres' };
      let embedded = await startEmbeddedPostgres(pgOpts);
      pg = { host: '127.0.0.1', port: ports.pg, adminUser: 'postgres', adminPassword: 'postgres' };
      // 7 Temporal processes and the api/worker pools need more than the default 100 connections (once per data dir)
      const admin = new Client({ host: pg.host, port: pg.port, user: pg.adminUser, password: pg.adminPassword });
      await admin.connect();
      const { rows } = await admin.query('SHOW max_connections');
      if (Number(rows[0].max_connections) < MAX_CONNECTIONS) {
        await admin.query(`ALTER SYSTEM SET max_connections = ${MAX_CONNECTIONS}`);
        await admin.end();
        await embedded.stop();
        embedded = await startEmbeddedPostgres(pgOpts);
      } else await admin.end();
      stops.push(embedded.stop);
      say(`postgres: embedded on 127.0.0.1:${ports.pg} (data in ${path.join(dataDir, 'pg')})`);
    }
    const temporalRole = { user: 'temporal', password: secretFile(path.join(dataDir, 'temporal-db-password')) };
    const ownerRole = { user: 'qualityflow_owner', password: secretFile(path.join(dataDir, 'owner-db-password')) };
    const appRole = { user: 'qualityflow_app', password: secretFile(path.join(dataDir, 'app-db-password')) };
    await setupTemporalDatabases(pg, binDir, temporalRole, say);
    await setupAppDatabase(pg, [ownerRole, appRole], 'qualityflow');
    const urlOf = (r: { user: string; password: string }) =>
      `postgres://${r.user}:${encodeURIComponent(r.password)}@${pg.host}:${pg.port}/qualityflow`;
    const appDatabaseUrl = urlOf(appRole);

    // Temporal
    const namespace = opts.appEnv.TEMPORAL_NAMESPACE ?? 'default';
    const temporal = await startTemporalCluster({
      root: ROOT,
      binDir,
      dataDir,
      pg: { host: pg.host, port: pg.port, ...temporalRole },
      base: ports.temporalBase,
      layout: opts.layout,
      namespace,
      say,
    });
    stops.push(() => temporal.stop());

    // haproxy (api HTTP + Temporal frontends TCP)
    const haproxyBin = findHaproxy();
    const apiPorts = Array.from({ length: opts.apis }, (_, i) => ports.api(i));
    let haproxy: Proc | null = null;
    let temporalAddress = temporal.frontends[0];
    let apiUrl = `http://127.0.0.1:${apiPorts[0]}`;
    if (haproxyBin) {
      haproxy = haproxyProc(
        haproxyBin,
        dataDir,
        haproxyConfig({
          apiPort: ports.apiLb,
          apiPorts,
          temporalPort: ports.temporalLb,
          frontends: temporal.frontends,
          statsPort: ports.haproxyStats,
        }),
        ports.apiLb,
      );
      await haproxy.start();
      stops.push(() => haproxy!.stop());
      temporalAddress = `127.0.0.1:${ports.temporalLb}`;
      apiUrl = `http://127.0.0.1:${ports.apiLb}`;
      say(
        `haproxy: api on ${apiUrl}, Temporal frontends on ${temporalAddress}, stats http://127.0.0.1:${ports.haproxyStats}/`,
      );
    } else {
      say('haproxy not found (apt-get install haproxy): api #1 and frontend #1 are used directly');
    }

    // api and workers (compiled)
    const appLog = openLog(path.join(dataDir, 'apps.log'));
    const appEnv: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'production',
      JWT_SECRET: process.env.JWT_SECRET ?? secretFile(path.join(dataDir, 'jwt-secret')),
      TRUST_PROXY: 'loopback',
      ...opts.appEnv,
      DATABASE_URL: appDatabaseUrl,
      DATABASE_MIGRATION_URL: urlOf(ownerRole),
      TEMPORAL_ADDRESS: temporalAddress,
      TEMPORAL_NAMESPACE: namespace,
    };
    const node = (script: string) => ['--enable-source-maps', script];
    const apis = apiPorts.map(
      (port, i) =>
        new Proc({
          name: `api-${i + 1}`,
          command: process.execPath,
          args: node(main),
          env: { ...appEnv, PORT: String(port), HOST: '127.0.0.1' },
          cwd: ROOT,
          log: appLog,
          port,
        }),
    );
    const workers: Proc[] = [];
    const startWorker = async () => {
      const w = new Proc({
        name: `worker-${workers.length + 1}`,
        command: process.execPath,
        args: node(workerMain),
        env: appEnv,
        cwd: ROOT,
        log: appLog,
        readyLine: /worker: polling/,
      });
      workers.push(w);
      await w.start();
      return w;
    };
    stops.push(async () => {
      await Promise.all([...apis, ...workers].map((p) => p.stop()));
      appLog.end();
    });
    // the first api runs the migrations and seeds alone (advisory lock), then the rest start together
    await apis[0].start();
    await Promise.all([...apis.slice(1).map((a) => a.start()), ...Array.from({ length: opts.workers }, startWorker)]);
    say(
      `qualityflow: api ×${opts.apis} (${apiPorts.join(', ')}), worker ×${opts.workers}; logs in ${dataDir}/apps.log`,
    );
    return { apiUrl, temporalAddress, appDatabaseUrl, temporal, apis, workers, haproxy, startWorker, stop: stopAll };
  } catch (e) {
    await stopAll();
    throw e;
  }
}
