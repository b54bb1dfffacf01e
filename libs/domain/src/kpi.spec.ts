import { defaultPolicy, Indicator } from '@qf/policy';
import {
  bossErrorPenaltyFen,
  countThresholdScore,
  finesForEvent,
  linearWithFloor,
  nextOrderStage,
  onTimeOrderPenalty,
  orderDeadlines,
  orderLateness,
  perPointPenalty,
  repeatedFailureWeight,
  scoreIndicator,
  scoreScorecard,
  stepDownScore,
  TRACKING_LINES,
  weightedFailureCount,
} from './kpi';

const policy = defaultPolicy();
/** An indicator of the default scorecards by card and key. */
const ind = <K extends Indicator['kind']>(card: string, key: string) =>
  policy.kpi.scorecards.find((c) => c.key === card)!.indicators.find((i) => i.key === key) as Extract<
    Indicator,
    { kind: K }
  >;

describe('work orders', () => {
  it('K-1 hotline → dispatch → handling unit → close, tracked on four lines', () => {
    expect(nextOrderStage('hotline')).toBe('dispatch');
    expect(nextOrderStage('handling-unit')).toBe('closed');
    expect(nextOrderStage('closed')).toBeNull();
    expect(TRACKING_LINES).toHaveLength(4);
  });

  it('K-1 an order past its deadline is re-dispatched and counted against the unit', () => {
    const o = { kind: 'ordinary' as const, receivedAt: '2024-05-06T01:00:00Z' };
    expect(orderLateness({ ...o, respondedAt: '2024-05-06T01:20:00Z' }, '2024-05-06T02:00:00Z', policy)).toMatchObject({
      responseLate: false,
      reDispatch: false,
    });
    expect(orderLateness(o, '2024-05-06T01:31:00Z', policy)).toMatchObject({
      responseLate: true,
      reDispatch: true,
      countsAgainstUnit: true,
    });
    expect(
      orderLateness(
        { ...o, respondedAt: '2024-05-06T01:10:00Z', completedAt: '2024-05-07T02:00:00Z' },
        '2024-05-08T00:00:00Z',
        policy,
      ),
    ).toMatchObject({
      completionLate: true,
      reDispatch: false,
      countsAgainstUnit: true,
    });
  });

  it('K-2 deadlines: ordinary 30 min / 24 h, VIP fault 20 min / 6 h, VIP activation 1 h / 12 h', () => {
    const at = '2024-05-06T00:00:00Z';
    expect(orderDeadlines('ordinary', at, policy)).toEqual({
      respondBy: '2024-05-06T00:30:00.000Z',
      completeBy: '2024-05-07T00:00:00.000Z',
    });
    expect(orderDeadlines('vip-fault', at, policy)).toEqual({
      respondBy: '2024-05-06T00:20:00.000Z',
      completeBy: '2024-05-06T06:00:00.000Z',
    });
    expect(orderDeadlines('vip-activation', at, policy)).toEqual({
      respondBy: '2024-05-06T01:00:00.000Z',
      completeBy: '2024-05-06T12:00:00.000Z',
    });
  });
});

describe('formulas', () => {
  it('K-3 linear with floor: 0 below the floor, else weight × min(1, actual ÷ target)', () => {
    const sat = ind<'linear-with-floor'>('call-centre', 'satisfaction');
    expect(linearWithFloor(89.9, sat)).toBe(0);
    expect(linearWithFloor(90, sat)).toBe(9.18);
    expect(linearWithFloor(98, sat)).toBe(10);
    expect(linearWithFloor(99.5, sat)).toBe(10);
    const retention = ind<'linear-with-floor'>('account-manager', 'retention');
    expect(linearWithFloor(76.9, retention)).toBe(0);
    expect(linearWithFloor(78, retention)).toBe(9.75);
    expect(linearWithFloor(69, ind<'linear-with-floor'>('call-centre', 'callback-rate'))).toBe(0);
  });

  it('K-4 call volume: full at 2200, −1 per 100 short to 1800, −2 per 100 below, 0 below 1500', () => {
    const calls = ind<'step-down'>('call-centre', 'call-volume');
    expect(stepDownScore(2200, calls)).toBe(10);
    expect(stepDownScore(2150, calls)).toBe(10);
    expect(stepDownScore(2100, calls)).toBe(9);
    expect(stepDownScore(1800, calls)).toBe(6);
    expect(stepDownScore(1700, calls)).toBe(4);
    expect(stepDownScore(1600, calls)).toBe(2);
    expect(stepDownScore(1499, calls)).toBe(0);
  });

  it('K-4 1500–1599 keep losing 2 per 100 (A-2)', () => {
    const calls = ind<'step-down'>('call-centre', 'call-volume');
    expect(stepDownScore(1599, calls)).toBe(2);
    expect(stepDownScore(1500, calls)).toBe(0);
  });

  it('K-5 on-time rate below 99 %: unit −2 per point, each person 50 CNY per late order of theirs', () => {
    const onTime = ind<'per-point-penalty'>('account-manager', 'on-time-orders');
    expect(onTimeOrderPenalty(97, { P: 6 }, onTime)).toEqual({
      unitScoreLoss: 4,
      fines: [{ employeeId: 'P', amountFen: 30000, lateOrders: 6 }],
    });
    expect(onTimeOrderPenalty(98.5, { P: 1, Q: 1 }, onTime).fines.map((f) => f.amountFen)).toEqual([5000, 5000]);
    expect(onTimeOrderPenalty(99, { P: 1 }, onTime)).toEqual({ unitScoreLoss: 0, fines: [] });
  });

  it('K-5 30-minute response below 70 %: −0.5 per point; BOSS errors above 1 %: 200 CNY per point', () => {
    expect(perPointPenalty(60, ind<'per-point-penalty'>('account-manager', 'response-30min'))).toBe(5);
    expect(perPointPenalty(70, ind<'per-point-penalty'>('account-manager', 'response-30min'))).toBe(0);
    const boss = ind<'per-point-penalty'>('hall', 'boss-errors');
    expect(bossErrorPenaltyFen(3, boss)).toBe(40000);
    expect(bossErrorPenaltyFen(1.5, boss)).toBe(10000);
    expect(bossErrorPenaltyFen(1, boss)).toBe(0);
  });

  it('K-6 network exit failures: up to 3 full, −5 per failure over, above 5 → 0', () => {
    const p = { allowed: 3, perExcess: 5, zeroAbove: 5, weight: 10 };
    expect(countThresholdScore(3, p)).toBe(10);
    expect(countThresholdScore(4, p)).toBe(5);
    expect(countThresholdScore(5, p)).toBe(0);
    expect(countThresholdScore(6, p)).toBe(0);
    expect(countThresholdScore(5, { ...p, weight: 20 })).toBe(10);
    expect(countThresholdScore(6, { ...p, weight: 20 })).toBe(0);
  });

  it('K-7 repeated failures of one device count 1, 2, 4, 8', () => {
    expect([1, 2, 3, 4].map((n) => repeatedFailureWeight(n))).toEqual([1, 2, 4, 8]);
    expect(weightedFailureCount([3, 1])).toBe(8);
    expect(weightedFailureCount([4], 2)).toBe(15);
    expect(() => repeatedFailureWeight(0)).toThrow();
  });

  it('K-8 fines within ranges; a false work order also costs the unit 1', () => {
    expect(finesForEvent('attitude-complaint', { employeeId: 'E1' }, 10000, policy)).toEqual({
      fines: [{ employeeId: 'E1', amountFen: 10000 }],
      unitScoreDelta: 0,
      violations: [],
    });
    expect(finesForEvent('attitude-complaint', { employeeId: 'E1' }, 25000, policy).violations[0].message).toBe(
      'the attitude-complaint fine must be between 50 and 200 CNY (K-8)',
    );
    expect(finesForEvent('false-work-order', { employeeId: 'E1' }, 5000, policy).unitScoreDelta).toBe(-1);
    expect(finesForEvent('data-entry-error', { employeeId: 'E1' }, null, policy).fines).toEqual([
      { employeeId: 'E1', amountFen: 5000 },
    ]);
    expect(finesForEvent('data-entry-error', { employeeId: 'E1' }, 6000, policy).violations).toHaveLength(1);
  });

  it('K-8 standards not followed: 30 CNY to the person and 30 CNY to the direct lead', () => {
    expect(finesForEvent('standards-not-followed', { employeeId: 'E1', leadId: 'L1' }, null, policy).fines).toEqual([
      { employeeId: 'E1', amountFen: 3000 },
      { employeeId: 'L1', amountFen: 3000 },
    ]);
  });
});

describe('scorecards', () => {
  it('K-9 each indicator is scored by its formula kind, with why', () => {
    const w = (i: Record<string, unknown>) =>
      ({ key: 'k', label: 'k', source: 'imported', computation: 'call-volume', weight: 10, ...i }) as Indicator;
    const pp = scoreIndicator(
      w({ kind: 'per-point-penalty', threshold: 99, direction: 'below', perPoint: 2, fine: null }),
      97,
    );
    expect(pp).toMatchObject({ score: 6, kind: 'per-point-penalty', inputs: { value: 97, points: 2, lost: 4 } });
    expect(pp.params).toMatchObject({ threshold: 99, perPoint: 2, weight: 10 });
    expect(scoreIndicator(w({ kind: 'weighted-count', base: 2, perWeighted: 1 }), [3]).score).toBe(3);
    expect(scoreIndicator(w({ kind: 'linear-with-floor', target: 95, floor: 90 }), undefined)).toMatchObject({
      score: 0,
      missing: true,
    });
  });

  it('K-9 the default call-centre card scores and ranks agents', () => {
    const card = policy.kpi.scorecards.find((c) => c.key === 'call-centre')!;
    const rows = scoreScorecard(card, {
      A: { satisfaction: 98, 'callback-rate': 90, 'call-volume': 2300 },
      B: { satisfaction: 89, 'callback-rate': 90, 'call-volume': 1800 },
      C: { satisfaction: 98, 'callback-rate': 90 },
    });
    expect(rows.map((r) => [r.subjectId, r.total, r.rank])).toEqual([
      ['A', 30, 1],
      ['C', 20, 2],
      ['B', 16, 3],
    ]);
    expect(rows[1].indicators.filter((i) => i.missing).map((i) => i.key)).toEqual(['call-volume']);
  });
});
