import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Login hardening: failed attempts per account (exponential backoff across every client) and the clients an
 * account has signed in from (exempt from the account's backoff, so an attacker elsewhere cannot lock the owner out).
 */
export class LoginBackoff1764750000000 implements MigrationInterface {
  name = 'LoginBackoff1764750000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE IF NOT EXISTS login_failures (
        account text PRIMARY KEY,
        failures integer NOT NULL DEFAULT 0,
        last_failure_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE IF NOT EXISTS login_known_clients (
        account text NOT NULL,
        client text NOT NULL,
        last_success_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (account, client)
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS login_known_clients; DROP TABLE IF EXISTS login_failures;`);
  }
}
