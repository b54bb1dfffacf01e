import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The units' ledger: deductions that belong to a unit, not to a person — a failing month's organisational score (P-6)
 * and an agent hall's commission deduction (P-3). Posted once per (unit, month, reason); the failing months recorded
 * before this table existed are posted by this migration.
 */
export class UnitLedger1765700000000 implements MigrationInterface {
  name = 'UnitLedger1765700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE unit_ledger_entries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        unit_id uuid NOT NULL REFERENCES org_units(id),
        month text NOT NULL CHECK (month ~ '^\\d{4}-(0[1-9]|1[0-2])$'),
        source text NOT NULL CHECK (source IN ('indicators','perception')),
        reason text NOT NULL,
        org_score_x10 integer NOT NULL DEFAULT 0 CHECK (org_score_x10 >= 0),
        commission_percent numeric(5,2) NOT NULL DEFAULT 0 CHECK (commission_percent >= 0),
        detail text NOT NULL,
        case_id uuid REFERENCES cases(id),
        workflow_id text,
        created_at timestamptz NOT NULL DEFAULT now(),
        -- idempotent posting by natural key: a re-import or a rerun never posts twice
        UNIQUE (unit_id, month, reason)
      );
      CREATE INDEX unit_ledger_month_idx ON unit_ledger_entries(month, unit_id);
      INSERT INTO unit_ledger_entries (unit_id, month, source, reason, org_score_x10, detail)
      SELECT unit_id, month, 'indicators', 'indicator-P-6', org_score_x10,
             month || ' 服务指标不达标（年内第 ' || failure_no || ' 次）：扣组织绩效（P-6）'
      FROM indicator_failures WHERE org_score_x10 > 0
      ON CONFLICT (unit_id, month, reason) DO NOTHING;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS unit_ledger_entries`);
  }
}
