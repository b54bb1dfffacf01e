import { defaultPolicy } from '@qf/policy';
import { LedgerMonthFacts, settleLedgerRow } from './settlement-row';

const policy = defaultPolicy();
const M = '2026-03';
const row = (over: Partial<LedgerMonthFacts> = {}): LedgerMonthFacts => ({
  employee_id: 'e1',
  employment_type: 'staff',
  post_bonus_fen: 300000,
  branch_id: 'b1',
  points: 0,
  cases: null,
  bonus_fen: '0',
  star_pay_fen: '0',
  month_egregious: 0,
  month_serious: 0,
  month_ordinary: 0,
  before_egregious: 0,
  before_serious: 0,
  before_ordinary: 0,
  ...over,
});
const whyOf = (r: LedgerMonthFacts, version: number | null = 3) => settleLedgerRow(r, M, policy, null, version).why;
const group = (g: string, count: number) => ({ group: g, count });

describe('settlement row why (issue 16)', () => {
  it('C-9 why: six ordinary cases of the month → P5, naming the count, the threshold, the ledger group of those cases and the policy version', () => {
    const why = whyOf(row({ points: 120, month_ordinary: 6, before_ordinary: 1 }));
    expect(why.filter((w) => w.rule === 'C-9')).toEqual([
      {
        rule: 'C-9',
        on: 'grade',
        grade: 'P5',
        params: { count: 6, grade: 'P5', threshold: policy.grades.ordinary.p5MonthlyCount },
        facts: { counts: { ordinary: 6 }, ledgerCases: group('month:ordinary', 6) },
        policyVersion: 3,
      },
    ]);
  });

  it('C-9 why: the yearly count names the cases of the whole year so far', () => {
    const why = whyOf(row({ points: 20, before_ordinary: 9, month_ordinary: 1 }));
    expect(why.find((w) => w.rule === 'C-9')).toMatchObject({
      grade: 'P5',
      params: { yearCount: 10 },
      facts: { counts: { ordinaryInYear: 10 }, ledgerCases: group('year:ordinary', 10) },
    });
  });

  it('C-8 why: two serious cases → P4 with their cases', () => {
    const why = whyOf(row({ points: 110, month_serious: 2 }));
    expect(why.find((w) => w.rule === 'C-8')).toMatchObject({
      on: 'grade',
      grade: 'P4',
      params: { count: 2, grade: 'P4' },
      facts: { counts: { serious: 2 }, ledgerCases: group('month:serious', 2) },
    });
  });

  it('C-7 why: an egregious case gives the grade; the second in the year sets the suspension flag with the year’s cases', () => {
    const why = whyOf(row({ before_egregious: 1, month_egregious: 1 }));
    const c7 = why.filter((w) => w.rule === 'C-7');
    expect(c7[0]).toMatchObject({ on: 'grade', grade: 'P5', facts: { ledgerCases: group('month:egregious', 1) } });
    expect(c7.find((w) => w.on === 'suspension')).toMatchObject({
      params: { yearCount: 2 },
      facts: { ledgerCases: group('year:egregious', 2) },
    });
  });

  it('C-8 why (A-1): the earlier months with a serious-case grade come from the months of the year’s serious cases', () => {
    // January one serious case (no grade), February two (P4): this month's two make the second graded month → P5
    const why = whyOf(row({ month_serious: 2, before_serious: 3, serious_months: ['2026-02', '2026-01', '2026-02'] }));
    expect(why.filter((w) => w.rule === 'C-8').map((w) => [w.grade, w.params, w.facts])).toEqual([
      ['P4', { count: 2, grade: 'P4' }, { counts: { serious: 2 }, ledgerCases: group('month:serious', 2) }],
      [
        'P5',
        { gradedMonth: 2, months: '2026-02' },
        { counts: { serious: 2, gradedMonthsBefore: 1 }, ledgerCases: group('month:serious', 2) },
      ],
    ]);
  });

  it('H-1 why: no case with points, no ledger group to read', () => {
    expect(whyOf(row({ points: 0, point_cases: 0 }))[0].facts).toEqual({ counts: { cases: 0 } });
  });

  it('C-10 why: the worst of several grades names the rules it took the grade from', () => {
    const why = whyOf(row({ month_serious: 2, month_ordinary: 6 }));
    expect(why.find((w) => w.rule === 'C-10')).toMatchObject({
      on: 'grade',
      grade: 'P5',
      params: { rules: 2, grade: 'P5', from: 'C-8,C-9' },
    });
  });

  it('H-1 why: the points money names points, post bonus, rate, the money and the cases with points', () => {
    const why = whyOf(row({ points: 60, point_cases: 3 }), 7);
    expect(why[0]).toEqual({
      rule: 'H-1',
      on: 'money',
      params: { points: '6.0', postBonusFen: 300000, ratePercent: 1, moneyFen: 18000 },
      facts: { counts: { cases: 3 }, ledgerCases: group('month:points', 3) },
      policyVersion: 7,
    });
  });

  it('K-5 why: scorecard fines are a money line of their own (not points), with their postings and case', () => {
    const s = settleLedgerRow(row({ points: 20, fines: [{ s: 'kpi', fen: '35000', c: 'sc1' }] }), M, policy, null, 3);
    expect(s).toMatchObject({ finesFen: 35000, pointsX10: 20, deductionFen: 6000 });
    expect(s.why.find((w) => w.rule === 'K-5')).toEqual({
      rule: 'K-5',
      on: 'fines',
      params: { fineFen: 35000, postings: 1 },
      facts: { counts: { postings: 1 }, caseIds: ['sc1'] },
      policyVersion: 3,
    });
  });

  it('K-8 why: event fines sum per rule beside the K-5 ones, each case once', () => {
    const s = settleLedgerRow(
      row({
        fines: [
          { s: 'kpi-fine', fen: 15000, c: 'f1' },
          { s: 'kpi', fen: '5000', c: 'sc1' },
          { s: 'kpi-fine', fen: 3000, c: 'f2' },
        ],
      }),
      M,
      policy,
    );
    expect(s.finesFen).toBe(23000);
    expect(s.why.find((w) => w.rule === 'K-8')).toMatchObject({
      on: 'fines',
      params: { fineFen: 18000, postings: 2 },
      facts: { caseIds: ['f1', 'f2'] },
      policyVersion: null,
    });
  });

  it('P-4 why: the training flag carries the perception run’s reason', () => {
    const s = settleLedgerRow(row(), M, policy, { reasons: [], training: 'bottom 20% of the quarter' }, 2);
    expect(s.flags.training).toBe(true);
    expect(s.why.find((w) => w.rule === 'P-4')).toEqual({
      rule: 'P-4',
      on: 'training',
      params: { reason: 'bottom 20% of the quarter' },
      facts: {},
      policyVersion: 2,
    });
  });

  it('P-2 why: a perception grade takes part in the grade with its own rule', () => {
    const s = settleLedgerRow(
      row(),
      M,
      policy,
      { reasons: [{ rule: 'P-2', grade: 'P4', message: 'x', params: { score: 75 } }], training: null },
      2,
    );
    expect(s.grade).toBe('P4');
    expect(s.why.find((w) => w.rule === 'P-2')).toMatchObject({ on: 'grade', grade: 'P4', params: { score: 75 } });
  });
});
