import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { loginFailures, recordLoginFailure, recordLoginSuccess } from '@qf/persistence';
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
    const row = await loginFailures(this.ds, account, client);
    if (!row || row.known) return 0;
    const rest = backoffSeconds(row.failures, this.env.LOGIN_BACKOFF_AFTER, this.env.LOGIN_BACKOFF_MAX_SECONDS);
    return Math.max(0, Math.ceil(rest - row.elapsed));
  }

  failed(account: string): Promise<void> {
    return recordLoginFailure(this.ds, account);
  }

  succeeded(account: string, client: string): Promise<void> {
    return recordLoginSuccess(this.ds, account, client);
  }
}
