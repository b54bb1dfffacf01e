import { defaultPolicy, PolicySchema } from '@qf/policy';
import { CaseCounts, monthlyGrade, MonthlyGradeInput, seriousCaseGrade, worstGrade } from './grades';

const policy = defaultPolicy();
const none: CaseCounts = { egregious: 0, serious: 0, ordinary: 0 };
const input = (month: Partial<CaseCounts>, over: Partial<MonthlyGradeInput> = {}): MonthlyGradeInput => ({
  employmentType: 'staff',
  month: { ...none, ...month },
  yearBefore: none,
  seriousGradedMonths: [],
  ...over,
});

describe('monthlyGrade', () => {
  it('C-9 six ordinary cases in a month give P5', () => {
    expect(monthlyGrade(input({ ordinary: 6 }), policy).grade).toBe('P5');
  });

  it('C-9 three to five ordinary cases in a month give P4, two give no grade', () => {
    expect(monthlyGrade(input({ ordinary: 3 }), policy).grade).toBe('P4');
    expect(monthlyGrade(input({ ordinary: 5 }), policy).grade).toBe('P4');
    expect(monthlyGrade(input({ ordinary: 2 }), policy).grade).toBeNull();
  });

  it('C-9 nine ordinary cases in earlier months plus one this month reach 10 in the year: P5', () => {
    const r = monthlyGrade(input({ ordinary: 1 }, { yearBefore: { ...none, ordinary: 9 } }), policy);
    expect(r.grade).toBe('P5');
    expect(r.reasons).toContainEqual(
      expect.objectContaining({ rule: 'C-9', grade: 'P5', message: '10 ordinary cases in the calendar year → P5' }),
    );
    expect(monthlyGrade(input({ ordinary: 1 }, { yearBefore: { ...none, ordinary: 8 } }), policy).grade).toBeNull();
    expect(monthlyGrade(input({}, { yearBefore: { ...none, ordinary: 9 } }), policy).grade).toBeNull();
  });

  it('C-8 two serious cases in a month give P4, three give P5, one gives none', () => {
    expect(monthlyGrade(input({ serious: 2 }), policy).grade).toBe('P4');
    expect(monthlyGrade(input({ serious: 3 }), policy).grade).toBe('P5');
    expect(monthlyGrade(input({ serious: 1 }), policy).grade).toBeNull();
    expect(seriousCaseGrade(4, policy)).toBe('P5');
  });

  it('C-8 the second month in the year with a serious-case grade gives P5 (A-1 default)', () => {
    const r = monthlyGrade(
      input({ serious: 2 }, { seriousGradedMonths: ['2024-03'], yearBefore: { ...none, serious: 2 } }),
      policy,
    );
    expect(r.grade).toBe('P5');
    expect(r.reasons.some((x) => x.message.includes('A-1'))).toBe(true);
    // one serious case after an earlier graded month is not a graded month → no grade
    expect(
      monthlyGrade(
        input({ serious: 1 }, { seriousGradedMonths: ['2024-03'], yearBefore: { ...none, serious: 2 } }),
        policy,
      ).grade,
    ).toBeNull();
  });

  it('C-8 with the A-1 alternative switch the second serious case in the year gives P5', () => {
    const alt = PolicySchema.parse({ grades: { seriousYearRule: 'second-serious-case' } });
    const twoInYear = input({ serious: 1 }, { yearBefore: { ...none, serious: 1 } });
    expect(monthlyGrade(twoInYear, alt).grade).toBe('P5');
    expect(monthlyGrade(twoInYear, policy).grade).toBeNull();
    expect(monthlyGrade(input({ serious: 1 }), alt).grade).toBeNull();
  });

  it('C-7 an egregious case gives P5 without suspension the first time', () => {
    expect(monthlyGrade(input({ egregious: 1 }), policy)).toMatchObject({
      grade: 'P5',
      suspension: false,
      exit: false,
    });
  });

  it('C-7 a second egregious case in the calendar year marks suspension', () => {
    expect(monthlyGrade(input({ egregious: 1 }, { yearBefore: { ...none, egregious: 1 } }), policy)).toMatchObject({
      grade: 'P5',
      suspension: true,
    });
    expect(monthlyGrade(input({ egregious: 2 }), policy).suspension).toBe(true);
  });

  it('C-7 an outsourced worker with an egregious case exits the post', () => {
    expect(monthlyGrade(input({ egregious: 1 }, { employmentType: 'outsourced' }), policy).exit).toBe(true);
    expect(monthlyGrade(input({ egregious: 1 }, { employmentType: 'temporary' }), policy).exit).toBe(false);
    expect(monthlyGrade(input({ ordinary: 6 }, { employmentType: 'outsourced' }), policy).exit).toBe(false);
  });

  it('C-10 the worst grade any rule gives wins', () => {
    const r = monthlyGrade(input({ ordinary: 3, egregious: 1 }), policy);
    expect(r.grade).toBe('P5');
    expect(r.reasons.map((x) => x.rule)).toEqual(['C-7', 'C-9', 'C-10']);
    const withP2 = monthlyGrade(
      input({ serious: 1 }, { otherGrades: [{ rule: 'P-2', grade: 'P4', message: 'second below-standard month' }] }),
      policy,
    );
    expect(withP2.grade).toBe('P4');
    expect(worstGrade(['P4', null, 'P5', 'P4'])).toBe('P5');
  });

  it('C-10 no rule gives no grade', () => {
    expect(monthlyGrade(input({}), policy)).toEqual({ grade: null, reasons: [], suspension: false, exit: false });
  });
});
