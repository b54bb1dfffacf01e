import { MigrationInterface, QueryRunner } from 'typeorm';

/** Star-rated hotline agents (S-1…S-12): campaigns, applications, holders, history, monthly reviews, June exams. */
export class Stars1764400000000 implements MigrationInterface {
  name = 'Stars1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE star_campaigns (
        id uuid PRIMARY KEY,
        year integer NOT NULL UNIQUE,
        phase text NOT NULL DEFAULT 'application' CHECK (phase IN ('application','exam','committee','award','closed')),
        starts jsonb NOT NULL,
        ceremony_date date NOT NULL,
        awards_finish_by date NOT NULL,
        headcount integer,
        quotas jsonb,
        results_published boolean NOT NULL DEFAULT false,
        case_id uuid REFERENCES cases(id),
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE star_applications (
        case_id uuid PRIMARY KEY REFERENCES cases(id),
        campaign_id uuid NOT NULL REFERENCES star_campaigns(id),
        employee_id uuid NOT NULL REFERENCES employees(id),
        level integer NOT NULL CHECK (level BETWEEN 1 AND 3),
        recommended boolean NOT NULL DEFAULT false,
        status text NOT NULL DEFAULT 'lead-review',
        eligibility_notes jsonb NOT NULL DEFAULT '[]',
        lead_approved boolean,
        lead_reason text,
        exam_scores jsonb NOT NULL DEFAULT '{}',
        exam_result jsonb,
        passed_level integer,
        committee jsonb,
        awarded_level integer,
        explanation text,
        created_at timestamptz NOT NULL DEFAULT now(),
        -- one application per agent and campaign
        UNIQUE (campaign_id, employee_id)
      );
      CREATE INDEX star_applications_campaign_idx ON star_applications(campaign_id, level, status);
      CREATE TABLE star_holders (
        employee_id uuid PRIMARY KEY REFERENCES employees(id),
        level integer NOT NULL CHECK (level BETWEEN 1 AND 3),
        since date NOT NULL,
        pay_factor_percent integer,
        pay_factor_year integer,
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE star_history (
        id bigserial PRIMARY KEY,
        employee_id uuid NOT NULL REFERENCES employees(id),
        at timestamptz NOT NULL DEFAULT now(),
        effective_from date NOT NULL,
        from_level integer NOT NULL,
        to_level integer NOT NULL,
        kind text NOT NULL CHECK (kind IN ('award','lowered','revoked','demoted')),
        reason text NOT NULL,
        rule text NOT NULL,
        actor text,
        ref text,
        -- a retried activity never writes a change twice
        idempotency_key text NOT NULL UNIQUE
      );
      CREATE INDEX star_history_employee_idx ON star_history(employee_id, at);
      CREATE TABLE star_reviews (
        id uuid PRIMARY KEY,
        month char(7) NOT NULL UNIQUE,
        case_id uuid REFERENCES cases(id),
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open','closed')),
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE star_monthly (
        employee_id uuid NOT NULL REFERENCES employees(id),
        month char(7) NOT NULL,
        level integer NOT NULL,
        score numeric(5,1) NOT NULL,
        veto boolean NOT NULL DEFAULT false,
        veto_reason text,
        percent numeric(5,1) NOT NULL,
        outcome text NOT NULL,
        pay_fen bigint NOT NULL,
        message text NOT NULL,
        review_id uuid REFERENCES star_reviews(id),
        PRIMARY KEY (employee_id, month)
      );
      CREATE TABLE star_june_exams (
        employee_id uuid NOT NULL REFERENCES employees(id),
        year integer NOT NULL,
        score numeric(5,1) NOT NULL,
        rank integer NOT NULL,
        PRIMARY KEY (employee_id, year)
      );
      CREATE TABLE employee_awards (
        employee_id uuid NOT NULL REFERENCES employees(id),
        kind text NOT NULL,
        year integer NOT NULL,
        PRIMARY KEY (employee_id, kind, year)
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `DROP TABLE IF EXISTS employee_awards, star_june_exams, star_monthly, star_reviews, star_history, star_holders, star_applications, star_campaigns`,
    );
  }
}
