import type { EvaluationChoice, EvaluatorKind, ScoredEvaluation } from '@qf/domain';
import type { Queryable } from '../core/queryable';
import { selectPage, Where } from '../core/list-page';
import { orderScopeSql, OrderScope } from './scope';

export interface EvaluationRow {
  id: string;
  orderId: string;
  orderNo: string;
  repairerId: string;
  repairerName: string;
  teamUnitId: string;
  teamName: string | null;
  reporter: string;
  closedAt: Date;
  kind: EvaluatorKind;
  evaluatorUserId: string | null;
  evaluatorName: string | null;
  evaluateOn: string;
  dueAt: Date;
  seed: string | null;
  /** E-2: the sampling rule's own record of why (sampleCallbacks' explanation) */
  explanationRule: string | null;
  choice: EvaluationChoice | null;
  score: number | null;
  answeredAt: Date | null;
  rectificationCaseId: string | null;
  overdue: boolean;
}

export interface EvaluationFilter {
  /** only the reader's own (this user id) */
  mine?: string;
  pending?: boolean;
  overdue?: boolean;
  kind?: unknown;
  evaluateOn?: unknown;
  orderId?: unknown;
}

/** The sortable fields of the evaluation list and their columns. */
export const EVALUATION_SORT = { dueAt: 'ev.due_at', orderNo: 'w.order_no', kind: 'ev.kind' };

const evaluatorName = `COALESCE(ue.name || '（' || ue.code || '）', u.display_name)`;
const OVERDUE = `(ev.answered_at IS NULL AND ev.due_at < now())`;
const COLUMNS = `ev.id, ev.order_id AS "orderId", w.order_no AS "orderNo", w.repairer_id AS "repairerId",
  e.name || '（' || e.code || '）' AS "repairerName", w.team_unit_id AS "teamUnitId", t.name AS "teamName", w.reporter,
  w.closed_at AS "closedAt", ev.kind, ev.evaluator_user_id AS "evaluatorUserId", ${evaluatorName} AS "evaluatorName",
  ev.evaluate_on::text AS "evaluateOn", ev.due_at AS "dueAt", ev.seed, ev.explanation AS "explanationRule",
  ev.choice, ev.score, ev.answered_at AS "answeredAt", ev.rectification_case_id AS "rectificationCaseId", ${OVERDUE} AS overdue`;
const FROM = `FROM evaluations ev JOIN work_orders w ON w.id = ev.order_id JOIN employees e ON e.id = w.repairer_id
  LEFT JOIN org_units t ON t.id = w.team_unit_id LEFT JOIN users u ON u.id = ev.evaluator_user_id
  LEFT JOIN employees ue ON ue.id = u.employee_id`;

/** One page of the evaluations the reader may see. */
export async function listEvaluations(
  q: Queryable,
  o: { scope: OrderScope; filter: EvaluationFilter; orderBy: string; limit: number; offset: number },
): Promise<{ rows: EvaluationRow[]; total: number }> {
  const f = o.filter;
  const where = new Where();
  where.and(orderScopeSql(o.scope, where, 'ev'));
  where.eq('ev.evaluator_user_id', f.mine);
  if (f.pending) where.and(`ev.answered_at IS NULL`);
  if (f.overdue) where.and(OVERDUE);
  for (const [k, col] of [
    ['kind', 'ev.kind'],
    ['evaluateOn', 'ev.evaluate_on::text'],
    ['orderId', 'ev.order_id::text'],
  ] as const)
    if (typeof f[k] === 'string') where.and(`${col} = ${where.param(f[k])}`);
  return selectPage<EvaluationRow>(q, {
    columns: COLUMNS,
    from: FROM,
    where,
    orderBy: o.orderBy,
    tieBreaker: 'ev.id',
    limit: o.limit,
    offset: o.offset,
  });
}

/** The evaluations of one order (kind, evaluator 姓名（工号）, due, result, the rectification it opened). */
export async function evaluationsOfOrder(q: Queryable, orderId: string) {
  return q.query(
    `SELECT ev.id, ev.kind, ${evaluatorName} AS "evaluatorName", ev.evaluate_on::text AS "evaluateOn", ev.due_at AS "dueAt",
            ev.choice, ev.score, ev.answered_at AS "answeredAt", ev.rectification_case_id AS "rectificationCaseId", ${OVERDUE} AS overdue
     FROM evaluations ev LEFT JOIN users u ON u.id = ev.evaluator_user_id LEFT JOIN employees ue ON ue.id = u.employee_id
     WHERE ev.order_id = $1 ORDER BY ev.kind`,
    [orderId],
  );
}

/** The reader's unanswered evaluations and how many of them are past due. */
export async function pendingEvaluationCount(
  q: Queryable,
  userId: string,
): Promise<{ pending: number; overdue: number }> {
  const [r] = await q.query(
    `SELECT count(*)::int AS pending, count(*) FILTER (WHERE due_at < now())::int AS overdue
     FROM evaluations WHERE evaluator_user_id = $1 AND answered_at IS NULL`,
    [userId],
  );
  return r;
}

/** One evaluation to answer, when the reader may see it. */
export async function findEvaluation(
  q: Queryable,
  id: string,
  scope: OrderScope,
): Promise<
  { id: string; kind: EvaluatorKind; evaluatorUserId: string | null; orderNo: string; teamUnitId: string } | undefined
> {
  const where = new Where();
  where.and(`ev.id = ${where.param(id)}`).and(orderScopeSql(scope, where, 'ev'));
  const [ev] = await q.query(
    `SELECT ev.id, ev.kind, ev.evaluator_user_id AS "evaluatorUserId", w.order_no AS "orderNo", w.team_unit_id AS "teamUnitId"
     FROM evaluations ev JOIN work_orders w ON w.id = ev.order_id WHERE ${where.sql}`,
    where.params,
  );
  return ev;
}

/** E-3: records the answer once; false when it was already answered (a double answer). */
export async function recordAnswer(
  q: Queryable,
  a: { id: string; choice: EvaluationChoice; score: number; userId: string },
): Promise<boolean> {
  // as a SELECT over the UPDATE: TypeORM answers a bare UPDATE with [rows, rowCount] instead of rows
  const [r] = await q.query(
    `WITH done AS (UPDATE evaluations SET choice = $2, score = $3, answered_at = now(), answered_by = $4
       WHERE id = $1 AND answered_at IS NULL RETURNING id) SELECT count(*)::int AS n FROM done`,
    [a.id, a.choice, a.score, a.userId],
  );
  return r.n > 0;
}

/** E-7: the rectification a dissatisfied answer opened. */
export async function linkRectification(q: Queryable, id: string, caseId: string): Promise<void> {
  await q.query(`UPDATE evaluations SET rectification_case_id = $2 WHERE id = $1`, [id, caseId]);
}

export interface MonthScoreRow {
  repairerId: string;
  name: string;
  displayName: string;
  teamId: string;
  teamName: string;
  /** the month's scores in the order they were given */
  scores: number[];
  /** the same evaluations with their order number, evaluator kind and choice (E-5's counted facts) */
  evaluations: ScoredEvaluation[];
}

/** E-5: each repairer's scores of the month (by evaluation day). */
export async function monthScoreRows(q: Queryable, month: string): Promise<MonthScoreRow[]> {
  return q.query(
    `SELECT w.repairer_id AS "repairerId", e.name, e.name || '（' || e.code || '）' AS "displayName", w.team_unit_id AS "teamId",
            t.name AS "teamName", array_agg(ev.score ORDER BY ev.answered_at) AS scores,
            json_agg(json_build_object('orderNo', w.order_no, 'kind', ev.kind, 'choice', ev.choice, 'score', ev.score)
                     ORDER BY ev.answered_at) AS evaluations
     FROM evaluations ev JOIN work_orders w ON w.id = ev.order_id JOIN employees e ON e.id = w.repairer_id JOIN org_units t ON t.id = w.team_unit_id
     WHERE ev.score IS NOT NULL AND to_char(ev.evaluate_on, 'YYYY-MM') = $1 GROUP BY 1, 2, 3, 4, 5`,
    [month],
  );
}

/** E-6: the month's repair-star committee case, if it was sent. */
export async function repairStarCaseOf(q: Queryable, month: string) {
  const [c] = await q.query(
    `SELECT id, status, stage, outcome, data->>'repairerId' AS "repairerId" FROM cases WHERE kind = 'repair-star' AND business_key = $1`,
    [month],
  );
  return (c ?? null) as {
    id: string;
    status: string;
    stage: string | null;
    outcome: string | null;
    repairerId: string;
  } | null;
}
