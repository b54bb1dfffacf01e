import type { Policy } from '@qf/policy';
import { EmploymentType, Grade, RuleReason } from './types';

export interface CaseCounts {
  egregious: number;
  serious: number;
  ordinary: number;
}

/** A case counted by a rule: its id and its human number (工单号 / case number), never shown as a UUID. */
export interface CaseRef {
  id: string;
  no?: string | null;
}

/** The facts a rule counted (issue 16 "why"): the cases by id (and number when known) and the counts. */
export interface WhyFacts {
  caseIds?: string[];
  caseNos?: string[];
  counts?: Record<string, number>;
  /**
   * issue 18: the counted cases not listed but named by the ledger group they were counted from (`month:<severity>`,
   * `year:<severity>`, `month:points`) and how many; the ids are read from the ledger when a person opens the why
   */
  ledgerCases?: { group: string; count: number };
}

type Sev = keyof CaseCounts;

export interface GradeReason extends RuleReason {
  grade: Grade | null;
  /** the flag a reason sets instead of a grade (C-7) */
  flag?: 'suspension' | 'exit';
  facts?: WhyFacts;
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
  /** the cases behind the counts (the month's and the year's before it, by severity), for the reasons' facts */
  cases?: { month?: Partial<Record<Sev, CaseRef[]>>; yearBefore?: Partial<Record<Sev, CaseRef[]>> };
  /** issue 18: the counts come without the ids; each rule's facts name the ledger group it counted instead */
  caseGroups?: boolean;
}

/** The facts of counted cases: ids and (when every case has one) numbers, or the ledger group they come from; the count. */
export function caseFacts(
  refs: readonly CaseRef[] | undefined,
  counts: Record<string, number>,
  ledgerCases?: WhyFacts['ledgerCases'],
): WhyFacts {
  const list = refs ?? [];
  const nos = list.map((c) => c.no).filter((n): n is string => !!n);
  return {
    counts,
    ...(list.length ? { caseIds: list.map((c) => c.id) } : {}),
    ...(list.length && nos.length === list.length ? { caseNos: nos } : {}),
    ...(ledgerCases && ledgerCases.count > 0 ? { ledgerCases } : {}),
  };
}

const monthCases = (input: MonthlyGradeInput, s: Sev) => input.cases?.month?.[s];
const yearCases = (input: MonthlyGradeInput, s: Sev) =>
  input.cases?.month?.[s] || input.cases?.yearBefore?.[s]
    ? [...(input.cases?.yearBefore?.[s] ?? []), ...(input.cases?.month?.[s] ?? [])]
    : undefined;
/** issue 18: the ledger group of a rule's counted rulings (the month's or the calendar year's, of one severity) */
const group = (input: MonthlyGradeInput, span: 'month' | 'year', s: Sev, count: number) =>
  input.caseGroups ? { group: `${span}:${s}`, count } : undefined;

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
  const facts = caseFacts(monthCases(input, 'egregious'), { egregious: n }, group(input, 'month', 'egregious', n));
  const reasons: GradeReason[] = [
    {
      rule: 'C-7',
      grade: e.grade,
      message: `${n} egregious case(s) this month → ${e.grade}`,
      params: { count: n, grade: e.grade },
      facts,
    },
  ];
  const yearTotal = input.yearBefore.egregious + n;
  const suspension = yearTotal >= e.suspensionAtCaseInYear;
  if (suspension)
    reasons.push({
      rule: 'C-7',
      grade: null,
      flag: 'suspension',
      message: `${yearTotal} egregious cases in the calendar year → suspension from post`,
      params: { yearCount: yearTotal, threshold: e.suspensionAtCaseInYear },
      facts: caseFacts(
        yearCases(input, 'egregious'),
        { egregiousInYear: yearTotal },
        group(input, 'year', 'egregious', yearTotal),
      ),
    });
  const exit = e.outsourcedExit && input.employmentType === 'outsourced';
  if (exit)
    reasons.push({
      rule: 'C-7',
      grade: null,
      flag: 'exit',
      message: 'outsourced worker with an egregious case this month → exits the post',
      params: { count: n },
      facts,
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
  const facts = caseFacts(monthCases(input, 'serious'), { serious: n }, group(input, 'month', 'serious', n));
  if (byCount)
    out.push({
      rule: 'C-8',
      grade: byCount,
      message: `${n} serious cases this month → ${byCount}`,
      params: { count: n, grade: byCount },
      facts,
    });
  if (policy.grades.seriousYearRule === 'second-graded-month') {
    const earlier = input.seriousGradedMonths?.length ?? 0;
    if (byCount && earlier + 1 >= s.p5GradedMonthInYear) {
      out.push({
        rule: 'C-8',
        grade: 'P5',
        message: `month ${earlier + 1} of the calendar year with a serious-case grade → P5 (A-1)`,
        params: { gradedMonth: earlier + 1, months: (input.seriousGradedMonths ?? []).join(',') },
        facts: { ...facts, counts: { serious: n, gradedMonthsBefore: earlier } },
      });
    }
  } else {
    const yearTotal = input.yearBefore.serious + n;
    if (yearTotal >= s.p5CaseInYear) {
      out.push({
        rule: 'C-8',
        grade: 'P5',
        message: `${yearTotal} serious cases in the calendar year → P5 (A-1 alternative)`,
        params: { yearCount: yearTotal, threshold: s.p5CaseInYear },
        facts: caseFacts(
          yearCases(input, 'serious'),
          { seriousInYear: yearTotal },
          group(input, 'year', 'serious', yearTotal),
        ),
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
  const facts = caseFacts(monthCases(input, 'ordinary'), { ordinary: n }, group(input, 'month', 'ordinary', n));
  if (n >= o.p5MonthlyCount)
    out.push({
      rule: 'C-9',
      grade: 'P5',
      message: `${n} ordinary cases this month → P5`,
      params: { count: n, grade: 'P5', threshold: o.p5MonthlyCount },
      facts,
    });
  else if (n >= o.p4MonthlyCount)
    out.push({
      rule: 'C-9',
      grade: 'P4',
      message: `${n} ordinary cases this month → P4`,
      params: { count: n, grade: 'P4', threshold: o.p4MonthlyCount },
      facts,
    });
  if (yearTotal >= o.p5YearlyCount)
    out.push({
      rule: 'C-9',
      grade: 'P5',
      message: `${yearTotal} ordinary cases in the calendar year → P5`,
      params: { yearCount: yearTotal, threshold: o.p5YearlyCount },
      facts: caseFacts(
        yearCases(input, 'ordinary'),
        { ordinaryInYear: yearTotal },
        group(input, 'year', 'ordinary', yearTotal),
      ),
    });
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
  const graded = reasons.filter((r) => r.grade);
  if (grade && graded.length > 1) {
    reasons.push({
      rule: 'C-10',
      grade,
      message: `worst grade of ${graded.length} rules → ${grade}`,
      params: { rules: graded.length, grade, from: [...new Set(graded.map((r) => r.rule))].join(',') },
      facts: { counts: { rules: graded.length } },
    });
  }
  return { grade, reasons, suspension: eg.suspension, exit: eg.exit };
}
