import type { Policy } from '@qf/policy';
import { CaseCounts, GradeReason, seriousCaseGrade } from './grades';
import { EmployeeSettlement, SettlementLine, settleEmployeeMonth } from './settlement';

/**
 * The facts of one employee's month as the settlement gathers them (libs/persistence `monthLedger`): the month's
 * points, source cases and money entries, and the ruling cases counted by severity, of the month and of the calendar
 * year before it (issue 18: counted in SQL; the counted cases are not listed — a row's why names the ledger group and
 * the reader fetches the ids of one row when a person opens it).
 */
export interface LedgerMonthFacts {
  employee_id: string;
  employment_type: string;
  post_bonus_fen: number;
  branch_id: string | null;
  points: number;
  /** the month's cases (the row's source cases, H-3) */
  cases: string[] | null;
  bonus_fen: string | number;
  star_pay_fen: string | number;
  /** the month's ruling cases by severity */
  month_egregious: number;
  month_serious: number;
  month_ordinary: number;
  /** the ruling cases by severity of the calendar year before the month */
  before_egregious: number;
  before_serious: number;
  before_ordinary: number;
  /** the months of the year's earlier serious ruling cases, one per case (A-1 counts the months with a C-8 grade) */
  serious_months?: string[] | null;
  /** how many of the month's cases carry points (the H-1 money's cases) */
  point_cases?: number | null;
  /** the month's KPI fines posted to the ledger (K-5 scorecard fines, K-8 event fines): source, fen, case */
  fines?: { s: string; fen: string | number; c: string | null }[] | null;
}

/** K-5 / K-8: the rule behind a fine by the ledger source it was posted with (scorecard month, event fine). */
export function fineRule(source: string): string {
  if (source === 'kpi') return 'K-5';
  if (source === 'kpi-fine') return 'K-8';
  return 'H-1';
}

/** What a month's perception (P-2 grades, P-4 training) gives the settlement of one employee. */
export interface MonthPerceptionInput {
  reasons: readonly GradeReason[];
  training: string | null;
}

export interface SettledLedgerRow extends EmployeeSettlement {
  branchId: string | null;
}

/**
 * H-1 (C-7…C-10, P-2, P-4): one employee's month from its ledger facts through the grade and money rules — the one
 * per-row call of the monthly settlement and of a what-if simulation over another policy.
 */
export function settleLedgerRow(
  r: LedgerMonthFacts,
  month: string,
  policy: Policy,
  perception?: MonthPerceptionInput | null,
  policyVersion?: number | null,
): SettledLedgerRow {
  const monthCounts: CaseCounts = {
    egregious: r.month_egregious,
    serious: r.month_serious,
    ordinary: r.month_ordinary,
  };
  const before: CaseCounts = { egregious: r.before_egregious, serious: r.before_serious, ordinary: r.before_ordinary };
  const seriousByMonth = new Map<string, number>();
  for (const m of r.serious_months ?? []) seriousByMonth.set(m, (seriousByMonth.get(m) ?? 0) + 1);
  const pointCases = r.point_cases ?? 0;
  const s = settleEmployeeMonth(
    {
      employeeId: r.employee_id,
      month,
      postBonusFen: r.post_bonus_fen,
      deductions: [
        { source: 'ledger', pointsX10: r.points, ledgerCases: { group: 'month:points', count: pointCases } },
      ],
      fines: (r.fines ?? []).map((f): SettlementLine => ({
        source: f.s,
        rule: fineRule(f.s),
        amountFen: Number(f.fen),
        cases: f.c ? [{ id: f.c }] : [],
      })),
      bonuses: Number(r.bonus_fen) ? [{ source: 'star-award', amountFen: Number(r.bonus_fen) }] : [],
      starPay: Number(r.star_pay_fen) ? { baseFen: Number(r.star_pay_fen), percent: 100 } : null,
      grade: {
        employmentType: r.employment_type as 'staff',
        month: monthCounts,
        yearBefore: before,
        seriousGradedMonths: [...seriousByMonth]
          .sort(([a], [b]) => (a < b ? -1 : 1))
          .filter(([, n]) => seriousCaseGrade(n, policy) !== null)
          .map(([m]) => m),
        // P-2: the month's perception grade (posted by the perception run) takes part in the worst grade (C-10)
        otherGrades: perception?.reasons ?? [],
        caseGroups: true,
      },
      training: !!perception?.training,
      policyVersion,
    },
    policy,
  );
  if (!perception?.training) return { ...s, branchId: r.branch_id, sourceCases: r.cases ?? [] };
  return {
    ...s,
    reasons: [...s.reasons, { rule: 'P-4', message: perception.training }],
    why: [
      ...s.why,
      {
        rule: 'P-4',
        on: 'training',
        params: { reason: perception.training },
        facts: {},
        policyVersion: s.why[0].policyVersion,
      },
    ],
    branchId: r.branch_id,
    sourceCases: r.cases ?? [],
  };
}
