import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { freePort } from '../../infra/dev/ports';
import { ensureDatabaseRoles, startEmbeddedPostgres } from '../../infra/dev/postgres';
import { startTemporalDevServer } from '../../infra/dev/temporal';

/** Starts an isolated Postgres and Temporal dev server for an end-to-end layer (free ports, temp dirs). */
export default async function globalSetup(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'qf-test-'));
  chmodSync(dir, 0o755); // Postgres runs as the OS user postgres when we are root
  const [pgPort, temporalPort] = [await freePort(), await freePort()];
  const secret = () => randomBytes(24).toString('hex');
  const [pg, temporal] = await Promise.all([
    startEmbeddedPostgres({
      dataDir: path.join(dir, 'pg'),
      port: pgPort,
      database: 'qualityflow_test',
      password: secret(),
    }),
    startTemporalDevServer({ port: temporalPort }),
  ]);
  // as in production: the api and worker connect as the app role, migrations (createApp) run as the owner
  const roles = await ensureDatabaseRoles({
    superUrl: pg.url,
    owner: { name: 'qf_owner', password: secret() },
    app: { name: 'qf_app', password: secret() },
  });
  process.env.DATABASE_URL = roles.appUrl;
  process.env.DATABASE_MIGRATION_URL = roles.ownerUrl;
  process.env.TEMPORAL_ADDRESS = temporal.address;
  (globalThis as Record<string, unknown>).__QF_SERVICES__ = { pg, temporal, dir };
}
