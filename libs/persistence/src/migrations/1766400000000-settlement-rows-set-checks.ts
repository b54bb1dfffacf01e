import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 18: a settlement's 100,000 rows were checked by three foreign keys, i.e. 300,000 row triggers each running a
 * `SELECT … FOR KEY SHARE` (40 % of the bulk write). The same references are now checked once per statement over its
 * transition table, in the trigger that already refuses writes to a locked settlement (H-2): a row naming an unknown
 * settlement, employee or branch is refused with the foreign-key error code (23503), as before.
 * The referenced side: the app role may not delete employees, org units or settlements (privileges.ts); an owner's
 * delete of one that settlement rows name, and a change of such an id, are refused by statement triggers there.
 */
/** plpgsql: refuse a statement whose new rows belong to a locked settlement (H-2) */
const LOCKED_NEW = `        IF EXISTS (SELECT 1 FROM settlements s WHERE s.status = 'locked' AND s.id IN (SELECT settlement_id FROM new_rows)) THEN
          RAISE EXCEPTION 'settlement is locked (H-2)' USING ERRCODE = 'object_not_in_prerequisite_state';
        END IF;
`;
/** plpgsql: refuse a statement whose new rows name an unknown settlement, employee or branch (as the foreign keys did) */
const REFERENCES_EXIST = `        IF EXISTS (SELECT 1 FROM new_rows n WHERE NOT EXISTS (SELECT 1 FROM settlements s WHERE s.id = n.settlement_id))
           OR EXISTS (SELECT 1 FROM new_rows n WHERE NOT EXISTS (SELECT 1 FROM employees e WHERE e.id = n.employee_id))
           OR EXISTS (SELECT 1 FROM new_rows n WHERE n.branch_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM org_units o WHERE o.id = n.branch_id)) THEN
          RAISE EXCEPTION 'settlement row names an unknown settlement, employee or branch' USING ERRCODE = 'foreign_key_violation';
        END IF;
`;

export class SettlementRowsSetChecks1766400000000 implements MigrationInterface {
  name = 'SettlementRowsSetChecks1766400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE settlement_rows
        DROP CONSTRAINT settlement_rows_settlement_id_fkey,
        DROP CONSTRAINT settlement_rows_employee_id_fkey,
        DROP CONSTRAINT settlement_rows_branch_id_fkey;
      CREATE OR REPLACE FUNCTION qf_settlement_rows_locked_new() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
${LOCKED_NEW}${REFERENCES_EXIST}        RETURN NULL;
      END $$;
      DROP TRIGGER settlement_rows_locked_update ON settlement_rows;
      -- an owner's delete of a settlement, employee or org unit that settlement rows name (one scan of the rows)
      CREATE FUNCTION qf_settlement_rows_referenced_delete() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM settlement_rows r WHERE r.settlement_id IN (SELECT id FROM old_rows)
                     OR r.employee_id IN (SELECT id FROM old_rows) OR r.branch_id IN (SELECT id FROM old_rows)) THEN
          RAISE EXCEPTION '% named by settlement rows cannot be deleted', TG_TABLE_NAME USING ERRCODE = 'foreign_key_violation';
        END IF;
        RETURN NULL;
      END $$;
      -- an update: only ids that disappear (never, in the code) are looked up in the rows
      CREATE FUNCTION qf_settlement_rows_referenced_update() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM old_rows o WHERE NOT EXISTS (SELECT 1 FROM new_rows n WHERE n.id = o.id))
           AND EXISTS (SELECT 1 FROM settlement_rows r,
                         (SELECT array_agg(o.id) AS ids FROM old_rows o WHERE NOT EXISTS (SELECT 1 FROM new_rows n WHERE n.id = o.id)) g
                       WHERE r.settlement_id = ANY (g.ids) OR r.employee_id = ANY (g.ids) OR r.branch_id = ANY (g.ids)) THEN
          RAISE EXCEPTION 'the id of % named by settlement rows cannot change', TG_TABLE_NAME USING ERRCODE = 'foreign_key_violation';
        END IF;
        RETURN NULL;
      END $$;
    `);
    // UPDATE: old (lock) and new (references) rows; one trigger per event and table (transition tables)
    await q.query(`
      CREATE FUNCTION qf_settlement_rows_locked_both() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM settlements s WHERE s.status = 'locked' AND s.id IN (SELECT settlement_id FROM old_rows)) THEN
          RAISE EXCEPTION 'settlement is locked (H-2)' USING ERRCODE = 'object_not_in_prerequisite_state';
        END IF;
${LOCKED_NEW}${REFERENCES_EXIST}        RETURN NULL;
      END $$;
      CREATE TRIGGER settlement_rows_locked_update AFTER UPDATE ON settlement_rows
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION qf_settlement_rows_locked_both();
      CREATE TRIGGER settlements_referenced_delete AFTER DELETE ON settlements
        REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION qf_settlement_rows_referenced_delete();
      CREATE TRIGGER settlements_referenced_update AFTER UPDATE ON settlements
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION qf_settlement_rows_referenced_update();
      CREATE TRIGGER employees_settlement_referenced_delete AFTER DELETE ON employees
        REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION qf_settlement_rows_referenced_delete();
      CREATE TRIGGER employees_settlement_referenced_update AFTER UPDATE ON employees
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION qf_settlement_rows_referenced_update();
      CREATE TRIGGER org_units_settlement_referenced_delete AFTER DELETE ON org_units
        REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION qf_settlement_rows_referenced_delete();
      CREATE TRIGGER org_units_settlement_referenced_update AFTER UPDATE ON org_units
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION qf_settlement_rows_referenced_update();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TRIGGER IF EXISTS settlements_referenced_delete ON settlements;
      DROP TRIGGER IF EXISTS settlements_referenced_update ON settlements;
      DROP TRIGGER IF EXISTS employees_settlement_referenced_delete ON employees;
      DROP TRIGGER IF EXISTS employees_settlement_referenced_update ON employees;
      DROP TRIGGER IF EXISTS org_units_settlement_referenced_delete ON org_units;
      DROP TRIGGER IF EXISTS org_units_settlement_referenced_update ON org_units;
      DROP FUNCTION IF EXISTS qf_settlement_rows_referenced_delete, qf_settlement_rows_referenced_update;
      DROP TRIGGER IF EXISTS settlement_rows_locked_update ON settlement_rows;
      DROP FUNCTION IF EXISTS qf_settlement_rows_locked_both;
      CREATE TRIGGER settlement_rows_locked_update AFTER UPDATE ON settlement_rows
        REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION qf_settlement_rows_locked_old();
      CREATE OR REPLACE FUNCTION qf_settlement_rows_locked_new() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
${LOCKED_NEW}        RETURN NULL;
      END $$;
      ALTER TABLE settlement_rows
        ADD CONSTRAINT settlement_rows_settlement_id_fkey FOREIGN KEY (settlement_id) REFERENCES settlements(id),
        ADD CONSTRAINT settlement_rows_employee_id_fkey FOREIGN KEY (employee_id) REFERENCES employees(id),
        ADD CONSTRAINT settlement_rows_branch_id_fkey FOREIGN KEY (branch_id) REFERENCES org_units(id);
    `);
  }
}
