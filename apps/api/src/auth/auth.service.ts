import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import * as argon2 from 'argon2';
import { DataSource } from 'typeorm';
import { LoginInput, LoginResult } from '@qf/contracts';
import { appendAudit, loginById, loginByUsername, LoginRow, revokeTokens } from '@qf/persistence';
import { ApiError } from '../common/errors';
import { Env, ENV } from '../config';
import { RequestUser } from './auth.decorators';
import { LoginBackoff } from './login-backoff';
import { SessionCache } from './session-cache';

// A fixed hash so an unknown username costs the same time as a wrong password.
const DUMMY_HASH = '$argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHRzb21lc2FsdA$0yK8r9sY5K3Hh4w1d5w0QmTqO3m0Yb0sQm5lqz7c8aE';

const requestUser = (r: LoginRow): RequestUser => ({
  id: r.id,
  username: r.username,
  displayName: r.displayName,
  roles: r.roles as RequestUser['roles'],
  employeeId: r.employeeId,
  unitId: r.unitId,
});

/** Sign-in (per-account backoff, audited attempts), sign-out (token revocation), and the session behind a token. */
@Injectable()
export class AuthService {
  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    private readonly jwt: JwtService,
    @Inject(ENV) private readonly env: Env,
    private readonly backoff: LoginBackoff,
    private readonly sessions: SessionCache<LoginRow>,
  ) {}

  /** `body.username` is normalised by LoginSchema (the same form keys the per-client throttle). */
  async login(body: LoginInput, client: string): Promise<LoginResult> {
    const wait = await this.backoff.waitSeconds(body.username, client);
    if (wait > 0)
      throw new ApiError(
        HttpStatus.TOO_MANY_REQUESTS,
        `too many failed logins for this account: wait ${wait} s and try again`,
        undefined,
        'auth.too_many_attempts',
        { wait },
        { 'Retry-After': String(wait) },
      );
    const row = await loginByUsername(this.ds, body.username);
    const ok = await argon2.verify(row?.hash ?? DUMMY_HASH, body.password).catch(() => false);
    if (!row || !ok || !row.active) {
      await this.backoff.failed(body.username);
      await this.audit('auth.login_failed', row?.id ?? null, body.username, client);
      throw new ApiError(HttpStatus.UNAUTHORIZED, 'wrong username or password', undefined, 'auth.wrong_credentials');
    }
    await this.backoff.succeeded(body.username, client);
    await this.audit('auth.login', row.id, row.username, client);
    const accessToken = await this.jwt.signAsync({ sub: row.id, username: row.username, tv: row.tv });
    return { accessToken, expiresIn: this.env.JWT_TTL_SECONDS, user: requestUser(row) };
  }

  /** Revokes every token of the user (token version bump). */
  async logout(user: RequestUser, client: string): Promise<void> {
    await revokeTokens(this.ds, user.id);
    this.sessions.forget(user.id);
    await this.audit('auth.logout', user.id, user.username, client);
  }

  /**
   * The user of a verified token payload, or null when the login is gone, inactive or the token revoked. The login is
   * read through SessionCache (sign-out and user/employee changes in this process forget it at once; else ≤ its TTL).
   */
  async sessionUser(payload: { sub: string; tv: number }): Promise<RequestUser | null> {
    const row = await this.sessions.get(payload.sub, (id) => loginById(this.ds, id));
    return row && row.active && row.tv === payload.tv ? requestUser(row) : null;
  }

  /** Sign-ins, failed attempts and sign-outs are audited like every other write (the attempted name for a failure). */
  private async audit(action: string, userId: string | null, name: string, client: string): Promise<void> {
    await appendAudit(this.ds, {
      actor: { id: userId, name },
      action,
      entity: 'user',
      entityId: userId,
      details: { client },
    });
  }
}
