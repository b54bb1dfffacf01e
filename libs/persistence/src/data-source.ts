import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { Env, seedDemoEnabled } from '@qf/contracts';
import { Init1763800000000 } from './migrations/1763800000000-init';
import { Ledger1763900000000 } from './migrations/1763900000000-ledger';
import { Settlement1764000000000 } from './migrations/1764000000000-settlement';
import { Rectification1764100000000 } from './migrations/1764100000000-rectification';
import { Evaluation1764200000000 } from './migrations/1764200000000-evaluation';
import { ImportProgress1764300000000 } from './migrations/1764300000000-import-progress';
import { Stars1764400000000 } from './migrations/1764400000000-stars';
import { SettlementStarMoney1764600000000 } from './migrations/1764600000000-settlement-star-money';
import { VersionDrafts1764800000000 } from './migrations/1764800000000-version-drafts';
import { LoginBackoff1764750000000 } from './migrations/1764750000000-login-backoff';
import { appRoleProblems, grantAppPrivileges, roleOfUrl } from './privileges';
import { seedDemo, seedReference } from './seed';

export * from './privileges';
import { Perception1765000000000 } from './migrations/1765000000000-perception';
import { Simulations1765100000000 } from './migrations/1765100000000-simulations';
import { IndicatorCards1765200000000 } from './migrations/1765200000000-indicator-cards';
import { ServiceOrders1765300000000 } from './migrations/1765300000000-service-orders';
import { Scorecards1765400000000 } from './migrations/1765400000000-scorecards';
import { InboxIndexes1765500000000 } from './migrations/1765500000000-inbox-indexes';
import { NotificationOutbox1765600000000 } from './migrations/1765600000000-notification-outbox';
import { UnitLedger1765700000000 } from './migrations/1765700000000-unit-ledger';
import { QuarterlyAssessment1765800000000 } from './migrations/1765800000000-quarterly-assessment';
import { SettlementRowsStatementTrigger1765900000000 } from './migrations/1765900000000-settlement-rows-statement-trigger';
import { SettlementFinesWhy1766000000000 } from './migrations/1766000000000-settlement-fines-why';
import { StarPayWhy1766100000000 } from './migrations/1766100000000-star-pay-why';
import { UnitLedgerKpiFines1766200000000 } from './migrations/1766200000000-unit-ledger-kpi-fines';
import { SimulationResults1766300000000 } from './migrations/1766300000000-simulation-results';
import { SettlementRowsSetChecks1766400000000 } from './migrations/1766400000000-settlement-rows-set-checks';
import { CaseListOrder1766500000000 } from './migrations/1766500000000-case-list-order';
import { SettlementWhyJson1766600000000 } from './migrations/1766600000000-settlement-why-json';
import { LoginChangeNotify1766700000000 } from './migrations/1766700000000-login-change-notify';
import { ThrottleBuckets1766800000000 } from './migrations/1766800000000-throttle-buckets';

export const MIGRATIONS = [
  Init1763800000000,
  Ledger1763900000000,
  Settlement1764000000000,
  Rectification1764100000000,
  Evaluation1764200000000,
  ImportProgress1764300000000,
  Stars1764400000000,
  SettlementStarMoney1764600000000,
  LoginBackoff1764750000000,
  VersionDrafts1764800000000,
  Perception1765000000000,
  Simulations1765100000000,
  IndicatorCards1765200000000,
  ServiceOrders1765300000000,
  Scorecards1765400000000,
  InboxIndexes1765500000000,
  NotificationOutbox1765600000000,
  UnitLedger1765700000000,
  QuarterlyAssessment1765800000000,
  SettlementRowsStatementTrigger1765900000000,
  SettlementFinesWhy1766000000000,
  StarPayWhy1766100000000,
  UnitLedgerKpiFines1766200000000,
  SimulationResults1766300000000,
  SettlementRowsSetChecks1766400000000,
  CaseListOrder1766500000000,
  SettlementWhyJson1766600000000,
  LoginChangeNotify1766700000000,
  ThrottleBuckets1766800000000,
];

export function createDataSource(url: string, opts: { poolSize?: number } = {}): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    // typed SQL repositories (libs/persistence/src/<feature>), no entities
    entities: [],
    migrations: MIGRATIONS,
    migrationsTransactionMode: 'each',
    synchronize: false,
    installExtensions: false, // the migrations need none (gen_random_uuid is built in); the app role may not create any
    extra: { max: opts.poolSize ?? 10 },
  });
}

const LOCK_KEY = 4_242_001;

/** Runs pending migrations and the idempotent seeds under one advisory lock (safe with many processes). */
export async function prepareDatabase(ds: DataSource, seed: (ds: DataSource) => Promise<void>): Promise<void> {
  const runner = ds.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [LOCK_KEY]);
    await ds.runMigrations({ transaction: 'each' });
    await seed(ds);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [LOCK_KEY]).catch(() => undefined);
    await runner.release();
  }
}

/** Migrations of MIGRATIONS not recorded in TypeORM's `migrations` table (all of them on an empty database). */
export async function pendingMigrations(ds: DataSource): Promise<string[]> {
  let applied: string[] = [];
  try {
    applied = (await ds.query(`SELECT name FROM migrations`)).map((r: { name: string }) => r.name);
  } catch (e) {
    if ((e as { code?: string }).code !== '42P01') throw e; // no migrations table yet
  }
  return MIGRATIONS.map((M) => new M().name ?? M.name).filter((n) => !applied.includes(n));
}

/** Reference data, and the demo logins when the env allows them. */
export const seedsFor =
  (env: Env) =>
  async (ds: DataSource): Promise<void> => {
    await seedReference(ds);
    if (seedDemoEnabled(env)) await seedDemo(ds);
  };

/**
 * `npm run migrate` (and the app with DATABASE_MIGRATION_URL): connects as the owner, then under the advisory lock runs
 * the pending migrations, grants the app role its privileges (APP_TABLE_PRIVILEGES) and runs the idempotent seeds;
 * closes the owner connection again. Without an app role (or when it is the owner itself) nothing is granted.
 */
export async function migrateDatabase(opts: {
  ownerUrl: string;
  appRole?: string;
  seed: (ds: DataSource) => Promise<void>;
}): Promise<void> {
  const owner = await createDataSource(opts.ownerUrl, { poolSize: 4 }).initialize();
  try {
    await prepareDatabase(owner, async (ds) => {
      if (opts.appRole && opts.appRole !== roleOfUrl(opts.ownerUrl)) await grantAppPrivileges(ds, opts.appRole);
      await opts.seed(ds);
    });
  } finally {
    await owner.destroy();
  }
}

/**
 * What api and worker do at boot with their own connection `appDs` (DATABASE_URL, the app role). With
 * DATABASE_MIGRATION_URL: migrateDatabase as the owner, granting to the role `appDs` logs in as. Without it the
 * migrations are someone else's job (`npm run migrate`): the schema must be current, else an error naming what is
 * pending. Returns what is wrong with the app connection (superuser, table owner, may change the audit log) for a
 * warning; empty with a proper app role.
 */
export async function setUpDatabase(appDs: DataSource, env: Env): Promise<string[]> {
  if (env.DATABASE_MIGRATION_URL) {
    const [{ role }] = await appDs.query(`SELECT current_user AS role`);
    await migrateDatabase({ ownerUrl: env.DATABASE_MIGRATION_URL, appRole: role, seed: seedsFor(env) });
  } else {
    const pending = await pendingMigrations(appDs);
    if (pending.length)
      throw new Error(
        `the database schema is not current (${pending.length} pending: ${pending.join(', ')}): run \`npm run migrate\` with DATABASE_MIGRATION_URL (the owner role), or give the app DATABASE_MIGRATION_URL`,
      );
  }
  return appRoleProblems(appDs);
}
