import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * H-2 on settlement rows, once per statement instead of once per row (issue 18): writing a settlement of 100,000
 * people fired the row trigger 200,000 times (DELETE + INSERT). The same check now runs once over each statement's
 * transition table: a statement that touches a row of a locked settlement is refused as before.
 * (Postgres allows transition tables only on single-event triggers: one trigger per event.)
 */
export class SettlementRowsStatementTrigger1765900000000 implements MigrationInterface {
  name = 'SettlementRowsStatementTrigger1765900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TRIGGER settlement_rows_locked ON settlement_rows;
      CREATE FUNCTION qf_settlement_rows_locked_new() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM settlements s WHERE s.status = 'locked' AND s.id IN (SELECT settlement_id FROM new_rows)) THEN
          RAISE EXCEPTION 'settlement is locked (H-2)' USING ERRCODE = 'object_not_in_prerequisite_state';
        END IF;
        RETURN NULL;
      END $$;
      CREATE FUNCTION qf_settlement_rows_locked_old() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM settlements s WHERE s.status = 'locked' AND s.id IN (SELECT settlement_id FROM old_rows)) THEN
          RAISE EXCEPTION 'settlement is locked (H-2)' USING ERRCODE = 'object_not_in_prerequisite_state';
        END IF;
        RETURN NULL;
      END $$;
      CREATE TRIGGER settlement_rows_locked_insert AFTER INSERT ON settlement_rows
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION qf_settlement_rows_locked_new();
      CREATE TRIGGER settlement_rows_locked_update AFTER UPDATE ON settlement_rows
        REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION qf_settlement_rows_locked_old();
      CREATE TRIGGER settlement_rows_locked_delete AFTER DELETE ON settlement_rows
        REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION qf_settlement_rows_locked_old();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TRIGGER IF EXISTS settlement_rows_locked_insert ON settlement_rows;
      DROP TRIGGER IF EXISTS settlement_rows_locked_update ON settlement_rows;
      DROP TRIGGER IF EXISTS settlement_rows_locked_delete ON settlement_rows;
      DROP FUNCTION IF EXISTS qf_settlement_rows_locked_new, qf_settlement_rows_locked_old;
      CREATE TRIGGER settlement_rows_locked BEFORE INSERT OR UPDATE OR DELETE ON settlement_rows
        FOR EACH ROW EXECUTE FUNCTION qf_settlement_rows_locked();
    `);
  }
}
