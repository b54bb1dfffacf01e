import { MigrationInterface, QueryRunner } from 'typeorm';

/** Monthly settlement (H-1…H-3): results per employee, month locks enforced in the database. */
export class Settlement1764000000000 implements MigrationInterface {
  name = 'Settlement1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE ledger_entries ADD COLUMN severity text, ADD COLUMN original_month char(7);
      CREATE TABLE month_locks (
        month char(7) PRIMARY KEY,
        settlement_id uuid,
        locked_at timestamptz NOT NULL DEFAULT now()
      );
      -- H-2: no entry of a locked month can be inserted, changed or deleted (corrections are adjustments in an open month)
      CREATE FUNCTION qf_ledger_month_open() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP IN ('UPDATE','DELETE') AND EXISTS (SELECT 1 FROM month_locks WHERE month = OLD.month) THEN
          RAISE EXCEPTION 'month % is locked: post an adjustment in the next open month (H-2)', OLD.month USING ERRCODE = 'object_not_in_prerequisite_state';
        END IF;
        IF TG_OP IN ('INSERT','UPDATE') AND EXISTS (SELECT 1 FROM month_locks WHERE month = NEW.month) THEN
          RAISE EXCEPTION 'month % is locked: post an adjustment in the next open month (H-2)', NEW.month USING ERRCODE = 'object_not_in_prerequisite_state';
        END IF;
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
      END $$;
      CREATE TRIGGER ledger_month_open BEFORE INSERT OR UPDATE OR DELETE ON ledger_entries FOR EACH ROW EXECUTE FUNCTION qf_ledger_month_open();
      CREATE TABLE settlements (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        month char(7) NOT NULL UNIQUE,
        case_id uuid REFERENCES cases(id),
        status text NOT NULL DEFAULT 'computing' CHECK (status IN ('computing','confirming','approving','locked')),
        policy_version integer,
        totals jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        computed_at timestamptz,
        locked_at timestamptz
      );
      CREATE TABLE settlement_rows (
        settlement_id uuid NOT NULL REFERENCES settlements(id),
        employee_id uuid NOT NULL REFERENCES employees(id),
        branch_id uuid REFERENCES org_units(id),
        points_x10 integer NOT NULL,
        money_fen bigint NOT NULL,
        grade text,
        suspension boolean NOT NULL DEFAULT false,
        exit boolean NOT NULL DEFAULT false,
        training boolean NOT NULL DEFAULT false,
        source_cases uuid[] NOT NULL DEFAULT '{}',
        reasons jsonb NOT NULL DEFAULT '[]',
        PRIMARY KEY (settlement_id, employee_id)
      );
      CREATE INDEX settlement_rows_branch_idx ON settlement_rows(settlement_id, branch_id);
      CREATE FUNCTION qf_settlement_rows_locked() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE sid uuid := CASE WHEN TG_OP = 'INSERT' THEN NEW.settlement_id ELSE OLD.settlement_id END;
      BEGIN
        IF EXISTS (SELECT 1 FROM settlements WHERE id = sid AND status = 'locked') THEN
          RAISE EXCEPTION 'settlement is locked (H-2)' USING ERRCODE = 'object_not_in_prerequisite_state';
        END IF;
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
      END $$;
      CREATE TRIGGER settlement_rows_locked BEFORE INSERT OR UPDATE OR DELETE ON settlement_rows FOR EACH ROW EXECUTE FUNCTION qf_settlement_rows_locked();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE IF EXISTS settlement_rows, settlements, month_locks;
      DROP TRIGGER IF EXISTS ledger_month_open ON ledger_entries;
      DROP FUNCTION IF EXISTS qf_ledger_month_open, qf_settlement_rows_locked;
      ALTER TABLE ledger_entries DROP COLUMN IF EXISTS severity, DROP COLUMN IF EXISTS original_month;
    `);
  }
}
