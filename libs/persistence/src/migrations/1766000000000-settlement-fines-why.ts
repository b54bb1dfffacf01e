import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * H-1 with K-5/K-8 (issue 15): a settlement row's KPI fines, a money line of their own; issue 16: the row's why — the
 * rule IDs behind its money, fines, grade and flags, their parameters, the facts they counted and the pinned policy
 * version (`[{rule, on, grade?, params, facts, policyVersion}]`).
 */
export class SettlementFinesWhy1766000000000 implements MigrationInterface {
  name = 'SettlementFinesWhy1766000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE settlement_rows ADD COLUMN fines_fen bigint NOT NULL DEFAULT 0, ADD COLUMN why jsonb NOT NULL DEFAULT '[]';
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE settlement_rows DROP COLUMN IF EXISTS fines_fen, DROP COLUMN IF EXISTS why`);
  }
}
