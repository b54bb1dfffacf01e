import type { Queryable } from '../core/queryable';

const PERSON_NAME = `e.name || '（' || e.code || '）'`;

export interface ScorecardMonthRow {
  month: string;
  status: string;
  summary: unknown;
  round: number;
  policyVersion: number | null;
  caseId: string | null;
  stage: string | null;
  computedAt: string | null;
  postedAt: string | null;
}

const MONTH_COLUMNS = `m.month, m.status, m.summary, m.round, m.policy_version AS "policyVersion", m.case_id AS "caseId", c.stage,
  m.computed_at AS "computedAt", m.posted_at AS "postedAt"`;

export async function listScorecardMonths(q: Queryable, limit: number, offset: number) {
  const [{ total }] = await q.query(`SELECT count(*)::int AS total FROM scorecard_months`);
  const rows: ScorecardMonthRow[] = await q.query(
    `SELECT ${MONTH_COLUMNS} FROM scorecard_months m LEFT JOIN cases c ON c.id = m.case_id
     ORDER BY m.month DESC LIMIT ${Math.floor(limit)} OFFSET ${Math.floor(offset)}`,
  );
  return { rows, total };
}

export async function getScorecardMonth(q: Queryable, month: string): Promise<ScorecardMonthRow | null> {
  const [row] = await q.query(
    `SELECT ${MONTH_COLUMNS} FROM scorecard_months m LEFT JOIN cases c ON c.id = m.case_id WHERE m.month = $1`,
    [month],
  );
  return row ?? null;
}

/** K-9: the month's results per card, best first, with the unit's name and a person's 姓名（工号）. */
export async function scorecardResults(q: Queryable, month: string) {
  return q.query(
    `SELECT r.card, r.scope, r.subject_id AS "subjectId", r.unit_id AS "unitId", o.name AS "unitName",
            CASE WHEN r.scope = 'person' THEN (SELECT ${PERSON_NAME} FROM employees e WHERE e.id = r.subject_id) ELSE o.name END AS name,
            r.total::float AS total, r.rank, r.ranked, r.indicators
     FROM scorecard_results r JOIN org_units o ON o.id = r.unit_id
     WHERE r.month = $1 ORDER BY r.card, r.rank, name`,
    [month],
  );
}

/** K-5: the month's per-person fines with names (fen). */
export async function scorecardFineRows(q: Queryable, month: string) {
  return q.query(
    `SELECT f.employee_id AS "employeeId", ${PERSON_NAME} AS name, f.reason, f.unit_id AS "unitId", o.name AS "unitName",
            f.amount_fen::float8 AS "amountFen", f.why
     FROM scorecard_fines f JOIN employees e ON e.id = f.employee_id JOIN org_units o ON o.id = f.unit_id
     WHERE f.month = $1 ORDER BY o.name, e.code, f.reason`,
    [month],
  );
}
