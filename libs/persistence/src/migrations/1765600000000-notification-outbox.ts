import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notifications reach people (issue 17): each user's read state (the bell), each user's delivery preferences, and the
 * outbox — one row per channel and target of a notification, written in the notification's own transaction and
 * delivered by the worker's dispatcher (pending → sent, or dead after the configured number of attempts).
 */
export class NotificationOutbox1765600000000 implements MigrationInterface {
  name = 'NotificationOutbox1765600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE INDEX notifications_user_idx ON notifications(user_id, id);
      CREATE INDEX notifications_role_idx ON notifications(role, id) WHERE user_id IS NULL;
      CREATE TABLE notification_reads (
        user_id uuid NOT NULL REFERENCES users(id),
        notification_id bigint NOT NULL REFERENCES notifications(id),
        read_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, notification_id)
      );
      CREATE TABLE notification_preferences (
        user_id uuid PRIMARY KEY REFERENCES users(id),
        email text,
        channels text[] NOT NULL DEFAULT '{}',
        webhook_targets text[] NOT NULL DEFAULT '{}',
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE notification_outbox (
        id bigserial PRIMARY KEY,
        notification_id bigint NOT NULL REFERENCES notifications(id),
        user_id uuid REFERENCES users(id),
        channel text NOT NULL CHECK (channel IN ('email','webhook')),
        target text NOT NULL,
        idempotency_key text NOT NULL UNIQUE,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','sent','dead')),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        last_error text,
        sent_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX notification_outbox_due_idx ON notification_outbox(next_attempt_at) WHERE status = 'pending';
      CREATE INDEX notification_outbox_status_idx ON notification_outbox(status, id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE IF EXISTS notification_outbox, notification_preferences, notification_reads;
      DROP INDEX IF EXISTS notifications_user_idx, notifications_role_idx;
    `);
  }
}
