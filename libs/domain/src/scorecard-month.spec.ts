import { defaultPolicy } from '@qf/policy';
import { scorecardIndicatorResults, scorecardMonth } from './scorecard-month';

const policy = defaultPolicy();
const cards = policy.kpi.scorecards.filter((c) => c.key === 'account-manager' || c.key === 'hall');

describe('scorecard month', () => {
  it('K-5 fines: late orders to their handlers only when the unit misses the rate; BOSS errors to the supervisor', () => {
    const r = scorecardMonth({
      cards,
      subjects: {
        'account-manager': [
          { id: 'T1', scope: 'unit', unitId: 'T1' },
          { id: 'T2', scope: 'unit', unitId: 'T2' },
        ],
        hall: [{ id: 'H1', scope: 'unit', unitId: 'H1' }],
      },
      figures: { 'on-time-rate': { T1: 97, T2: 99.5 }, 'boss-error-rate': { H1: 2.5 }, satisfaction: { H1: 93 } },
      lateByUnit: { T1: { P1: 3, P2: 1 }, T2: { P3: 1 } },
      supervisors: { H1: 'S1', T1: null, T2: null },
    });
    expect(r.fines.map((f) => [f.employeeId, f.reason, f.amountFen])).toEqual([
      ['S1', 'kpi-K-5-boss-errors', 30000],
      ['P1', 'kpi-K-5-late-orders', 15000],
      ['P2', 'kpi-K-5-late-orders', 5000],
    ]);
    const t1 = r.results.find((x) => x.subjectId === 'T1')!;
    expect(t1.indicators.find((i) => i.key === 'on-time-orders')).toMatchObject({ score: 36, inputs: { lost: 4 } });
    expect(r.results.filter((x) => x.card === 'account-manager').map((x) => [x.subjectId, x.rank, x.ranked])).toEqual([
      ['T2', 1, 2],
      ['T1', 2, 2],
    ]);
  });

  it('P-6 a unit card feeds one indicator result per scored indicator: met only when it kept its full weight', () => {
    const ind = (key: string, score: number, weight: number, value: number | null = 1) => ({
      key,
      label: key === 'a' ? '按时完成率' : key,
      kind: 'linear-with-floor' as const,
      value,
      score,
      missing: value === null,
      params: { weight },
      inputs: {},
    });
    const rows = [
      { card: 'dispatch', scope: 'unit' as const, unitId: 'u1', indicators: [ind('a', 35, 40), ind('b', 20, 20)] },
      // no value, no weight, or a person's card: nothing
      { card: 'dispatch', scope: 'unit' as const, unitId: 'u2', indicators: [ind('a', 0, 40, null), ind('c', 0, 0)] },
      { card: 'dispatch', scope: 'person' as const, unitId: 'u1', indicators: [ind('a', 0, 40)] },
    ];
    expect(scorecardIndicatorResults(rows, { dispatch: '调度' })).toEqual([
      { unitId: 'u1', indicator: '调度：按时完成率', value: 35, target: 40, passed: false },
      { unitId: 'u1', indicator: '调度：b', value: 20, target: 20, passed: true },
    ]);
  });
});
