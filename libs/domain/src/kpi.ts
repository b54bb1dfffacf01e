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

/** K-4: call volume of one agent in a month. */
export function callVolumeScore(calls: number, policy: Policy): number {
  return stepDownScore(calls, policy.kpi.callVolume);
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

/** K-5: on-time order rate below 99 %: the unit loses 2 per point; the responsible person 50 CNY per late order. */
export function onTimeOrderPenalty(
  ratePercent: number,
  lateOrders: number,
  policy: Policy,
): { unitScoreLoss: number; personFen: number } {
  const p = policy.kpi.perPoint.onTimeOrderRate;
  const unitScoreLoss = perPointPenalty(ratePercent, {
    threshold: p.below,
    direction: 'below',
    perPoint: p.unitPointsPerPoint,
  });
  return { unitScoreLoss, personFen: unitScoreLoss > 0 ? lateOrders * p.personFenPerLateOrder : 0 };
}

/** K-5: 30-minute response rate below 70 %: the unit loses 0.5 per point. */
export function responseRatePenalty(ratePercent: number, policy: Policy): number {
  const p = policy.kpi.perPoint.response30MinRate;
  return perPointPenalty(ratePercent, { threshold: p.below, direction: 'below', perPoint: p.unitPointsPerPoint });
}

/** K-5: BOSS entry error rate above 1 %: the supervisor pays 200 CNY per point (fen, half up). */
export function bossErrorPenaltyFen(errorRatePercent: number, policy: Policy): number {
  const p = policy.kpi.perPoint.bossEntryErrorRate;
  const beyond = pointsBeyond(errorRatePercent, p.above, 'above');
  return divRoundHalfUp(Math.round(beyond * 1e6) * p.supervisorFenPerPoint, 1e6);
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

/** K-6: network exit failures of the month. */
export function networkExitFailureScore(count: number, policy: Policy): number {
  return countThresholdScore(count, policy.kpi.networkExitFailures);
}

/** K-7: the n-th failure of one device in a month counts 1, 2, 4, 8 … */
export function repeatedFailureWeight(n: number, policy?: Policy): number {
  if (!Number.isInteger(n) || n < 1) throw new RangeError('n must be a positive integer');
  return (policy?.kpi.repeatedFailureBase ?? 2) ** (n - 1);
}

/** K-7: weighted count of a month's failures, given the failure count of each device. */
export function weightedFailureCount(failuresPerDevice: readonly number[], policy?: Policy): number {
  let total = 0;
  for (const c of failuresPerDevice) for (let i = 1; i <= c; i++) total += repeatedFailureWeight(i, policy);
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

export type IndicatorValue = number | readonly number[];

/** K-9: one indicator's score by its formula kind. A weighted count takes the failures per device. */
export function scoreIndicator(ind: Indicator, value: IndicatorValue | undefined): number {
  if (value === undefined) return 0;
  const num = typeof value === 'number' ? value : value.reduce((a, b) => a + b, 0);
  switch (ind.kind) {
    case 'linear-with-floor':
      return linearWithFloor(num, ind);
    case 'step-down':
      return stepDownScore(num, ind);
    case 'per-point-penalty':
      return roundTo(Math.max(0, ind.weight - perPointPenalty(num, ind)), 2);
    case 'count-threshold':
      return countThresholdScore(num, ind);
    case 'weighted-count': {
      const devices = typeof value === 'number' ? [value] : value;
      let weighted = 0;
      for (const c of devices) for (let i = 1; i <= c; i++) weighted += ind.base ** (i - 1);
      return roundTo(Math.max(0, ind.weight - weighted * ind.perWeighted), 2);
    }
  }
}

export interface ScorecardRow {
  subjectId: string;
  total: number;
  byIndicator: Record<string, number>;
  missing: string[];
  /** 1 = best; equal totals share a rank */
  rank: number;
}

/** K-9: monthly results per unit or person, ranked (a missing value scores 0 and is listed). */
export function scoreScorecard(
  card: Scorecard,
  values: Readonly<Record<string, Readonly<Record<string, IndicatorValue>>>>,
): ScorecardRow[] {
  const rows = Object.entries(values).map(([subjectId, v]) => {
    const byIndicator: Record<string, number> = {};
    const missing: string[] = [];
    for (const ind of card.indicators) {
      if (v[ind.key] === undefined) missing.push(ind.key);
      byIndicator[ind.key] = scoreIndicator(ind, v[ind.key]);
    }
    return {
      subjectId,
      byIndicator,
      missing,
      total: roundTo(
        Object.values(byIndicator).reduce((a, b) => a + b, 0),
        2,
      ),
      rank: 0,
    };
  });
  rows.sort((a, b) => b.total - a.total || a.subjectId.localeCompare(b.subjectId));
  rows.forEach((r, i) => (r.rank = i > 0 && rows[i - 1].total === r.total ? rows[i - 1].rank : i + 1));
  return rows;
}
