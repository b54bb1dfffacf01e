import { MigrationInterface, QueryRunner } from 'typeorm';

/** Quarterly assessment: plans, collected values, internal review findings and the analysed results. */
export class QuarterlyAssessment1765800000000 implements MigrationInterface {
  name = 'QuarterlyAssessment1765800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE quarterly_plans (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        period text NOT NULL UNIQUE CHECK (period ~ '^[0-9]{4}-Q[1-4]$'),
        title text NOT NULL,
        scope uuid[] NOT NULL,
        indicators jsonb NOT NULL,
        owner_id uuid REFERENCES employees(id),
        status text NOT NULL DEFAULT 'draft',
        case_id uuid REFERENCES cases(id),
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE quarterly_values (
        plan_id uuid NOT NULL REFERENCES quarterly_plans(id),
        unit_id uuid NOT NULL REFERENCES org_units(id),
        indicator text NOT NULL,
        value numeric(14,4) NOT NULL,
        source text NOT NULL,
        updated_by uuid REFERENCES users(id),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (plan_id, unit_id, indicator)
      );
      CREATE TABLE quarterly_findings (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES quarterly_plans(id),
        team_unit_id uuid NOT NULL REFERENCES org_units(id),
        description text NOT NULL,
        deadline timestamptz,
        rectification_case_id uuid REFERENCES cases(id),
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX quarterly_findings_plan_idx ON quarterly_findings(plan_id);
      CREATE TABLE quarterly_results (
        plan_id uuid NOT NULL REFERENCES quarterly_plans(id),
        unit_id uuid NOT NULL REFERENCES org_units(id),
        score numeric(7,2) NOT NULL,
        rank integer NOT NULL,
        previous_score numeric(7,2),
        trend numeric(7,2),
        indicators jsonb NOT NULL,
        worst jsonb NOT NULL,
        head_user_id uuid REFERENCES users(id),
        PRIMARY KEY (plan_id, unit_id)
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS quarterly_results, quarterly_findings, quarterly_values, quarterly_plans`);
  }
}
