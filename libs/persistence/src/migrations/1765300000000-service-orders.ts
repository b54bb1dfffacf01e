import { MigrationInterface, QueryRunner } from 'typeorm';

/** Service work orders (K-1), their deadlines and lateness flags (K-2), tracking lines (K-1), fines per event (K-8). */
export class ServiceOrders1765300000000 implements MigrationInterface {
  name = 'ServiceOrders1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- K-1: hotline / customer work orders (work_orders are the evaluation area's closed repair orders)
      CREATE TABLE service_orders (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        order_no text UNIQUE NOT NULL,
        kind text NOT NULL CHECK (kind IN ('ordinary','vip_fault','vip_activation')),
        stage text NOT NULL CHECK (stage IN ('hotline','dispatch','handling','closed')),
        unit_id uuid NOT NULL REFERENCES org_units(id),
        handler_id uuid REFERENCES employees(id),
        accepted_at timestamptz NOT NULL,
        responded_at timestamptz,
        closed_at timestamptz,
        respond_due_at timestamptz NOT NULL,
        complete_due_at timestamptz NOT NULL,
        late_respond_at timestamptz,
        late_complete_at timestamptz,
        redispatch_count integer NOT NULL DEFAULT 0,
        created_at timestamptz DEFAULT now()
      );
      CREATE INDEX service_orders_unit_idx ON service_orders(unit_id, accepted_at);
      -- K-2: the deadline scan reads only the open orders not yet flagged
      CREATE INDEX service_orders_respond_due_idx ON service_orders(respond_due_at) WHERE late_respond_at IS NULL AND (responded_at IS NULL OR responded_at > respond_due_at);
      CREATE INDEX service_orders_complete_due_idx ON service_orders(complete_due_at) WHERE late_complete_at IS NULL AND (closed_at IS NULL OR closed_at > complete_due_at);
      CREATE TABLE service_order_moves (
        id bigserial PRIMARY KEY,
        order_id uuid NOT NULL REFERENCES service_orders(id),
        from_stage text,
        to_stage text NOT NULL,
        actor_user_id uuid REFERENCES users(id),
        actor_name text NOT NULL,
        at timestamptz NOT NULL DEFAULT now(),
        note text
      );
      CREATE INDEX service_order_moves_order_idx ON service_order_moves(order_id, at);
      CREATE TABLE service_order_tracking (
        order_id uuid NOT NULL REFERENCES service_orders(id),
        line text NOT NULL CHECK (line IN ('handler_feedback','re_complaint','callback','qa_sampling')),
        value text NOT NULL,
        recorded_by uuid REFERENCES users(id),
        recorded_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (order_id, line)
      );
      -- K-8: a fine per event, approved by the person's direct lead (a case), then posted to the ledger
      CREATE TABLE service_fines (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('attitude-complaint','false-work-order','data-entry-error','standards-not-followed')),
        employee_id uuid NOT NULL REFERENCES employees(id),
        lead_id uuid REFERENCES employees(id),
        unit_id uuid REFERENCES org_units(id),
        order_id uuid REFERENCES service_orders(id),
        amount_fen bigint NOT NULL,
        lead_fen bigint NOT NULL DEFAULT 0,
        unit_score_delta numeric(6,2) NOT NULL DEFAULT 0,
        month char(7) NOT NULL CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
        description text NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','approved','returned')),
        case_id uuid REFERENCES cases(id),
        registered_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        decided_at timestamptz
      );
      CREATE INDEX service_fines_unit_month_idx ON service_fines(unit_id, month);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS service_fines, service_order_tracking, service_order_moves, service_orders`);
  }
}
