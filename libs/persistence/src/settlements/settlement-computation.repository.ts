import type { Queryable } from '../core/queryable';
import type { SettlementTotals } from './settlements.repository';

const CHUNK = 5000;

/** One employee's ledger for a month's close: points, source cases, money entries and case counts by severity. */
export interface MonthLedgerRow {
  employee_id: string;
  employment_type: string;
  post_bonus_fen: number;
  branch_id: string | null;
  points: number;
  cases: string[] | null;
  bonus_fen: string;
  star_pay_fen: string;
  /** ruling cases by month (m) and severity (s) from the start of the year to the month: their number and ids (c) */
  sev: { m: string; s: string; n: number; c: string[] | null }[] | null;
  /** the month's cases with points (the H-1 money's cases) */
  point_cases: string[] | null;
  /** the month's KPI fines (K-5 scorecard fines `kpi`, K-8 event fines `kpi-fine`): source, fen, case */
  fines: { s: string; fen: string; c: string | null }[] | null;
}

/**
 * H-1 set-based: one aggregate query gathers every employee's points, source cases and case counts by severity for the
 * month and the year before it (from `yearStart`).
 */
export async function monthLedger(q: Queryable, month: string, yearStart: string): Promise<MonthLedgerRow[]> {
  return q.query(
    `WITH RECURSIVE up AS (
       SELECT id AS unit_id, id, parent_id, kind FROM org_units
       UNION ALL SELECT up.unit_id, o.id, o.parent_id, o.kind FROM up JOIN org_units o ON o.id = up.parent_id WHERE up.kind <> 'branch'
     ), branch AS (SELECT unit_id, id AS branch_id FROM up WHERE kind = 'branch'),
     month_points AS (
       SELECT employee_id, sum(points_x10)::int AS points, array_agg(DISTINCT case_id) FILTER (WHERE case_id IS NOT NULL) AS cases,
              -- S-9 award bonuses and S-10 star pay are money entries (no points) paid through the settlement
              COALESCE(sum(money_fen) FILTER (WHERE source = 'star-award'), 0)::bigint AS bonus_fen,
              COALESCE(sum(money_fen) FILTER (WHERE source = 'star-pay'), 0)::bigint AS star_pay_fen,
              array_agg(DISTINCT case_id) FILTER (WHERE case_id IS NOT NULL AND points_x10 <> 0) AS point_cases,
              -- K-5 scorecard fines and K-8 event fines (and the lead's joint fine) are money entries of the month
              jsonb_agg(jsonb_build_object('s', source, 'fen', money_fen, 'c', case_id) ORDER BY created_at, id)
                FILTER (WHERE source IN ('kpi', 'kpi-fine') AND money_fen IS NOT NULL) AS fines
       FROM ledger_entries WHERE month = $1 GROUP BY employee_id
       UNION ALL
       -- P-4: a person sent to central training at the quarter's end has a payroll row even without points
       SELECT DISTINCT t.employee_id, 0, NULL::uuid[], 0::bigint, 0::bigint, NULL::uuid[], NULL::jsonb FROM training_assignments t
       WHERE t.month = $1 AND EXISTS (SELECT 1 FROM perception_months pm WHERE pm.month = $1 AND pm.status = 'posted')
         AND NOT EXISTS (SELECT 1 FROM ledger_entries l WHERE l.month = $1 AND l.employee_id = t.employee_id)
     ), sev AS (
       SELECT employee_id, month AS m, severity AS s, count(*)::int AS n, array_agg(case_id ORDER BY created_at, case_id) AS c FROM ledger_entries
       -- one 'ruling' entry per (case, employee) by the ledger's unique key, so rows count cases
       WHERE month BETWEEN $2 AND $1 AND reason = 'ruling' AND severity IS NOT NULL AND employee_id IN (SELECT employee_id FROM month_points)
       GROUP BY employee_id, month, severity
     ), sev_by_employee AS (
       SELECT employee_id, jsonb_agg(jsonb_build_object('m', m, 's', s, 'n', n, 'c', c)) AS sev FROM sev GROUP BY employee_id
     )
     SELECT mp.employee_id, e.employment_type, e.post_bonus_fen, b.branch_id, mp.points, mp.cases, mp.bonus_fen, mp.star_pay_fen, se.sev,
            mp.point_cases, mp.fines
     FROM month_points mp JOIN employees e ON e.id = mp.employee_id LEFT JOIN branch b ON b.unit_id = e.unit_id
     LEFT JOIN sev_by_employee se ON se.employee_id = mp.employee_id`,
    [month, yearStart],
  );
}

/** A computed row of a settlement (H-1), as the rules left it. */
export interface ComputedSettlementRow {
  employeeId: string;
  branchId: string | null;
  pointsX10: number;
  deductionFen: number;
  grade: string | null;
  flags: { suspension: boolean; exit: boolean; training: boolean };
  sourceCases: string[];
  reasons: unknown;
  bonusesFen: number;
  starPayFen: number;
  /** K-5/K-8 fines of the month (fen), a line of their own */
  finesFen: number;
  /** issue 16: the rules, parameters, counted facts and policy version behind the row */
  why: unknown;
}

/**
 * Replaces a settlement's rows (in bulk, unnest) and stores its totals; the settlement then waits for confirmation.
 * Run inside a transaction.
 */
export async function replaceSettlementRows(
  tx: Queryable,
  settlementId: string,
  rows: ComputedSettlementRow[],
  totals: SettlementTotals,
): Promise<void> {
  await tx.query(`DELETE FROM settlement_rows WHERE settlement_id = $1`, [settlementId]);
  for (let i = 0; i < rows.length; i += CHUNK) {
    const part = rows.slice(i, i + CHUNK);
    await tx.query(
      `INSERT INTO settlement_rows (settlement_id, employee_id, branch_id, points_x10, money_fen, grade, suspension, exit, training, source_cases, reasons, bonus_fen, star_pay_fen, fines_fen, why)
       SELECT $1, e, b, p, m, g, su, ex, tr, ARRAY(SELECT jsonb_array_elements_text(sc))::uuid[], r, bo, sp, fi, w
       FROM unnest($2::uuid[], $3::uuid[], $4::int[], $5::bigint[], $6::text[], $7::bool[], $8::bool[], $9::bool[], $10::jsonb[], $11::jsonb[], $12::bigint[], $13::bigint[], $14::bigint[], $15::jsonb[])
         AS x(e, b, p, m, g, su, ex, tr, sc, r, bo, sp, fi, w)`,
      [
        settlementId,
        part.map((x) => x.employeeId),
        part.map((x) => x.branchId),
        part.map((x) => x.pointsX10),
        part.map((x) => x.deductionFen),
        part.map((x) => x.grade),
        part.map((x) => x.flags.suspension),
        part.map((x) => x.flags.exit),
        part.map((x) => x.flags.training),
        part.map((x) => JSON.stringify(x.sourceCases)),
        part.map((x) => JSON.stringify(x.reasons)),
        part.map((x) => x.bonusesFen),
        part.map((x) => x.starPayFen),
        part.map((x) => x.finesFen),
        part.map((x) => JSON.stringify(x.why)),
      ],
    );
  }
  await tx.query(`UPDATE settlements SET totals = $2, computed_at = now(), status = 'confirming' WHERE id = $1`, [
    settlementId,
    JSON.stringify(totals),
  ]);
}

/** The settlement's status while it runs; a locked settlement keeps its status. */
export async function setSettlementStatus(q: Queryable, settlementId: string, status: string): Promise<void> {
  await q.query(`UPDATE settlements SET status = $2 WHERE id = $1 AND status <> 'locked'`, [settlementId, status]);
}

/** H-2: locks the month (once) and marks its settlement locked. Run inside a transaction. */
export async function lockSettlementMonth(tx: Queryable, settlementId: string, month: string): Promise<void> {
  await tx.query(`INSERT INTO month_locks (month, settlement_id) VALUES ($1, $2) ON CONFLICT (month) DO NOTHING`, [
    month,
    settlementId,
  ]);
  await tx.query(`UPDATE settlements SET status = 'locked', locked_at = COALESCE(locked_at, now()) WHERE id = $1`, [
    settlementId,
  ]);
}
