import type { Queryable } from '../core/queryable';

/**
 * Issue 18: the cases a settlement row's why counted, by the ledger group its rules name (`month:<severity>`,
 * `year:<severity>` — the ruling cases of the month, of the calendar year to the month — and `month:points`, the month's
 * cases with points), read from the ledger for one row when a person opens it. The ledger takes postings only (a
 * correction is a new entry), so the entries counted are the ones posted up to the computation (`computed_at`); a
 * group whose number differs from the count its rule stored had postings while the computation ran.
 * The order is the gather's: rulings by month, posting time and case; the cases with points by id. With the row's stored
 * why; null when there is no such row (in the caller's branch, `scopeBranch`).
 */
export async function settlementRowLedgerCases(
  q: Queryable,
  settlementId: string,
  employeeId: string,
  scopeBranch: string | null,
): Promise<{ why: unknown; groups: Map<string, (string | null)[]> } | null> {
  const [row]: { month: string; why: unknown }[] = await q.query(
    `SELECT s.month, r.why FROM settlement_rows r JOIN settlements s ON s.id = r.settlement_id
     WHERE r.settlement_id = $1 AND r.employee_id = $2 AND ($3::uuid IS NULL OR r.branch_id = $3)`,
    [settlementId, employeeId, scopeBranch],
  );
  if (!row) return null;
  const entries: { month: string; ruling: string | null; case_id: string | null; points: boolean }[] = await q.query(
    `SELECT month, CASE WHEN reason = 'ruling' THEN severity END AS ruling, case_id, points_x10 <> 0 AS points
     FROM ledger_entries
     WHERE employee_id = $1 AND month BETWEEN $2 AND $3
       -- the time of the computation stays in SQL (microseconds; a JS Date would cut them)
       AND created_at <= COALESCE((SELECT computed_at FROM settlements WHERE id = $4), 'infinity')
       AND (reason = 'ruling' AND severity IS NOT NULL OR month = $3 AND case_id IS NOT NULL AND points_x10 <> 0)
     ORDER BY month, created_at, case_id`,
    [employeeId, `${row.month.slice(0, 4)}-01`, row.month, settlementId],
  );
  const groups = new Map<string, (string | null)[]>();
  const add = (g: string, id: string | null) => (groups.get(g) ?? groups.set(g, []).get(g)!).push(id);
  const withPoints = new Set<string>();
  for (const e of entries) {
    if (e.ruling) {
      if (e.month === row.month) add(`month:${e.ruling}`, e.case_id);
      add(`year:${e.ruling}`, e.case_id);
    }
    if (e.month === row.month && e.case_id && e.points) withPoints.add(e.case_id);
  }
  groups.set('month:points', [...withPoints].sort());
  return { why: row.why, groups };
}
