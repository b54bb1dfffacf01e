import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { forbidden, unauthorized } from '../common/errors';
import { IS_PUBLIC, ROLES } from './auth.decorators';
import { AuthService } from './auth.service';
import { Role } from '@qf/contracts';

/** Global guard: a valid, unrevoked bearer token (401), then the endpoint's roles (403). */
@Injectable()
export class AuthGuard implements CanActivate {
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
    let payload: { sub: string; tv: number };
    try {
      payload = await this.jwt.verifyAsync(header.slice(7));
    } catch {
      throw unauthorized('token is invalid or expired: log in again', 'auth.session_expired');
    }
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
}
