import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { ENTITIES } from './entities';
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
];

export function createDataSource(url: string, opts: { poolSize?: number } = {}): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTransactionMode: 'each',
    synchronize: false,
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
