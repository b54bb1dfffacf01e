import type { Queryable } from '../core/queryable';
import { selectPage, Where } from '../core/list-page';

/**
 * E-8, the one definition of overdue (board cards, rows and the filter alike): not yet confirmed, and either past its
 * meeting while open or submitted after it (the workflow's flag). A confirmed item submitted late is `late`, not overdue.
 */
const OVERDUE_SQL = `(r.status <> 'confirmed' AND (r.overdue OR (r.status = 'open' AND r.due_at < now())))`;
const LATE_SQL = `(r.submitted_at IS NOT NULL AND r.due_at IS NOT NULL AND r.submitted_at > r.due_at)`;
/** open and due in the current local week (Monday to Sunday in the policy's time zone `tz`, a parameter) */
const dueThisWeekSql = (tz: string) =>
  `(r.status = 'open' AND r.due_at >= date_trunc('week', now() AT TIME ZONE ${tz}) AT TIME ZONE ${tz}
    AND r.due_at < (date_trunc('week', now() AT TIME ZONE ${tz}) + interval '7 days') AT TIME ZONE ${tz})`;
const COLUMNS = `r.case_id AS id, r.case_id AS "caseId", r.origin, r.internal, r.order_no AS "orderNo", r.description,
  r.team_unit_id AS "teamUnitId", t.name AS "teamName", b.id AS "branchId", b.name AS "branchName", r.meeting_id AS "meetingId",
  m.title AS "meetingTitle", m.scheduled_at AS "meetingAt", r.due_at AS "dueAt", r.status, ${OVERDUE_SQL} AS overdue,
  ${LATE_SQL} AS late, r.opened_at AS "openedAt", r.submitted_at AS "submittedAt",
  c.waiting_on AS "waitingOn", c.waiting_since AS "waitingSince", c.stage`;
const FROM = `FROM rectifications r JOIN cases c ON c.id = r.case_id JOIN org_units t ON t.id = r.team_unit_id
  LEFT JOIN org_units b ON b.id = t.parent_id AND b.kind = 'branch' LEFT JOIN meetings m ON m.id = r.meeting_id`;

/** The sortable fields of the rectification board and their columns. */
export const RECTIFICATION_SORT = { dueAt: 'r.due_at', openedAt: 'r.opened_at', status: 'r.status', id: 'r.case_id' };

export interface RectificationRow {
  id: string;
  caseId: string;
  origin: string;
  internal: boolean;
  orderNo: string | null;
  description: string;
  teamUnitId: string;
  teamName: string;
  branchId: string | null;
  branchName: string | null;
  meetingId: string | null;
  meetingTitle: string | null;
  meetingAt: Date | null;
  dueAt: Date | null;
  status: 'open' | 'submitted' | 'confirmed';
  overdue: boolean;
  late: boolean;
  openedAt: Date;
  submittedAt: Date | null;
  waitingOn: unknown;
  waitingSince: Date | null;
  stage: string | null;
}

export interface NewRectification {
  caseId: string;
  origin: string;
  internal: boolean;
  orderNo: string | null;
  description: string;
  teamUnitId: string;
  meetingId: string | null;
  dueAt: string | null;
}

/** E-7: the read model of a rectification case, written once when its case is registered. */
export async function insertRectification(q: Queryable, r: NewRectification): Promise<void> {
  await q.query(
    `INSERT INTO rectifications (case_id, origin, internal, order_no, description, team_unit_id, meeting_id, due_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8)`,
    [r.caseId, r.origin, r.internal, r.orderNo, r.description, r.teamUnitId, r.meetingId, r.dueAt],
  );
}

export interface RectificationPatch {
  meetingId?: string | null;
  dueAt?: string | null;
  status?: 'open' | 'submitted' | 'confirmed';
  overdue?: boolean;
  submittedAt?: string | null;
}

/** The workflow's changes to the read model (undefined fields stay). */
export async function updateRectification(q: Queryable, caseId: string, patch: RectificationPatch): Promise<void> {
  const col: Record<keyof RectificationPatch, string> = {
    meetingId: 'meeting_id',
    dueAt: 'due_at',
    status: 'status',
    overdue: 'overdue',
    submittedAt: 'submitted_at',
  };
  const params: unknown[] = [caseId];
  const sets: string[] = [];
  for (const [k, v] of Object.entries(patch) as [keyof RectificationPatch, unknown][]) {
    if (v === undefined || !col[k]) continue;
    params.push(v);
    sets.push(`${col[k]} = $${params.length}`);
  }
  if (sets.length) await q.query(`UPDATE rectifications SET ${sets.join(', ')} WHERE case_id = $1`, params);
}

export interface RectificationFilter {
  status?: unknown;
  teamUnitId?: unknown;
  branchId?: unknown;
  origin?: unknown;
  overdue?: boolean;
  dueThisWeek?: boolean;
}

const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);

/** One page of the board; `timeZone` is the policy's (the local week of "due this week"). */
export async function listRectifications(
  q: Queryable,
  o: { filter: RectificationFilter; timeZone: string; orderBy: string; limit: number; offset: number },
): Promise<{ rows: RectificationRow[]; total: number }> {
  const f = o.filter;
  const where = new Where()
    .eq('r.status', str(f.status))
    .eq('r.team_unit_id::text', str(f.teamUnitId))
    .eq('b.id::text', str(f.branchId))
    .eq('r.origin', str(f.origin));
  if (f.overdue) where.and(OVERDUE_SQL);
  if (f.dueThisWeek) where.and(dueThisWeekSql(where.param(o.timeZone)));
  return selectPage<RectificationRow>(q, {
    columns: COLUMNS,
    from: FROM,
    where,
    orderBy: `${o.orderBy} NULLS LAST`,
    tieBreaker: 'r.case_id',
    limit: o.limit,
    offset: o.offset,
  });
}

/** One rectification with its plan. */
export async function findRectification(
  q: Queryable,
  caseId: string,
): Promise<(RectificationRow & { plan: unknown }) | undefined> {
  const [r] = await q.query(`SELECT ${COLUMNS}, c.data->'plan' AS plan ${FROM} WHERE r.case_id = $1`, [caseId]);
  return r;
}

export interface BoardCount {
  id: string | null;
  name: string | null;
  branchName?: string | null;
  open: number;
  overdue: number;
}

/** E-8: the board's totals (open, due this local week, overdue) and the counts by team and by branch. */
export async function rectificationSummary(
  q: Queryable,
  timeZone: string,
): Promise<{ open: number; dueThisWeek: number; overdue: number; byTeam: BoardCount[]; byBranch: BoardCount[] }> {
  const [totals] = await q.query(
    `SELECT count(*) FILTER (WHERE r.status = 'open')::int AS open,
            count(*) FILTER (WHERE ${dueThisWeekSql('$1')})::int AS "dueThisWeek",
            count(*) FILTER (WHERE ${OVERDUE_SQL})::int AS overdue
     FROM rectifications r`,
    [timeZone],
  );
  const group = (idCol: string, nameCol: string, extra = ''): Promise<BoardCount[]> =>
    q.query(
      `SELECT ${idCol} AS id, ${nameCol} AS name ${extra}, count(*) FILTER (WHERE r.status = 'open')::int AS open,
              count(*) FILTER (WHERE ${OVERDUE_SQL})::int AS overdue
       ${FROM} GROUP BY 1, 2 ${extra ? ', 3' : ''} ORDER BY 2`,
    );
  return {
    ...totals,
    byTeam: await group('t.id', 't.name', ', b.name AS "branchName"'),
    byBranch: await group('b.id', 'b.name'),
  };
}

/**
 * E-7: the callback (or foreman self-evaluation) whose 不满意 opened the rectification: order, customer, repairer and
 * evaluator as 姓名（工号）, and the answer as audited (scripted answers and note).
 */
export async function callbackOfRectification(q: Queryable, caseId: string) {
  const [ev] = await q.query(
    `SELECT ev.id, ev.kind, ev.choice, ev.score, ev.answered_at AS "answeredAt", ev.evaluate_on::text AS "evaluateOn", w.order_no AS "orderNo", w.reporter,
            w.closed_at AS "closedAt", e.name || '（' || e.code || '）' AS "repairerName",
            COALESCE(ae.name || '（' || ae.code || '）', au.display_name) AS "evaluatorName",
            (SELECT a.after FROM audit_log a WHERE a.entity = 'evaluation' AND a.entity_id = ev.id::text AND a.action = 'evaluation.answered' ORDER BY a.id DESC LIMIT 1) AS answer
     FROM evaluations ev JOIN work_orders w ON w.id = ev.order_id JOIN employees e ON e.id = w.repairer_id
     LEFT JOIN users au ON au.id = ev.answered_by LEFT JOIN employees ae ON ae.id = au.employee_id
     WHERE ev.rectification_case_id = $1 ORDER BY ev.answered_at DESC NULLS LAST LIMIT 1`,
    [caseId],
  );
  return (ev ?? null) as
    | ({
        kind: 'foreman' | 'dispatcher' | 'manager';
        answer: { answers?: Record<string, string>; note?: unknown } | null;
      } & Record<string, unknown>)
    | null;
}
