import type { Queryable } from '../core/queryable';
import { selectPage, Where } from '../core/list-page';

/** Totals of a settlement (or of one branch's part of it): people, points ×10, money in fen, branches, P4/P5. */
export interface SettlementTotals {
  employees: number;
  pointsX10: number;
  moneyFen: number;
  branches: number;
  p4: number;
  p5: number;
}

export interface SettlementRow {
  id: string;
  month: string;
  status: string;
  totals: SettlementTotals | null;
  caseId: string | null;
  policyVersion: number | null;
  createdAt: Date;
  lockedAt: Date | null;
  stage: string | null;
  waitingOn: unknown;
  dueAt: Date | null;
}

const COLUMNS = `s.id, s.month, s.status, s.totals, s.case_id AS "caseId", s.policy_version AS "policyVersion",
  s.created_at AS "createdAt", s.locked_at AS "lockedAt", c.stage, c.waiting_on AS "waitingOn", c.due_at AS "dueAt"`;
const FROM = 'FROM settlements s LEFT JOIN cases c ON c.id = s.case_id';

/** The sortable fields of the settlement list and their columns. */
export const SETTLEMENT_SORT = { month: 's.month', createdAt: 's.created_at', status: 's.status' };

/** The sortable fields of a settlement's rows and their columns. */
export const SETTLEMENT_ROW_SORT = { points: 'r.points_x10', money: 'r.money_fen', grade: 'r.grade', name: 'e.name' };

/** The branch above a unit (a branch head's scope), or null when no branch is above it. */
export async function branchAbove(q: Queryable, unitId: string | null | undefined): Promise<string | null> {
  if (!unitId) return null;
  const [r] = await q.query(
    `WITH RECURSIVE up AS (SELECT id, parent_id, kind FROM org_units WHERE id = $1
       UNION ALL SELECT o.id, o.parent_id, o.kind FROM org_units o JOIN up ON o.id = up.parent_id)
     SELECT id FROM up WHERE kind = 'branch' LIMIT 1`,
    [unitId],
  );
  return r?.id ?? null;
}

export async function listSettlements(
  q: Queryable,
  o: { orderBy: string; limit: number; offset: number },
): Promise<{ rows: SettlementRow[]; total: number }> {
  return selectPage<SettlementRow>(q, {
    columns: COLUMNS,
    from: FROM,
    where: new Where(),
    orderBy: o.orderBy,
    tieBreaker: 's.id',
    limit: o.limit,
    offset: o.offset,
  });
}

export async function findSettlement(q: Queryable, id: string): Promise<SettlementRow | undefined> {
  const [s] = await q.query(`SELECT ${COLUMNS} ${FROM} WHERE s.id = $1`, [id]);
  return s;
}

export async function settlementIdOfMonth(q: Queryable, month: string): Promise<string | null> {
  const [s] = await q.query(`SELECT id FROM settlements WHERE month = $1`, [month]);
  return s?.id ?? null;
}

/** H-2: the locked months. */
export async function lockedMonths(q: Queryable): Promise<string[]> {
  return (await q.query(`SELECT month FROM month_locks ORDER BY month`)).map((r: { month: string }) => r.month);
}

/** The month's settlement, created when there is none (one per month); `created` says which. */
export async function ensureSettlement(q: Queryable, month: string): Promise<{ id: string; created: boolean }> {
  const [row] = await q.query(
    `INSERT INTO settlements (month) VALUES ($1) ON CONFLICT (month) DO UPDATE SET month = EXCLUDED.month
     RETURNING id, (xmax = 0) AS created`,
    [month],
  );
  return { id: row.id, created: row.created };
}

/** Links a settlement to its case and the policy version the case pinned (once). */
export async function linkSettlementCase(q: Queryable, id: string, caseId: string, policyVersion: number) {
  await q.query(`UPDATE settlements SET case_id = $2, policy_version = $3 WHERE id = $1 AND case_id IS NULL`, [
    id,
    caseId,
    policyVersion,
  ]);
}

/** The body of a policy version. */
export async function policyBody(q: Queryable, version: number): Promise<unknown> {
  const [p] = await q.query(`SELECT body FROM policy_versions WHERE version = $1`, [version]);
  return p?.body ?? null;
}

/** Totals of settlements restricted to one branch's rows, by settlement id (a branch head's view). */
export async function branchTotals(
  q: Queryable,
  settlementIds: string[],
  branchId: string | null,
): Promise<Record<string, SettlementTotals>> {
  if (!settlementIds.length) return {};
  const rows: (SettlementTotals & { settlementId: string })[] = await q.query(
    `SELECT r.settlement_id AS "settlementId", count(*)::int AS employees, COALESCE(sum(r.points_x10), 0)::int AS "pointsX10",
            COALESCE(sum(r.money_fen), 0)::float8 AS "moneyFen", count(DISTINCT r.branch_id)::int AS branches,
            count(*) FILTER (WHERE r.grade = 'P4')::int AS p4, count(*) FILTER (WHERE r.grade = 'P5')::int AS p5
     FROM settlement_rows r WHERE r.settlement_id = ANY($1::uuid[]) AND r.branch_id IS NOT DISTINCT FROM $2::uuid
     GROUP BY r.settlement_id`,
    [settlementIds, branchId],
  );
  return Object.fromEntries(rows.map(({ settlementId, ...t }) => [settlementId, t]));
}

export interface BranchSummary {
  branchId: string | null;
  branchName: string | null;
  employees: number;
  points: number;
  moneyFen: string | number;
  p4: number;
  p5: number;
  taskId: string | null;
  round: number | null;
  taskStatus: string | null;
  decision: string | null;
  decidedAt: Date | null;
  headName: string | null;
  decidedByName: string | null;
}

/**
 * Per branch (all, or `onlyBranch`): its totals and the branch head's confirmation in the latest round (decision, by
 * 姓名（工号）, when). Branches with a confirmation task but no rows are listed with zeros.
 */
export async function branchSummaries(
  q: Queryable,
  id: string,
  caseId: string | null,
  onlyBranch: string | null,
): Promise<BranchSummary[]> {
  return q.query(
    `WITH agg AS (
       SELECT r.branch_id, count(*)::int AS employees, sum(r.points_x10)::int AS points, sum(r.money_fen)::bigint AS money,
              count(*) FILTER (WHERE r.grade = 'P4')::int AS p4, count(*) FILTER (WHERE r.grade = 'P5')::int AS p5
       FROM settlement_rows r WHERE r.settlement_id = $1 AND ($3::uuid IS NULL OR r.branch_id = $3) GROUP BY r.branch_id
     ), confirm AS (
       SELECT DISTINCT ON (ue.unit_id) ue.unit_id AS branch_id, t.id AS "taskId", t.round, t.status, t.decision, t.decided_at,
              ue.name || '（' || ue.code || '）' AS head, COALESCE(de.name || '（' || de.code || '）', du.display_name) AS decided_by
       FROM tasks t JOIN users u ON u.id = t.assignee_user_id JOIN employees ue ON ue.id = u.employee_id
       LEFT JOIN users du ON du.id = t.decided_by LEFT JOIN employees de ON de.id = du.employee_id
       WHERE t.case_id = $2 AND t.stage = 'confirm' AND ($3::uuid IS NULL OR ue.unit_id = $3)
       ORDER BY ue.unit_id, t.round DESC, t.created_at DESC
     ), ids AS (SELECT branch_id FROM agg UNION SELECT branch_id FROM confirm)
     SELECT ids.branch_id AS "branchId", o.name AS "branchName", COALESCE(agg.employees, 0) AS employees, COALESCE(agg.points, 0) AS points,
            COALESCE(agg.money, 0)::bigint AS "moneyFen", COALESCE(agg.p4, 0) AS p4, COALESCE(agg.p5, 0) AS p5,
            c."taskId", c.round, c.status AS "taskStatus", c.decision, c.decided_at AS "decidedAt", c.head AS "headName", c.decided_by AS "decidedByName"
     FROM ids LEFT JOIN agg ON agg.branch_id IS NOT DISTINCT FROM ids.branch_id LEFT JOIN confirm c ON c.branch_id IS NOT DISTINCT FROM ids.branch_id
     LEFT JOIN org_units o ON o.id = ids.branch_id ORDER BY o.name NULLS LAST`,
    [id, caseId, onlyBranch],
  );
}

/** The settlement a task of its case decides, with the unit of the task's assignee (a branch head's branch). */
export async function settlementOfTask(
  q: Queryable,
  taskId: string,
): Promise<
  | {
      caseId: string;
      stage: string;
      round: number;
      settlementId: string;
      headUnit: string | null;
      headUnitKind: string | null;
    }
  | undefined
> {
  const [t] = await q.query(
    `SELECT t.case_id AS "caseId", t.stage, t.round, s.id AS "settlementId", ue.unit_id AS "headUnit", ou.kind AS "headUnitKind"
     FROM tasks t JOIN settlements s ON s.case_id = t.case_id LEFT JOIN users u ON u.id = t.assignee_user_id
     LEFT JOIN employees ue ON ue.id = u.employee_id LEFT JOIN org_units ou ON ou.id = ue.unit_id WHERE t.id = $1`,
    [taskId],
  );
  return t;
}

export interface SettlementEmployeeRow {
  id: string;
  employeeId: string;
  code: string;
  name: string;
  branchId: string | null;
  points: number;
  moneyFen: string | number;
  bonusFen: number;
  starPayFen: number;
  finesFen: number;
  grade: string | null;
  suspension: boolean;
  exit: boolean;
  training: boolean;
  sourceCases: string[];
  reasons: unknown;
  why: unknown;
  sourceCaseList: { id: string; title: string }[];
}

/** One page of a settlement's per-employee rows (`branchId`: one branch's only), filtered by grade and branch. */
export async function listSettlementRows(
  q: Queryable,
  o: {
    settlementId: string;
    scopeBranch: string | null;
    filter: Record<string, unknown>;
    orderBy: string;
    limit: number;
    offset: number;
  },
): Promise<{ rows: SettlementEmployeeRow[]; total: number }> {
  const where = new Where();
  where.and(`r.settlement_id = ${where.param(o.settlementId)}`);
  if (o.scopeBranch) where.and(`r.branch_id = ${where.param(o.scopeBranch)}`);
  if (typeof o.filter.grade === 'string') where.eq('r.grade', o.filter.grade);
  if (typeof o.filter.branchId === 'string') where.and(`r.branch_id::text = ${where.param(o.filter.branchId)}`);
  return selectPage<SettlementEmployeeRow>(q, {
    columns: `r.employee_id AS id, r.employee_id AS "employeeId", e.code, e.name, r.branch_id AS "branchId", r.points_x10 AS points,
      r.money_fen::bigint AS "moneyFen", r.bonus_fen::float8 AS "bonusFen", r.star_pay_fen::float8 AS "starPayFen", r.fines_fen::float8 AS "finesFen", r.grade, r.suspension,
      r.exit, r.training, r.source_cases AS "sourceCases", r.reasons, r.why,
      (SELECT COALESCE(json_agg(json_build_object('id', c.id, 'title', c.title) ORDER BY c.created_at), '[]'::json)
       FROM cases c WHERE c.id = ANY(r.source_cases)) AS "sourceCaseList"`,
    from: 'FROM settlement_rows r JOIN employees e ON e.id = r.employee_id',
    where,
    orderBy: o.orderBy,
    tieBreaker: 'e.code',
    limit: o.limit,
    offset: o.offset,
  });
}

export interface PayrollSourceRow {
  employeeId: string;
  code: string;
  name: string;
  branch: string | null;
  pointsX10: number;
  moneyFen: number;
  bonusFen: number;
  starPayFen: number;
  finesFen: number;
  grade: 'P4' | 'P5' | null;
  suspension: boolean;
  exit: boolean;
  training: boolean;
  /** P-4: why the person goes to central training (the perception run's reason), when they do */
  trainingReason: string | null;
  sourceCases: string[];
}

/** H-3: every row of a settlement (one branch's only with `scopeBranch`) by 工号, for the payroll export. */
export async function payrollSourceRows(
  q: Queryable,
  settlementId: string,
  scopeBranch: string | null,
): Promise<PayrollSourceRow[]> {
  return q.query(
    `SELECT r.employee_id AS "employeeId", e.code, e.name, o.name AS branch, r.points_x10 AS "pointsX10", r.money_fen::float8 AS "moneyFen",
            r.bonus_fen::float8 AS "bonusFen", r.star_pay_fen::float8 AS "starPayFen", r.fines_fen::float8 AS "finesFen", r.grade, r.suspension, r.exit, r.training,
            COALESCE(r.source_cases, '{}') AS "sourceCases",
            (SELECT x->>'message' FROM jsonb_array_elements(COALESCE(r.reasons, '[]'::jsonb)) x WHERE x->>'rule' = 'P-4' LIMIT 1) AS "trainingReason"
     FROM settlement_rows r JOIN employees e ON e.id = r.employee_id LEFT JOIN org_units o ON o.id = r.branch_id
     WHERE r.settlement_id = $1 AND ($2::uuid IS NULL OR r.branch_id = $2) ORDER BY e.code`,
    [settlementId, scopeBranch],
  );
}

/**
 * The human numbers of cases by id (issue 16: a why names cases by number, never by UUID): a complaint's 工单号, else a
 * business key that reads as a number, else the case's title.
 */
export async function caseNumbers(q: Queryable, ids: readonly string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows: { id: string; no: string }[] = await q.query(
    `SELECT id, COALESCE(NULLIF(data->'complaint'->>'workOrderNo', ''),
              CASE WHEN business_key ~ '^[0-9][0-9 :._-]*$' THEN business_key END, title) AS no
     FROM cases WHERE id = ANY($1::uuid[])`,
    [[...new Set(ids)]],
  );
  return new Map(rows.map((r) => [r.id, r.no]));
}
