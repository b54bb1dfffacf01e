import type { Queryable } from '../core/queryable';

/** A login as the api's guard and login see it. */
export interface LoginRow {
  id: string;
  username: string;
  displayName: string;
  roles: string[];
  employeeId: string | null;
  unitId: string | null;
  /** token version: bumped to revoke every token of the user */
  tv: number;
  active: boolean;
}

const LOGIN_COLS = `u.id, u.username, u.display_name AS "displayName", u.roles, u.employee_id AS "employeeId", e.unit_id AS "unitId",
  u.token_version AS tv, u.active`;

/** The login of a (normalised, lower-case) username, with its password hash. */
export async function loginByUsername(
  q: Queryable,
  username: string,
): Promise<(LoginRow & { hash: string }) | undefined> {
  const [r] = await q.query(
    `SELECT ${LOGIN_COLS}, u.password_hash AS hash FROM users u LEFT JOIN employees e ON e.id = u.employee_id WHERE lower(u.username) = $1`,
    [username],
  );
  return r;
}

/** The login a token names. */
export async function loginById(q: Queryable, id: string): Promise<LoginRow | undefined> {
  const [r] = await q.query(
    `SELECT ${LOGIN_COLS} FROM users u LEFT JOIN employees e ON e.id = u.employee_id WHERE u.id = $1`,
    [id],
  );
  return r;
}

/** Revokes every token of the user. */
export async function revokeTokens(q: Queryable, userId: string): Promise<void> {
  await q.query(`UPDATE users SET token_version = token_version + 1 WHERE id = $1`, [userId]);
}

/** Consecutive failed logins of an account, seconds since the last, and whether `client` signed in there lately. */
export async function loginFailures(
  q: Queryable,
  account: string,
  client: string,
): Promise<{ failures: number; elapsed: number; known: boolean } | undefined> {
  const [r] = await q.query(
    `SELECT f.failures, extract(epoch FROM now() - f.last_failure_at) AS elapsed,
            EXISTS (SELECT 1 FROM login_known_clients k WHERE k.account = f.account AND k.client = $2
                    AND k.last_success_at > now() - interval '90 days') AS known
     FROM login_failures f WHERE f.account = $1`,
    [account, client],
  );
  return r ? { failures: Number(r.failures), elapsed: Number(r.elapsed), known: !!r.known } : undefined;
}

export async function recordLoginFailure(q: Queryable, account: string): Promise<void> {
  await q.query(
    `INSERT INTO login_failures (account, failures, last_failure_at) VALUES ($1, 1, now())
     ON CONFLICT (account) DO UPDATE SET failures = login_failures.failures + 1, last_failure_at = now()`,
    [account],
  );
}

/** A successful login clears the account's failures and remembers the client. */
export async function recordLoginSuccess(q: Queryable, account: string, client: string): Promise<void> {
  await q.query(`DELETE FROM login_failures WHERE account = $1`, [account]);
  await q.query(
    `INSERT INTO login_known_clients (account, client, last_success_at) VALUES ($1, $2, now())
     ON CONFLICT (account, client) DO UPDATE SET last_success_at = now()`,
    [account, client],
  );
}
