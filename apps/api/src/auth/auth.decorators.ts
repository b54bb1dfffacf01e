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

/** O-2 roles that act company-wide in every process (the common core of every "staff" list): they see every record. */
export const ORG_WIDE_ROLES: readonly Role[] = ['admin', 'hr', 'leadership'];
/**
 * Roles that see every case and ledger row (row scoping, issue 3): the company-wide roles and the complaint teams, who
 * work on every complaint of the company (C-2 verification team, C-3 working group). A process team that acts only
 * through its tasks (the star committee, S-8) sees those cases through them; team leads and branch heads see their
 * unit's subtree.
 */
export const SEE_ALL_ROLES: readonly Role[] = [...ORG_WIDE_ROLES, 'verifier', 'ruling-lead'];
export const seesAll = (u: RequestUser) => u.roles.some((r) => SEE_ALL_ROLES.includes(r));
/** The user as the repositories' row scoping takes it (libs/persistence ScopeUser). */
export const scopeOf = (u: RequestUser): ScopeUser => ({ ...u, seesAll: seesAll(u) });
