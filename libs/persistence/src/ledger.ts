import { bookingMonth } from '@qf/domain';
import type { Queryable } from './core/queryable';
import { selectPage, Where } from './core/list-page';

type Tx = Queryable;

export interface LedgerEntryInput {
  employeeId: string;
  reason: string;
  pointsX10: number;
  moneyFen?: number | null;
  severity?: string | null;
}

/**
 * Books ledger entries of one case for `month`, once per (case, employee, reason) — a retry or a double click never
 * posts twice. H-2: a locked month takes no entry; it goes to the next open month naming its original month.
 * Returns how many entries were new.
 */
export async function bookLedgerEntries(
  tx: Tx,
  e: { caseId: string; workflowId: string; source: string; month: string; lines: LedgerEntryInput[] },
): Promise<number> {
  const locked = (await tx.query(`SELECT month FROM month_locks`)).map((r: { month: string }) => r.month);
  const booking = bookingMonth(e.month, locked);
  let posted = 0;
  for (const l of e.lines) {
    const rows = await tx.query(
      `INSERT INTO ledger_entries (employee_id, month, case_id, source, reason, points_x10, money_fen, workflow_id, severity, original_month)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10) ON CONFLICT (case_id, employee_id, reason) DO NOTHING RETURNING id`,
      [
        l.employeeId,
        booking.month,
        e.caseId,
        e.source,
        l.reason,
        l.pointsX10,
        l.moneyFen ?? null,
        e.workflowId,
        l.severity ?? null,
        booking.adjustment ? e.month : null,
      ],
    );
    posted += rows.length;
  }
  return posted;
}

export interface LedgerRow {
  id: string;
  employeeId: string;
  employeeName: string;
  employeeCode: string;
  month: string;
  caseId: string | null;
  caseTitle: string | null;
  caseKind: string | null;
  source: string;
  reason: string;
  /** points ×10 */
  points: number;
  moneyFen: number | null;
  adjustsId: string | null;
  createdAt: Date;
}

/** The sortable fields of the ledger list and their columns. */
export const LEDGER_SORT = {
  createdAt: 'l.created_at',
  month: 'l.month',
  points: 'l.points_x10',
  id: 'l.id',
  employeeName: 'e.name',
};

/**
 * One page of the points ledger. `ownEmployeeId` (when set) limits it to that employee's rows (an employee's own view);
 * filters: employee, case, month, source, and `q` (姓名 or 工号).
 */
export async function listLedgerEntries(
  q: Queryable,
  o: {
    ownEmployeeId: string | null | undefined;
    filter: Record<string, unknown>;
    orderBy: string;
    limit: number;
    offset: number;
  },
): Promise<{ rows: LedgerRow[]; total: number }> {
  const f = o.filter;
  const text = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
  const where = new Where();
  if (o.ownEmployeeId !== undefined) where.and(`l.employee_id = ${where.param(o.ownEmployeeId)}`);
  where
    .eq('l.employee_id::text', text(f.employeeId))
    .eq('l.case_id::text', text(f.caseId))
    .eq('l.month', text(f.month))
    .eq('l.source', text(f.source));
  if (typeof f.q === 'string' && f.q.trim()) {
    const t = where.param(`%${f.q.trim()}%`);
    where.and(`(e.name ILIKE ${t} OR e.code ILIKE ${t})`);
  }
  return selectPage<LedgerRow>(q, {
    columns: `l.id, l.employee_id AS "employeeId", e.name AS "employeeName", e.code AS "employeeCode", l.month, l.case_id AS "caseId",
      (SELECT c.title FROM cases c WHERE c.id = l.case_id) AS "caseTitle", (SELECT c.kind FROM cases c WHERE c.id = l.case_id) AS "caseKind",
      l.source, l.reason, l.points_x10 AS points, l.money_fen::float8 AS "moneyFen", l.adjusts_id AS "adjustsId", l.created_at AS "createdAt"`,
    from: 'FROM ledger_entries l JOIN employees e ON e.id = l.employee_id',
    where,
    orderBy: o.orderBy,
    tieBreaker: 'l.id',
    limit: o.limit,
    offset: o.offset,
  });
}

/** The ledger rows a case posted (its page), by employee name and reason. */
export async function caseLedgerEntries(q: Queryable, caseId: string): Promise<Record<string, unknown>[]> {
  return q.query(
    `SELECT l.id, l.employee_id AS "employeeId", e.name AS "employeeName", e.code AS "employeeCode", l.month, l.reason, l.points_x10 AS points,
            l.money_fen::float8 AS "moneyFen" FROM ledger_entries l
     JOIN employees e ON e.id = l.employee_id WHERE l.case_id = $1 ORDER BY e.name, l.reason`,
    [caseId],
  );
}
