import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { forbidden, unauthorized } from '../common/errors';
import { IS_PUBLIC, ROLES } from './auth.decorators';
import { AuthService } from './auth.service';
import { Role } from '@qf/contracts';

interface TokenPayload {
  sub: string;
  tv: number;
  exp: number;
}

/** Global guard: a valid, unrevoked bearer token (401), then the endpoint's roles (403). */
@Injectable()
export class AuthGuard implements CanActivate {
  /** tokens whose signature this process checked (the exact token string: a forged one never matches) */
  private readonly tokens = new Map<string, TokenPayload>();

  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly auth: AuthService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const req = ctx.switchToHttp().getRequest();
    const header: string | undefined = req.headers.authorization;
    if (!header?.startsWith('Bearer '))
      throw unauthorized('authentication required: send Authorization: Bearer <token>', 'auth.required');
    const payload = await this.verified(header.slice(7));
    const user = await this.auth.sessionUser(payload);
    if (!user) throw unauthorized('token is no longer valid: log in again', 'auth.session_expired');
    req.user = user;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets);
    if (roles && !roles.some((r) => user.roles.includes(r)))
      throw forbidden(`this needs one of the roles: ${roles.join(', ')}`, 'forbidden.role', {
        roles: roles.join(', '),
      });
    return true;
  }

  /**
   * The payload of a token whose signature was checked before (until its `exp`, as jsonwebtoken counts it), else
   * verified now (issue 18: the HMAC and JSON of every request). Revocation is not here: sessionUser checks it.
   */
  private async verified(token: string): Promise<TokenPayload> {
    const known = this.tokens.get(token);
    if (known && Math.floor(Date.now() / 1000) < known.exp) return known;
    let payload: TokenPayload;
    try {
      payload = await this.jwt.verifyAsync<TokenPayload>(token);
    } catch {
      this.tokens.delete(token);
      throw unauthorized('token is invalid or expired: log in again', 'auth.session_expired');
    }
    if (typeof payload.exp === 'number') {
      if (this.tokens.size >= 10_000) this.tokens.clear(); // bounded: at worst one more verify per token
      this.tokens.set(token, payload);
    }
    return payload;
  }
}
