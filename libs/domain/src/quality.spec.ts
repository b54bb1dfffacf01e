import { defaultPolicy } from '@qf/policy';
import {
  analyseQuarter,
  indicatorScore,
  nextAssessmentStage,
  quarterMonths,
  quarterPeriod,
  shiftQuarter,
  validateAssessmentPlan,
} from './quality';

const policy = defaultPolicy();

describe('quality management cycle', () => {
  it('Q-1 a quarterly plan names period, scope and indicators', () => {
    expect(
      validateAssessmentPlan({
        period: '2024-Q2',
        scope: ['branch-1'],
        indicators: [{ code: 'satisfaction', weight: 100 }],
      }),
    ).toEqual([]);
    expect(validateAssessmentPlan({ period: '2024-05', scope: [], indicators: [] }).map((v) => v.path)).toEqual([
      'period',
      'scope',
      'indicators',
    ]);
  });

  it('Q-1 the quarter period runs from its first to its last day', () => {
    expect(quarterPeriod('2024-Q1')).toEqual({ from: '2024-01-01', to: '2024-03-31' });
    expect(quarterPeriod('2024-Q4')).toEqual({ from: '2024-10-01', to: '2024-12-31' });
  });

  it('Q-1 plan → collect → analyse → report → feedback', () => {
    expect(nextAssessmentStage('plan', policy)).toBe('collect');
    expect(nextAssessmentStage('report', policy)).toBe('feedback');
    expect(nextAssessmentStage('feedback', policy)).toBeNull();
  });
});

describe('quarterly assessment analysis (Q-1)', () => {
  const indicators = [
    { code: 'sat', name: '满意度', weight: 60, direction: 'higher' as const, target: 95 },
    { code: 'ded', name: '扣分', weight: 40, direction: 'lower' as const, target: 10 },
  ];
  const plan = { period: '2026-Q1', scope: ['u1'], indicators };

  it("Q-1 a plan's indicator weights sum to 100, each indicator named once", () => {
    expect(validateAssessmentPlan(plan)).toEqual([]);
    const bad = validateAssessmentPlan({
      ...plan,
      scope: ['u1', 'u1'],
      indicators: [indicators[0], { ...indicators[0], weight: 30 }],
    });
    expect(bad.map((v) => [v.path, v.code])).toEqual([
      ['indicators', 'quality.weights_sum'],
      ['indicators.1.code', 'quality.indicator_twice'],
      ['scope', 'quality.unit_twice'],
    ]);
    expect(bad[0].params).toEqual({ total: 90 });
  });

  it('Q-1 quarters: the one before and after, and their months', () => {
    expect(shiftQuarter('2026-Q1', -1)).toBe('2025-Q4');
    expect(shiftQuarter('2025-Q4', 1)).toBe('2026-Q1');
    expect(quarterMonths('2026-Q2')).toEqual(['2026-04', '2026-05', '2026-06']);
  });

  it('Q-1 indicator score: value ÷ target up to 100 when higher is better; lose the excess share when lower is', () => {
    expect(indicatorScore(indicators[0], 95)).toBe(100);
    expect(indicatorScore(indicators[0], 76)).toBe(80);
    expect(indicatorScore(indicators[1], 8)).toBe(100);
    expect(indicatorScore(indicators[1], 15)).toBe(50);
    expect(indicatorScore(indicators[1], 40)).toBe(0);
    expect(indicatorScore(indicators[0], null)).toBe(0);
  });

  it('Q-1 analysis: weighted score, rank (ties share), trend against the previous quarter, worst indicators', () => {
    const values = new Map([
      [
        'a',
        new Map([
          ['sat', 95],
          ['ded', 15],
        ]),
      ], // 60 + 40×0.5 = 80
      [
        'b',
        new Map([
          ['sat', 76],
          ['ded', 5],
        ]),
      ], // 60×0.8 + 40 = 88
      [
        'c',
        new Map([
          ['sat', 76],
          ['ded', 5],
        ]),
      ], // 88
      ['d', new Map([['sat', 95]])], // ded missing: 60
    ]);
    const r = analyseQuarter({
      indicators,
      units: ['a', 'b', 'c', 'd'],
      values,
      previous: new Map([['a', 85]]),
    });
    expect(r.map((x) => [x.unitId, x.score, x.rank])).toEqual([
      ['b', 88, 1],
      ['c', 88, 1],
      ['a', 80, 3],
      ['d', 60, 4],
    ]);
    const a = r.find((x) => x.unitId === 'a')!;
    expect([a.previousScore, a.trend]).toEqual([85, -5]);
    expect(a.worst).toEqual([{ code: 'ded', name: '扣分', value: 15, score: 50, lost: 20 }]);
    expect(r.find((x) => x.unitId === 'b')!.trend).toBeNull();
    expect(r.find((x) => x.unitId === 'd')!.missing).toBe(1);
  });
});
