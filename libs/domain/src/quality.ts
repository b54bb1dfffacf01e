import type { Policy } from '@qf/policy';
import { addMonths } from './calendar';
import { quarterOf } from './perception-month';
import { RuleViolation } from './types';

export interface AssessmentPlan {
  /** YYYY-Qn */
  period: string;
  scope: readonly string[];
  /** each indicator with its weight (per cent of the plan's score) */
  indicators: readonly { code: string; weight: number }[];
}

/** the first and last date of a quarter given as YYYY-Qn. */
export function quarterPeriod(period: string): { from: string; to: string } {
  const m = /^(\d{4})-Q([1-4])$/.exec(period);
  if (!m) throw new RangeError(`period must be YYYY-Qn: ${period}`);
  const from = `${m[1]}-${String((Number(m[2]) - 1) * 3 + 1).padStart(2, '0')}-01`;
  const next = addMonths(from, 3);
  const to = new Date(Date.parse(`${next}T00:00:00Z`) - 86400000).toISOString().slice(0, 10);
  return { from, to };
}

/** a quarterly assessment plan names its period, scope and indicators. */
export function validateAssessmentPlan(plan: AssessmentPlan): RuleViolation[] {
  const out: RuleViolation[] = [];
  if (!/^\d{4}-Q[1-4]$/.test(plan.period))
    out.push({
      path: 'period',
      message: 'period must be a quarter YYYY-Qn (Q-1)',
      rule: 'Q-1',
      code: 'quality.period',
    });
  if (!plan.scope?.length)
    out.push({
      path: 'scope',
      message: 'the plan must name its scope (Q-1)',
      rule: 'Q-1',
      code: 'quality.scope_required',
    });
  if (!plan.indicators?.length)
    out.push({
      path: 'indicators',
      message: 'the plan must name its indicators (Q-1)',
      rule: 'Q-1',
      code: 'quality.indicators_required',
    });
  else {
    const total = plan.indicators.reduce((a, i) => a + i.weight, 0);
    if (total !== 100)
      out.push({
        path: 'indicators',
        message: `the indicators' weights sum to ${total}, not 100 (Q-1)`,
        rule: 'Q-1',
        code: 'quality.weights_sum',
        params: { total },
      });
    const seen = new Set<string>();
    plan.indicators.forEach((i, n) => {
      if (seen.has(i.code))
        out.push({
          path: `indicators.${n}.code`,
          message: `indicator ${i.code} is named twice (Q-1)`,
          rule: 'Q-1',
          code: 'quality.indicator_twice',
          params: { code: i.code },
        });
      seen.add(i.code);
    });
  }
  if (new Set(plan.scope ?? []).size !== (plan.scope ?? []).length)
    out.push({ path: 'scope', message: 'a unit is named twice (Q-1)', rule: 'Q-1', code: 'quality.unit_twice' });
  return out;
}

/** plan → collect → analyse → report → feedback; null after the last stage. */
export function nextAssessmentStage(stage: string, policy: Policy): string | null {
  const stages = policy.quality.assessmentStages;
  const i = stages.indexOf(stage);
  if (i < 0) throw new RangeError(`unknown assessment stage ${stage}`);
  return stages[i + 1] ?? null;
}

/** the quarter before / after YYYY-Qn. */
export function shiftQuarter(period: string, by: number): string {
  const m = /^(\d{4})-Q([1-4])$/.exec(period);
  if (!m) throw new RangeError(`period must be YYYY-Qn: ${period}`);
  const n = Number(m[1]) * 4 + Number(m[2]) - 1 + by;
  return `${Math.floor(n / 4)}-Q${(n % 4) + 1}`;
}

/** the quarter's three months, YYYY-MM. */
export function quarterMonths(period: string): string[] {
  return quarterOf(quarterPeriod(period).from.slice(0, 7)).months;
}

export interface QuarterlyIndicatorDef {
  code: string;
  name: string;
  weight: number;
  direction: 'higher' | 'lower';
  target: number;
}

/**
 * an indicator's score out of 100: higher-is-better values score value ÷ target (at most 100); lower-is-better
 * values score 100 up to the target and lose the share they exceed it by (at least 0). A missing value scores 0.
 */
export function indicatorScore(ind: Pick<QuarterlyIndicatorDef, 'direction' | 'target'>, value: number | null): number {
  if (value === null || !Number.isFinite(value)) return 0;
  const s =
    ind.direction === 'higher'
      ? (100 * Math.max(0, value)) / ind.target
      : 100 - (100 * Math.max(0, value - ind.target)) / ind.target;
  return Math.round(Math.min(100, Math.max(0, s)) * 100) / 100;
}

export interface QuarterlyUnitAnalysis {
  unitId: string;
  /** weighted score out of 100: Σ weight × indicator score ÷ 100 */
  score: number;
  /** 1 = best; equal scores share a rank */
  rank: number;
  previousScore: number | null;
  /** score − the previous quarter's score of the same unit, null without one */
  trend: number | null;
  indicators: { code: string; value: number | null; score: number; lost: number }[];
  /** the indicators that cost the unit most points (weight × shortfall), worst first, up to `worstN` */
  worst: { code: string; name: string; value: number | null; score: number; lost: number }[];
  missing: number;
}

/**
 * Q-1 analysis: each unit's weighted score over the plan's indicators, its rank among the plan's units, its trend
 * against the previous quarter's score, and its worst indicators (those that lost it the most weighted points).
 */
export function analyseQuarter(input: {
  indicators: readonly QuarterlyIndicatorDef[];
  units: readonly string[];
  /** value by unit, then indicator code */
  values: ReadonlyMap<string, ReadonlyMap<string, number>>;
  previous: ReadonlyMap<string, number>;
  worstN?: number;
}): QuarterlyUnitAnalysis[] {
  const round2 = (x: number) => Math.round(x * 100) / 100;
  const rows = input.units.map((unitId) => {
    const v = input.values.get(unitId);
    const indicators = input.indicators.map((ind) => {
      const value = v?.get(ind.code) ?? null;
      const score = indicatorScore(ind, value);
      return { code: ind.code, value, score, lost: round2((ind.weight * (100 - score)) / 100) };
    });
    const score = round2(input.indicators.reduce((a, ind, i) => a + (ind.weight * indicators[i].score) / 100, 0));
    const previousScore = input.previous.get(unitId) ?? null;
    const worst = indicators
      .map((x, i) => ({ ...x, name: input.indicators[i].name }))
      .filter((x) => x.lost > 0)
      .sort((a, b) => b.lost - a.lost || (a.code < b.code ? -1 : 1))
      .slice(0, input.worstN ?? 3);
    return {
      unitId,
      score,
      rank: 0,
      previousScore,
      trend: previousScore === null ? null : round2(score - previousScore),
      indicators,
      worst,
      missing: indicators.filter((x) => x.value === null).length,
    };
  });
  const sorted = [...rows].sort((a, b) => b.score - a.score || (a.unitId < b.unitId ? -1 : 1));
  sorted.forEach((r, i) => (r.rank = i > 0 && sorted[i - 1].score === r.score ? sorted[i - 1].rank : i + 1));
  return sorted;
}
