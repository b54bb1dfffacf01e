import { defaultPolicy, Indicator } from '@qf/policy';
import {
  bossErrorPenaltyFen,
  callVolumeScore,
  countThresholdScore,
  finesForEvent,
  linearWithFloor,
  networkExitFailureScore,
  nextOrderStage,
  onTimeOrderPenalty,
  orderDeadlines,
  orderLateness,
  repeatedFailureWeight,
  responseRatePenalty,
  scoreIndicator,
  scoreScorecard,
  TRACKING_LINES,
  weightedFailureCount,
} from './kpi';

const policy = defaultPolicy();

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
    const sat = policy.kpi.linear.callCentreSatisfaction;
    expect(linearWithFloor(89.9, sat)).toBe(0);
    expect(linearWithFloor(90, sat)).toBe(9.18);
    expect(linearWithFloor(98, sat)).toBe(10);
    expect(linearWithFloor(99.5, sat)).toBe(10);
    expect(linearWithFloor(76.9, policy.kpi.linear.subscriberRetention)).toBe(0);
    expect(linearWithFloor(78, policy.kpi.linear.subscriberRetention)).toBe(9.75);
    expect(linearWithFloor(69, policy.kpi.linear.callbackRate)).toBe(0);
  });

  it('K-4 call volume: full at 2200, −1 per 100 short to 1800, −2 per 100 below, 0 below 1500', () => {
    expect(callVolumeScore(2200, policy)).toBe(10);
    expect(callVolumeScore(2150, policy)).toBe(10);
    expect(callVolumeScore(2100, policy)).toBe(9);
    expect(callVolumeScore(1800, policy)).toBe(6);
    expect(callVolumeScore(1700, policy)).toBe(4);
    expect(callVolumeScore(1600, policy)).toBe(2);
    expect(callVolumeScore(1499, policy)).toBe(0);
  });

  it('K-4 1500–1599 keep losing 2 per 100 (A-2)', () => {
    expect(callVolumeScore(1599, policy)).toBe(2);
    expect(callVolumeScore(1500, policy)).toBe(0);
  });

  it('K-5 on-time rate below 99 %: unit −2 per point, person 50 CNY per late order', () => {
    expect(onTimeOrderPenalty(97, 6, policy)).toEqual({ unitScoreLoss: 4, personFen: 30000 });
    expect(onTimeOrderPenalty(98.5, 2, policy)).toEqual({ unitScoreLoss: 1, personFen: 10000 });
    expect(onTimeOrderPenalty(99, 1, policy)).toEqual({ unitScoreLoss: 0, personFen: 0 });
  });

  it('K-5 30-minute response below 70 %: −0.5 per point; BOSS errors above 1 %: 200 CNY per point', () => {
    expect(responseRatePenalty(60, policy)).toBe(5);
    expect(responseRatePenalty(70, policy)).toBe(0);
    expect(bossErrorPenaltyFen(3, policy)).toBe(40000);
    expect(bossErrorPenaltyFen(1.5, policy)).toBe(10000);
    expect(bossErrorPenaltyFen(1, policy)).toBe(0);
  });

  it('K-6 network exit failures: up to 3 full, −5 per failure over, above 5 → 0', () => {
    expect(networkExitFailureScore(3, policy)).toBe(10);
    expect(networkExitFailureScore(4, policy)).toBe(5);
    expect(networkExitFailureScore(5, policy)).toBe(0);
    expect(networkExitFailureScore(6, policy)).toBe(0);
    expect(countThresholdScore(5, { allowed: 3, perExcess: 5, zeroAbove: 5, weight: 20 })).toBe(10);
    expect(countThresholdScore(6, { allowed: 3, perExcess: 5, zeroAbove: 5, weight: 20 })).toBe(0);
  });

  it('K-7 repeated failures of one device count 1, 2, 4, 8', () => {
    expect([1, 2, 3, 4].map((n) => repeatedFailureWeight(n))).toEqual([1, 2, 4, 8]);
    expect(weightedFailureCount([3, 1], policy)).toBe(8);
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
  it('K-9 each indicator is scored by its formula kind', () => {
    const w = (ind: Partial<Indicator> & Pick<Indicator, 'kind'>) =>
      ({ key: 'k', label: 'k', source: 's', weight: 10, ...ind }) as Indicator;
    expect(scoreIndicator(w({ kind: 'per-point-penalty', threshold: 99, direction: 'below', perPoint: 2 }), 97)).toBe(
      6,
    );
    expect(scoreIndicator(w({ kind: 'weighted-count', base: 2, perWeighted: 1 }), [3])).toBe(3);
    expect(scoreIndicator(w({ kind: 'linear-with-floor', target: 95, floor: 90 }), undefined)).toBe(0);
  });

  it('K-9 the default call-centre card scores and ranks agents', () => {
    const card = policy.kpi.scorecards.find((c) => c.key === 'call-centre-agent')!;
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
    expect(rows[1].missing).toEqual(['call-volume']);
  });
});
