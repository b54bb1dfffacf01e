import { OrderScope } from '@qf/persistence';
import { RequestUser, seesAll } from '../auth/auth.decorators';

/**
 * Closed orders and their evaluations a user may read (issue 12): admins, managers and the see-all roles everything;
 * team leads, foremen and dispatchers the orders of their unit's subtree and the evaluations assigned to them.
 */
export function orderScope(user: RequestUser): OrderScope {
  return seesAll(user) || user.roles.includes('manager')
    ? { all: true }
    : { all: false, userId: user.id, unitId: user.unitId };
}

/** The roles that work with closed orders and evaluations. */
export const ORDER_ROLES = ['admin', 'dispatcher', 'manager', 'foreman', 'team-lead'] as const;
