/**
 * A real Temporal service on PostgreSQL, as separate processes on one machine: frontend ×F, history ×H,
 * matching ×M and one worker service (schedules, system workflows). Each process has its own gRPC, membership
 * and metrics ports (frontends an HTTP port too) and advertises 127.0.0.1; they find each other through the
 * `cluster_membership` table. The server and the SQL tool are built once from the Go module proxy
 * (infra/scripts/cluster-build-server.sh, pinned version).
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { Connection } from '@temporalio/client';
import { msToTs } from '@temporalio/common';
import { openLog, Proc } from './processes';

const run = promisify(execFile);

export const TEMPORAL_VERSION = process.env.TEMPORAL_VERSION ?? '1.32.1';
/** Fixed when the temporal database is created (it cannot change afterwards): 64 shards spread over the history
 * processes in steps small enough to move quickly when one dies, and enough for a province's load. */
export const NUM_HISTORY_SHARDS = Number(process.env.TEMPORAL_NUM_HISTORY_SHARDS ?? 64);

export type ServiceName = 'frontend' | 'history' | 'matching' | 'worker';

export interface TemporalLayout {
  frontend: number;
  history: number;
  matching: number;
  worker: number;
}

export interface PgServer {
  host: string;
  port: number;
  /** an administrative login: creates the roles and databases */
  adminUser: string;
  adminPassword: string;
}

export interface TemporalCluster {
  /** gRPC address of each frontend */
  frontends: string[];
  procs: Proc[];
  proc(service: ServiceName, index: number): Proc;
  stop(): Promise<void>;
}

export function serverBinDir(root: string): string {
  return process.env.TEMPORAL_SERVER_DIR ?? path.join(root, '.tools/temporal-server', TEMPORAL_VERSION);
}

/** Builds the pinned server and SQL tool unless they are there (never rebuilds). */
export async function ensureServerBinaries(root: string, say: (s: string) => void): Promise<string> {
  const dir = serverBinDir(root);
  if (existsSync(path.join(dir, 'server')) && existsSync(path.join(dir, 'sql'))) return dir;
  say(`building Temporal server ${TEMPORAL_VERSION} with Go into ${dir} (once; about 25 minutes on 2 cores)…`);
  await run('bash', [path.join(root, 'infra/scripts/cluster-build-server.sh')], {
    env: { ...process.env, TEMPORAL_VERSION, TEMPORAL_TOOLS_DIR: dir },
    maxBuffer: 64 * 1024 * 1024,
  });
  return dir;
}

/**
 * Least privilege: Temporal gets a role of its own that owns only its two databases (no superuser, no
 * CREATEDB); the schemas are created and updated by that role with the SQL tool (plugin postgres12).
 */
export async function setupTemporalDatabases(
  pg: PgServer,
  binDir: string,
  role: { user: string; password: string },
  say: (s: string) => void,
): Promise<void> {
  const admin = new Client({
    host: pg.host,
    port: pg.port,
    user: pg.adminUser,
    password: pg.adminPassword,
    database: 'postgres',
  });
  await admin.connect();
  try {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role.user]);
    if (!rowCount)
      await admin.query(`CREATE ROLE "${role.user}" LOGIN PASSWORD '${role.password.replace(/'/g, "''")}'`);
    for (const db of ['temporal', 'temporal_visibility']) {
      const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [db]);
      if (!exists.rowCount) await admin.query(`CREATE DATABASE "${db}" OWNER "${role.user}"`);
    }
  } finally {
    await admin.end();
  }
  const sqlEnv = {
    ...process.env,
    SQL_PLUGIN: 'postgres12', // the tool defaults to MySQL
    SQL_HOST: pg.host,
    SQL_PORT: String(pg.port),
    SQL_USER: role.user,
    SQL_PASSWORD: role.password,
  };
  const tool = path.join(binDir, 'sql');
  for (const [db, schema] of [
    ['temporal', 'postgresql/v12/temporal'],
    ['temporal_visibility', 'postgresql/v12/visibility'],
  ]) {
    const c = new Client({ host: pg.host, port: pg.port, user: role.user, password: role.password, database: db });
    await c.connect();
    const { rowCount } = await c.query(`SELECT 1 FROM information_schema.tables WHERE table_name = 'schema_version'`);
    await c.end();
    const env = { ...sqlEnv, SQL_DATABASE: db };
    if (!rowCount) await run(tool, ['setup-schema', '-v', '0.0'], { env });
    await run(tool, ['update-schema', '--schema-name', schema], { env });
    say(`schema ${db}: ${schema} up to date`);
  }
}

interface ServicePorts {
  grpc: number;
  membership: number;
  metrics: number;
  http?: number;
}

/** Ports of the i-th process of a service: base + 10·service + i, membership +100, metrics +200, http +300. */
export function servicePorts(base: number, service: ServiceName, i: number): ServicePorts {
  const offset = { frontend: 1, history: 11, matching: 21, worker: 31 }[service] + i;
  return {
    grpc: base + offset,
    membership: base + 100 + offset,
    metrics: base + 200 + offset,
    http: service === 'frontend' ? base + 300 + offset : undefined,
  };
}

function serverConfig(opts: {
  pg: { host: string; port: number; user: string; password: string };
  base: number;
  service: ServiceName;
  index: number;
  logLevel: string;
}): string {
  const own = servicePorts(opts.base, opts.service, opts.index);
  const services = (['frontend', 'history', 'matching', 'worker'] as const)
    .map((s) => {
      const p = s === opts.service ? own : servicePorts(opts.base, s, 0);
      return [
        `  ${s}:`,
        `    rpc:`,
        `      grpcPort: ${p.grpc}`,
        `      membershipPort: ${p.membership}`,
        `      bindOnLocalHost: true`,
        p.http ? `      httpPort: ${p.http}` : '',
      ]
        .filter(Boolean)
        .join('\n');
    })
    .join('\n');
  const store = (db: string, conns: number) => `      sql:
        pluginName: postgres12
        databaseName: ${db}
        connectAddr: "${opts.pg.host}:${opts.pg.port}"
        connectProtocol: tcp
        user: ${JSON.stringify(opts.pg.user)}
        password: ${JSON.stringify(opts.pg.password)}
        maxConns: ${conns}
        maxIdleConns: ${conns}
        maxConnLifetime: 1h`;
  const frontend0 = servicePorts(opts.base, 'frontend', 0).grpc;
  return `# written by infra/cluster (${opts.service} #${opts.index + 1}); regenerated at every start
log:
  stdout: true
  level: ${opts.logLevel}
persistence:
  defaultStore: default
  visibilityStore: visibility
  numHistoryShards: ${NUM_HISTORY_SHARDS}
  datastores:
    default:
${store('temporal', { history: 16, matching: 8, frontend: 8, worker: 4 }[opts.service])}
    visibility:
${store('temporal_visibility', 2)}
global:
  membership:
    maxJoinDuration: 30s
    broadcastAddress: "127.0.0.1"
  metrics:
    prometheus:
      framework: tally
      timerType: histogram
      listenAddress: "127.0.0.1:${own.metrics}"
services:
${services}
clusterMetadata:
  enableGlobalNamespace: false
  failoverVersionIncrement: 10
  masterClusterName: active
  currentClusterName: active
  clusterInformation:
    active:
      enabled: true
      initialFailoverVersion: 1
      rpcName: frontend
      rpcAddress: "127.0.0.1:${frontend0}"
dcRedirectionPolicy:
  policy: noop
`;
}

/** Registers the namespace (idempotent) and waits until every frontend knows it. */
export async function ensureNamespace(frontends: string[], namespace: string, retentionDays = 30): Promise<void> {
  const end = Date.now() + 180_000;
  let last: unknown;
  for (const address of frontends) {
    for (;;) {
      if (Date.now() > end) throw new Error(`namespace ${namespace} not ready on ${address}: ${String(last)}`);
      let conn: Connection | undefined;
      try {
        conn = await Connection.connect({ address, connectTimeout: 5000 });
        try {
          await conn.workflowService.describeNamespace({ namespace });
          break;
        } catch (e) {
          if ((e as { code?: number }).code !== 5) throw e; // 5: NOT_FOUND
          await conn.workflowService
            .registerNamespace({
              namespace,
              workflowExecutionRetentionPeriod: msToTs(`${retentionDays} days`),
            })
            .catch((err: { code?: number }) => {
              if (err.code !== 6) throw err; // 6: ALREADY_EXISTS (another frontend's cache is behind)
            });
          await new Promise((r) => setTimeout(r, 1000)); // then describe again: its cache refreshes
        }
      } catch (e) {
        last = e;
        await new Promise((r) => setTimeout(r, 1000));
      } finally {
        await conn?.close().catch(() => undefined);
      }
    }
  }
}

export async function startTemporalCluster(opts: {
  root: string;
  binDir: string;
  dataDir: string;
  pg: { host: string; port: number; user: string; password: string };
  base: number;
  layout: TemporalLayout;
  namespace: string;
  logLevel?: string;
  say: (s: string) => void;
}): Promise<TemporalCluster> {
  const cfgDir = path.join(opts.dataDir, 'temporal-config');
  mkdirSync(cfgDir, { recursive: true });
  const log = openLog(path.join(opts.dataDir, 'temporal.log'));
  const procs: Proc[] = [];
  const byName = new Map<string, Proc>();
  // history first (it owns the shards), then matching, the frontends, and the worker service (it talks to a frontend)
  for (const service of ['history', 'matching', 'frontend', 'worker'] as const) {
    for (let i = 0; i < opts.layout[service]; i++) {
      const file = path.join(cfgDir, `${service}-${i + 1}.yaml`);
      writeFileSync(
        file,
        serverConfig({ pg: opts.pg, base: opts.base, service, index: i, logLevel: opts.logLevel ?? 'warn' }),
      );
      const proc = new Proc({
        name: `${service}-${i + 1}`,
        command: path.join(opts.binDir, 'server'),
        args: ['--config-file', file, '--allow-no-auth', 'start', '--service', service],
        cwd: opts.dataDir,
        log,
        port: servicePorts(opts.base, service, i).grpc,
        readyTimeoutMs: 120_000,
      });
      procs.push(proc);
      byName.set(`${service}-${i}`, proc);
    }
    await Promise.all(procs.filter((p) => p.name.startsWith(service)).map((p) => p.start()));
    opts.say(`temporal ${service} ×${opts.layout[service]} up`);
  }
  const frontends = Array.from(
    { length: opts.layout.frontend },
    (_, i) => `127.0.0.1:${servicePorts(opts.base, 'frontend', i).grpc}`,
  );
  await ensureNamespace(frontends, opts.namespace);
  opts.say(`temporal namespace "${opts.namespace}" ready on ${frontends.join(', ')}`);
  return {
    frontends,
    procs,
    proc(service, index) {
      const p = byName.get(`${service}-${index}`);
      if (!p) throw new Error(`no ${service} #${index}`);
      return p;
    },
    async stop() {
      // the frontends first (no new work), history last
      for (const service of ['frontend', 'worker', 'matching', 'history']) {
        await Promise.all(procs.filter((p) => p.name.startsWith(service)).map((p) => p.stop()));
      }
      log.end();
    },
  };
}
