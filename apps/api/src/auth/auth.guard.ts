import { CanActivate, ExecutionContext, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { DataSource } from 'typeorm';
import { forbidden } from '../common/errors';
import { IS_PUBLIC, RequestUser, ROLES } from './auth.decorators';
import { Role } from '@qf/contracts';

/** Global guard: a valid, unrevoked bearer token (401), then the endpoint's roles (403). */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    @Inject(DataSource) private readonly ds: DataSource,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const req = ctx.switchToHttp().getRequest();
    const header: string | undefined = req.headers.authorization;
    if (!header?.startsWith('Bearer '))
      throw new UnauthorizedException('authentication required: send Authorization: Bearer <token>');
    let payload: { sub: string; tv: number };
    try {
      payload = await this.jwt.verifyAsync(header.slice(7));
    } catch {
      throw new UnauthorizedException('token is invalid or expired: log in again');
    }
    const [row] = await this.ds.query(
      `SELECT u.id, u.username, u.display_name AS "displayName", u.roles, u.employee_id AS "employeeId", e.unit_id AS "unitId", u.token_version AS tv, u.active
       FROM users u LEFT JOIN employees e ON e.id = u.employee_id WHERE u.id = $1`,
      [payload.sub],
    );
    if (!row || !row.active || row.tv !== payload.tv)
      throw new UnauthorizedException('token is no longer valid: log in again');
    const user: RequestUser = {
      id: row.id,
      username: row.username,
      displayName: row.displayName,
      roles: row.roles,
      employeeId: row.employeeId,
      unitId: row.unitId,
    };
    req.user = user;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets);
    if (roles && !roles.some((r) => user.roles.includes(r)))
      throw forbidden(`this needs one of the roles: ${roles.join(', ')}`);
    return true;
  }
}
