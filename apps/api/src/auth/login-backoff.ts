import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Env, ENV } from '../config';

/**
 * Seconds an account must rest after `failures` consecutive failed logins: none up to `after`, then 1, 2, 4 … seconds,
 * never more than `max` — so guessing from many addresses is slowed account-wide while the wait stays bounded.
 */
export const backoffSeconds = (failures: number, after: number, max: number): number =>
  failures < after ? 0 : Math.min(max, 2 ** Math.min(failures - after, 30));

/**
 * Per-account backoff in Postgres (shared by every api process). Clients the account has signed in from before are
 * exempt: an attacker elsewhere slows guessing for everyone else but cannot lock the owner out where they work.
 */
@Injectable()
export class LoginBackoff {
  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    @Inject(ENV) private readonly env: Env,
  ) {}

  /** Seconds this client must still wait before a login attempt on this account is checked (0: go ahead). */
  async waitSeconds(account: string, client: string): Promise<number> {
    const [row] = await this.ds.query(
      `SELECT f.failures, extract(epoch FROM now() - f.last_failure_at) AS elapsed,
              EXISTS (SELECT 1 FROM login_known_clients k WHERE k.account = f.account AND k.client = $2
                      AND k.last_success_at > now() - interval '90 days') AS known
       FROM login_failures f WHERE f.account = $1`,
      [account, client],
    );
    if (!row || row.known) return 0;
    const rest = backoffSeconds(Number(row.failures), this.env.LOGIN_BACKOFF_AFTER, this.env.LOGIN_BACKOFF_MAX_SECONDS);
    return Math.max(0, Math.ceil(rest - Number(row.elapsed)));
  }

  async failed(account: string): Promise<void> {
    await this.ds.query(
      `INSERT INTO login_failures (account, failures, last_failure_at) VALUES ($1, 1, now())
       ON CONFLICT (account) DO UPDATE SET failures = login_failures.failures + 1, last_failure_at = now()`,
      [account],
    );
  }

  async succeeded(account: string, client: string): Promise<void> {
    await this.ds.query(`DELETE FROM login_failures WHERE account = $1`, [account]);
    await this.ds.query(
      `INSERT INTO login_known_clients (account, client, last_success_at) VALUES ($1, $2, now())
       ON CONFLICT (account, client) DO UPDATE SET last_success_at = now()`,
      [account, client],
    );
  }
}
