import type { StarHistoryView, StarHolderView } from '@qf/contracts';
import type { Queryable } from '../core/queryable';
import { selectPage, Where } from '../core/list-page';

/** S-2, S-11, S-12: star holders, their history, company awards, the June exam. */

type Page = { orderBy: string; limit: number; offset: number };

export type StarHolderRow = StarHolderView;

/** `employeeOnly`: only this employee (an agent sees their own) */
export function starHolderPage(
  q: Queryable,
  f: { employeeOnly?: string | null; level?: unknown },
  page: Page,
): Promise<{ rows: StarHolderRow[]; total: number }> {
  const where = new Where();
  if (f.employeeOnly !== undefined) where.and(`h.employee_id = ${where.param(f.employeeOnly)}`);
  where.eq('h.level', f.level);
  return selectPage<StarHolderRow>(q, {
    columns: `h.employee_id AS id, h.employee_id AS "employeeId", e.code AS "employeeCode", e.name AS "employeeName", u.name AS "unitName", h.level,
              h.since::text AS since, h.pay_factor_percent AS "payFactorPercent"`,
    from: `FROM star_holders h JOIN employees e ON e.id = h.employee_id JOIN org_units u ON u.id = e.unit_id`,
    where,
    tieBreaker: 'e.code',
    ...page,
  });
}

export type StarHistoryRow = StarHistoryView & { actor: string; ref: string | null };

export function starHistoryPage(
  q: Queryable,
  f: { employeeOnly?: string | null; employeeId?: unknown },
  page: Page,
): Promise<{ rows: StarHistoryRow[]; total: number }> {
  const where = new Where();
  if (f.employeeOnly !== undefined) where.and(`h.employee_id = ${where.param(f.employeeOnly)}`);
  where.eq('h.employee_id::text', f.employeeId);
  return selectPage<StarHistoryRow>(q, {
    columns: `h.id::text AS id, h.employee_id AS "employeeId", e.name AS "employeeName", e.code AS "employeeCode", h.at, h.effective_from::text AS "effectiveFrom", h.from_level AS "fromLevel",
              h.to_level AS "toLevel", h.kind, h.reason, h.rule, h.actor, h.ref`,
    from: `FROM star_history h JOIN employees e ON e.id = h.employee_id`,
    where,
    tieBreaker: 'h.id DESC',
    ...page,
  });
}

/** the star an employee holds, or undefined */
export async function heldStarLevel(q: Queryable, employeeId: string): Promise<number | undefined> {
  const [h] = await q.query(`SELECT level FROM star_holders WHERE employee_id = $1`, [employeeId]);
  return h?.level;
}

/** S-12: one June exam result (score and rank), replacing an earlier one of the year */
export async function saveJuneExam(
  q: Queryable,
  r: { employeeId: string; year: number; score: number; rank: number },
): Promise<void> {
  await q.query(
    `INSERT INTO star_june_exams (employee_id, year, score, rank) VALUES ($1,$2,$3,$4)
     ON CONFLICT (employee_id, year) DO UPDATE SET score = EXCLUDED.score, rank = EXCLUDED.rank`,
    [r.employeeId, r.year, r.score, r.rank],
  );
}

/** S-12: the second-half pay factor of a holder for the year */
export async function setStarPayFactor(
  q: Queryable,
  employeeId: string,
  percent: number | null,
  year: number,
): Promise<void> {
  await q.query(`UPDATE star_holders SET pay_factor_percent = $2, pay_factor_year = $3 WHERE employee_id = $1`, [
    employeeId,
    percent,
    year,
  ]);
}

export async function employeeExists(q: Queryable, employeeId: string): Promise<boolean> {
  const [e] = await q.query(`SELECT id FROM employees WHERE id = $1`, [employeeId]);
  return !!e;
}

/** S-2: records a company award; false when it was already recorded */
export async function insertEmployeeAward(
  q: Queryable,
  a: { employeeId: string; kind: string; year: number },
): Promise<boolean> {
  const rows = await q.query(
    `INSERT INTO employee_awards (employee_id, kind, year) VALUES ($1,$2,$3) ON CONFLICT DO NOTHING RETURNING employee_id`,
    [a.employeeId, a.kind, a.year],
  );
  return rows.length > 0;
}

export interface EmployeeAwardRow {
  id: string;
  employeeId: string;
  employeeName: string;
  employeeCode: string;
  kind: string;
  year: number;
}

export function employeeAwardPage(
  q: Queryable,
  f: { employeeOnly?: string | null; employeeId?: unknown },
  page: Page,
): Promise<{ rows: EmployeeAwardRow[]; total: number }> {
  const where = new Where();
  if (f.employeeOnly !== undefined) where.and(`a.employee_id = ${where.param(f.employeeOnly)}`);
  where.eq('a.employee_id::text', f.employeeId);
  return selectPage<EmployeeAwardRow>(q, {
    columns: `a.employee_id || ':' || a.kind || ':' || a.year AS id, a.employee_id AS "employeeId", e.name AS "employeeName", e.code AS "employeeCode", a.kind, a.year`,
    from: `FROM employee_awards a JOIN employees e ON e.id = a.employee_id`,
    where,
    tieBreaker: 'e.code',
    ...page,
  });
}
