import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Client } from 'pg';
import type { Env } from '@qf/contracts';
import { databaseUrl } from '@qf/runtime';
import { ENV } from '../config';
import { SessionCache } from './session-cache';

/** The channel the database announces login changes on (migration 1766700000000: triggers on users and employees). */
export const LOGIN_CHANGES_CHANNEL = 'qf_logins';
/** How long to wait before listening again after the connection was lost (doubling up to the maximum). */
const RETRY_MS = { first: 500, max: 15_000 };

/**
 * Keeps this api process's SessionCache true to the database: one connection of its own LISTENs on `qf_logins` and
 * forgets the login each notification names — a sign-out, a revocation or a re-scoping made by another api process or
 * by SQL takes effect at once, not within the cache's TTL. While the connection is down (a restart of Postgres) the
 * cache is emptied and kept empty, so every request reads the login until listening resumes.
 */
@Injectable()
export class LoginChanges implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('LoginChanges');
  private client: Client | null = null;
  private stopped = false;
  private retry: NodeJS.Timeout | null = null;
  private listening = false;

  constructor(
    @Inject(ENV) private readonly env: Env,
    private readonly sessions: SessionCache,
  ) {}

  /** the server process of the listening connection (none while not listening) */
  backendPid(): number | undefined {
    return this.listening ? (this.client as unknown as { processID?: number } | null)?.processID : undefined;
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.listen(RETRY_MS.first);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    const c = this.client;
    this.client = null;
    await c?.end().catch(() => undefined);
  }

  private async listen(nextDelay: number): Promise<void> {
    if (this.stopped) return;
    const client = new Client({ connectionString: databaseUrl(this.env), application_name: 'qf-api-login-changes' });
    let listened = false;
    const lost = (why: string) => {
      if (this.client !== client) return;
      this.client = null;
      this.listening = false;
      this.sessions.suspend();
      client.end().catch(() => undefined);
      if (this.stopped) return;
      this.log.warn(`not listening for login changes (${why}): logins are read on every request until it resumes`);
      // a connection that listened and was lost is tried again soon; one that never listened, less and less often
      const delay = listened ? RETRY_MS.first : nextDelay;
      this.retry = setTimeout(() => void this.listen(Math.min(delay * 2, RETRY_MS.max)), delay);
    };
    client.on('notification', (n) => {
      if (n.channel === LOGIN_CHANGES_CHANNEL && n.payload) this.sessions.forget(n.payload);
    });
    client.on('error', (e) => lost(e.message));
    client.on('end', () => lost('connection ended'));
    this.client = client;
    try {
      await client.connect();
      await client.query(`LISTEN ${LOGIN_CHANGES_CHANNEL}`);
      // anything cached before listening may have changed unseen
      this.sessions.resume();
      this.listening = listened = true;
    } catch (e) {
      lost((e as Error).message);
    }
  }
}
