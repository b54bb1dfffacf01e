import type { Queryable } from '../core/queryable';
import { selectPage, Where } from '../core/list-page';
import { userNameSql } from '../cases/cases.repository';

export interface AuditFilter {
  caseId?: unknown;
  /** the actor by login name, 姓名 or 工号 */
  actor?: unknown;
  workflowId?: unknown;
  /** an action prefix, e.g. `task.` */
  action?: unknown;
  from?: unknown;
  to?: unknown;
}

const AUDIT_COLS = `a.id, a.at, a.actor_id AS "actorId", a.actor, ${userNameSql('COALESCE(a.actor_id, (SELECT au.id FROM users au WHERE au.username = a.actor))')} AS "actorName",
  a.action, a.entity, a.entity_id AS "entityId", a.case_id AS "caseId", (SELECT ac.title FROM cases ac WHERE ac.id = a.case_id) AS "caseTitle",
  a.workflow_id AS "workflowId", a.before, a.after, a.details`;

/** One page of the append-only audit log. */
export function listAuditLog(q: Queryable, f: AuditFilter, page: { orderBy: string; limit: number; offset: number }) {
  const w = new Where();
  const text = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
  w.eq('a.case_id::text', text(f.caseId));
  const actor = text(f.actor);
  if (actor) {
    const p = w.param(actor);
    w.and(`(a.actor = ${p} OR EXISTS (SELECT 1 FROM users fu LEFT JOIN employees fe ON fe.id = fu.employee_id
      WHERE (fu.id = a.actor_id OR fu.username = a.actor) AND (fe.name = ${p} OR fe.code = ${p} OR fu.display_name = ${p})))`);
  }
  w.eq('a.workflow_id', text(f.workflowId));
  if (text(f.action)) w.and(`a.action LIKE ${w.param(f.action)} || '%'`);
  if (text(f.from)) w.and(`a.at >= ${w.param(f.from)}::timestamptz`);
  if (text(f.to)) w.and(`a.at < ${w.param(f.to)}::timestamptz`);
  return selectPage(q, { columns: AUDIT_COLS, from: 'FROM audit_log a', where: w, tieBreaker: 'a.id', ...page });
}
