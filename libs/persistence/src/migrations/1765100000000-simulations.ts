import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What-if simulations of a policy over recorded months (issue 16): the run and its progress, each month's totals under
 * both policies, and the people whose results would change. Kept until deleted; never touches ledger or settlements.
 */
export class Simulations1765100000000 implements MigrationInterface {
  name = 'Simulations1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE simulations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        policy_version integer NOT NULL,
        baseline_version integer,
        months text[] NOT NULL,
        status text NOT NULL DEFAULT 'running' CHECK (status IN ('running','done','failed')),
        months_done integer NOT NULL DEFAULT 0,
        workflow_id text NOT NULL UNIQUE,
        error text,
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz
      );
      CREATE TABLE simulation_months (
        simulation_id uuid NOT NULL REFERENCES simulations(id) ON DELETE CASCADE,
        month text NOT NULL,
        totals jsonb NOT NULL,
        PRIMARY KEY (simulation_id, month)
      );
      CREATE TABLE simulation_changes (
        simulation_id uuid NOT NULL REFERENCES simulations(id) ON DELETE CASCADE,
        month text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('settlement','perception')),
        employee_id uuid NOT NULL REFERENCES employees(id),
        channel text NOT NULL DEFAULT '',
        branch_id uuid,
        grade_before text,
        grade_after text,
        points_before integer NOT NULL,
        points_after integer NOT NULL,
        money_before_fen bigint NOT NULL,
        money_after_fen bigint NOT NULL,
        flags_before jsonb,
        flags_after jsonb,
        PRIMARY KEY (simulation_id, month, kind, employee_id, channel)
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE simulation_changes; DROP TABLE simulation_months; DROP TABLE simulations;`);
  }
}
