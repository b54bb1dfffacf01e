import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 18: a settlement row's why is stored as `json` (the text as computed), not `jsonb`: nothing queries inside it —
 * it is read whole for one page or one opened row — and jsonb's binary build of ~500 characters per row was about half
 * of the server's work on a 100k-row write (load 5: 1.25 s jsonb, 0.55 s json for 100k rows' why and reasons).
 */
export class SettlementWhyJson1766600000000 implements MigrationInterface {
  name = 'SettlementWhyJson1766600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE settlement_rows ALTER COLUMN why DROP DEFAULT;
      ALTER TABLE settlement_rows ALTER COLUMN why TYPE json USING why::json;
      ALTER TABLE settlement_rows ALTER COLUMN why SET DEFAULT '[]'::json;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE settlement_rows ALTER COLUMN why DROP DEFAULT;
      ALTER TABLE settlement_rows ALTER COLUMN why TYPE jsonb USING why::jsonb;
      ALTER TABLE settlement_rows ALTER COLUMN why SET DEFAULT '[]'::jsonb;
    `);
  }
}
