import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * K-8: a false work order also costs its unit 1 organisational point — posted to the units' ledger on the fine's
 * approval (source kpi-fine, one line per fine by its natural key). The fines approved before this migration are
 * posted by it.
 */
export class UnitLedgerKpiFines1766200000000 implements MigrationInterface {
  name = 'UnitLedgerKpiFines1766200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE unit_ledger_entries DROP CONSTRAINT unit_ledger_entries_source_check;
      ALTER TABLE unit_ledger_entries ADD CONSTRAINT unit_ledger_entries_source_check
        CHECK (source IN ('indicators','perception','kpi-fine'));
      INSERT INTO unit_ledger_entries (unit_id, month, source, reason, org_score_x10, detail)
      SELECT unit_id, month, 'kpi-fine', 'kpi-fine-K-8-unit:' || id, round(-unit_score_delta * 10)::int,
             month || ' 虚假工单：单位扣组织绩效 ' || (-unit_score_delta)::float8 || ' 分（K-8）'
      FROM service_fines WHERE status = 'approved' AND unit_score_delta < 0 AND unit_id IS NOT NULL
      ON CONFLICT (unit_id, month, reason) DO NOTHING;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DELETE FROM unit_ledger_entries WHERE source = 'kpi-fine';
      ALTER TABLE unit_ledger_entries DROP CONSTRAINT unit_ledger_entries_source_check;
      ALTER TABLE unit_ledger_entries ADD CONSTRAINT unit_ledger_entries_source_check
        CHECK (source IN ('indicators','perception'));
    `);
  }
}
