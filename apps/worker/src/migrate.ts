import { Env } from '@qf/contracts';
import { migrateDatabase, roleOfUrl, seedsFor } from '@qf/persistence';

/**
 * `npm run migrate` (built: `node dist/apps/worker/main.js migrate`): the release step of a deployment. Connects as the
 * owner (DATABASE_MIGRATION_URL), runs the pending migrations, grants the app role (the user of DATABASE_URL; only its
 * name is used) its privileges and runs the idempotent seeds. The api and the worker then run without the owner's
 * credentials and refuse to start on a schema that is not current.
 */
export async function migrate(env: Env): Promise<void> {
  if (!env.DATABASE_MIGRATION_URL)
    throw new Error('migrate: DATABASE_MIGRATION_URL (the owner role of the schema) is not set');
  const appRole = env.DATABASE_URL ? roleOfUrl(env.DATABASE_URL) : undefined;
  if (!appRole) console.warn('migrate: DATABASE_URL is not set, so no app role is granted privileges');
  await migrateDatabase({ ownerUrl: env.DATABASE_MIGRATION_URL, appRole, seed: seedsFor(env) });
  console.log(`migrate: schema current${appRole ? `, privileges granted to "${appRole}"` : ''}`);
}
