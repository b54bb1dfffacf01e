import { defaultPolicy, PolicySchema } from '@qf/policy';
import { LedgerMonthFacts, settleLedgerRow } from './settlement-row';
import { ScorecardMonthInput } from './scorecard-month';
import {
  simulateMonth,
  SimulationMonthFacts,
  simulateRepairerScores,
  simulateScorecards,
  simulateStarPay,
} from './simulation';

const baseline = defaultPolicy();
const row = (id: string, ordinary: number, points = ordinary * 20): LedgerMonthFacts => ({
  employee_id: id,
  employment_type: 'staff',
  post_bonus_fen: 300000,
  branch_id: 'b1',
  points,
  cases: null,
  bonus_fen: '0',
  star_pay_fen: '0',
  month_egregious: 0,
  month_serious: 0,
  month_ordinary: ordinary,
  before_egregious: 0,
  before_serious: 0,
  before_ordinary: 0,
});
const facts = (ledger: LedgerMonthFacts[], yearToDate: SimulationMonthFacts['perception']['yearToDate'] = []) => ({
  month: '2026-01',
  ledger,
  perception: { month: '2026-01', yearToDate, units: {}, issuedAt: '2026-02-01T09:00:00+08:00' },
  perceptionPosted: true,
});

describe('what-if simulation', () => {
  it('H-1 settleLedgerRow: three ordinary cases of the month → P4 (C-9), money from the points', () => {
    const s = settleLedgerRow(row('e1', 3), '2026-01', baseline);
    expect(s).toMatchObject({ grade: 'P4', pointsX10: 60, deductionFen: 18000, branchId: 'b1' });
  });

  it('C-9 simulateMonth: lowering the P4 threshold to 2 moves exactly the people with two ordinary cases', () => {
    const draft = PolicySchema.parse({ grades: { ordinary: { p4MonthlyCount: 2 } } });
    const { changes, totals } = simulateMonth(
      facts([row('two', 2), row('one', 1), row('three', 3), row('six', 6)]),
      draft,
      baseline,
    );
    expect(changes.map((c) => [c.employeeId, c.gradeBefore, c.gradeAfter])).toEqual([['two', null, 'P4']]);
    expect(totals).toMatchObject({ employees: 4, changed: 1, p4Before: 1, p4After: 2, p5Before: 1, p5After: 1 });
  });

  it('H-1 simulateMonth: a changed money rate changes money only, by points × post bonus × the difference', () => {
    const draft = PolicySchema.parse({ settlement: { moneyRateBasisPointsPerPoint: 150 } });
    const { changes } = simulateMonth(facts([row('a', 1, 25)]), draft, baseline);
    expect(changes).toHaveLength(1);
    expect(changes[0].moneyAfterFen - changes[0].moneyBeforeFen).toBe(2.5 * 300000 * 0.005);
    expect(changes[0].gradeBefore).toBe(changes[0].gradeAfter);
  });

  it("P-2 simulateMonth: a draft moving the standard lifts a repeat below-standard month's P4; it reaches the settlement only when posted", () => {
    const fig = (month: string) => ({
      month,
      channel: 'repair',
      scope: 'person',
      subjectId: 'p',
      score: 75,
      sample: 5,
    });
    const f = (posted: boolean): SimulationMonthFacts => ({
      month: '2026-02',
      ledger: [row('p', 0, 40)],
      perception: {
        month: '2026-02',
        yearToDate: [fig('2026-01'), fig('2026-02')],
        units: {},
        issuedAt: '2026-03-01T09:00:00+08:00',
      },
      perceptionPosted: posted,
    });
    expect(simulateMonth(f(true), baseline, baseline).changes).toEqual([]);
    const draft = PolicySchema.parse({ perception: { belowStandardAtOrBelow: 70 } });
    const posted = simulateMonth(f(true), draft, baseline).changes;
    expect(posted.map((c) => [c.kind, c.gradeBefore, c.gradeAfter, c.pointsBefore, c.pointsAfter])).toEqual([
      ['settlement', 'P4', null, 40, 40],
      ['perception', 'P4', null, 40, 0],
    ]);
    expect(simulateMonth(f(false), draft, baseline).changes.map((c) => c.kind)).toEqual(['perception']);
  });

  it('S-10 simulateStarPay: a raised 2-star pay moves the paid 2-star holder by the raise × the percent, nobody else', () => {
    const draft = PolicySchema.parse({ stars: { monthlyPayFen: { '1': 10000, '2': 30000, '3': 30000 } } });
    const f = (employeeId: string, level: 1 | 2 | 3, score: number) => ({
      employeeId,
      unitId: 'u1',
      level,
      score,
      veto: false,
      juneExamScore: null,
    });
    const r = simulateStarPay('2026-03', [f('a', 1, 96), f('b', 2, 90), f('c', 2, 80), f('d', 3, 99)], draft, baseline);
    expect(r.changes.map((c) => [c.subjectId, c.moneyBeforeFen, c.moneyAfterFen])).toEqual([['b', 18000, 27000]]);
    expect(r.payAfterFen - r.payBeforeFen).toBe(9000);
  });

  it('S-12 simulateStarPay: the June factor applies in the second half year only, from the June exam score', () => {
    const draft = PolicySchema.parse({
      stars: {
        juneExamBrackets: [
          { minScore: 95, payPercent: 140 },
          { minScore: 90, payPercent: 120 },
          { minScore: 85, payPercent: 100 },
          { minScore: 66, payPercent: 'score' },
        ],
      },
    });
    const holder = { employeeId: 'a', unitId: null, level: 1 as const, score: 100, veto: false, juneExamScore: 96 };
    expect(simulateStarPay('2026-05', [holder], draft, baseline).changes).toEqual([]);
    const h2 = simulateStarPay('2026-08', [holder, { ...holder, employeeId: 'b', juneExamScore: 91 }], draft, baseline);
    expect(h2.changes.map((c) => [c.subjectId, c.moneyBeforeFen, c.moneyAfterFen])).toEqual([['a', 13000, 14000]]);
  });

  it('E-5 simulateRepairerScores: a raised volume factor moves each scored repairer by orders × the difference', () => {
    const draft = PolicySchema.parse({ evaluation: { volumeFactor: 0.25 } });
    const changes = simulateRepairerScores(
      '2026-03',
      [
        { repairerId: 'r1', teamId: 't', scores: [10, 8, 10] },
        { repairerId: 'r2', teamId: 't', scores: [] },
      ],
      draft,
      baseline,
    );
    expect(changes.map((c) => [c.subjectId, c.valueBefore, c.valueAfter])).toEqual([['r1', 9.78, 10.08]]);
  });

  it('K-3 simulateScorecards: a doubled indicator weight moves the units with a value above the floor only', () => {
    const input = (p: typeof baseline): ScorecardMonthInput => ({
      cards: p.kpi.scorecards.filter((c) => c.key === 'account-manager'),
      subjects: {
        'account-manager': ['u1', 'u2', 'u3'].map((id) => ({ id, scope: 'unit' as const, unitId: id })),
      },
      figures: { 'subscriber-retention': { u1: 78, u2: 76 } },
      lateByUnit: {},
      supervisors: {},
    });
    const draft = PolicySchema.parse({
      kpi: {
        scorecards: baseline.kpi.scorecards.map((c) =>
          c.key !== 'account-manager'
            ? c
            : { ...c, indicators: c.indicators.map((i) => (i.key === 'retention' ? { ...i, weight: 20 } : i)) },
        ),
      },
    });
    const r = simulateScorecards('2026-03', input(draft), input(baseline));
    expect(r.changes.map((c) => [c.kind, c.subjectId, c.card])).toEqual([['scorecard', 'u1', 'account-manager']]);
    expect(r.changes[0].valueAfter! - r.changes[0].valueBefore!).toBeCloseTo(9.75);
  });
});
