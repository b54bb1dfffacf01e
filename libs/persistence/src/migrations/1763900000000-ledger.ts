import { MigrationInterface, QueryRunner } from 'typeorm';

/** The points/money ledger fed by every process (complaints first), and named notices (C-11). */
export class Ledger1763900000000 implements MigrationInterface {
  name = 'Ledger1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE ledger_entries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        employee_id uuid NOT NULL REFERENCES employees(id),
        month char(7) NOT NULL CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
        case_id uuid REFERENCES cases(id),
        source text NOT NULL,
        reason text NOT NULL,
        points_x10 integer NOT NULL,
        money_fen bigint,
        adjusts_id uuid REFERENCES ledger_entries(id),
        workflow_id text,
        created_at timestamptz NOT NULL DEFAULT now(),
        -- idempotent posting by natural key: a retry or a double click never posts twice
        UNIQUE (case_id, employee_id, reason)
      );
      CREATE INDEX ledger_month_employee_idx ON ledger_entries(month, employee_id);
      CREATE TABLE notices (
        case_id uuid PRIMARY KEY REFERENCES cases(id),
        workflow_id text NOT NULL,
        body jsonb NOT NULL,
        published_at timestamptz NOT NULL DEFAULT now()
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS notices, ledger_entries`);
  }
}
