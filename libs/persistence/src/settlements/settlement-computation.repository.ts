import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { EntityManager } from 'typeorm';
import type { LedgerMonthFacts } from '@qf/domain';
import type { Queryable } from '../core/queryable';
import type { SettlementTotals } from './settlements.repository';

/** rows per piece of the COPY stream */
const COPY_PIECE = 2000;

/**
 * One employee's ledger for a month's close: points, source cases, money entries, ruling cases counted by severity
 * (issue 18: counts, not the ids — the ids of one row are read when a person opens its why, `settlementRowWhyCases`).
 */
export interface MonthLedgerRow extends LedgerMonthFacts {
  /** as pg returns bigint sums: text */
  bonus_fen: string;
  star_pay_fen: string;
  serious_months: string[] | null;
  point_cases: number;
  fines: { s: string; fen: string; c: string | null }[] | null;
}

/**
 * H-1 set-based: one query gathers every employee's points, money entries and ruling cases counted by severity for the
 * month and the calendar year before it (from `yearStart`). Issue 18: the counts and sums are plain aggregates of one
 * hashed pass over the year (the rules get the numbers they decide on); the lists — the month's source cases, the
 * cases with points, the fines and the months of earlier serious cases — come from a second pass over only the entries
 * that carry them. The counted cases themselves are not gathered: a row's why names the ledger group it counted.
 */
export async function monthLedger(q: Queryable, month: string, yearStart: string): Promise<MonthLedgerRow[]> {
  return q.query(
    `WITH RECURSIVE up AS (
       SELECT id AS unit_id, id, parent_id, kind FROM org_units
       UNION ALL SELECT up.unit_id, o.id, o.parent_id, o.kind FROM up JOIN org_units o ON o.id = up.parent_id WHERE up.kind <> 'branch'
     ), branch AS (SELECT unit_id, id AS branch_id FROM up WHERE kind = 'branch'),
     counted AS (
       SELECT employee_id, COALESCE(sum(points_x10) FILTER (WHERE month = $1), 0)::int AS points,
              -- S-9 award bonuses and S-10 star pay are money entries (no points) paid through the settlement
              COALESCE(sum(money_fen) FILTER (WHERE month = $1 AND source = 'star-award'), 0)::bigint AS bonus_fen,
              COALESCE(sum(money_fen) FILTER (WHERE month = $1 AND source = 'star-pay'), 0)::bigint AS star_pay_fen,
              -- one 'ruling' entry per (case, employee) by the ledger's unique key, so rows count cases
              count(*) FILTER (WHERE month = $1 AND reason = 'ruling' AND severity = 'egregious')::int AS month_egregious,
              count(*) FILTER (WHERE month = $1 AND reason = 'ruling' AND severity = 'serious')::int AS month_serious,
              count(*) FILTER (WHERE month = $1 AND reason = 'ruling' AND severity = 'ordinary')::int AS month_ordinary,
              count(*) FILTER (WHERE month <> $1 AND reason = 'ruling' AND severity = 'egregious')::int AS before_egregious,
              count(*) FILTER (WHERE month <> $1 AND reason = 'ruling' AND severity = 'serious')::int AS before_serious,
              count(*) FILTER (WHERE month <> $1 AND reason = 'ruling' AND severity = 'ordinary')::int AS before_ordinary
       FROM ledger_entries WHERE month BETWEEN $2 AND $1 GROUP BY employee_id
       HAVING count(*) FILTER (WHERE month = $1) > 0
       UNION ALL
       -- P-4: a person sent to central training at the quarter's end has a payroll row even without points
       SELECT DISTINCT ON (t.employee_id) t.employee_id, 0, 0::bigint, 0::bigint, 0, 0, 0, 0, 0, 0 FROM training_assignments t
       WHERE t.month = $1 AND EXISTS (SELECT 1 FROM perception_months pm WHERE pm.month = $1 AND pm.status = 'posted')
         AND NOT EXISTS (SELECT 1 FROM ledger_entries l WHERE l.month = $1 AND l.employee_id = t.employee_id)
     ), listed AS (
       SELECT employee_id,
              array_agg(DISTINCT case_id) FILTER (WHERE month = $1 AND case_id IS NOT NULL) AS cases,
              count(DISTINCT case_id) FILTER (WHERE month = $1 AND points_x10 <> 0)::int AS point_cases,
              -- K-5 scorecard fines and K-8 event fines (and the lead's joint fine) are money entries of the month
              json_agg(json_build_object('s', source, 'fen', money_fen, 'c', case_id) ORDER BY created_at, id)
                FILTER (WHERE month = $1 AND source IN ('kpi', 'kpi-fine') AND money_fen IS NOT NULL) AS fines,
              array_agg(month) FILTER (WHERE month <> $1 AND reason = 'ruling' AND severity = 'serious') AS serious_months
       FROM ledger_entries
       WHERE month BETWEEN $2 AND $1
         AND (month = $1 AND (case_id IS NOT NULL OR (source IN ('kpi', 'kpi-fine') AND money_fen IS NOT NULL))
              OR month <> $1 AND reason = 'ruling' AND severity = 'serious')
       GROUP BY employee_id
     )
     SELECT c.employee_id, e.employment_type, e.post_bonus_fen, b.branch_id, c.points, l.cases, c.bonus_fen, c.star_pay_fen,
            c.month_egregious, c.month_serious, c.month_ordinary, c.before_egregious, c.before_serious, c.before_ordinary,
            l.serious_months, COALESCE(l.point_cases, 0) AS point_cases, l.fines
     FROM counted c JOIN employees e ON e.id = c.employee_id LEFT JOIN branch b ON b.unit_id = e.unit_id
     LEFT JOIN listed l ON l.employee_id = c.employee_id`,
    [month, yearStart],
  );
}

/**
 * `monthLedger` for a month's close: in a read-only transaction with memory enough for its sorts (issue 18: at 1M
 * ledger rows the year's cases by severity spilled ~70 MB to disk under the default 4 MB `work_mem`).
 */
export async function monthLedgerForClose(
  ds: { transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> },
  month: string,
  yearStart: string,
): Promise<MonthLedgerRow[]> {
  return ds.transaction(async (tx) => {
    await tx.query(`SET TRANSACTION READ ONLY`);
    await tx.query(`SET LOCAL work_mem = '128MB'`);
    return monthLedger(tx, month, yearStart);
  });
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
 * Replaces a settlement's rows and stores its totals; the settlement then waits for confirmation. The rows go in as one
 * `COPY … FROM STDIN` stream (issue 18: 100,000 rows whose why lists every counted case are tens of MB of JSON — as
 * parameters of batched INSERTs the escaping, array parsing and per-row re-assembly cost more than the rules).
 * The H-2 statement trigger checks a COPY as it checks an INSERT. Run inside a transaction (`ds.transaction`).
 */
export async function replaceSettlementRows(
  tx: EntityManager,
  settlementId: string,
  rows: Iterable<ComputedSettlementRow>,
  totals: SettlementTotals | (() => SettlementTotals),
  phases?: WritePhases,
): Promise<void> {
  if (!tx.queryRunner?.isTransactionActive) throw new Error('replaceSettlementRows runs inside a transaction');
  const t0 = performance.now();
  await tx.query(`DELETE FROM settlement_rows WHERE settlement_id = $1`, [settlementId]);
  const t1 = performance.now();
  const client = (await tx.queryRunner.connect()) as PoolClient;
  await pipeline(
    Readable.from(settlementRowsCopyText(settlementId, rows, phases)),
    client.query(
      copyFrom(
        `COPY settlement_rows (settlement_id, employee_id, branch_id, points_x10, money_fen, grade, suspension, exit, training, source_cases, reasons, bonus_fen, star_pay_fen, fines_fen, why) FROM STDIN`,
      ),
    ),
  );
  if (phases) {
    phases.deleteMs += t1 - t0;
    phases.copyMs += performance.now() - t1;
  }
  await tx.query(`UPDATE settlements SET totals = $2, computed_at = now(), status = 'confirming' WHERE id = $1`, [
    settlementId,
    JSON.stringify(typeof totals === 'function' ? totals() : totals),
  ]);
}

/** Where the write's time goes (issue 18, printed by bench:settlement): the delete of the earlier rows, the COPY stream
 * (wall time, the rows' rules and serialisation inside it) and the serialisation of the rows to COPY text alone. */
export interface WritePhases {
  deleteMs: number;
  copyMs: number;
  serialiseMs: number;
}

/** A value in COPY's text format: `\N` for null, backslashes doubled (JSON text holds no raw tab, newline or CR). */
function copyValue(v: string | number | boolean | null | undefined): string {
  if (v === null || v === undefined) return '\\N';
  if (typeof v !== 'string') return String(v);
  if (/[\t\n\r]/.test(v)) throw new RangeError('settlement row value with a tab or line break');
  return v.replace(/\\/g, '\\\\');
}

/** JSON text in COPY's text format: JSON.stringify escapes tabs and line breaks, so only backslashes are doubled. */
function copyJson(v: unknown): string {
  const s = JSON.stringify(v);
  return s.includes('\\') ? s.replace(/\\/g, '\\\\') : s;
}

/** A uuid[] literal (`{a,b}`) of case ids. */
function uuidArray(ids: readonly string[]): string {
  return `{${ids.map((id) => (id === null ? 'NULL' : id)).join(',')}}`;
}

/**
 * The rows as COPY text lines (the columns of `replaceSettlementRows`), in pieces of COPY_PIECE rows. Rows are taken
 * from the iterable as the stream asks for them: a lazy iterable (the activity's rules loop) runs while the server
 * parses the pieces before.
 */
export function* settlementRowsCopyText(
  settlementId: string,
  rows: Iterable<ComputedSettlementRow>,
  phases?: Pick<WritePhases, 'serialiseMs'>,
): Generator<string> {
  let piece = '';
  let n = 0;
  for (const x of rows) {
    const t = phases ? performance.now() : 0;
    piece +=
      [
        copyValue(settlementId),
        copyValue(x.employeeId),
        copyValue(x.branchId),
        copyValue(x.pointsX10),
        copyValue(x.deductionFen),
        copyValue(x.grade),
        copyValue(x.flags.suspension),
        copyValue(x.flags.exit),
        copyValue(x.flags.training),
        copyValue(uuidArray(x.sourceCases)),
        copyJson(x.reasons),
        copyValue(x.bonusesFen),
        copyValue(x.starPayFen),
        copyValue(x.finesFen),
        copyJson(x.why),
      ].join('\t') + '\n';
    if (phases) phases.serialiseMs += performance.now() - t;
    if (++n === COPY_PIECE) {
      yield piece;
      piece = '';
      n = 0;
    }
  }
  if (piece) yield piece;
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
