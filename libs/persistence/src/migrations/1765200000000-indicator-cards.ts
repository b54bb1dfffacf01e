import { MigrationInterface, QueryRunner } from 'typeorm';

/** Service indicators (P-6): monthly results per unit, each failing month's card; interviews (P-6, P-7); incidents. */
export class IndicatorCards1765200000000 implements MigrationInterface {
  name = 'IndicatorCards1765200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE indicator_results (
        month text NOT NULL CHECK (month ~ '^\\d{4}-(0[1-9]|1[0-2])$'),
        unit_id uuid NOT NULL REFERENCES org_units(id),
        indicator text NOT NULL,
        value numeric(12,4) NOT NULL,
        target numeric(12,4) NOT NULL,
        passed boolean NOT NULL,
        imported_by uuid REFERENCES users(id),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (month, unit_id, indicator)
      );
      CREATE INDEX indicator_results_unit_idx ON indicator_results(unit_id, month);
      -- P-6: one row per failing (unit, month), written once: its number in the year decides the card
      CREATE TABLE indicator_failures (
        unit_id uuid NOT NULL REFERENCES org_units(id),
        month text NOT NULL,
        failure_no integer NOT NULL CHECK (failure_no >= 1),
        card text NOT NULL CHECK (card IN ('none','yellow-card','red-card','interview')),
        org_score_x10 integer NOT NULL,
        failed_indicators jsonb NOT NULL DEFAULT '[]',
        notices jsonb NOT NULL DEFAULT '[]',
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (unit_id, month)
      );
      CREATE TABLE incidents (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title text NOT NULL,
        description text NOT NULL,
        occurred_at timestamptz NOT NULL,
        unit_id uuid NOT NULL REFERENCES org_units(id),
        department_head_id uuid NOT NULL REFERENCES employees(id),
        major boolean NOT NULL,
        case_id uuid REFERENCES cases(id),
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now()
      );
      -- P-6 / P-7: an interview is a case; its record (date, people, minutes, commitments) is kept here
      CREATE TABLE interviews (
        case_id uuid PRIMARY KEY REFERENCES cases(id),
        origin text NOT NULL CHECK (origin IN ('indicator-card','major-incident')),
        unit_id uuid NOT NULL REFERENCES org_units(id),
        month text,
        incident_id uuid REFERENCES incidents(id),
        interviewee_id uuid REFERENCES employees(id),
        reason text NOT NULL,
        due_at timestamptz,
        record jsonb,
        recorded_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX interviews_unit_idx ON interviews(unit_id, month);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS interviews, incidents, indicator_failures, indicator_results`);
  }
}
