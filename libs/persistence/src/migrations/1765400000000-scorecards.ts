import { MigrationInterface, QueryRunner } from 'typeorm';

/** K-3…K-7, K-9: imported indicator values, the month's scorecard run, its results per unit/person and fines. */
export class Scorecards1765400000000 implements MigrationInterface {
  name = 'Scorecards1765400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- values imported from files (call volume, BOSS error rate, network exit failures, device failures …);
      -- a device's failure count is one row per device (K-7), other figures have device ''
      CREATE TABLE kpi_values (
        month char(7) NOT NULL CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
        figure text NOT NULL,
        scope text NOT NULL CHECK (scope IN ('unit','person')),
        subject_id uuid NOT NULL,
        device text NOT NULL DEFAULT '',
        value numeric(14,4) NOT NULL,
        imported_by uuid REFERENCES users(id),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (month, figure, scope, subject_id, device)
      );
      CREATE TABLE scorecard_months (
        month char(7) PRIMARY KEY CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
        case_id uuid REFERENCES cases(id),
        status text NOT NULL DEFAULT 'computing' CHECK (status IN ('computing','reviewing','posted')),
        policy_version integer,
        round integer NOT NULL DEFAULT 0,
        summary jsonb,
        computed_at timestamptz,
        posted_at timestamptz
      );
      -- one row per (month, card, subject): the total, its rank and each indicator's value, score and formula (why)
      CREATE TABLE scorecard_results (
        month char(7) NOT NULL,
        card text NOT NULL,
        scope text NOT NULL CHECK (scope IN ('unit','person')),
        subject_id uuid NOT NULL,
        unit_id uuid NOT NULL REFERENCES org_units(id),
        total numeric(10,2) NOT NULL,
        rank integer NOT NULL,
        ranked integer NOT NULL,
        indicators jsonb NOT NULL,
        PRIMARY KEY (month, card, subject_id)
      );
      CREATE INDEX scorecard_results_unit_idx ON scorecard_results(unit_id, month);
      -- K-5 per-person fines of the month (late orders to the handler, BOSS errors to the supervisor), posted once
      CREATE TABLE scorecard_fines (
        month char(7) NOT NULL,
        employee_id uuid NOT NULL REFERENCES employees(id),
        reason text NOT NULL,
        unit_id uuid NOT NULL REFERENCES org_units(id),
        amount_fen bigint NOT NULL CHECK (amount_fen > 0),
        why jsonb NOT NULL,
        PRIMARY KEY (month, employee_id, reason, unit_id)
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS scorecard_fines, scorecard_results, scorecard_months, kpi_values`);
  }
}
