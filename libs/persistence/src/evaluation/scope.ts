import type { Where } from '../core/list-page';

/**
 * Who reads closed orders and their evaluations: everything (admins, managers), or the orders of the reader's unit
 * subtree plus the evaluations assigned to them (team leads, foremen and dispatchers — issue 12).
 */
export type OrderScope = { all: true } | { all: false; userId: string; unitId: string | null };

const subtree = (unitParam: string) =>
  `(WITH RECURSIVE sub AS (SELECT id FROM org_units WHERE id = ${unitParam}::uuid
     UNION ALL SELECT o.id FROM org_units o JOIN sub ON o.parent_id = sub.id) SELECT id FROM sub)`;

/** SQL condition on `w` (work_orders) and, when given, `ev` (one evaluation of it) for what the reader may see. */
export function orderScopeSql(scope: OrderScope, where: Where, evaluation?: 'ev'): string | null {
  if (scope.all) return null;
  const me = where.param(scope.userId);
  const assigned = evaluation
    ? `${evaluation}.evaluator_user_id = ${me}`
    : `EXISTS (SELECT 1 FROM evaluations se WHERE se.order_id = w.id AND se.evaluator_user_id = ${me})`;
  if (!scope.unitId) return `(${assigned})`;
  return `(w.team_unit_id IN ${subtree(where.param(scope.unitId))} OR ${assigned})`;
}
