import { bookingMonth } from '@qf/domain';

type Tx = { query: (sql: string, params?: unknown[]) => Promise<any> };

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
