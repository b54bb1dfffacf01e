import type { IndicatorImportRow, InterviewRecord } from '@qf/contracts';
import type { Queryable } from '../core/queryable';
import { recordNotifications } from '../notifications/notifications.repository';

const PERSON_NAME = `e.name || '（' || e.code || '）'`;

/** Org units by code (the indicator import names units by their code). */
export async function unitsByCode(q: Queryable, codes: string[]): Promise<Map<string, { id: string; name: string }>> {
  const rows = await q.query(`SELECT id, code, name FROM org_units WHERE code = ANY($1::text[])`, [codes]);
  return new Map(rows.map((r: { id: string; code: string; name: string }) => [r.code, { id: r.id, name: r.name }]));
}

/**
 * P-6: a month's indicator results (upsert by month, unit, indicator: a corrected file replaces them); `userId` null
 * for the scorecard month's feed.
 */
export async function upsertIndicatorResults(
  q: Queryable,
  rows: (Pick<IndicatorImportRow, 'month' | 'indicator' | 'value' | 'target' | 'passed'> & { unitId: string })[],
  userId: string | null,
): Promise<number> {
  if (!rows.length) return 0;
  const r = await q.query(
    `INSERT INTO indicator_results (month, unit_id, indicator, value, target, passed, imported_by)
     SELECT m, u, i, v, t, p, $7 FROM unnest($1::text[], $2::uuid[], $3::text[], $4::numeric[], $5::numeric[], $6::bool[]) AS x(m, u, i, v, t, p)
     ON CONFLICT (month, unit_id, indicator) DO UPDATE
       SET value = EXCLUDED.value, target = EXCLUDED.target, passed = EXCLUDED.passed, imported_by = EXCLUDED.imported_by, updated_at = now()
     RETURNING 1`,
    [
      rows.map((x) => x.month),
      rows.map((x) => x.unitId),
      rows.map((x) => x.indicator),
      rows.map((x) => x.value),
      rows.map((x) => x.target),
      rows.map((x) => x.passed),
      userId,
    ],
  );
  return r.length;
}

/** P-6: units failing at least one indicator in `month`, with the failed indicators and their failing months before. */
export async function failingUnits(
  q: Queryable,
  month: string,
): Promise<{ unitId: string; unitName: string; failed: string[]; failingMonthsBefore: number }[]> {
  return q.query(
    `SELECT r.unit_id AS "unitId", o.name AS "unitName", array_agg(r.indicator ORDER BY r.indicator) AS failed,
            (SELECT count(DISTINCT b.month)::int FROM indicator_results b
             WHERE b.unit_id = r.unit_id AND NOT b.passed AND b.month >= $2 AND b.month < $1) AS "failingMonthsBefore"
     FROM indicator_results r JOIN org_units o ON o.id = r.unit_id
     WHERE r.month = $1 AND NOT r.passed GROUP BY r.unit_id, o.name ORDER BY o.name`,
    [month, `${month.slice(0, 4)}-01`],
  );
}

/** P-6: records a failing month once; false when it was already recorded (nothing to do again). */
export async function insertIndicatorFailure(
  q: Queryable,
  f: {
    unitId: string;
    month: string;
    failureNo: number;
    card: string;
    orgScoreX10: number;
    failed: string[];
    notices: unknown[];
  },
): Promise<boolean> {
  const r = await q.query(
    `INSERT INTO indicator_failures (unit_id, month, failure_no, card, org_score_x10, failed_indicators, notices)
     VALUES ($1,$2,$3,$4,$5,$6,$7) ON CONFLICT (unit_id, month) DO NOTHING RETURNING 1`,
    [f.unitId, f.month, f.failureNo, f.card, f.orgScoreX10, JSON.stringify(f.failed), JSON.stringify(f.notices)],
  );
  return r.length > 0;
}

export interface NamedPerson {
  employeeId: string;
  userId: string | null;
  name: string;
}

/**
 * P-6 people of a unit: its branch's head (login role branch-head in the branch), the branch VP (岗位 containing
 * 副经理 in the branch), the VP in charge (the branch head's VP (O-1 vpId), else the first leadership login whose post
 * is 副总…) and the general manager (post 总经理).
 */
export async function cardPeople(
  q: Queryable,
  unitId: string,
): Promise<{
  branchId: string | null;
  branchHead: NamedPerson | null;
  branchVp: NamedPerson | null;
  vp: NamedPerson | null;
  generalManager: NamedPerson | null;
}> {
  const person = (where: string) =>
    `(SELECT json_build_object('employeeId', e.id, 'userId', u.id, 'name', ${PERSON_NAME})
      FROM employees e LEFT JOIN users u ON u.employee_id = e.id AND u.active WHERE ${where} ORDER BY e.code LIMIT 1)`;
  const [r] = await q.query(
    `WITH RECURSIVE up AS (
       SELECT id, parent_id, kind FROM org_units WHERE id = $1
       UNION ALL SELECT o.id, o.parent_id, o.kind FROM org_units o JOIN up ON o.id = up.parent_id
     ), b AS (SELECT id FROM up WHERE kind = 'branch' LIMIT 1)
     SELECT (SELECT id FROM b) AS "branchId",
       ${person(`e.unit_id = (SELECT id FROM b) AND 'branch-head' = ANY(u.roles)`)} AS "branchHead",
       ${person(`e.unit_id = (SELECT id FROM b) AND e.post LIKE '%副经理%'`)} AS "branchVp",
       COALESCE(${person(`e.id = (SELECT bh.vp_id FROM employees bh JOIN users bu ON bu.employee_id = bh.id
           WHERE bh.unit_id = (SELECT id FROM b) AND 'branch-head' = ANY(bu.roles) ORDER BY bh.code LIMIT 1)`)},
         ${person(`'leadership' = ANY(u.roles) AND e.post LIKE '%副总%'`)}) AS vp,
       ${person(`e.post = '总经理'`)} AS "generalManager"`,
    [unitId],
  );
  return r;
}

/** A person by employee id, with their login (P-7: the department head). */
export async function namedPerson(q: Queryable, employeeId: string): Promise<NamedPerson | null> {
  const [r] = await q.query(
    `SELECT e.id AS "employeeId", u.id AS "userId", ${PERSON_NAME} AS name
     FROM employees e LEFT JOIN users u ON u.employee_id = e.id AND u.active WHERE e.id = $1 ORDER BY u.username LIMIT 1`,
    [employeeId],
  );
  return r ?? null;
}

export async function unitName(q: Queryable, unitId: string): Promise<string | null> {
  const [r] = await q.query(`SELECT name FROM org_units WHERE id = $1`, [unitId]);
  return r?.name ?? null;
}

/** A named notice (P-6): to the person's login, or to the role when nobody holds the post. */
export async function insertNamedNotice(
  q: Queryable,
  n: { key: string; role: string | null; userId: string | null; message: string },
): Promise<void> {
  await recordNotifications(q, [{ key: n.key, kind: 'notice', role: n.role, userId: n.userId, message: n.message }]);
}

export async function insertInterview(
  q: Queryable,
  i: {
    caseId: string;
    origin: string;
    unitId: string;
    month: string | null;
    incidentId: string | null;
    intervieweeId: string | null;
    reason: string;
    dueAt: string;
  },
): Promise<void> {
  await q.query(
    `INSERT INTO interviews (case_id, origin, unit_id, month, incident_id, interviewee_id, reason, due_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8) ON CONFLICT (case_id) DO NOTHING`,
    [i.caseId, i.origin, i.unitId, i.month, i.incidentId, i.intervieweeId, i.reason, i.dueAt],
  );
}

export async function recordInterview(q: Queryable, caseId: string, record: InterviewRecord): Promise<void> {
  await q.query(`UPDATE interviews SET record = $2, recorded_at = now() WHERE case_id = $1`, [
    caseId,
    JSON.stringify(record),
  ]);
}

export async function insertIncident(
  q: Queryable,
  i: {
    title: string;
    description: string;
    occurredAt: string;
    unitId: string;
    departmentHeadId: string;
    major: boolean;
    createdBy: string;
  },
): Promise<string> {
  const [r] = await q.query(
    `INSERT INTO incidents (title, description, occurred_at, unit_id, department_head_id, major, created_by)
     VALUES ($1,$2,$3,$4,$5,$6,$7) RETURNING id`,
    [i.title, i.description, i.occurredAt, i.unitId, i.departmentHeadId, i.major, i.createdBy],
  );
  return r.id;
}

export async function setIncidentCase(q: Queryable, incidentId: string, caseId: string): Promise<void> {
  await q.query(`UPDATE incidents SET case_id = $2 WHERE id = $1`, [incidentId, caseId]);
}

/** P-6 board: each unit's failing months of the year with card, deduction, notices and interviews. */
export async function indicatorBoard(q: Queryable, year: number) {
  return q.query(
    `SELECT f.unit_id AS "unitId", o.name AS "unitName", f.month, f.failure_no AS "failureNo", f.card,
            f.org_score_x10 AS "orgScoreX10", f.failed_indicators AS "failedIndicators", f.notices,
            COALESCE((SELECT json_agg(json_build_object('caseId', i.case_id, 'interviewee',
                       (SELECT ${PERSON_NAME} FROM employees e WHERE e.id = i.interviewee_id),
                       'dueAt', i.due_at, 'recorded', i.record IS NOT NULL, 'reason', i.reason) ORDER BY i.created_at)
                      FROM interviews i WHERE i.unit_id = f.unit_id AND i.month = f.month AND i.origin = 'indicator-card'), '[]') AS interviews
     FROM indicator_failures f JOIN org_units o ON o.id = f.unit_id
     WHERE f.month >= $1 AND f.month <= $2 ORDER BY o.name, f.month`,
    [`${year}-01`, `${year}-12`],
  );
}

/** P-6: a month's units ranked by indicators met (most first), with the failed ones. */
export async function indicatorRanking(q: Queryable, month: string) {
  return q.query(
    `SELECT r.unit_id AS "unitId", o.name AS "unitName", count(*)::int AS indicators,
            count(*) FILTER (WHERE r.passed)::int AS passed,
            COALESCE(array_agg(r.indicator ORDER BY r.indicator) FILTER (WHERE NOT r.passed), '{}') AS failed,
            rank() OVER (ORDER BY count(*) FILTER (WHERE NOT r.passed), count(*) FILTER (WHERE r.passed) DESC)::int AS rank
     FROM indicator_results r JOIN org_units o ON o.id = r.unit_id WHERE r.month = $1
     GROUP BY r.unit_id, o.name ORDER BY rank, o.name`,
    [month],
  );
}

/** An interview with its record (the interview stage's panel). */
export async function getInterview(q: Queryable, caseId: string) {
  const [r] = await q.query(
    `SELECT i.case_id AS "caseId", i.origin, i.unit_id AS "unitId", o.name AS "unitName", i.month, i.reason,
            i.due_at AS "dueAt", i.record, i.recorded_at AS "recordedAt",
            (SELECT ${PERSON_NAME} FROM employees e WHERE e.id = i.interviewee_id) AS interviewee,
            inc.title AS "incidentTitle"
     FROM interviews i JOIN org_units o ON o.id = i.unit_id LEFT JOIN incidents inc ON inc.id = i.incident_id
     WHERE i.case_id = $1`,
    [caseId],
  );
  return r ?? null;
}

/** P-7: people whom an incident may name as the responsible department head, by name or 工号 (the first 20). */
export async function searchPeople(q: Queryable, text: string): Promise<{ id: string; name: string }[]> {
  return q.query(
    `SELECT e.id, ${PERSON_NAME} AS name FROM employees e
     WHERE e.name ILIKE $1 OR e.code ILIKE $1 ORDER BY e.code LIMIT 20`,
    [`%${text.replace(/[\\%_]/g, (m) => `\\${m}`)}%`],
  );
}
