import { defaultPolicy } from '@qf/policy';
import { scorecardMonth } from './scorecard-month';

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
});
