import type { Grade, PerceptionMonthResult, PerceptionUnitInfo, SatisfactionFact } from '@qf/domain';
import type { Queryable } from '../core/queryable';

const num = (v: unknown) => Number(v);

/**
 * P-1 figures the product holds itself: each month's customer callbacks on closed repair orders (E-3 answers of
 * dispatchers and managers), as the mean E-3 score × 10 (satisfied 100, basic 80, dissatisfied 60), per repairer,
 * team, and the team's branch and centre. Replaces the month's earlier callback figures; imported figures stay.
 */
export async function refreshCallbackScores(q: Queryable, month: string, timeZone: string): Promise<number> {
  await q.query(`DELETE FROM satisfaction_scores WHERE month = $1 AND source = 'callbacks'`, [month]);
  const rows = await q.query(
    `WITH RECURSIVE answered AS (
       SELECT w.repairer_id, w.team_unit_id, e.score
       FROM evaluations e JOIN work_orders w ON w.id = e.order_id
       WHERE e.kind IN ('dispatcher','manager') AND e.score IS NOT NULL
         AND to_char(w.closed_at AT TIME ZONE $2, 'YYYY-MM') = $1
     ), up AS (
       SELECT id AS team_id, id, parent_id, kind FROM org_units WHERE kind = 'team'
       UNION ALL SELECT up.team_id, o.id, o.parent_id, o.kind FROM up JOIN org_units o ON o.id = up.parent_id
     ), figures AS (
       SELECT 'person' AS scope, repairer_id AS subject_id, avg(score) * 10 AS score, count(*) AS sample FROM answered GROUP BY repairer_id
       UNION ALL
       SELECT 'team', team_unit_id, avg(score) * 10, count(*) FROM answered GROUP BY team_unit_id
       UNION ALL
       SELECT up.kind, up.id, avg(a.score) * 10, count(*) FROM answered a JOIN up ON up.team_id = a.team_unit_id
       WHERE up.kind IN ('branch','centre') GROUP BY up.kind, up.id
     )
     INSERT INTO satisfaction_scores (month, channel, scope, subject_id, score, sample, source)
     SELECT $1, 'repair', scope, subject_id, round(score, 2), sample, 'callbacks' FROM figures
     ON CONFLICT (month, channel, scope, subject_id) DO NOTHING
     RETURNING 1`,
    [month, timeZone],
  );
  return rows.length;
}

/** Every satisfaction figure of the calendar year up to and including `month`. */
export async function yearToDateFacts(q: Queryable, month: string): Promise<SatisfactionFact[]> {
  const rows = await q.query(
    `SELECT month, channel, scope, subject_id, score, sample FROM satisfaction_scores
     WHERE month >= $2 AND month <= $1 ORDER BY month, channel, scope, subject_id`,
    [month, `${month.slice(0, 4)}-01`],
  );
  return rows.map((r: Record<string, unknown>) => ({
    month: r.month as string,
    channel: r.channel as string,
    scope: r.scope as string,
    subjectId: r.subject_id as string,
    score: num(r.score),
    sample: num(r.sample),
  }));
}

/** P-3: teams and halls, their kind and who answers for them (the unit's team lead by login role, first by 工号). */
export async function perceptionUnits(q: Queryable): Promise<Record<string, PerceptionUnitInfo>> {
  const rows = await q.query(
    `SELECT o.id, o.kind, o.operator,
            (SELECT e.id FROM employees e JOIN users u ON u.employee_id = e.id
             WHERE e.unit_id = o.id AND 'team-lead' = ANY(u.roles) AND u.active ORDER BY e.code LIMIT 1) AS lead
     FROM org_units o WHERE o.kind IN ('team','hall')`,
  );
  const out: Record<string, PerceptionUnitInfo> = {};
  for (const r of rows)
    out[r.id] = {
      kind: r.kind === 'team' ? 'team' : r.operator === 'agent' ? 'agent-hall' : 'own-hall',
      leadEmployeeId: r.lead ?? null,
    };
  return out;
}

/** The month's results, replacing an earlier computation of the same month (a review's "return" recomputes). */
export async function saveResults(q: Queryable, r: PerceptionMonthResult): Promise<void> {
  await q.query(`DELETE FROM perception_results WHERE month = $1`, [r.month]);
  await q.query(`DELETE FROM perception_unit_results WHERE month = $1`, [r.month]);
  await q.query(`DELETE FROM training_assignments WHERE month = $1`, [r.month]);
  if (r.people.length)
    await q.query(
      `INSERT INTO perception_results (month, employee_id, channel, score, sample, rank, ranked, below_standard, below_months_before, points_x10, grade, reasons)
       SELECT $1, * FROM unnest($2::uuid[], $3::text[], $4::numeric[], $5::int[], $6::int[], $7::int[], $8::bool[], $9::int[], $10::int[], $11::text[], $12::jsonb[])`,
      [
        r.month,
        r.people.map((p) => p.employeeId),
        r.people.map((p) => p.channel),
        r.people.map((p) => p.score),
        r.people.map((p) => p.sample),
        r.people.map((p) => p.rank),
        r.people.map((p) => p.ranked),
        r.people.map((p) => p.belowStandard),
        r.people.map((p) => p.belowMonthsBefore),
        r.people.map((p) => p.pointsX10),
        r.people.map((p) => p.grade),
        r.people.map((p) => JSON.stringify(p.reasons)),
      ],
    );
  if (r.units.length)
    await q.query(
      `INSERT INTO perception_unit_results (month, unit_id, channel, scope, score, sample, rank, ranked, below_standard, below_months_in_year, penalty, supervision)
       SELECT $1, * FROM unnest($2::uuid[], $3::text[], $4::text[], $5::numeric[], $6::int[], $7::int[], $8::int[], $9::bool[], $10::int[], $11::jsonb[], $12::jsonb[])`,
      [
        r.month,
        r.units.map((u) => u.unitId),
        r.units.map((u) => u.channel),
        r.units.map((u) => u.scope),
        r.units.map((u) => u.score),
        r.units.map((u) => u.sample),
        r.units.map((u) => u.rank),
        r.units.map((u) => u.ranked),
        r.units.map((u) => u.belowStandard),
        r.units.map((u) => u.belowMonthsInYear),
        r.units.map((u) => (u.penalty ? JSON.stringify(u.penalty) : null)),
        r.units.map((u) => (u.supervision ? JSON.stringify(u.supervision) : null)),
      ],
    );
  for (const t of r.training)
    await q.query(
      `INSERT INTO training_assignments (quarter, employee_id, channel, score, rank, ranked, reason, month)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8) ON CONFLICT (quarter, employee_id, channel) DO NOTHING`,
      [t.quarter, t.employeeId, t.channel, t.score, t.rank, t.ranked, t.reason, r.month],
    );
}

export async function setPerceptionMonth(
  q: Queryable,
  month: string,
  patch: { status?: string; summary?: unknown; round?: number; caseId?: string; posted?: boolean; computed?: boolean },
): Promise<void> {
  await q.query(
    `INSERT INTO perception_months (month, case_id, status, summary, round, computed_at, posted_at)
     VALUES ($1, $2, COALESCE($3, 'computing'), $4, COALESCE($5, 0), CASE WHEN $6 THEN now() END, CASE WHEN $7 THEN now() END)
     ON CONFLICT (month) DO UPDATE SET
       case_id = COALESCE(perception_months.case_id, EXCLUDED.case_id),
       status = COALESCE($3, perception_months.status),
       summary = COALESCE($4, perception_months.summary),
       round = COALESCE($5, perception_months.round),
       computed_at = CASE WHEN $6 THEN now() ELSE perception_months.computed_at END,
       posted_at = CASE WHEN $7 THEN now() ELSE perception_months.posted_at END`,
    [
      month,
      patch.caseId ?? null,
      patch.status ?? null,
      patch.summary === undefined ? null : JSON.stringify(patch.summary),
      patch.round ?? null,
      !!patch.computed,
      !!patch.posted,
    ],
  );
}

/** What posting books: P-2 points per person and P-3 points of the answering lead, one line per (employee, rule). */
export async function postingLines(
  q: Queryable,
  month: string,
): Promise<{ employeeId: string; reason: string; pointsX10: number }[]> {
  const people = await q.query(
    `SELECT employee_id, sum(points_x10)::int AS p FROM perception_results WHERE month = $1 AND points_x10 > 0 GROUP BY employee_id`,
    [month],
  );
  const leads = await q.query(
    `SELECT penalty->>'employeeId' AS employee_id, sum((penalty->>'pointsX10')::int)::int AS p
     FROM perception_unit_results WHERE month = $1 AND penalty IS NOT NULL AND penalty->>'employeeId' IS NOT NULL
       AND (penalty->>'pointsX10')::int > 0 GROUP BY 1`,
    [month],
  );
  return [
    ...people.map((r: { employee_id: string; p: number }) => ({
      employeeId: r.employee_id,
      reason: 'perception-P-2',
      pointsX10: r.p,
    })),
    ...leads.map((r: { employee_id: string; p: number }) => ({
      employeeId: r.employee_id,
      reason: 'perception-P-3',
      pointsX10: r.p,
    })),
  ];
}

/** What a settlement takes from a posted perception month for one employee: P-2 grade reasons and P-4 training. */
export interface SettlementPerception {
  reasons: { rule: string; grade: Grade | null; message: string }[];
  training: string | null;
}

/** H-1 inputs from perception: each employee's P-2 grade of the month and the P-4 training of the quarter it ends. */
export async function settlementPerception(q: Queryable, month: string): Promise<Map<string, SettlementPerception>> {
  const rows = await q.query(
    `SELECT employee_id, grade, reasons, NULL AS training FROM perception_results r
     WHERE r.month = $1 AND r.grade IS NOT NULL AND EXISTS (SELECT 1 FROM perception_months m WHERE m.month = $1 AND m.status = 'posted')
     UNION ALL
     SELECT employee_id, NULL, '[]'::jsonb,
            substr(t.quarter, 1, 4) || ' 年第 ' || substr(t.quarter, 7) || ' 季度满意度 ' || t.score::text || '，全市排名 ' || t.rank || '/' || t.ranked || '，参加集中培训（P-4）'
     FROM training_assignments t
     WHERE t.month = $1 AND EXISTS (SELECT 1 FROM perception_months m WHERE m.month = $1 AND m.status = 'posted')`,
    [month],
  );
  const out = new Map<string, SettlementPerception>();
  for (const r of rows) {
    const cur = out.get(r.employee_id) ?? { reasons: [], training: null };
    if (r.grade)
      cur.reasons.push(
        ...(r.reasons as { rule: string; message: string }[]).map((x) => ({ ...x, grade: r.grade as Grade })),
      );
    if (r.training) cur.training = r.training;
    out.set(r.employee_id, cur);
  }
  return out;
}

/** P-5: a month's hall with a supervision order, its branch, and the rectification case opened for it (if any). */
export interface SupervisionOrderRow {
  unitId: string;
  unitName: string;
  branchId: string | null;
  dueAt: string;
  reason: string;
  caseId: string | null;
}

/** P-5: the month's supervision orders (one per hall and channel row), with the hall's branch. */
export async function supervisionOrders(q: Queryable, month: string): Promise<SupervisionOrderRow[]> {
  return q.query(
    `WITH RECURSIVE up AS (
       SELECT u.unit_id AS hall_id, o.id, o.parent_id, o.kind FROM perception_unit_results u
       JOIN org_units o ON o.id = u.unit_id WHERE u.month = $1 AND u.supervision IS NOT NULL
       UNION ALL SELECT up.hall_id, o.id, o.parent_id, o.kind FROM up JOIN org_units o ON o.id = up.parent_id
     )
     SELECT DISTINCT ON (u.unit_id) u.unit_id AS "unitId", o.name AS "unitName",
            (SELECT up.id FROM up WHERE up.hall_id = u.unit_id AND up.kind = 'branch' LIMIT 1) AS "branchId",
            u.supervision->>'dueAt' AS "dueAt", u.supervision->>'reason' AS reason,
            (u.supervision->>'caseId')::uuid AS "caseId"
     FROM perception_unit_results u JOIN org_units o ON o.id = u.unit_id
     WHERE u.month = $1 AND u.supervision IS NOT NULL ORDER BY u.unit_id, u.channel`,
    [month],
  );
}

/** P-5: records the rectification case of a hall's supervision order on the month's unit results. */
export async function setSupervisionCase(q: Queryable, month: string, unitId: string, caseId: string): Promise<void> {
  await q.query(
    `UPDATE perception_unit_results SET supervision = supervision || jsonb_build_object('caseId', $3::text)
     WHERE month = $1 AND unit_id = $2 AND supervision IS NOT NULL`,
    [month, unitId, caseId],
  );
}

/** A case's id and pinned versions by its natural key. */
export async function caseByBusinessKey(
  q: Queryable,
  kind: string,
  businessKey: string,
): Promise<{ id: string; workflowId: string; policyVersion: number; flowVersion: number; data: unknown } | null> {
  const [r] = await q.query(
    `SELECT id, workflow_id AS "workflowId", policy_version AS "policyVersion", flow_version AS "flowVersion", data
     FROM cases WHERE kind = $1 AND business_key = $2`,
    [kind, businessKey],
  );
  return r ?? null;
}
