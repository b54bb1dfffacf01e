import { MigrationInterface, QueryRunner } from 'typeorm';

export class Init1763800000000 implements MigrationInterface {
  name = 'Init1763800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE org_units (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        parent_id uuid REFERENCES org_units(id),
        code text NOT NULL UNIQUE,
        name text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('company','branch','centre','hall','team')),
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE employees (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE,
        name text NOT NULL,
        unit_id uuid NOT NULL REFERENCES org_units(id),
        post text NOT NULL DEFAULT '',
        post_bonus_fen integer NOT NULL DEFAULT 0 CHECK (post_bonus_fen >= 0),
        hire_date date,
        job_type text NOT NULL DEFAULT '',
        employment_type text NOT NULL DEFAULT 'staff' CHECK (employment_type IN ('staff','temporary','outsourced')),
        supervisor_id uuid REFERENCES employees(id),
        vp_id uuid REFERENCES employees(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX employees_unit_idx ON employees(unit_id);
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        username text NOT NULL UNIQUE,
        display_name text NOT NULL,
        password_hash text NOT NULL,
        roles text[] NOT NULL DEFAULT '{employee}',
        employee_id uuid REFERENCES employees(id),
        active boolean NOT NULL DEFAULT true,
        token_version integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE policy_versions (
        version integer PRIMARY KEY,
        status text NOT NULL CHECK (status IN ('draft','published')),
        effective_from date,
        body jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz
      );
      CREATE TABLE flow_versions (
        kind text NOT NULL,
        version integer NOT NULL,
        status text NOT NULL CHECK (status IN ('draft','published')),
        body jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz,
        PRIMARY KEY (kind, version)
      );
      -- Published versions are immutable (DESIGN principle 2).
      CREATE FUNCTION qf_published_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.status = 'published' THEN
          RAISE EXCEPTION 'published % version % is immutable', TG_TABLE_NAME, OLD.version USING ERRCODE = 'check_violation';
        END IF;
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
      END $$;
      CREATE TRIGGER policy_versions_immutable BEFORE UPDATE OR DELETE ON policy_versions FOR EACH ROW EXECUTE FUNCTION qf_published_immutable();
      CREATE TRIGGER flow_versions_immutable BEFORE UPDATE OR DELETE ON flow_versions FOR EACH ROW EXECUTE FUNCTION qf_published_immutable();

      CREATE TABLE cases (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL,
        business_key text NOT NULL,
        title text NOT NULL,
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open','closed','cancelled')),
        stage text,
        outcome text,
        waiting_on jsonb NOT NULL DEFAULT '[]',
        waiting_since timestamptz,
        due_at timestamptz,
        workflow_id text NOT NULL UNIQUE,
        policy_version integer NOT NULL,
        flow_version integer NOT NULL,
        data jsonb NOT NULL DEFAULT '{}',
        unit_id uuid REFERENCES org_units(id),
        subject_employee_ids uuid[] NOT NULL DEFAULT '{}',
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (kind, business_key)
      );
      CREATE INDEX cases_status_idx ON cases(status, kind);
      CREATE TABLE tasks (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases(id),
        workflow_id text NOT NULL,
        stage text NOT NULL,
        stage_label text NOT NULL,
        round integer NOT NULL,
        slot integer NOT NULL,
        assignee_role text,
        assignee_user_id uuid REFERENCES users(id),
        claimed_by uuid REFERENCES users(id),
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open','done','cancelled')),
        decision text,
        decided_by uuid REFERENCES users(id),
        decided_at timestamptz,
        allowed_actions text[] NOT NULL,
        due_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (workflow_id, stage, round, slot)
      );
      CREATE INDEX tasks_open_idx ON tasks(status, assignee_role);
      CREATE INDEX tasks_case_idx ON tasks(case_id);
      CREATE TABLE notifications (
        id bigserial PRIMARY KEY,
        idempotency_key text NOT NULL UNIQUE,
        kind text NOT NULL,
        case_id uuid REFERENCES cases(id),
        task_id uuid REFERENCES tasks(id),
        role text,
        user_id uuid REFERENCES users(id),
        message text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE audit_log (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        actor_id uuid,
        actor text,
        action text NOT NULL,
        entity text NOT NULL,
        entity_id text,
        case_id uuid,
        workflow_id text,
        before jsonb,
        after jsonb,
        details jsonb,
        idempotency_key text UNIQUE
      );
      CREATE INDEX audit_case_idx ON audit_log(case_id, at);
      -- DESIGN principle 7: the audit log is append-only, enforced in the database.
      CREATE FUNCTION qf_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$;
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION qf_audit_append_only();
      CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION qf_audit_append_only();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE IF EXISTS audit_log, notifications, tasks, cases, flow_versions, policy_versions, users, employees, org_units CASCADE;
      DROP FUNCTION IF EXISTS qf_audit_append_only, qf_published_immutable;
    `);
  }
}
