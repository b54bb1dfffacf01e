import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 16 "why" on star pay (S-10, S-12): each month's result of a star holder keeps the rule IDs, the pinned policy
 * version and the facts it counted (libs/domain `starMonthPay`). Rows written before have none (null).
 */
export class StarPayWhy1766100000000 implements MigrationInterface {
  name = 'StarPayWhy1766100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE star_monthly ADD COLUMN why jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE star_monthly DROP COLUMN IF EXISTS why`);
  }
}
