import type { SatisfactionImportRow } from '@qf/contracts';
import type { Queryable } from '../core/queryable';

const PERSON_NAME = `e.name || '（' || e.code || '）'`;

export interface PerceptionMonthRow {
  month: string;
  status: string;
  summary: unknown;
  round: number;
  caseId: string | null;
  stage: string | null;
  computedAt: string | null;
  postedAt: string | null;
}

const MONTH_COLUMNS = `m.month, m.status, m.summary, m.round, m.case_id AS "caseId", c.stage, m.computed_at AS "computedAt", m.posted_at AS "postedAt"`;

export async function listPerceptionMonths(q: Queryable, limit: number, offset: number) {
  const [{ total }] = await q.query(`SELECT count(*)::int AS total FROM perception_months`);
  const rows: PerceptionMonthRow[] = await q.query(
    `SELECT ${MONTH_COLUMNS} FROM perception_months m LEFT JOIN cases c ON c.id = m.case_id
     ORDER BY m.month DESC LIMIT ${Math.floor(limit)} OFFSET ${Math.floor(offset)}`,
  );
  return { rows, total };
}

export async function getPerceptionMonth(q: Queryable, month: string): Promise<PerceptionMonthRow | null> {
  const [row] = await q.query(
    `SELECT ${MONTH_COLUMNS} FROM perception_months m LEFT JOIN cases c ON c.id = m.case_id WHERE m.month = $1`,
    [month],
  );
  return row ?? null;
}

/** The month's people (P-2), worst first, with 姓名（工号） and unit, optionally only those with points or a grade. */
export async function perceptionPeople(q: Queryable, month: string) {
  const rows = await q.query(
    `SELECT r.employee_id AS "employeeId", ${PERSON_NAME} AS name, o.name AS "unitName", r.channel, r.score::float AS score,
            r.sample, r.rank, r.ranked, r.below_standard AS "belowStandard", r.below_months_before AS "belowMonthsBefore",
            r.points_x10 AS "pointsX10", r.grade,
            EXISTS (SELECT 1 FROM training_assignments t WHERE t.month = r.month AND t.employee_id = r.employee_id) AS training
     FROM perception_results r JOIN employees e ON e.id = r.employee_id JOIN org_units o ON o.id = e.unit_id
     WHERE r.month = $1 ORDER BY r.channel, r.rank DESC, e.code`,
    [month],
  );
  return rows;
}

/** The month's units (P-1, P-3, P-5) with their names and, for P-3, who answers for them. */
export async function perceptionUnitResults(q: Queryable, month: string) {
  return q.query(
    `SELECT u.unit_id AS "unitId", o.name, o.kind, o.operator, u.channel, u.scope, u.score::float AS score, u.sample,
            u.rank, u.ranked, u.below_standard AS "belowStandard", u.below_months_in_year AS "belowMonthsInYear",
            u.penalty, u.supervision,
            (SELECT ${PERSON_NAME} FROM employees e WHERE e.id = (u.penalty->>'employeeId')::uuid) AS "leadName",
            (SELECT l.commission_percent::float FROM unit_ledger_entries l
             WHERE l.unit_id = u.unit_id AND l.month = u.month AND l.reason = 'perception-P-3-commission') AS "commissionPosted"
     FROM perception_unit_results u JOIN org_units o ON o.id = u.unit_id
     WHERE u.month = $1 ORDER BY u.scope, u.channel, u.rank`,
    [month],
  );
}

/** P-1: one ranking (month, channel, level) best first, with names; figures before any run come from the table. */
export async function satisfactionRanking(q: Queryable, month: string, channel: string, scope: string) {
  return q.query(
    `SELECT s.subject_id AS "subjectId",
            CASE WHEN s.scope = 'person' THEN (SELECT ${PERSON_NAME} FROM employees e WHERE e.id = s.subject_id)
                 ELSE (SELECT name FROM org_units o WHERE o.id = s.subject_id) END AS name,
            s.score::float AS score, s.sample, s.source,
            rank() OVER (ORDER BY s.score DESC)::int AS rank, count(*) OVER ()::int AS ranked
     FROM satisfaction_scores s WHERE s.month = $1 AND s.channel = $2 AND s.scope = $3 AND s.sample > 0
     ORDER BY s.score DESC, name`,
    [month, channel, scope],
  );
}

/** Month-over-month trend of one level's average (P-1 chart): the year of `month`. */
export async function satisfactionTrend(q: Queryable, month: string, channel: string, scope: string) {
  return q.query(
    `SELECT month, round(avg(score), 2)::float AS average, count(*)::int AS subjects
     FROM satisfaction_scores WHERE month >= $1 AND month <= $2 AND channel = $3 AND scope = $4 AND sample > 0
     GROUP BY month ORDER BY month`,
    [`${month.slice(0, 4)}-01`, month, channel, scope],
  );
}

/** Resolves import codes: 工号 for people, org unit codes for units. */
export async function subjectIdsByCode(q: Queryable, codes: { person: string[]; unit: string[] }) {
  const people = await q.query(`SELECT id, code FROM employees WHERE code = ANY($1::text[])`, [codes.person]);
  const units = await q.query(`SELECT id, code, kind FROM org_units WHERE code = ANY($1::text[])`, [codes.unit]);
  return {
    person: new Map<string, string>(people.map((r: { id: string; code: string }) => [r.code, r.id])),
    unit: new Map<string, { id: string; kind: string }>(
      units.map((r: { id: string; code: string; kind: string }) => [r.code, { id: r.id, kind: r.kind }]),
    ),
  };
}

/** Imported figures: upsert by (month, channel, level, subject) — a corrected file replaces the month's figures. */
export async function upsertImportedScores(
  q: Queryable,
  rows: (SatisfactionImportRow & { subjectId: string })[],
  userId: string,
): Promise<number> {
  if (!rows.length) return 0;
  const r = await q.query(
    `INSERT INTO satisfaction_scores (month, channel, scope, subject_id, score, sample, source, imported_by)
     SELECT m, c, s, id, sc, n, 'import', $7 FROM unnest($1::text[], $2::text[], $3::text[], $4::uuid[], $5::numeric[], $6::int[]) AS x(m, c, s, id, sc, n)
     ON CONFLICT (month, channel, scope, subject_id) DO UPDATE
       SET score = EXCLUDED.score, sample = EXCLUDED.sample, source = 'import', imported_by = EXCLUDED.imported_by, updated_at = now()
     RETURNING 1`,
    [
      rows.map((x) => x.month),
      rows.map((x) => x.channel),
      rows.map((x) => x.scope),
      rows.map((x) => x.subjectId),
      rows.map((x) => x.score),
      rows.map((x) => x.sample),
      userId,
    ],
  );
  return r.length;
}

/** Months whose perception run is posted: their figures are final (an import would change nothing that is paid). */
export async function postedMonths(q: Queryable, months: string[]): Promise<string[]> {
  const rows = await q.query(
    `SELECT month FROM perception_months WHERE status = 'posted' AND month = ANY($1::text[])`,
    [months],
  );
  return rows.map((r: { month: string }) => r.month);
}
