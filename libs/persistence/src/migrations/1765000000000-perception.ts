import { MigrationInterface, QueryRunner } from 'typeorm';

/** Customer perception (P-1…P-5): satisfaction figures per month, the month's run and its results, training. */
export class Perception1765000000000 implements MigrationInterface {
  name = 'Perception1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- P-3: an agent hall answers with a commission deduction, an own hall through its manager's points
      ALTER TABLE org_units ADD COLUMN operator text NOT NULL DEFAULT 'own' CHECK (operator IN ('own','agent'));
      CREATE TABLE satisfaction_scores (
        month text NOT NULL CHECK (month ~ '^\\d{4}-(0[1-9]|1[0-2])$'),
        channel text NOT NULL CHECK (channel IN ('repair','hall')),
        scope text NOT NULL CHECK (scope IN ('person','team','hall','centre','branch')),
        subject_id uuid NOT NULL,
        score numeric(5,2) NOT NULL CHECK (score BETWEEN 0 AND 100),
        sample integer NOT NULL CHECK (sample >= 0),
        source text NOT NULL CHECK (source IN ('callbacks','import')),
        imported_by uuid REFERENCES users(id),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (month, channel, scope, subject_id)
      );
      CREATE INDEX satisfaction_subject_idx ON satisfaction_scores(subject_id, month);
      CREATE TABLE perception_months (
        month text PRIMARY KEY,
        case_id uuid REFERENCES cases(id),
        status text NOT NULL DEFAULT 'computing' CHECK (status IN ('computing','reviewing','posted')),
        summary jsonb,
        round integer NOT NULL DEFAULT 0,
        computed_at timestamptz,
        posted_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE perception_results (
        month text NOT NULL,
        employee_id uuid NOT NULL REFERENCES employees(id),
        channel text NOT NULL,
        score numeric(5,2) NOT NULL,
        sample integer NOT NULL,
        rank integer NOT NULL,
        ranked integer NOT NULL,
        below_standard boolean NOT NULL,
        below_months_before integer NOT NULL,
        points_x10 integer NOT NULL,
        grade text,
        reasons jsonb NOT NULL DEFAULT '[]',
        PRIMARY KEY (month, employee_id, channel)
      );
      CREATE TABLE perception_unit_results (
        month text NOT NULL,
        unit_id uuid NOT NULL REFERENCES org_units(id),
        channel text NOT NULL,
        scope text NOT NULL,
        score numeric(5,2) NOT NULL,
        sample integer NOT NULL,
        rank integer NOT NULL,
        ranked integer NOT NULL,
        below_standard boolean NOT NULL,
        below_months_in_year integer NOT NULL,
        penalty jsonb,
        supervision jsonb,
        PRIMARY KEY (month, unit_id, channel)
      );
      CREATE TABLE training_assignments (
        quarter text NOT NULL,
        employee_id uuid NOT NULL REFERENCES employees(id),
        channel text NOT NULL,
        score numeric(5,2) NOT NULL,
        rank integer NOT NULL,
        ranked integer NOT NULL,
        reason text NOT NULL,
        month text NOT NULL,
        PRIMARY KEY (quarter, employee_id, channel)
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `DROP TABLE IF EXISTS training_assignments, perception_unit_results, perception_results, perception_months, satisfaction_scores;
       ALTER TABLE org_units DROP COLUMN IF EXISTS operator`,
    );
  }
}
