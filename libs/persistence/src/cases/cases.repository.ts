import type { Queryable } from '../core/queryable';
import { PageSpec, selectPage, Where } from '../core/list-page';
import { caseIsMine, caseScope, caseSearch, ScopeUser, taskIsMine } from './scope';

/**
 * SQL: the display name of a user id expression — 姓名（工号） when the login has an employee, else its display name.
 * The employee is a nested look-up by primary key: as a join, the planner hashed the whole employees table once per
 * row of a list (issue 18).
 */
export const userNameSql = (userId: string) =>
  `(SELECT COALESCE((SELECT pe.name || '（' || pe.code || '）' FROM employees pe WHERE pe.id = pu.employee_id), pu.display_name) FROM users pu WHERE pu.id = ${userId})`;

/**
 * SQL select list for a case row `c` (the api maps it to CaseView). The names of the users a case waits on are looked
 * up only when it waits on a user (most wait on a role: the sub-query per row cost a list ~0.1 ms of Postgres, issue 18).
 */
export const CASE_COLUMNS = `c.id, c.kind, c.business_key, c.title, c.status, c.stage, c.outcome, c.waiting_on, c.waiting_since, c.due_at,
  c.workflow_id, c.policy_version, c.flow_version, c.data, c.created_by, ${userNameSql('c.created_by')} AS created_by_name, c.created_at, c.updated_at,
  CASE WHEN jsonb_typeof(c.waiting_on) = 'array' AND c.waiting_on @? '$[*].userId' THEN
  (SELECT jsonb_object_agg(wu.id::text, COALESCE(we.name || '（' || we.code || '）', wu.display_name)) FROM users wu LEFT JOIN employees we ON we.id = wu.employee_id
    WHERE wu.id::text IN (SELECT w->>'userId' FROM jsonb_array_elements(c.waiting_on) w)) END AS waiting_names`;

/** a UUID as Postgres writes it (a waiting entry's userId is looked up by primary key only when it is one) */
const UUID_RE = '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$';

/** SQL: a timestamp as JavaScript's toISOString writes it (UTC, milliseconds truncated as a Date holds them). */
const isoSql = (col: string) => `to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * SQL: the JSON text of a case row `c` as the api shows it in a list — CaseView (libs/contracts) without `temporalUrl`,
 * which the api appends (admins only). The same view as the api's toCaseView + scopedCaseData make of a CASE_COLUMNS
 * row (a case waiting on a user gets the user's name; a settlement's `data.totals` only for the org-wide roles), built
 * here so a list page is one text per row: parsing every column and dates of 25 rows in the api and serialising them
 * again was a quarter of the api's CPU per list request (issue 18). test/e2e/case-list-view.e2e-spec.ts holds the two
 * equal.
 */
export const caseViewJsonSql = (orgWide: boolean) => `(SELECT row_to_json(v)::text FROM (SELECT
  c.id, c.kind, c.business_key AS "businessKey", c.title, c.status, c.stage, c.outcome,
  CASE WHEN jsonb_typeof(c.waiting_on) = 'array' AND c.waiting_on @? '$[*].userId' THEN
    (SELECT jsonb_agg(CASE WHEN n.name IS NULL THEN e.w ELSE e.w || jsonb_build_object('name', n.name) END ORDER BY e.i)
     FROM jsonb_array_elements(c.waiting_on) WITH ORDINALITY AS e(w, i)
     LEFT JOIN LATERAL (SELECT COALESCE(we.name || '（' || we.code || '）', wu.display_name) AS name FROM users wu
       LEFT JOIN employees we ON we.id = wu.employee_id
       WHERE wu.id = (CASE WHEN e.w->>'userId' ~ '${UUID_RE}' THEN (e.w->>'userId')::uuid END)
         AND wu.id::text = e.w->>'userId') n ON TRUE)
    ELSE c.waiting_on END AS "waitingOn",
  ${isoSql('c.waiting_since')} AS "waitingSince", ${isoSql('c.due_at')} AS "dueAt", c.workflow_id AS "workflowId",
  c.policy_version AS "policyVersion", c.flow_version AS "flowVersion",
  ${orgWide ? 'c.data' : `CASE WHEN c.kind = 'settlement' AND jsonb_typeof(c.data) = 'object' THEN c.data - 'totals' ELSE c.data END`} AS data,
  c.created_by AS "createdBy", ${userNameSql('c.created_by')} AS "createdByName",
  ${isoSql('c.created_at')} AS "createdAt", ${isoSql('c.updated_at')} AS "updatedAt") v)`;

/**
 * SQL: whether the stage of task `t` (case `c`) may be approved together with others of the same stage — the stage's
 * `batchApprove` flag in the flow version the case pinned (issue 17: stages whose approval needs no form input).
 */
const TASK_BATCH_APPROVE = `COALESCE((SELECT (s->>'batchApprove')::boolean FROM flow_versions fv, jsonb_array_elements(fv.body->'stages') s
    WHERE fv.kind = c.kind AND fv.version = c.flow_version AND s->>'key' = t.stage LIMIT 1), false)`;

/** SQL select list for a task `t` joined to its case `c` (the api maps it to TaskView). */
export const TASK_COLUMNS = `t.id, t.case_id, c.title AS case_title, c.kind, t.workflow_id, t.stage, t.stage_label, t.assignee_role, t.assignee_user_id,
  t.claimed_by, t.status, t.decision, t.decided_by, t.decided_at, t.allowed_actions, t.due_at, t.created_at,
  ${userNameSql('t.assignee_user_id')} AS assignee_name, ${userNameSql('t.claimed_by')} AS claimed_by_name, ${userNameSql('t.decided_by')} AS decided_by_name,
  (SELECT a.details->>'comment' FROM audit_log a WHERE a.case_id = t.case_id AND a.entity = 'task' AND a.entity_id = t.id::text
    AND a.action = 'task.' || t.decision ORDER BY a.id DESC LIMIT 1) AS decision_comment,
  ${TASK_BATCH_APPROVE} AS batch_approve`;

/** A case row (CASE_COLUMNS) with whether the asking user may see it. */
export type CaseRowVisible = Record<string, any> & { visible: boolean };

/** The case of a natural key (kind, business key), with whether `user` may see it. */
export async function caseByKey(
  q: Queryable,
  kind: string,
  businessKey: string,
  user: ScopeUser,
): Promise<CaseRowVisible | undefined> {
  const w = new Where();
  const [k, b] = [w.param(kind), w.param(businessKey)];
  const [r] = await q.query(
    `SELECT ${CASE_COLUMNS}, (${caseScope(user, w)}) AS visible FROM cases c WHERE c.kind = ${k} AND c.business_key = ${b}`,
    w.params,
  );
  return r;
}

/** A case by id, with whether `user` may see it. */
export async function caseById(q: Queryable, id: string, user: ScopeUser): Promise<CaseRowVisible | undefined> {
  const w = new Where();
  const idp = w.param(id);
  const [r] = await q.query(
    `SELECT ${CASE_COLUMNS}, (${caseScope(user, w)}) AS visible FROM cases c WHERE c.id = ${idp}`,
    w.params,
  );
  return r;
}

export interface CaseFilter {
  status?: unknown;
  kind?: unknown;
  stage?: unknown;
  id?: unknown;
  q?: unknown;
  overdue?: unknown;
  unitId?: unknown;
  month?: unknown;
  severity?: unknown;
  source?: unknown;
  /** true: the cases the user started or is named in (我的流程) */
  mine?: unknown;
}

/** One page of the cases `user` may see. `timeZone`: the organisation's zone (the months of `filter.month`). */
export function listCases(
  q: Queryable,
  user: ScopeUser,
  f: CaseFilter,
  page: { orderBy: string; limit: number; offset: number; timeZone: string },
) {
  return selectPage<Record<string, any>>(q, casePage(user, f, page, CASE_COLUMNS));
}

/**
 * The same page as listCases, each row as its list view's JSON text (`caseViewJsonSql`) with its workflow id (the api
 * adds the Temporal link from it). `orgWide`: the user holds an org-wide role (a settlement's totals).
 */
export function listCaseViews(
  q: Queryable,
  user: ScopeUser,
  f: CaseFilter,
  page: { orderBy: string; limit: number; offset: number; timeZone: string },
  orgWide: boolean,
) {
  const columns = `${caseViewJsonSql(orgWide)} AS view, c.workflow_id`;
  return selectPage<{ view: string; workflow_id: string }>(q, casePage(user, f, page, columns));
}

function casePage(
  user: ScopeUser,
  f: CaseFilter,
  page: { orderBy: string; limit: number; offset: number; timeZone: string },
  columns: string,
): PageSpec {
  const w = new Where();
  w.and(caseScope(user, w)).eq('c.status', f.status).eq('c.kind', f.kind).eq('c.stage', f.stage).anyOf('c.id', f.id);
  w.and(caseSearch(f.q, w));
  if (f.overdue === true) w.and(`c.status = 'open' AND c.due_at < now()`);
  w.eq('c.unit_id::text', f.unitId);
  if (f.month) w.eq(`to_char(c.created_at AT TIME ZONE ${w.param(page.timeZone)}, 'YYYY-MM')`, f.month);
  w.eq(`COALESCE(c.data->'ruling'->>'severity', c.data->'complaint'->>'severity')`, f.severity);
  w.eq(`c.data->'complaint'->>'source'`, f.source);
  if (f.mine === true) w.and(caseIsMine(user, w));
  return {
    columns,
    from: 'FROM cases c',
    where: w,
    orderBy: page.orderBy,
    tieBreaker: 'c.id',
    limit: page.limit,
    offset: page.offset,
  };
}

export interface TaskFilter {
  mine?: unknown;
  overdue?: unknown;
  status?: unknown;
  caseId?: unknown;
  role?: unknown;
  kind?: unknown;
  q?: unknown;
  id?: unknown;
  /** 'mine': the tasks the user decided (已办), newest decision first by default of the console */
  done?: unknown;
}

const text = (v: unknown) => (typeof v === 'string' ? v : undefined);

/** One page of the tasks of the cases `user` may see (`mine`: the ones they may act on). */
export function listTasks(
  q: Queryable,
  user: ScopeUser,
  f: TaskFilter,
  page: { orderBy: string; limit: number; offset: number },
) {
  const w = new Where();
  w.and(caseScope(user, w));
  if (f.mine === true) w.and(taskIsMine(user, w));
  if (f.overdue === true) w.and(`t.status = 'open' AND t.due_at < now()`);
  if (f.done === 'mine') w.and(`t.decided_by = ${w.param(user.id)} AND t.decision IS NOT NULL`);
  w.eq('t.status', text(f.status)).eq('t.case_id::text', text(f.caseId)).eq('t.assignee_role', text(f.role));
  w.eq('c.kind', text(f.kind)).and(caseSearch(f.q, w)).anyOf('t.id', f.id);
  return selectPage<Record<string, any>>(q, {
    columns: TASK_COLUMNS,
    from: 'FROM tasks t JOIN cases c ON c.id = t.case_id',
    where: w,
    orderBy: page.orderBy,
    tieBreaker: 't.id',
    limit: page.limit,
    offset: page.offset,
  });
}

/** A task by id with whether `user` may see its case (`visible`) and act on it (`mine`), and its workflow. */
export async function taskById(
  q: Queryable,
  id: string,
  user: ScopeUser,
): Promise<(Record<string, any> & { visible: boolean; mine: boolean }) | undefined> {
  const w = new Where();
  const idp = w.param(id);
  const [r] = await q.query(
    `SELECT ${TASK_COLUMNS}, (${caseScope(user, w)}) AS visible, (${taskIsMine(user, w)}) AS mine
     FROM tasks t JOIN cases c ON c.id = t.case_id WHERE t.id = ${idp}`,
    w.params,
  );
  return r;
}

/** The status of one task (re-read after a transient Temporal error). */
export async function taskStatus(q: Queryable, id: string): Promise<string | null> {
  const [r] = await q.query(`SELECT status FROM tasks WHERE id = $1`, [id]);
  return r?.status ?? null;
}

/** A case's tasks in the order they were opened. */
export function caseTasks(q: Queryable, caseId: string): Promise<Record<string, any>[]> {
  return q.query(
    `SELECT ${TASK_COLUMNS} FROM tasks t JOIN cases c ON c.id = t.case_id WHERE t.case_id = $1 ORDER BY t.created_at, t.slot`,
    [caseId],
  );
}

/** A case's audit entries (its 审批记录), oldest first, with the actor's display name. */
export function caseTimeline(q: Queryable, caseId: string): Promise<Record<string, any>[]> {
  return q.query(
    `SELECT a.at, a.actor, a.actor_id, ${userNameSql('COALESCE(a.actor_id, (SELECT au.id FROM users au WHERE au.username = a.actor))')} AS actor_name, a.action, a.details->>'stage' AS stage, a.details
     FROM audit_log a WHERE a.case_id = $1 ORDER BY a.at, a.id`,
    [caseId],
  );
}

/** The body of one flow version (the one a case pinned). */
export async function flowVersionBody(q: Queryable, kind: string, version: number): Promise<any> {
  const [r] = await q.query(`SELECT body FROM flow_versions WHERE kind = $1 AND version = $2`, [kind, version]);
  return r?.body ?? null;
}

/** The body of one policy version (the one a case pinned). */
export async function policyVersionBody(q: Queryable, version: number): Promise<any> {
  const [r] = await q.query(`SELECT body FROM policy_versions WHERE version = $1`, [version]);
  return r?.body ?? null;
}

/** A case row (CASE_COLUMNS) by id, without scoping (after its registration). */
export async function caseRow(q: Queryable, id: string): Promise<Record<string, any> | undefined> {
  const [r] = await q.query(`SELECT ${CASE_COLUMNS} FROM cases c WHERE c.id = $1`, [id]);
  return r;
}

/**
 * Display names of person ids: employees as 姓名（工号）, users as 姓名（工号） of their employee or their display name,
 * org units by name. Ids that are none of these are left out.
 */
export async function resolveNames(q: Queryable, ids: Iterable<string>): Promise<Record<string, string>> {
  const list = [...new Set(ids)];
  if (!list.length) return {};
  const rows: { id: string; name: string }[] = await q.query(
    `SELECT e.id::text AS id, e.name || '（' || e.code || '）' AS name FROM employees e WHERE e.id::text = ANY($1::text[])
     UNION ALL SELECT u.id::text, COALESCE(e.name || '（' || e.code || '）', u.display_name) FROM users u LEFT JOIN employees e ON e.id = u.employee_id WHERE u.id::text = ANY($1::text[])
     UNION ALL SELECT o.id::text, o.name FROM org_units o WHERE o.id::text = ANY($1::text[])`,
    [list],
  );
  return Object.fromEntries(rows.map((r) => [r.id, r.name]));
}
