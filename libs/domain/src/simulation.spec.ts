import { defaultPolicy, PolicySchema } from '@qf/policy';
import { LedgerMonthFacts, settleLedgerRow } from './settlement-row';
import { simulateMonth, SimulationMonthFacts } from './simulation';

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
  sev: ordinary ? [{ m: '2026-01', s: 'ordinary', n: ordinary }] : null,
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
      ledger: [{ ...row('p', 0, 40), sev: null }],
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
});
