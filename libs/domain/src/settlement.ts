import type { Policy } from '@qf/policy';
import { monthlyGrade, MonthlyGradeInput } from './grades';
import { PerceptionPenalty } from './perception';
import { divRoundHalfUp, formatPoints, Grade, RuleReason } from './types';

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
  return {
    employeeId: input.employeeId,
    month: input.month,
    pointsX10,
    deductionFen,
    finesFen: sum(input.fines.map((f) => f.amountFen ?? 0)),
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
  };
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

export interface PayrollRow {
  employee_id: string;
  month: string;
  points: string;
  money_cny: string;
  fines_cny: string;
  bonuses_cny: string;
  star_pay_cny: string;
  grade: string;
  suspension: 'Y' | 'N';
  exit: 'Y' | 'N';
  training: 'Y' | 'N';
  source_cases: string;
}

const cny = (fen: number) =>
  `${fen < 0 ? '-' : ''}${Math.floor(Math.abs(fen) / 100)}.${String(Math.abs(fen) % 100).padStart(2, '0')}`;
const yn = (b: boolean): 'Y' | 'N' => (b ? 'Y' : 'N');

/** H-3: one payroll row per employee. */
export function payrollRow(s: EmployeeSettlement): PayrollRow {
  return {
    employee_id: s.employeeId,
    month: s.month,
    points: formatPoints(s.pointsX10),
    money_cny: cny(s.deductionFen),
    fines_cny: cny(s.finesFen),
    bonuses_cny: cny(s.bonusesFen),
    star_pay_cny: cny(s.starPayFen),
    grade: s.grade ?? '',
    suspension: yn(s.flags.suspension),
    exit: yn(s.flags.exit),
    training: yn(s.flags.training),
    source_cases: s.sourceCases.join(';'),
  };
}

const PAYROLL_COLUMNS: (keyof PayrollRow)[] = [
  'employee_id',
  'month',
  'points',
  'money_cny',
  'fines_cny',
  'bonuses_cny',
  'star_pay_cny',
  'grade',
  'suspension',
  'exit',
  'training',
  'source_cases',
];

function csvCell(v: string): string {
  // RFC 4180 quoting; a leading = + - @ is prefixed with ' so spreadsheets do not run it as a formula.
  const safe = /^[=+\-@]/.test(v) && !/^-?\d/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** H-3: the payroll export as CSV (header + one line per employee, CRLF line ends). */
export function payrollCsv(rows: readonly PayrollRow[]): string {
  const lines = [PAYROLL_COLUMNS.join(','), ...rows.map((r) => PAYROLL_COLUMNS.map((c) => csvCell(r[c])).join(','))];
  return lines.join('\r\n') + '\r\n';
}
