import type { Policy } from '@qf/policy';
import { CaseRef, caseFacts, monthlyGrade, MonthlyGradeInput, WhyFacts } from './grades';
import { PerceptionPenalty } from './perception';
import { localMonth } from './calendar';
import { divRoundHalfUp, formatPoints, Grade, MessageParams, RuleReason, RuleViolation } from './types';

/**
 * H-1/A-3: money (fen) for points: points × post bonus × rate. With points ×10 and the rate in basis
 * points per point: fen = pointsX10 × postBonusFen × bp / (10 × 10000), rounded half up to the fen
 * (half away from zero for negative points).
 */
export function moneyForPoints(pointsX10: number, postBonusFen: number, policy: Policy): number {
  if (!Number.isInteger(pointsX10) || !Number.isInteger(postBonusFen))
    throw new RangeError('points ×10 and fen must be integers');
  return divRoundHalfUp(pointsX10 * postBonusFen * policy.settlement.moneyRateBasisPointsPerPoint, 100000);
}

export interface SettlementLine {
  source: string;
  /** points ×10 (deductions and grants; negative = a grant such as the repair-star award) */
  pointsX10?: number;
  amountFen?: number;
  /** the rule that produced the line (e.g. K-5, K-8 for fines), for the row's why */
  rule?: string;
  /** the cases the line comes from, for the row's why */
  cases?: CaseRef[];
  /** issue 18: instead of `cases`, the ledger group the line's cases come from and their number */
  ledgerCases?: { group: string; count: number };
}

/**
 * Issue 16 "why": one rule's part in a settlement row — what it explains on the row (money, fines, the grade or a
 * flag), the rule's parameters, the facts it counted and the policy version the settlement pinned.
 */
export interface WhyEntry {
  rule: string;
  on: 'money' | 'fines' | 'grade' | 'suspension' | 'exit' | 'training';
  grade?: Grade | null;
  params: MessageParams;
  facts: WhyFacts;
  policyVersion: number | null;
}

export interface EmployeeMonthInput {
  employeeId: string;
  month: string;
  postBonusFen: number;
  /** posted deductions (rulings, major-adverse-event, P-2, P-3 …) */
  deductions: SettlementLine[];
  fines: SettlementLine[];
  bonuses: SettlementLine[];
  /** S-10 star pay of the month: base and factor in percent */
  starPay?: { baseFen: number; percent: number } | null;
  grade: MonthlyGradeInput;
  perception?: PerceptionPenalty | null;
  training?: boolean;
  /** the policy version the settlement pinned (named in the why) */
  policyVersion?: number | null;
}

export interface EmployeeSettlement {
  employeeId: string;
  month: string;
  pointsX10: number;
  deductionFen: number;
  finesFen: number;
  bonusesFen: number;
  starPayFen: number;
  grade: Grade | null;
  flags: { suspension: boolean; exit: boolean; training: boolean };
  sourceCases: string[];
  reasons: RuleReason[];
  /** issue 16: the rules behind the money, fines, grade and flags, with the facts they counted */
  why: WhyEntry[];
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/** H-1: the monthly close of one employee: points, money, grade (C-7…C-10, P-2) and flags. */
export function settleEmployeeMonth(input: EmployeeMonthInput, policy: Policy): EmployeeSettlement {
  const perceptionPoints = input.perception?.pointsX10 ?? 0;
  const pointsX10 = sum(input.deductions.map((d) => d.pointsX10 ?? 0)) + perceptionPoints;
  const grade = monthlyGrade(
    { ...input.grade, otherGrades: [...(input.grade.otherGrades ?? []), ...(input.perception?.reasons ?? [])] },
    policy,
  );
  const starPayFen = input.starPay
    ? divRoundHalfUp(input.starPay.baseFen * Math.round(input.starPay.percent * 100), 10000)
    : 0;
  const deductionFen = moneyForPoints(pointsX10, input.postBonusFen, policy);
  const finesFen = sum(input.fines.map((f) => f.amountFen ?? 0));
  const policyVersion = input.policyVersion ?? null;
  const deductionCases = input.deductions.flatMap((d) => d.cases ?? []);
  const grouped = input.deductions.flatMap((d) => (d.ledgerCases ? [d.ledgerCases] : []));
  const caseCount = deductionCases.length + sum(grouped.map((g) => g.count));
  const why: WhyEntry[] = [
    {
      rule: 'H-1',
      on: 'money',
      params: {
        points: formatPoints(pointsX10),
        postBonusFen: input.postBonusFen,
        ratePercent: policy.settlement.moneyRateBasisPointsPerPoint / 100,
        moneyFen: deductionFen,
      },
      facts: caseFacts(deductionCases, { cases: caseCount }, grouped.length === 1 ? grouped[0] : undefined),
      policyVersion,
    },
    ...finesWhy(input.fines, policyVersion),
    ...grade.reasons.map((r): WhyEntry => ({
      rule: r.rule,
      on: r.flag ?? 'grade',
      grade: r.grade,
      params: r.params ?? {},
      facts: r.facts ?? {},
      policyVersion,
    })),
  ];
  return {
    employeeId: input.employeeId,
    month: input.month,
    pointsX10,
    deductionFen,
    finesFen,
    bonusesFen: sum(input.bonuses.map((b) => b.amountFen ?? 0)),
    starPayFen,
    grade: grade.grade,
    flags: { suspension: grade.suspension, exit: grade.exit, training: !!input.training },
    sourceCases: [...new Set([...input.deductions, ...input.fines, ...input.bonuses].map((l) => l.source))].sort(),
    reasons: [
      {
        rule: 'H-1',
        message: `${formatPoints(pointsX10)} points × post bonus ${input.postBonusFen} fen × ${policy.settlement.moneyRateBasisPointsPerPoint / 100}% = ${deductionFen} fen`,
      },
      ...grade.reasons.map(({ rule, message }) => ({ rule, message })),
    ],
    why,
  };
}

/**
 * H-1 with K-5/K-8: the month's fines are deducted from the pay as a line of their own (money, not points); one why
 * entry per rule that fined, with the sum, the number of postings and their cases.
 */
function finesWhy(fines: readonly SettlementLine[], policyVersion: number | null): WhyEntry[] {
  const byRule = new Map<string, SettlementLine[]>();
  for (const f of fines) {
    const rule = f.rule ?? 'H-1';
    byRule.set(rule, [...(byRule.get(rule) ?? []), f]);
  }
  return [...byRule].map(([rule, lines]) => {
    const cases = [...new Map(lines.flatMap((l) => l.cases ?? []).map((c) => [c.id, c])).values()];
    return {
      rule,
      on: 'fines',
      params: { fineFen: sum(lines.map((l) => l.amountFen ?? 0)), postings: lines.length },
      facts: caseFacts(cases, { postings: lines.length }),
      policyVersion,
    };
  });
}

/** YYYY-MM → the following month. */
export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** H-2: a locked month is never edited. */
export function isMonthLocked(month: string, lockedMonths: readonly string[]): boolean {
  return lockedMonths.includes(month);
}

/** H-2: where a change for `month` is booked: the month itself if open, else the next open month as an adjustment. */
export function bookingMonth(month: string, lockedMonths: readonly string[]): { month: string; adjustment: boolean } {
  let m = month;
  while (isMonthLocked(m, lockedMonths)) m = nextMonth(m);
  return { month: m, adjustment: m !== month };
}

/** H-2: the settlement may be approved by HR only once every branch confirmed its responsible people. */
export function canApproveSettlement(branches: readonly { branchId: string; confirmed: boolean }[]): {
  ok: boolean;
  pending: string[];
} {
  const pending = branches.filter((b) => !b.confirmed).map((b) => b.branchId);
  return { ok: pending.length === 0, pending };
}

/**
 * H-2: a month's close starts only once the month is over in the policy's time zone — a close of the running or a
 * future month would lock it, and every later posting would silently become an adjustment. The policy may allow an
 * early close explicitly (`settlement.allowEarlyClose`). Null when the close may start.
 */
export function monthCloseRefusal(month: string, nowIso: string, policy: Policy): RuleViolation | null {
  const running = localMonth(nowIso, policy.calendar.timeZone);
  if (month < running || policy.settlement.allowEarlyClose) return null;
  return {
    path: 'month',
    message: `month ${month} is not over yet: a month is closed once it has ended (H-2)`,
    rule: 'H-2',
    code: 'settlement.month_not_over',
    params: { month },
  };
}

/** H-3: one payroll row per employee — points, money in yuan, grade, flags and the source cases. */
export interface PayrollRow {
  employeeId: string;
  month: string;
  /** points with one decimal */
  points: number;
  moneyYuan: number;
  finesYuan: number;
  bonusYuan: number;
  starPayYuan: number;
  grade: Grade | null;
  suspension: boolean;
  exit: boolean;
  training: boolean;
  sourceCases: string[];
}

/** H-3: the payroll row of one employee's settlement (fen to yuan, points ×10 to points). */
export function payrollRow(s: EmployeeSettlement): PayrollRow {
  return {
    employeeId: s.employeeId,
    month: s.month,
    points: s.pointsX10 / 10,
    moneyYuan: s.deductionFen / 100,
    finesYuan: s.finesFen / 100,
    bonusYuan: s.bonusesFen / 100,
    starPayYuan: s.starPayFen / 100,
    grade: s.grade,
    suspension: s.flags.suspension,
    exit: s.flags.exit,
    training: s.flags.training,
    sourceCases: [...s.sourceCases],
  };
}
