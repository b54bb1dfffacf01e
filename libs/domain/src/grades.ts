import type { Policy } from '@qf/policy';
import { EmploymentType, Grade, RuleReason } from './types';

export interface CaseCounts {
  egregious: number;
  serious: number;
  ordinary: number;
}

export interface GradeReason extends RuleReason {
  grade: Grade | null;
}

export interface MonthlyGradeInput {
  employmentType: EmploymentType;
  /** liable cases of the month, by severity */
  month: CaseCounts;
  /** liable cases of the same calendar year before this month */
  yearBefore: CaseCounts;
  /** earlier months (YYYY-MM) of this calendar year with a serious-case grade */
  seriousGradedMonths?: readonly string[];
  /** grades from other rules of the month (e.g. P-2), merged by C-10 */
  otherGrades?: readonly GradeReason[];
}

export interface MonthlyGradeResult {
  grade: Grade | null;
  reasons: GradeReason[];
  suspension: boolean;
  exit: boolean;
}

const RANK: Record<Grade, number> = { P4: 1, P5: 2 };

/** C-10: the worst of several grades (P5 is worse than P4); none → null. */
export function worstGrade(grades: readonly (Grade | null | undefined)[]): Grade | null {
  let worst: Grade | null = null;
  for (const g of grades) if (g && (!worst || RANK[g] > RANK[worst])) worst = g;
  return worst;
}

/** C-8: the grade serious cases of one month give by their count alone (2 → P4, 3+ → P5). */
export function seriousCaseGrade(seriousInMonth: number, policy: Policy): Grade | null {
  const s = policy.grades.serious;
  if (seriousInMonth >= s.p5MonthlyCount) return 'P5';
  if (seriousInMonth >= s.p4MonthlyCount) return 'P4';
  return null;
}

/** C-7: egregious cases → P5, the second in a calendar year → suspension, outsourced → exit. */
function egregiousRules(
  input: MonthlyGradeInput,
  policy: Policy,
): { reasons: GradeReason[]; suspension: boolean; exit: boolean } {
  const n = input.month.egregious;
  const e = policy.grades.egregious;
  if (n < 1) return { reasons: [], suspension: false, exit: false };
  const reasons: GradeReason[] = [
    { rule: 'C-7', grade: e.grade, message: `${n} egregious case(s) this month → ${e.grade}` },
  ];
  const yearTotal = input.yearBefore.egregious + n;
  const suspension = yearTotal >= e.suspensionAtCaseInYear;
  if (suspension)
    reasons.push({
      rule: 'C-7',
      grade: null,
      message: `${yearTotal} egregious cases in the calendar year → suspension from post`,
    });
  const exit = e.outsourcedExit && input.employmentType === 'outsourced';
  if (exit)
    reasons.push({
      rule: 'C-7',
      grade: null,
      message: 'outsourced worker with an egregious case this month → exits the post',
    });
  return { reasons, suspension, exit };
}

/** C-8 + A-1: serious cases. */
function seriousRules(input: MonthlyGradeInput, policy: Policy): GradeReason[] {
  const n = input.month.serious;
  if (n < 1) return [];
  const s = policy.grades.serious;
  const out: GradeReason[] = [];
  const byCount = seriousCaseGrade(n, policy);
  if (byCount) out.push({ rule: 'C-8', grade: byCount, message: `${n} serious cases this month → ${byCount}` });
  if (policy.grades.seriousYearRule === 'second-graded-month') {
    const earlier = input.seriousGradedMonths?.length ?? 0;
    if (byCount && earlier + 1 >= s.p5GradedMonthInYear) {
      out.push({
        rule: 'C-8',
        grade: 'P5',
        message: `month ${earlier + 1} of the calendar year with a serious-case grade → P5 (A-1)`,
      });
    }
  } else {
    const yearTotal = input.yearBefore.serious + n;
    if (yearTotal >= s.p5CaseInYear) {
      out.push({
        rule: 'C-8',
        grade: 'P5',
        message: `${yearTotal} serious cases in the calendar year → P5 (A-1 alternative)`,
      });
    }
  }
  return out;
}

/** C-9: ordinary cases; the yearly count applies in a month that has ordinary cases. */
function ordinaryRules(input: MonthlyGradeInput, policy: Policy): GradeReason[] {
  const n = input.month.ordinary;
  if (n < 1) return [];
  const o = policy.grades.ordinary;
  const out: GradeReason[] = [];
  const yearTotal = input.yearBefore.ordinary + n;
  if (n >= o.p5MonthlyCount) out.push({ rule: 'C-9', grade: 'P5', message: `${n} ordinary cases this month → P5` });
  else if (n >= o.p4MonthlyCount)
    out.push({ rule: 'C-9', grade: 'P4', message: `${n} ordinary cases this month → P4` });
  if (yearTotal >= o.p5YearlyCount)
    out.push({ rule: 'C-9', grade: 'P5', message: `${yearTotal} ordinary cases in the calendar year → P5` });
  return out;
}

/** C-7 … C-10 (+A-1): one employee's grade of the month; the worst grade any rule gives wins. */
export function monthlyGrade(input: MonthlyGradeInput, policy: Policy): MonthlyGradeResult {
  const eg = egregiousRules(input, policy);
  const reasons = [
    ...eg.reasons,
    ...seriousRules(input, policy),
    ...ordinaryRules(input, policy),
    ...(input.otherGrades ?? []),
  ];
  const grade = worstGrade(reasons.map((r) => r.grade));
  if (grade && reasons.filter((r) => r.grade).length > 1) {
    reasons.push({
      rule: 'C-10',
      grade,
      message: `worst grade of ${reasons.filter((r) => r.grade).length} rules → ${grade}`,
    });
  }
  return { grade, reasons, suspension: eg.suspension, exit: eg.exit };
}
