import { CaseView, TaskView } from '@qf/contracts';
import { DataSource } from 'typeorm';

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

/** SQL: the display name of a user id expression — 姓名（工号） when the login has an employee, else its display name. */
export const userNameSql = (userId: string) =>
  `(SELECT COALESCE(pe.name || '（' || pe.code || '）', pu.display_name) FROM users pu LEFT JOIN employees pe ON pe.id = pu.employee_id WHERE pu.id = ${userId})`;

/** SQL select list for a case row, mapped to CaseView by toCaseView. */
export const CASE_COLUMNS = `c.id, c.kind, c.business_key, c.title, c.status, c.stage, c.outcome, c.waiting_on, c.waiting_since, c.due_at,
  c.workflow_id, c.policy_version, c.flow_version, c.data, c.created_by, ${userNameSql('c.created_by')} AS created_by_name, c.created_at, c.updated_at,
  (SELECT jsonb_object_agg(wu.id::text, COALESCE(we.name || '（' || we.code || '）', wu.display_name)) FROM users wu LEFT JOIN employees we ON we.id = wu.employee_id
    WHERE wu.id::text IN (SELECT w->>'userId' FROM jsonb_array_elements(CASE WHEN jsonb_typeof(c.waiting_on) = 'array' THEN c.waiting_on ELSE '[]'::jsonb END) w)) AS waiting_names`;

/** `temporalUrl` is null unless given (admins only: the Temporal Web UI can reset and terminate workflows). */
export function toCaseView(r: any, temporalUrl: ((wf: string) => string) | null): CaseView {
  const waitingNames: Record<string, string> = r.waiting_names ?? {};
  const waitingOn = Array.isArray(r.waiting_on)
    ? r.waiting_on.map((w: { userId?: string }) =>
        w?.userId && waitingNames[w.userId] ? { ...w, name: waitingNames[w.userId] } : w,
      )
    : r.waiting_on;
  return {
    id: r.id,
    kind: r.kind,
    businessKey: r.business_key,
    title: r.title,
    status: r.status,
    stage: r.stage,
    outcome: r.outcome,
    waitingOn,
    waitingSince: iso(r.waiting_since),
    dueAt: iso(r.due_at),
    workflowId: r.workflow_id,
    temporalUrl: temporalUrl ? temporalUrl(r.workflow_id) : null,
    policyVersion: r.policy_version,
    flowVersion: r.flow_version,
    data: r.data,
    createdBy: r.created_by,
    createdByName: r.created_by_name ?? null,
    createdAt: iso(r.created_at)!,
    updatedAt: iso(r.updated_at)!,
  };
}

export const TASK_COLUMNS = `t.id, t.case_id, c.title AS case_title, c.kind, t.workflow_id, t.stage, t.stage_label, t.assignee_role, t.assignee_user_id,
  t.claimed_by, t.status, t.decision, t.decided_by, t.decided_at, t.allowed_actions, t.due_at, t.created_at,
  ${userNameSql('t.assignee_user_id')} AS assignee_name, ${userNameSql('t.claimed_by')} AS claimed_by_name, ${userNameSql('t.decided_by')} AS decided_by_name`;

export function toTaskView(r: any, now = Date.now()): TaskView {
  return {
    id: r.id,
    caseId: r.case_id,
    caseTitle: r.case_title,
    kind: r.kind,
    workflowId: r.workflow_id,
    stage: r.stage,
    stageLabel: r.stage_label,
    assigneeRole: r.assignee_role,
    assigneeUserId: r.assignee_user_id,
    assigneeName: r.assignee_name ?? null,
    claimedBy: r.claimed_by,
    claimedByName: r.claimed_by_name ?? null,
    status: r.status,
    decision: r.decision,
    decidedBy: r.decided_by,
    decidedByName: r.decided_by_name ?? null,
    decidedAt: iso(r.decided_at),
    allowedActions: r.allowed_actions,
    dueAt: iso(r.due_at),
    createdAt: iso(r.created_at)!,
    overdue: r.status === 'open' && !!r.due_at && new Date(r.due_at).getTime() < now,
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Every UUID-shaped string in a value (deep). */
export function collectUuids(value: unknown, into = new Set<string>()): Set<string> {
  if (typeof value === 'string') {
    if (UUID.test(value)) into.add(value.toLowerCase());
  } else if (Array.isArray(value)) value.forEach((v) => collectUuids(v, into));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => collectUuids(v, into));
  return into;
}

/**
 * Display names of person ids: employees as 姓名（工号）, users as 姓名（工号） of their employee or their display name,
 * org units by name. Ids that are none of these are left out.
 */
export async function resolveNames(
  ds: DataSource | { query: DataSource['query'] },
  ids: Iterable<string>,
): Promise<Record<string, string>> {
  const list = [...new Set(ids)];
  if (!list.length) return {};
  const rows: { id: string; name: string }[] = await ds.query(
    `SELECT e.id::text AS id, e.name || '（' || e.code || '）' AS name FROM employees e WHERE e.id::text = ANY($1::text[])
     UNION ALL SELECT u.id::text, COALESCE(e.name || '（' || e.code || '）', u.display_name) FROM users u LEFT JOIN employees e ON e.id = u.employee_id WHERE u.id::text = ANY($1::text[])
     UNION ALL SELECT o.id::text, o.name FROM org_units o WHERE o.id::text = ANY($1::text[])`,
    [list],
  );
  return Object.fromEntries(rows.map((r) => [r.id, r.name]));
}
