import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The database announces a change to what a login carries (LOGIN_COLS: a user's name, roles, employee, token version,
 * activity; the employee's unit) on the channel `qf_logins`, the payload the user's id, on commit. Every api process
 * listens (apps/api/src/auth/login-changes.ts) and drops that login from its session cache: a sign-out, a revocation
 * or a re-scoping made by another api process, or by SQL by hand, takes effect at once instead of within the cache's
 * TTL. A trigger, so no writer can forget to announce it.
 */
export class LoginChangeNotify1766700000000 implements MigrationInterface {
  name = 'LoginChangeNotify1766700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION qf_notify_login_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_TABLE_NAME = 'users' THEN
          PERFORM pg_notify('qf_logins', OLD.id::text);
        ELSE
          PERFORM pg_notify('qf_logins', u.id::text) FROM users u WHERE u.employee_id = OLD.id;
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER users_login_change
      AFTER UPDATE OF username, display_name, roles, employee_id, token_version, active OR DELETE ON users
      FOR EACH ROW EXECUTE FUNCTION qf_notify_login_change()`);
    await q.query(`
      CREATE TRIGGER employees_login_change AFTER UPDATE OF unit_id OR DELETE ON employees
      FOR EACH ROW EXECUTE FUNCTION qf_notify_login_change()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER employees_login_change ON employees`);
    await q.query(`DROP TRIGGER users_login_change ON users`);
    await q.query(`DROP FUNCTION qf_notify_login_change()`);
  }
}
