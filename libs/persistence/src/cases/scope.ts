import type { Where } from '../core/list-page';

/** Who asks, for row scoping: the login, its employee and unit, its roles, and whether a role sees every record. */
export interface ScopeUser {
  id: string;
  employeeId: string | null;
  unitId: string | null;
  roles: readonly string[];
  /** a role that sees every case and employee (admin, HR, the process teams: api auth SEE_ALL_ROLES) */
  seesAll: boolean;
}

const leadsUnit = (u: ScopeUser) => !!u.unitId && u.roles.some((x) => x === 'team-lead' || x === 'branch-head');

/** SQL: the ids of a unit's subtree (the unit and every unit below it). */
const subtree = (unit: string) => `(WITH RECURSIVE sub AS (SELECT id FROM org_units WHERE id = ${unit}
      UNION ALL SELECT o.id FROM org_units o JOIN sub ON o.parent_id = sub.id) SELECT id FROM sub)`;

/**
 * Row scoping (issue 3): SQL condition on `c` (cases) for what a user may see. Admin, HR and the process teams see
 * all; a team lead or branch head sees the cases of their unit's subtree; everyone sees cases about them, raised by
 * them, or with a task for them.
 */
export function caseScope(user: ScopeUser, w: Where): string {
  if (user.seesAll) return 'TRUE';
  const [u, e, r] = [w.param(user.id), w.param(user.employeeId), w.param(user.roles)];
  const own = `(c.created_by = ${u} OR ${e}::uuid = ANY(c.subject_employee_ids)
    OR EXISTS (SELECT 1 FROM tasks t2 WHERE t2.case_id = c.id AND (t2.assignee_user_id = ${u} OR (t2.assignee_user_id IS NULL AND t2.assignee_role = ANY(${r}::text[])))))`;
  if (!leadsUnit(user)) return own;
  const unit = w.param(user.unitId);
  return `(${own} OR c.unit_id IN ${subtree(unit)}
    OR EXISTS (SELECT 1 FROM employees se WHERE se.id = ANY(c.subject_employee_ids) AND se.unit_id IN ${subtree(unit)}))`;
}

/** Cases `c` a user started or is named in (我的流程, issue 17). */
export function caseIsMine(user: ScopeUser, w: Where): string {
  const [u, e] = [w.param(user.id), w.param(user.employeeId)];
  return `(c.created_by = ${u} OR ${e}::uuid = ANY(c.subject_employee_ids))`;
}

/** Tasks `t` a user may act on: assigned to them, or to a role they hold, unassigned and not claimed by another. */
export function taskIsMine(user: ScopeUser, w: Where): string {
  const [u, r] = [w.param(user.id), w.param(user.roles)];
  return `(t.assignee_user_id = ${u} OR (t.assignee_user_id IS NULL AND t.assignee_role = ANY(${r}::text[]) AND (t.claimed_by IS NULL OR t.claimed_by = ${u})))`;
}

/**
 * Row scoping of employee records `e`: everyone sees their own; a team lead or branch head also sees the people of
 * their unit's subtree (e.g. to nominate a team member for a star, S-6); admin, HR and the process teams see all.
 */
export function employeeScope(user: ScopeUser, w: Where): string {
  if (user.seesAll) return 'TRUE';
  const own = `e.id = ${w.param(user.employeeId)}`;
  if (!leadsUnit(user)) return own;
  return `(${own} OR e.unit_id IN ${subtree(w.param(user.unitId))})`;
}

/**
 * The lists' free-text search (`filter.q`) on a case `c`: its title, 业务编号 (工单号 for work-order complaints),
 * the complaint's 工单号 and customer, and the people it is about (employee name or 工号).
 */
export function caseSearch(q: unknown, w: Where): string | null {
  if (typeof q !== 'string' && typeof q !== 'number') return null;
  const text = String(q).trim();
  if (!text) return null;
  const p = w.param(`%${text.replace(/[\\%_]/g, (m) => `\\${m}`)}%`);
  return `(c.title ILIKE ${p} OR c.business_key ILIKE ${p}
    OR c.data->'complaint'->>'workOrderNo' ILIKE ${p} OR c.data->'complaint'->>'customer' ILIKE ${p}
    OR EXISTS (SELECT 1 FROM employees se WHERE se.id = ANY(c.subject_employee_ids) AND (se.name ILIKE ${p} OR se.code ILIKE ${p})))`;
}
