import type { QuarterlyIndicator, QuarterlySource } from '@qf/contracts';
import type { Queryable } from '../core/queryable';
import { selectPage, Where } from '../core/list-page';

const PERSON = (alias: string) => `${alias}.name || '（' || ${alias}.code || '）'`;

export interface QuarterlyPlanRow {
  id: string;
  period: string;
  title: string;
  status: string;
  scope: string[];
  indicators: QuarterlyIndicator[];
  ownerId: string | null;
  ownerName: string | null;
  caseId: string | null;
  stage: string | null;
  createdBy: string | null;
  createdAt: string;
}

const PLAN_COLUMNS = `p.id, p.period, p.title, p.status, p.scope, p.indicators, p.owner_id AS "ownerId",
  ${PERSON('ow')} AS "ownerName", p.case_id AS "caseId", c.stage, p.created_by AS "createdBy", p.created_at AS "createdAt"`;
const PLAN_FROM = `FROM quarterly_plans p LEFT JOIN employees ow ON ow.id = p.owner_id LEFT JOIN cases c ON c.id = p.case_id`;
export const QUARTERLY_SORT = { period: 'p.period', createdAt: 'p.created_at', status: 'p.status', id: 'p.period' };

export interface QuarterlyPlanWrite {
  period: string;
  title: string;
  scope: string[];
  indicators: QuarterlyIndicator[];
  ownerId: string | null;
}

/** A new plan (a draft); null when the period already has one. */
export async function insertQuarterlyPlan(q: Queryable, p: QuarterlyPlanWrite, createdBy: string | null) {
  const rows = await q.query(
    `INSERT INTO quarterly_plans (period, title, scope, indicators, owner_id, created_by)
     VALUES ($1,$2,$3,$4,$5,$6) ON CONFLICT (period) DO NOTHING RETURNING id`,
    [p.period, p.title, p.scope, JSON.stringify(p.indicators), p.ownerId, createdBy],
  );
  return (rows[0]?.id as string | undefined) ?? null;
}

/** Edits a draft; false when the plan is no longer a draft (or the period is another plan's). */
export async function updateDraftQuarterlyPlan(q: Queryable, id: string, p: QuarterlyPlanWrite): Promise<boolean> {
  const rows = await q.query(
    `UPDATE quarterly_plans SET period = $2, title = $3, scope = $4, indicators = $5, owner_id = $6, updated_at = now()
     WHERE id = $1 AND status = 'draft' AND NOT EXISTS (SELECT 1 FROM quarterly_plans o WHERE o.period = $2 AND o.id <> $1)
     RETURNING id`,
    [id, p.period, p.title, p.scope, JSON.stringify(p.indicators), p.ownerId],
  );
  return rows.length > 0;
}

export async function setQuarterlyPlan(q: Queryable, id: string, s: { status?: string; caseId?: string }) {
  await q.query(
    `UPDATE quarterly_plans SET status = COALESCE($2, status), case_id = COALESCE($3, case_id), updated_at = now() WHERE id = $1`,
    [id, s.status ?? null, s.caseId ?? null],
  );
}

export async function getQuarterlyPlan(q: Queryable, id: string): Promise<QuarterlyPlanRow | null> {
  const [row] = await q.query(`SELECT ${PLAN_COLUMNS} ${PLAN_FROM} WHERE p.id = $1`, [id]);
  return row ?? null;
}

export async function quarterlyPlanByPeriod(q: Queryable, period: string): Promise<QuarterlyPlanRow | null> {
  const [row] = await q.query(`SELECT ${PLAN_COLUMNS} ${PLAN_FROM} WHERE p.period = $1`, [period]);
  return row ?? null;
}

/** The plan of the latest period before `period` (the Schedule copies it into that quarter). */
export async function latestQuarterlyPlanBefore(q: Queryable, period: string): Promise<QuarterlyPlanRow | null> {
  const [row] = await q.query(
    `SELECT ${PLAN_COLUMNS} ${PLAN_FROM} WHERE p.period < $1 ORDER BY p.period DESC LIMIT 1`,
    [period],
  );
  return row ?? null;
}

export async function listQuarterlyPlans(
  q: Queryable,
  o: {
    filter: Record<string, unknown>;
    orderBy: string;
    limit: number;
    offset: number;
    /** Q-1 row scoping: only the plans naming one of these units (a unit head's subtree); every plan when left out */
    units?: readonly string[];
  },
) {
  const w = new Where().eq('p.status', o.filter.status).eq('p.period', o.filter.period).anyOf('p.id', o.filter.id);
  if (o.units) w.and(`p.scope && ${w.param(o.units)}::uuid[]`);
  return selectPage<QuarterlyPlanRow>(q, {
    columns: PLAN_COLUMNS,
    from: PLAN_FROM,
    where: w,
    orderBy: o.orderBy,
    tieBreaker: 'p.id',
    limit: o.limit,
    offset: o.offset,
  });
}

/** Units by id with their kind, in the order given. */
export async function quarterlyUnits(
  q: Queryable,
  ids: string[],
): Promise<{ id: string; name: string; kind: string }[]> {
  const rows: { id: string; name: string; kind: string }[] = await q.query(
    `SELECT id, name, kind FROM org_units WHERE id = ANY($1::uuid[])`,
    [ids],
  );
  const by = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => (by.has(id) ? [by.get(id)!] : []));
}

/** Q-1 row scoping: a unit and every unit below it. */
export async function unitSubtree(q: Queryable, unitId: string): Promise<string[]> {
  const rows: { id: string }[] = await q.query(
    `WITH RECURSIVE sub AS (SELECT id FROM org_units WHERE id = $1
       UNION ALL SELECT o.id FROM org_units o JOIN sub ON o.parent_id = sub.id) SELECT id FROM sub`,
    [unitId],
  );
  return rows.map((r) => r.id);
}

/** the team, when it is a team inside one of the units (or is one of them). */
export async function teamWithin(q: Queryable, teamId: string, scope: string[]): Promise<boolean> {
  const [row] = await q.query(
    `WITH RECURSIVE up(id, parent_id) AS (SELECT id, parent_id FROM org_units WHERE id = $1 AND kind = 'team'
       UNION ALL SELECT o.id, o.parent_id FROM org_units o JOIN up ON o.id = up.parent_id)
     SELECT 1 FROM up WHERE id = ANY($2::uuid[]) LIMIT 1`,
    [teamId, scope],
  );
  return !!row;
}

export async function employeeOfUser(q: Queryable, userId: string): Promise<string | null> {
  const [row] = await q.query(`SELECT employee_id FROM users WHERE id = $1`, [userId]);
  return row?.employee_id ?? null;
}

// ------------------------------------------------------------------------------------------------ values

export async function quarterlyValues(q: Queryable, planId: string) {
  const rows: { unitId: string; indicator: string; value: number; source: string }[] = await q.query(
    `SELECT unit_id AS "unitId", indicator, value::float AS value, source FROM quarterly_values WHERE plan_id = $1
     ORDER BY unit_id, indicator`,
    [planId],
  );
  return rows;
}

export async function upsertQuarterlyValues(
  q: Queryable,
  planId: string,
  rows: { unitId: string; indicator: string; value: number }[],
  source: string,
  userId: string | null,
): Promise<number> {
  if (!rows.length) return 0;
  await q.query(
    `INSERT INTO quarterly_values (plan_id, unit_id, indicator, value, source, updated_by)
     SELECT $1, x.unit_id, x.indicator, x.value, $5, $6
     FROM unnest($2::uuid[], $3::text[], $4::numeric[]) AS x(unit_id, indicator, value)
     ON CONFLICT (plan_id, unit_id, indicator)
       DO UPDATE SET value = EXCLUDED.value, source = EXCLUDED.source, updated_by = EXCLUDED.updated_by, updated_at = now()`,
    [planId, rows.map((r) => r.unitId), rows.map((r) => r.indicator), rows.map((r) => r.value), source, userId],
  );
  return rows.length;
}

const SUBTREE = `WITH RECURSIVE tree(root, id) AS (
  SELECT id, id FROM org_units WHERE id = ANY($1::uuid[])
  UNION ALL SELECT t.root, o.id FROM org_units o JOIN tree t ON o.parent_id = t.id)`;

/**
 * one value per unit (the unit and the units under it) from the product's own results of the months: average
 * satisfaction (perception), per cent of P-6 indicator results met (indicators), deduction points posted (deductions,
 * 0 without any), average closed-order evaluation score (evaluation).
 */
export async function productValues(
  q: Queryable,
  source: Exclude<QuarterlySource, 'manual'>,
  units: string[],
  months: string[],
  timeZone: string,
): Promise<Map<string, number>> {
  const sql: Record<typeof source, string> = {
    perception: `SELECT r.unit_id AS root, avg(r.score)::float AS v FROM perception_unit_results r
      WHERE r.unit_id = ANY($1::uuid[]) AND r.month = ANY($2::text[]) GROUP BY r.unit_id`,
    indicators: `${SUBTREE} SELECT t.root, (100.0 * count(*) FILTER (WHERE r.passed) / count(*))::float AS v
      FROM indicator_results r JOIN tree t ON t.id = r.unit_id WHERE r.month = ANY($2::text[]) GROUP BY t.root`,
    deductions: `${SUBTREE} SELECT t.root, (COALESCE(sum(l.points_x10) FILTER (WHERE l.points_x10 > 0), 0) / 10.0)::float AS v
      FROM tree t LEFT JOIN employees e ON e.unit_id = t.id
      LEFT JOIN ledger_entries l ON l.employee_id = e.id AND l.month = ANY($2::text[]) GROUP BY t.root`,
    evaluation: `${SUBTREE} SELECT t.root, avg(ev.score)::float AS v FROM evaluations ev
      JOIN work_orders w ON w.id = ev.order_id JOIN tree t ON t.id = w.team_unit_id
      WHERE ev.score IS NOT NULL AND to_char(w.closed_at AT TIME ZONE $3, 'YYYY-MM') = ANY($2::text[]) GROUP BY t.root`,
  };
  const params = source === 'evaluation' ? [units, months, timeZone] : [units, months];
  const rows: { root: string; v: number | null }[] = await q.query(sql[source], params);
  return new Map(rows.filter((r) => r.v !== null).map((r) => [r.root, Math.round(r.v! * 10000) / 10000]));
}

// ------------------------------------------------------------------------------------------------ findings

export async function insertQuarterlyFinding(
  q: Queryable,
  f: { planId: string; teamUnitId: string; description: string; deadline: string | null; createdBy: string },
): Promise<string> {
  const [row] = await q.query(
    `INSERT INTO quarterly_findings (plan_id, team_unit_id, description, deadline, created_by) VALUES ($1,$2,$3,$4,$5) RETURNING id`,
    [f.planId, f.teamUnitId, f.description, f.deadline, f.createdBy],
  );
  return row.id;
}

export async function quarterlyFindings(q: Queryable, planId: string) {
  const rows: {
    id: string;
    teamUnitId: string;
    teamName: string;
    branchId: string | null;
    description: string;
    deadline: string | null;
    createdAt: string;
    rectificationCaseId: string | null;
  }[] = await q.query(
    `SELECT f.id, f.team_unit_id AS "teamUnitId", o.name AS "teamName", o.parent_id AS "branchId", f.description,
            f.deadline, f.created_at AS "createdAt", f.rectification_case_id AS "rectificationCaseId"
     FROM quarterly_findings f JOIN org_units o ON o.id = f.team_unit_id WHERE f.plan_id = $1 ORDER BY f.created_at, f.id`,
    [planId],
  );
  return rows;
}

export async function setFindingCase(q: Queryable, findingId: string, caseId: string) {
  await q.query(`UPDATE quarterly_findings SET rectification_case_id = $2 WHERE id = $1`, [findingId, caseId]);
}

// ------------------------------------------------------------------------------------------------ results

export async function replaceQuarterlyResults(
  q: Queryable,
  planId: string,
  rows: {
    unitId: string;
    score: number;
    rank: number;
    previousScore: number | null;
    trend: number | null;
    indicators: unknown;
    worst: unknown;
  }[],
) {
  await q.query(`DELETE FROM quarterly_results WHERE plan_id = $1`, [planId]);
  for (const r of rows)
    await q.query(
      `INSERT INTO quarterly_results (plan_id, unit_id, score, rank, previous_score, trend, indicators, worst)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8)`,
      [
        planId,
        r.unitId,
        r.score,
        r.rank,
        r.previousScore,
        r.trend,
        JSON.stringify(r.indicators),
        JSON.stringify(r.worst),
      ],
    );
}

/** The scores of the plan of a period, by unit (the previous quarter's, for the trend). */
export async function scoresOfPeriod(q: Queryable, period: string): Promise<Map<string, number>> {
  const rows: { unit_id: string; score: number }[] = await q.query(
    `SELECT r.unit_id, r.score::float AS score FROM quarterly_results r JOIN quarterly_plans p ON p.id = r.plan_id
     WHERE p.period = $1`,
    [period],
  );
  return new Map(rows.map((r) => [r.unit_id, r.score]));
}

/** The plan's results, best first, with the unit's head as 姓名（工号） and when the head acknowledged. */
export async function quarterlyResults(q: Queryable, planId: string) {
  return q.query(
    `SELECT r.unit_id AS "unitId", o.name AS "unitName", r.score::float AS score, r.rank,
            r.previous_score::float AS "previousScore", r.trend::float AS trend, r.indicators, r.worst,
            r.head_user_id AS "headUserId",
            COALESCE(${PERSON('he')}, hu.display_name) AS "headName",
            (SELECT max(t.decided_at) FROM tasks t WHERE t.case_id = p.case_id AND t.stage = 'feedback'
               AND t.assignee_user_id = r.head_user_id AND t.decision = 'approve') AS "acknowledgedAt"
     FROM quarterly_results r JOIN quarterly_plans p ON p.id = r.plan_id JOIN org_units o ON o.id = r.unit_id
     LEFT JOIN users hu ON hu.id = r.head_user_id LEFT JOIN employees he ON he.id = hu.employee_id
     WHERE r.plan_id = $1 ORDER BY r.rank, o.name`,
    [planId],
  );
}

/**
 * Q-1 feedback: who answers for each unit — a branch-head of a branch, centre or hall, a team-lead of a team — by
 * their own unit; the first by login name when several do.
 */
export async function unitHeads(q: Queryable, unitIds: string[]): Promise<Map<string, string>> {
  const rows: { unit_id: string; user_id: string }[] = await q.query(
    `SELECT DISTINCT ON (o.id) o.id AS unit_id, u.id AS user_id
     FROM org_units o JOIN employees e ON e.unit_id = o.id JOIN users u ON u.employee_id = e.id AND u.active
     WHERE o.id = ANY($1::uuid[])
       AND ((o.kind = 'team' AND 'team-lead' = ANY(u.roles)) OR (o.kind <> 'team' AND 'branch-head' = ANY(u.roles)))
     ORDER BY o.id, u.username`,
    [unitIds],
  );
  return new Map(rows.map((r) => [r.unit_id, r.user_id]));
}

export async function setResultHeads(q: Queryable, planId: string, heads: { unitId: string; userId: string | null }[]) {
  for (const h of heads)
    await q.query(`UPDATE quarterly_results SET head_user_id = $3 WHERE plan_id = $1 AND unit_id = $2`, [
      planId,
      h.unitId,
      h.userId,
    ]);
}
