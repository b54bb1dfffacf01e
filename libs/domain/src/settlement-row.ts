import type { Policy } from '@qf/policy';
import { CaseCounts, CaseRef, GradeReason, seriousCaseGrade } from './grades';
import { EmployeeSettlement, SettlementLine, settleEmployeeMonth } from './settlement';

/**
 * The facts of one employee's month as the settlement gathers them (libs/persistence `monthLedger`): the month's
 * points, source cases and money entries, and the ruling cases by month and severity from the start of the year.
 */
export interface LedgerMonthFacts {
  employee_id: string;
  employment_type: string;
  post_bonus_fen: number;
  branch_id: string | null;
  points: number;
  cases: string[] | null;
  bonus_fen: string | number;
  star_pay_fen: string | number;
  /** ruling cases by month (m) and severity (s): their number (n) and ids (c) */
  sev: { m: string; s: string; n: number; c?: string[] | null }[] | null;
  /** the month's cases with points (the H-1 money's cases) */
  point_cases?: string[] | null;
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

const zero = (): CaseCounts => ({ egregious: 0, serious: 0, ordinary: 0 });

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
  const monthCounts = zero();
  const before = zero();
  const monthCases: Partial<Record<keyof CaseCounts, CaseRef[]>> = {};
  const beforeCases: Partial<Record<keyof CaseCounts, CaseRef[]>> = {};
  const seriousByMonth = new Map<string, number>();
  for (const x of r.sev ?? []) {
    const key = x.s as keyof CaseCounts;
    if (!(key in monthCounts)) continue;
    const refs = (x.c ?? []).map((id) => ({ id }));
    const into = x.m === month ? monthCases : beforeCases;
    if (x.c) into[key] = [...(into[key] ?? []), ...refs];
    if (x.m === month) monthCounts[key] += x.n;
    else {
      before[key] += x.n;
      if (key === 'serious') seriousByMonth.set(x.m, (seriousByMonth.get(x.m) ?? 0) + x.n);
    }
  }
  const s = settleEmployeeMonth(
    {
      employeeId: r.employee_id,
      month,
      postBonusFen: r.post_bonus_fen,
      deductions: [{ source: 'ledger', pointsX10: r.points, cases: (r.point_cases ?? []).map((id) => ({ id })) }],
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
          .filter(([, n]) => seriousCaseGrade(n, policy) !== null)
          .map(([m]) => m),
        // P-2: the month's perception grade (posted by the perception run) takes part in the worst grade (C-10)
        otherGrades: perception?.reasons ?? [],
        cases: { month: monthCases, yearBefore: beforeCases },
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
