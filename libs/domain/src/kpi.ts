import type { Indicator, Policy, Scorecard } from '@qf/policy';
import { divRoundHalfUp, roundTo, RuleViolation } from './types';

/**
 * KPI scorecard scores are indicator scores, not ledger points: plain numbers rounded to 2 decimals.
 * Rates are percentages (98 = 98 %). Money is integer fen.
 */

// ---------------------------------------------------------------------------------------------
// K-1 work-order flow, K-2 deadlines

export const ORDER_STAGES = ['hotline', 'dispatch', 'handling-unit', 'closed'] as const;
export type OrderStage = (typeof ORDER_STAGES)[number];
/** K-1: the four tracking lines of an order. */
export const TRACKING_LINES = ['handler-feedback', 'customer-re-complaint', 'callback', 'qa-sampling'] as const;

/** K-1: hotline → dispatch → handling unit → close. */
export function nextOrderStage(stage: OrderStage): OrderStage | null {
  const i = ORDER_STAGES.indexOf(stage);
  return i >= 0 && i < ORDER_STAGES.length - 1 ? ORDER_STAGES[i + 1] : null;
}

export type OrderKind = 'ordinary' | 'vip-fault' | 'vip-activation';

/** K-2: respond and complete deadlines (wall-clock minutes from receipt). */
export function orderDeadlines(
  kind: OrderKind,
  receivedAt: string,
  policy: Policy,
): { respondBy: string; completeBy: string } {
  const d =
    kind === 'vip-fault'
      ? policy.kpi.orderDeadlines.vipFault
      : kind === 'vip-activation'
        ? policy.kpi.orderDeadlines.vipActivation
        : policy.kpi.orderDeadlines.ordinary;
  const t = Date.parse(receivedAt);
  return {
    respondBy: new Date(t + d.respondMinutes * 60000).toISOString(),
    completeBy: new Date(t + d.completeMinutes * 60000).toISOString(),
  };
}

/** K-1/K-2: an order past its response or completion deadline is re-dispatched and counted against the unit. */
export function orderLateness(
  order: { kind: OrderKind; receivedAt: string; respondedAt?: string | null; completedAt?: string | null },
  now: string,
  policy: Policy,
): { responseLate: boolean; completionLate: boolean; reDispatch: boolean; countsAgainstUnit: boolean } {
  const { respondBy, completeBy } = orderDeadlines(order.kind, order.receivedAt, policy);
  const late = (doneAt: string | null | undefined, by: string) => Date.parse(doneAt ?? now) > Date.parse(by);
  const responseLate = late(order.respondedAt, respondBy);
  const completionLate = late(order.completedAt, completeBy);
  const open = !order.completedAt;
  return {
    responseLate,
    completionLate,
    reDispatch: open && (responseLate || completionLate),
    countsAgainstUnit: responseLate || completionLate,
  };
}

// ---------------------------------------------------------------------------------------------
// K-3 linear with floor

/** K-3: 0 below the floor, else weight × min(1, actual ÷ target). */
export function linearWithFloor(actual: number, p: { target: number; floor: number; weight: number }): number {
  if (actual < p.floor) return 0;
  return roundTo(p.weight * Math.min(1, actual / p.target), 2);
}

// ---------------------------------------------------------------------------------------------
// K-4 step-down (call volume)

export interface StepDownParams {
  fullAt: number;
  stepAt: number;
  upperLossPer100: number;
  lowerLossPer100: number;
  zeroBelow: number;
  weight: number;
}

/**
 * K-4/A-2: full at ≥ fullAt; between stepAt and fullAt lose `upperLossPer100` per full 100 short; below stepAt
 * additionally `lowerLossPer100` per full 100 short of stepAt (A-2: also for 1500–1599); below zeroBelow 0.
 * "Per 100" counts whole hundreds (2150 calls are 50 short: no loss).
 */
export function stepDownScore(value: number, p: StepDownParams): number {
  if (value >= p.fullAt) return p.weight;
  if (value < p.zeroBelow) return 0;
  const upperShort = p.fullAt - Math.max(value, p.stepAt);
  const lowerShort = Math.max(0, p.stepAt - value);
  const loss = Math.floor(upperShort / 100) * p.upperLossPer100 + Math.floor(lowerShort / 100) * p.lowerLossPer100;
  return roundTo(Math.max(0, p.weight - loss), 2);
}

// ---------------------------------------------------------------------------------------------
// K-5 per-point penalties

/** K-5: percentage points beyond a threshold (0 when within). */
export function pointsBeyond(actual: number, threshold: number, direction: 'below' | 'above'): number {
  const d = direction === 'below' ? threshold - actual : actual - threshold;
  return d > 0 ? roundTo(d, 6) : 0;
}

/** K-5: score lost = perPoint × percentage points beyond the threshold (proportional for part points). */
export function perPointPenalty(
  actual: number,
  p: { threshold: number; direction: 'below' | 'above'; perPoint: number },
): number {
  return roundTo(pointsBeyond(actual, p.threshold, p.direction) * p.perPoint, 2);
}

type PerPointIndicator = Extract<Indicator, { kind: 'per-point-penalty' }>;

/**
 * K-5: on-time order rate below its threshold (99 %): the unit loses perPoint (2) per point and each responsible
 * person pays the indicator's fine (50 CNY) per late order of theirs. Nothing when the rate is met.
 */
export function onTimeOrderPenalty(
  ratePercent: number,
  lateByHandler: Readonly<Record<string, number>>,
  ind: PerPointIndicator,
): { unitScoreLoss: number; fines: { employeeId: string; amountFen: number; lateOrders: number }[] } {
  const unitScoreLoss = perPointPenalty(ratePercent, ind);
  const below = pointsBeyond(ratePercent, ind.threshold, ind.direction) > 0;
  const fen = ind.fine?.per === 'late-order' ? ind.fine.fen : 0;
  const fines =
    below && fen > 0
      ? Object.entries(lateByHandler)
          .filter(([, n]) => n > 0)
          .map(([employeeId, n]) => ({ employeeId, amountFen: n * fen, lateOrders: n }))
      : [];
  return { unitScoreLoss, fines };
}

/** K-5: BOSS entry error rate above its threshold (1 %): the supervisor pays the fine (200 CNY) per point (fen, half up). */
export function bossErrorPenaltyFen(errorRatePercent: number, ind: PerPointIndicator): number {
  if (ind.fine?.per !== 'point') return 0;
  const beyond = pointsBeyond(errorRatePercent, ind.threshold, ind.direction);
  return divRoundHalfUp(Math.round(beyond * 1e6) * ind.fine.fen, 1e6);
}

// ---------------------------------------------------------------------------------------------
// K-6 count thresholds, K-7 weighted counts

/** K-6: within `allowed` full score; over it lose `perExcess` per event; above `zeroAbove` 0. */
export function countThresholdScore(
  count: number,
  p: { allowed: number; perExcess: number; zeroAbove: number; weight: number },
): number {
  if (count > p.zeroAbove) return 0;
  if (count <= p.allowed) return p.weight;
  return roundTo(Math.max(0, p.weight - (count - p.allowed) * p.perExcess), 2);
}

/** K-7: the n-th failure of one device in a month counts 1, 2, 4, 8 … (base^(n-1)). */
export function repeatedFailureWeight(n: number, base = 2): number {
  if (!Number.isInteger(n) || n < 1) throw new RangeError('n must be a positive integer');
  return base ** (n - 1);
}

/** K-7: weighted count of a month's failures, given the failure count of each device. */
export function weightedFailureCount(failuresPerDevice: readonly number[], base = 2): number {
  let total = 0;
  for (const c of failuresPerDevice) for (let i = 1; i <= c; i++) total += repeatedFailureWeight(i, base);
  return total;
}

// ---------------------------------------------------------------------------------------------
// K-8 fines

export type FineKind = 'attitude-complaint' | 'false-work-order' | 'data-entry-error' | 'standards-not-followed';

export interface FineResult {
  fines: { employeeId: string; amountFen: number }[];
  /** organisational score change of the unit (false work order: −1) */
  unitScoreDelta: number;
  violations: RuleViolation[];
}

/** K-8: fines per event within the policy's ranges; standards not followed fine the person and the direct lead. */
export function finesForEvent(
  kind: FineKind,
  who: { employeeId: string; leadId?: string | null },
  amountFen: number | null,
  policy: Policy,
): FineResult {
  const f = policy.kpi.fines;
  if (kind === 'standards-not-followed') {
    const fines = [{ employeeId: who.employeeId, amountFen: f.standardsNotFollowedPersonFen }];
    if (who.leadId) fines.push({ employeeId: who.leadId, amountFen: f.standardsNotFollowedLeadFen });
    const violations = who.leadId
      ? []
      : [
          {
            path: 'leadId',
            message: 'the direct lead is fined too and must be named (K-8)',
            rule: 'K-8',
            code: 'kpi.lead_required',
          },
        ];
    return { fines, unitScoreDelta: 0, violations };
  }
  const range =
    kind === 'attitude-complaint'
      ? f.attitudeComplaint
      : kind === 'false-work-order'
        ? f.falseWorkOrder
        : f.dataEntryError;
  const amount = amountFen ?? range.minFen;
  const violations: RuleViolation[] =
    !Number.isInteger(amount) || amount < range.minFen || amount > range.maxFen
      ? [
          {
            path: 'amountFen',
            message: `the ${kind} fine must be between ${range.minFen / 100} and ${range.maxFen / 100} CNY (K-8)`,
            rule: 'K-8',
            code: 'kpi.fine_range',
            params: { min: range.minFen / 100, max: range.maxFen / 100 },
          },
        ]
      : [];
  return {
    fines: violations.length ? [] : [{ employeeId: who.employeeId, amountFen: amount }],
    unitScoreDelta: kind === 'false-work-order' ? -f.falseWorkOrderUnitPoints : 0,
    violations,
  };
}

// ---------------------------------------------------------------------------------------------
// K-9 scorecards

/** An indicator's value: a number, or (weighted count) the failure count of each device. */
export type IndicatorValue = number | readonly number[];

/** K-9: one indicator's score and why — the formula kind, its numbers and the inputs it was applied to. */
export interface IndicatorScore {
  key: string;
  label: string;
  kind: Indicator['kind'];
  value: number | null;
  score: number;
  missing: boolean;
  params: Record<string, unknown>;
  inputs: Record<string, unknown>;
}

const paramsOf = (ind: Indicator): Record<string, unknown> => {
  const rest: Record<string, unknown> = { ...ind };
  for (const k of ['key', 'label', 'source', 'computation', 'kind']) delete rest[k];
  return rest;
};

/** K-9: one indicator's score by its formula kind (the K-3…K-7 formulas); a missing value scores 0. */
export function scoreIndicator(ind: Indicator, value: IndicatorValue | undefined): IndicatorScore {
  const base = { key: ind.key, label: ind.label, kind: ind.kind, params: paramsOf(ind) };
  if (value === undefined) return { ...base, value: null, score: 0, missing: true, inputs: {} };
  const num = typeof value === 'number' ? value : value.reduce((a, b) => a + b, 0);
  const out = (score: number, inputs: Record<string, unknown>): IndicatorScore => ({
    ...base,
    value: num,
    score,
    missing: false,
    inputs: { value: num, ...inputs },
  });
  switch (ind.kind) {
    case 'linear-with-floor':
      return out(linearWithFloor(num, ind), { belowFloor: num < ind.floor });
    case 'step-down':
      return out(stepDownScore(num, ind), { short: Math.max(0, ind.fullAt - num) });
    case 'per-point-penalty': {
      const lost = perPointPenalty(num, ind);
      return out(roundTo(Math.max(0, ind.weight - lost), 2), {
        points: pointsBeyond(num, ind.threshold, ind.direction),
        lost,
      });
    }
    case 'count-threshold':
      return out(countThresholdScore(num, ind), { over: Math.max(0, num - ind.allowed) });
    case 'weighted-count': {
      const devices = typeof value === 'number' ? [value] : [...value];
      const weighted = weightedFailureCount(devices, ind.base);
      return out(roundTo(Math.max(0, ind.weight - weighted * ind.perWeighted), 2), { devices, weighted });
    }
  }
}

export interface ScorecardRow {
  subjectId: string;
  total: number;
  indicators: IndicatorScore[];
  /** 1 = best; equal totals share a rank */
  rank: number;
}

/** K-9: monthly results per unit or person, ranked best first (a missing value scores 0 and is marked). */
export function scoreScorecard(
  card: Scorecard,
  values: Readonly<Record<string, Readonly<Record<string, IndicatorValue>>>>,
): ScorecardRow[] {
  const rows: ScorecardRow[] = [];
  for (const [subjectId, v] of Object.entries(values)) {
    const indicators = card.indicators.map((ind) => scoreIndicator(ind, v[ind.key]));
    rows.push({
      subjectId,
      indicators,
      total: roundTo(
        indicators.reduce((a, i) => a + i.score, 0),
        2,
      ),
      rank: 0,
    });
  }
  // code-unit order for ties (ids), not localeCompare: stable and fast at 100,000 subjects
  rows.sort((a, b) => b.total - a.total || (a.subjectId < b.subjectId ? -1 : a.subjectId > b.subjectId ? 1 : 0));
  rows.forEach((r, i) => (r.rank = i > 0 && rows[i - 1].total === r.total ? rows[i - 1].rank : i + 1));
  return rows;
}
