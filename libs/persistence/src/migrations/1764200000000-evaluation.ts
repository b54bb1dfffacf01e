import { MigrationInterface, QueryRunner } from 'typeorm';

/** Closed work orders and their evaluations (E-1…E-5). */
export class Evaluation1764200000000 implements MigrationInterface {
  name = 'Evaluation1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE work_orders (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        order_no text NOT NULL UNIQUE,
        fault_key text,
        repeat_report boolean NOT NULL DEFAULT false,
        source text NOT NULL DEFAULT 'hotline',
        repairer_id uuid NOT NULL REFERENCES employees(id),
        team_unit_id uuid NOT NULL REFERENCES org_units(id),
        reporter text NOT NULL DEFAULT '',
        reported_at timestamptz,
        closed_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX work_orders_closed_idx ON work_orders(team_unit_id, closed_at);
      CREATE TABLE evaluations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        order_id uuid NOT NULL REFERENCES work_orders(id),
        kind text NOT NULL CHECK (kind IN ('foreman','dispatcher','manager')),
        evaluator_user_id uuid REFERENCES users(id),
        evaluate_on date NOT NULL,
        due_at timestamptz NOT NULL,
        seed text,
        explanation text NOT NULL DEFAULT '',
        choice text CHECK (choice IN ('satisfied','basic','dissatisfied')),
        score integer,
        answered_at timestamptz,
        answered_by uuid REFERENCES users(id),
        rectification_case_id uuid REFERENCES cases(id),
        UNIQUE (order_id, kind)
      );
      CREATE INDEX evaluations_evaluator_idx ON evaluations(evaluator_user_id, answered_at);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS evaluations, work_orders`);
  }
}
