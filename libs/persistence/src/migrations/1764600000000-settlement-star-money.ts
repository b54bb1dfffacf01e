import { MigrationInterface, QueryRunner } from 'typeorm';

/** H-1 / S-9 / S-10: the settlement carries the month's star award bonuses and star pay from the ledger to payroll. */
export class SettlementStarMoney1764600000000 implements MigrationInterface {
  name = 'SettlementStarMoney1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE settlement_rows ADD COLUMN IF NOT EXISTS bonus_fen bigint NOT NULL DEFAULT 0;
      ALTER TABLE settlement_rows ADD COLUMN IF NOT EXISTS star_pay_fen bigint NOT NULL DEFAULT 0;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE settlement_rows DROP COLUMN IF EXISTS bonus_fen, DROP COLUMN IF EXISTS star_pay_fen`);
  }
}
