import { RequestUser, seesAll } from '../auth/auth.decorators';

/**
 * Row scoping (issue 3): SQL condition on `c` (cases) for what a user may see, with its parameters
 * appended to `params`. Admin, HR and the process teams see all; a team lead or branch head sees the cases
 * of their unit's subtree; everyone sees cases about them, raised by them, or with a task for them.
 */
export function caseScope(user: RequestUser, params: unknown[]): string {
  if (seesAll(user)) return 'TRUE';
  params.push(user.id, user.employeeId, user.roles);
  const [u, e, r] = [params.length - 2, params.length - 1, params.length];
  const own = `(c.created_by = $${u} OR $${e}::uuid = ANY(c.subject_employee_ids)
    OR EXISTS (SELECT 1 FROM tasks t2 WHERE t2.case_id = c.id AND (t2.assignee_user_id = $${u} OR (t2.assignee_user_id IS NULL AND t2.assignee_role = ANY($${r}::text[])))))`;
  if (!user.unitId || !user.roles.some((x) => x === 'team-lead' || x === 'branch-head')) return own;
  params.push(user.unitId);
  const unit = params.length;
  return `(${own} OR c.unit_id IN (WITH RECURSIVE sub AS (SELECT id FROM org_units WHERE id = $${unit}
      UNION ALL SELECT o.id FROM org_units o JOIN sub ON o.parent_id = sub.id) SELECT id FROM sub)
    OR EXISTS (SELECT 1 FROM employees se WHERE se.id = ANY(c.subject_employee_ids) AND se.unit_id IN (WITH RECURSIVE sub AS (SELECT id FROM org_units WHERE id = $${unit}
      UNION ALL SELECT o.id FROM org_units o JOIN sub ON o.parent_id = sub.id) SELECT id FROM sub)))`;
}

/** Tasks a user may act on: assigned to them, or to a role they hold and unassigned. */
export function taskIsMine(user: RequestUser, params: unknown[]): string {
  params.push(user.id, user.roles);
  const [u, r] = [params.length - 1, params.length];
  return `(t.assignee_user_id = $${u} OR (t.assignee_user_id IS NULL AND t.assignee_role = ANY($${r}::text[]) AND (t.claimed_by IS NULL OR t.claimed_by = $${u})))`;
}

/**
 * Row scoping of employee records: everyone sees their own; a team lead or branch head also sees the people of their
 * unit's subtree (e.g. to nominate a team member for a star, S-6); admin, HR and the process teams see all.
 */
export function employeeScope(user: RequestUser, params: unknown[]): string {
  if (seesAll(user)) return 'TRUE';
  params.push(user.employeeId);
  const own = `e.id = $${params.length}`;
  if (!user.unitId || !user.roles.some((x) => x === 'team-lead' || x === 'branch-head')) return own;
  params.push(user.unitId);
  return `(${own} OR e.unit_id IN (WITH RECURSIVE sub AS (SELECT id FROM org_units WHERE id = $${params.length}
      UNION ALL SELECT o.id FROM org_units o JOIN sub ON o.parent_id = sub.id) SELECT id FROM sub))`;
}
