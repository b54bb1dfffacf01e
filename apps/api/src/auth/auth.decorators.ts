import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { Role } from '@qf/contracts';
import type { ScopeUser } from '@qf/persistence';

export const IS_PUBLIC = 'qf:public';
export const ROLES = 'qf:roles';
/** Endpoint open without a token (login, health). */
export const Public = () => SetMetadata(IS_PUBLIC, true);
/** Roles allowed on an endpoint (any of them); without it, any signed-in user. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES, roles);

export interface RequestUser {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  employeeId: string | null;
  unitId: string | null;
}
export const CurrentUser = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): RequestUser => ctx.switchToHttp().getRequest().user,
);

/** Roles that see every case and ledger row (row scoping, issue 3). */
export const SEE_ALL_ROLES: Role[] = ['admin', 'hr', 'leadership', 'verifier', 'ruling-lead'];
export const seesAll = (u: RequestUser) => u.roles.some((r) => SEE_ALL_ROLES.includes(r));
/** The user as the repositories' row scoping takes it (libs/persistence ScopeUser). */
export const scopeOf = (u: RequestUser): ScopeUser => ({ ...u, seesAll: seesAll(u) });
