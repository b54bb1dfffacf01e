import type {
  SimulationChange,
  SimulationMonthTotals,
  SimulationResultChange,
  StarLevel,
  StarMonthFact,
} from '@qf/domain';
import { selectPage, Where } from '../core/list-page';
import type { Queryable } from '../core/queryable';

const CHUNK = 5000;

export interface SimulationRow {
  id: string;
  policyVersion: number;
  baselineVersion: number | null;
  months: string[];
  status: 'running' | 'done' | 'failed';
  monthsDone: number;
  workflowId: string;
  error: string | null;
  createdBy: string | null;
  createdAt: string;
  finishedAt: string | null;
}

const COLS = `s.id, s.policy_version AS "policyVersion", s.baseline_version AS "baselineVersion", s.months, s.status,
  s.months_done AS "monthsDone", s.workflow_id AS "workflowId", s.error, s.created_by AS "createdBy",
  s.created_at AS "createdAt", s.finished_at AS "finishedAt"`;

export const SIMULATION_SORT = { createdAt: 's.created_at', policyVersion: 's.policy_version', status: 's.status' };

export async function insertSimulation(
  q: Queryable,
  s: { policyVersion: number; baselineVersion: number | null; months: string[]; createdBy: string },
): Promise<{ id: string; workflowId: string }> {
  const [r] = await q.query(
    `WITH id AS (SELECT gen_random_uuid() AS id)
     INSERT INTO simulations (id, policy_version, baseline_version, months, workflow_id, created_by)
     SELECT id.id, $1, $2, $3, 'simulation-' || id.id, $4 FROM id RETURNING id, workflow_id`,
    [s.policyVersion, s.baselineVersion, s.months, s.createdBy],
  );
  return { id: r.id, workflowId: r.workflow_id };
}

export async function findSimulation(q: Queryable, id: string): Promise<SimulationRow | undefined> {
  return (await q.query(`SELECT ${COLS} FROM simulations s WHERE s.id = $1`, [id]))[0];
}

export function listSimulations(q: Queryable, page: { orderBy: string; limit: number; offset: number }) {
  return selectPage<SimulationRow>(q, {
    columns: COLS,
    from: 'FROM simulations s',
    where: new Where(),
    tieBreaker: 's.id',
    ...page,
  });
}

export async function deleteSimulation(q: Queryable, id: string): Promise<void> {
  await q.query(`DELETE FROM simulations WHERE id = $1`, [id]);
}

/**
 * One month's results of a run, written once (a retried activity replaces them); false when the simulation was
 * deleted meanwhile (the run then stops). Run inside a transaction.
 */
export async function saveSimulationMonth(
  tx: Queryable,
  simulationId: string,
  totals: SimulationMonthTotals,
  changes: readonly SimulationChange[],
  results: readonly SimulationResultChange[] = [],
): Promise<boolean> {
  const [s] = await tx.query(`SELECT id FROM simulations WHERE id = $1 FOR UPDATE`, [simulationId]);
  if (!s) return false;
  await tx.query(`DELETE FROM simulation_changes WHERE simulation_id = $1 AND month = $2`, [
    simulationId,
    totals.month,
  ]);
  await tx.query(`DELETE FROM simulation_results WHERE simulation_id = $1 AND month = $2`, [
    simulationId,
    totals.month,
  ]);
  for (let i = 0; i < results.length; i += CHUNK) {
    const part = results.slice(i, i + CHUNK);
    const json = (v: unknown) => (v ? JSON.stringify(v) : null);
    await tx.query(
      `INSERT INTO simulation_results (simulation_id, month, kind, scope, subject_id, unit_id, card, value_before,
         value_after, money_before_fen, money_after_fen, detail_before, detail_after)
       SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::uuid[], $6::uuid[], $7::text[], $8::numeric[],
         $9::numeric[], $10::bigint[], $11::bigint[], $12::jsonb[], $13::jsonb[])`,
      [
        simulationId,
        part.map((c) => c.month),
        part.map((c) => c.kind),
        part.map((c) => c.scope),
        part.map((c) => c.subjectId),
        part.map((c) => c.unitId),
        part.map((c) => c.card),
        part.map((c) => c.valueBefore),
        part.map((c) => c.valueAfter),
        part.map((c) => c.moneyBeforeFen),
        part.map((c) => c.moneyAfterFen),
        part.map((c) => json(c.detailBefore)),
        part.map((c) => json(c.detailAfter)),
      ],
    );
  }
  await tx.query(`DELETE FROM simulation_months WHERE simulation_id = $1 AND month = $2`, [simulationId, totals.month]);
  await tx.query(`INSERT INTO simulation_months (simulation_id, month, totals) VALUES ($1, $2, $3)`, [
    simulationId,
    totals.month,
    JSON.stringify(totals),
  ]);
  for (let i = 0; i < changes.length; i += CHUNK) {
    const part = changes.slice(i, i + CHUNK);
    await tx.query(
      `INSERT INTO simulation_changes (simulation_id, month, kind, employee_id, channel, branch_id, grade_before, grade_after,
         points_before, points_after, money_before_fen, money_after_fen, flags_before, flags_after)
       SELECT $1, * FROM unnest($2::text[], $3::text[], $4::uuid[], $5::text[], $6::uuid[], $7::text[], $8::text[],
         $9::int[], $10::int[], $11::bigint[], $12::bigint[], $13::jsonb[], $14::jsonb[])`,
      [
        simulationId,
        part.map((c) => c.month),
        part.map((c) => c.kind),
        part.map((c) => c.employeeId),
        part.map((c) => c.channel),
        part.map((c) => c.branchId),
        part.map((c) => c.gradeBefore),
        part.map((c) => c.gradeAfter),
        part.map((c) => c.pointsBefore),
        part.map((c) => c.pointsAfter),
        part.map((c) => c.moneyBeforeFen),
        part.map((c) => c.moneyAfterFen),
        part.map((c) => (c.flagsBefore ? JSON.stringify(c.flagsBefore) : null)),
        part.map((c) => (c.flagsAfter ? JSON.stringify(c.flagsAfter) : null)),
      ],
    );
  }
  await tx.query(
    `UPDATE simulations SET months_done = (SELECT count(*) FROM simulation_months WHERE simulation_id = $1) WHERE id = $1`,
    [simulationId],
  );
  return true;
}

export async function finishSimulation(q: Queryable, id: string, status: 'done' | 'failed', error?: string) {
  await q.query(`UPDATE simulations SET status = $2, error = $3, finished_at = now() WHERE id = $1`, [
    id,
    status,
    error ?? null,
  ]);
}

/** Whether a month's perception was posted (only then does it reach the settlement, H-1). */
export async function perceptionPosted(q: Queryable, month: string): Promise<boolean> {
  const [r] = await q.query(`SELECT 1 FROM perception_months WHERE month = $1 AND status = 'posted'`, [month]);
  return !!r;
}

export async function simulationMonthTotals(q: Queryable, id: string): Promise<SimulationMonthTotals[]> {
  const rows = await q.query(`SELECT totals FROM simulation_months WHERE simulation_id = $1 ORDER BY month`, [id]);
  return rows.map((r: { totals: SimulationMonthTotals }) => r.totals);
}

/** Per branch: how many people's settlement would change, grade moves and the money delta. */
export interface SimulationUnitSummary {
  branchId: string | null;
  branch: string | null;
  people: number;
  gradeMoves: number;
  moneyDeltaFen: number;
  pointsDeltaX10: number;
}

export async function simulationUnits(q: Queryable, id: string): Promise<SimulationUnitSummary[]> {
  const rows = await q.query(
    `SELECT c.branch_id, o.name AS branch, count(DISTINCT c.employee_id)::int AS people,
            count(*) FILTER (WHERE c.grade_before IS DISTINCT FROM c.grade_after)::int AS moves,
            COALESCE(sum(c.money_after_fen - c.money_before_fen), 0)::bigint AS money,
            COALESCE(sum(c.points_after - c.points_before), 0)::int AS points
     FROM simulation_changes c LEFT JOIN org_units o ON o.id = c.branch_id
     WHERE c.simulation_id = $1 AND c.kind = 'settlement' GROUP BY c.branch_id, o.name ORDER BY o.name NULLS LAST`,
    [id],
  );
  return rows.map((r: Record<string, unknown>) => ({
    branchId: (r.branch_id as string) ?? null,
    branch: (r.branch as string) ?? null,
    people: Number(r.people),
    gradeMoves: Number(r.moves),
    moneyDeltaFen: Number(r.money),
    pointsDeltaX10: Number(r.points),
  }));
}

/** Grade moves of the settlement rows (before → after) and how many people each; the distribution of changes. */
export async function simulationMoves(
  q: Queryable,
  id: string,
): Promise<{ before: string | null; after: string | null; people: number }[]> {
  const rows = await q.query(
    `SELECT grade_before, grade_after, count(*)::int AS n FROM simulation_changes
     WHERE simulation_id = $1 AND kind = 'settlement' GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2`,
    [id],
  );
  return rows.map((r: Record<string, unknown>) => ({
    before: (r.grade_before as string) ?? null,
    after: (r.grade_after as string) ?? null,
    people: Number(r.n),
  }));
}

export const SIMULATION_CHANGE_SORT = {
  month: 'c.month',
  name: 'e.name',
  code: 'e.code',
  moneyDelta: '(c.money_after_fen - c.money_before_fen)',
  pointsDelta: '(c.points_after - c.points_before)',
};

export interface SimulationChangeRow {
  id: string;
  month: string;
  kind: string;
  employeeId: string;
  employee: string;
  branchId: string | null;
  branch: string | null;
  channel: string;
  gradeBefore: string | null;
  gradeAfter: string | null;
  pointsBefore: number;
  pointsAfter: number;
  moneyBeforeFen: number;
  moneyAfterFen: number;
  moneyDeltaFen: number;
  flagsBefore: unknown;
  flagsAfter: unknown;
}

/** The people whose results would change, named 姓名（工号）; filter by month, kind, branch. */
export async function listSimulationChanges(
  q: Queryable,
  id: string,
  filter: Record<string, unknown>,
  page: { orderBy: string; limit: number; offset: number },
): Promise<{ rows: SimulationChangeRow[]; total: number }> {
  const w = new Where().eq('c.simulation_id', id).eq('c.month', filter.month).eq('c.kind', filter.kind);
  w.eq('c.branch_id', filter.branchId);
  const r = await selectPage<SimulationChangeRow>(q, {
    columns: `c.month || ':' || c.kind || ':' || c.employee_id || ':' || c.channel AS id, c.month, c.kind,
      c.employee_id AS "employeeId", e.name || '（' || e.code || '）' AS employee, c.branch_id AS "branchId", o.name AS branch,
      c.channel, c.grade_before AS "gradeBefore", c.grade_after AS "gradeAfter", c.points_before AS "pointsBefore",
      c.points_after AS "pointsAfter", c.money_before_fen::int AS "moneyBeforeFen", c.money_after_fen::int AS "moneyAfterFen",
      (c.money_after_fen - c.money_before_fen)::int AS "moneyDeltaFen", c.flags_before AS "flagsBefore", c.flags_after AS "flagsAfter"`,
    from: `FROM simulation_changes c JOIN employees e ON e.id = c.employee_id LEFT JOIN org_units o ON o.id = c.branch_id`,
    where: w,
    tieBreaker: 'c.month, c.kind, e.code, c.channel',
    ...page,
  });
  return r;
}

/** S-10, S-12: the recorded star reviews of a month, with the holder's unit and the June exam of the month's year. */
export async function starMonthFacts(q: Queryable, month: string): Promise<StarMonthFact[]> {
  const rows = await q.query(
    `SELECT m.employee_id, e.unit_id, m.level, m.score::float8 AS score, m.veto, j.score::float8 AS june
     FROM star_monthly m JOIN employees e ON e.id = m.employee_id
     LEFT JOIN star_june_exams j ON j.employee_id = m.employee_id AND j.year = $2
     WHERE m.month = $1 ORDER BY m.employee_id`,
    [month, Number(month.slice(0, 4))],
  );
  return rows.map((r: Record<string, unknown>) => ({
    employeeId: r.employee_id as string,
    unitId: (r.unit_id as string) ?? null,
    level: Number(r.level) as StarLevel,
    score: Number(r.score),
    veto: !!r.veto,
    juneExamScore: r.june === null ? null : Number(r.june),
  }));
}

export interface SimulationResultRow {
  id: string;
  month: string;
  kind: SimulationResultChange['kind'];
  scope: 'person' | 'unit';
  subjectId: string;
  /** 姓名（工号） of a person, the name of a unit */
  subject: string | null;
  unitId: string | null;
  unit: string | null;
  card: string;
  valueBefore: number | null;
  valueAfter: number | null;
  moneyBeforeFen: number;
  moneyAfterFen: number;
  moneyDeltaFen: number;
  detailBefore: Record<string, unknown> | null;
  detailAfter: Record<string, unknown> | null;
}

/** Star pay, repairer score, scorecard and K-5 fine changes of a run, per employee or unit (optionally one kind). */
export async function simulationResults(q: Queryable, id: string, kind?: string): Promise<SimulationResultRow[]> {
  const rows = await q.query(
    `SELECT r.month || ':' || r.kind || ':' || r.card || ':' || r.subject_id AS id, r.month, r.kind, r.scope,
            r.subject_id, CASE WHEN r.scope = 'unit' THEN su.name ELSE e.name || '（' || e.code || '）' END AS subject,
            r.unit_id, u.name AS unit, r.card, r.value_before::float8 AS vb, r.value_after::float8 AS va,
            r.money_before_fen::float8 AS mb, r.money_after_fen::float8 AS ma, r.detail_before, r.detail_after
     FROM simulation_results r
     LEFT JOIN employees e ON r.scope = 'person' AND e.id = r.subject_id
     LEFT JOIN org_units su ON r.scope = 'unit' AND su.id = r.subject_id
     LEFT JOIN org_units u ON u.id = r.unit_id
     WHERE r.simulation_id = $1 AND ($2::text IS NULL OR r.kind = $2)
     ORDER BY r.month, r.kind, r.card, subject`,
    [id, kind ?? null],
  );
  return rows.map((r: Record<string, unknown>) => ({
    id: r.id as string,
    month: r.month as string,
    kind: r.kind as SimulationResultChange['kind'],
    scope: r.scope as 'person' | 'unit',
    subjectId: r.subject_id as string,
    subject: (r.subject as string) ?? null,
    unitId: (r.unit_id as string) ?? null,
    unit: (r.unit as string) ?? null,
    card: r.card as string,
    valueBefore: r.vb === null ? null : Number(r.vb),
    valueAfter: r.va === null ? null : Number(r.va),
    moneyBeforeFen: Number(r.mb),
    moneyAfterFen: Number(r.ma),
    moneyDeltaFen: Number(r.ma) - Number(r.mb),
    detailBefore: (r.detail_before as Record<string, unknown>) ?? null,
    detailAfter: (r.detail_after as Record<string, unknown>) ?? null,
  }));
}
