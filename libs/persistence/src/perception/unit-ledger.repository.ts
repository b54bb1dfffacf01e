import type { Queryable } from '../core/queryable';

/** One deduction of a unit: organisational score (P-6, K-8 false work order) or an agent hall's commission (P-3). */
export interface UnitLedgerLine {
  unitId: string;
  month: string;
  source: 'indicators' | 'perception' | 'kpi-fine';
  /** the natural key's reason: indicator-P-6, perception-P-3-commission, kpi-fine-K-8-unit:<fine id> */
  reason: string;
  orgScoreX10?: number;
  commissionPercent?: number;
  detail: string;
  caseId?: string | null;
  workflowId?: string | null;
}

/** Posts the lines once each by natural key (unit, month, reason); returns how many were new. */
export async function bookUnitLedgerEntries(q: Queryable, lines: UnitLedgerLine[]): Promise<number> {
  let posted = 0;
  for (const l of lines) {
    const r = await q.query(
      `INSERT INTO unit_ledger_entries (unit_id, month, source, reason, org_score_x10, commission_percent, detail, case_id, workflow_id)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9) ON CONFLICT (unit_id, month, reason) DO NOTHING RETURNING 1`,
      [
        l.unitId,
        l.month,
        l.source,
        l.reason,
        l.orgScoreX10 ?? 0,
        l.commissionPercent ?? 0,
        l.detail,
        l.caseId ?? null,
        l.workflowId ?? null,
      ],
    );
    posted += r.length;
  }
  return posted;
}

/** P-3: the month's agent halls with a commission deduction (one line per hall: its largest over the channels). */
export async function commissionLines(
  q: Queryable,
  month: string,
): Promise<Omit<UnitLedgerLine, 'caseId' | 'workflowId'>[]> {
  const rows = await q.query(
    `SELECT DISTINCT ON (u.unit_id) u.unit_id, (u.penalty->>'commissionPercent')::numeric AS pct, o.name
     FROM perception_unit_results u JOIN org_units o ON o.id = u.unit_id
     WHERE u.month = $1 AND u.penalty->>'target' = 'agent-commission' AND (u.penalty->>'commissionPercent')::numeric > 0
     ORDER BY u.unit_id, (u.penalty->>'commissionPercent')::numeric DESC`,
    [month],
  );
  return rows.map((r: { unit_id: string; pct: string; name: string }) => ({
    unitId: r.unit_id,
    month,
    source: 'perception' as const,
    reason: 'perception-P-3-commission',
    commissionPercent: Number(r.pct),
    detail: `${month} ${r.name}：年内满意度不达标且全市排名后列，由渠道运营中心扣罚当月酬金 ${Number(r.pct)}%（P-3）`,
  }));
}

/** A unit's posted deductions of a month (the perception month page and the board read them). */
export async function unitLedgerOfMonths(
  q: Queryable,
  from: string,
  to: string,
): Promise<{ unitId: string; month: string; reason: string; orgScoreX10: number; commissionPercent: number }[]> {
  const rows = await q.query(
    `SELECT unit_id AS "unitId", month, reason, org_score_x10 AS "orgScoreX10", commission_percent AS "commissionPercent"
     FROM unit_ledger_entries WHERE month >= $1 AND month <= $2 ORDER BY month, unit_id, reason`,
    [from, to],
  );
  return rows.map((r: { commissionPercent: string }) => ({ ...r, commissionPercent: Number(r.commissionPercent) }));
}

/**
 * P-6 ranking of the year: every unit with indicator results in the year, its failing months, last card and posted
 * organisational-score deduction — ranked best first (fewest failing months, then least deducted; ties share a rank).
 */
export async function indicatorYearRanking(
  q: Queryable,
  year: number,
): Promise<
  {
    unitId: string;
    unitName: string;
    months: number;
    failingMonths: number;
    lastCard: string | null;
    orgScoreX10: number;
    rank: number;
  }[]
> {
  return q.query(
    `WITH u AS (
       SELECT unit_id, count(DISTINCT month)::int AS months FROM indicator_results
       WHERE month >= $1 AND month <= $2 GROUP BY unit_id
     ), f AS (
       SELECT unit_id, count(*)::int AS failing_months, (array_agg(card ORDER BY month DESC))[1] AS last_card
       FROM indicator_failures WHERE month >= $1 AND month <= $2 GROUP BY unit_id
     ), l AS (
       SELECT unit_id, sum(org_score_x10)::int AS org_score_x10 FROM unit_ledger_entries
       WHERE reason = 'indicator-P-6' AND month >= $1 AND month <= $2 GROUP BY unit_id
     )
     SELECT u.unit_id AS "unitId", o.name AS "unitName", u.months, COALESCE(f.failing_months, 0) AS "failingMonths",
            f.last_card AS "lastCard", COALESCE(l.org_score_x10, 0) AS "orgScoreX10",
            rank() OVER (ORDER BY COALESCE(f.failing_months, 0), COALESCE(l.org_score_x10, 0))::int AS rank
     FROM u JOIN org_units o ON o.id = u.unit_id LEFT JOIN f ON f.unit_id = u.unit_id LEFT JOIN l ON l.unit_id = u.unit_id
     ORDER BY rank, o.name`,
    [`${year}-01`, `${year}-12`],
  );
}
