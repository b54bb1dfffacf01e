import type { Policy } from '@qf/policy';
import { addDays, endOfLocalDay, localDate, localTimeToUtc } from './calendar';
import type { ResultWhy } from './result-why';
import { roundTo, RuleReason } from './types';

export type EvaluationChoice = 'satisfied' | 'basic' | 'dissatisfied';
export type EvaluatorKind = 'foreman' | 'dispatcher' | 'manager';

// ---------------------------------------------------------------------------------------------
// E-1 what is evaluated

export interface EvaluableOrder {
  id: string;
  /** channel of first registration, e.g. 'hotline' */
  source: string;
  status: 'open' | 'closed' | string;
  /** the fault the order reports; a repeat report names the same fault */
  faultId?: string | null;
  isRepeatReport?: boolean;
}

export interface PreviousEvaluation {
  orderId: string;
  faultId?: string | null;
}

/** E-1: closed orders first registered through the unified hotline, once each; a repeat report is a new evaluation. */
export function evaluability(
  order: EvaluableOrder,
  previous: readonly PreviousEvaluation[],
  policy?: Policy,
): { evaluable: boolean; reason: string } {
  const sources = policy?.evaluation.evaluableSources ?? ['hotline'];
  if (order.status !== 'closed') return { evaluable: false, reason: 'only closed work orders are evaluated (E-1)' };
  if (!sources.includes(order.source))
    return { evaluable: false, reason: 'only orders first registered through the unified hotline are evaluated (E-1)' };
  if (previous.some((p) => p.orderId === order.id))
    return { evaluable: false, reason: 'the order was already evaluated (E-1)' };
  if (!order.isRepeatReport && order.faultId && previous.some((p) => p.faultId === order.faultId)) {
    return { evaluable: false, reason: 'the fault was already evaluated and this is not a repeat report (E-1)' };
  }
  return {
    evaluable: true,
    reason: order.isRepeatReport ? 'repeat report of the fault: a new evaluation (E-1)' : 'evaluable (E-1)',
  };
}

// ---------------------------------------------------------------------------------------------
// E-2 sampling

/** A tiny deterministic PRNG (mulberry32): same seed, same sequence, in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A string seed → 32-bit number (FNV-1a). */
export function seedFrom(seed: number | string): number {
  if (typeof seed === 'number') return seed >>> 0;
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

function shuffle<T>(xs: readonly T[], rnd: () => number): T[] {
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

export interface ClosedOrder {
  id: string;
  repairerId: string;
}

export interface CallbackAssignment {
  orderId: string;
  repairerId: string;
  /** E-2: the foreman self-evaluates every order */
  selfEvaluation: true;
  callbackBy: 'dispatcher' | 'manager';
  evaluatorId: string;
  explanation: string;
}

/**
 * E-2: shares one team-day's closed orders between dispatchers (90 %) and managers (10 %, rounded half up
 * over the day). The manager share is apportioned to repairers by largest remainder so each repairer's
 * orders are balanced; ties and the orders picked are drawn with a seeded PRNG, so the same seed gives the
 * same result. Evaluators of each kind are then assigned round-robin, repairer by repairer.
 */
export function sampleCallbacks(
  orders: readonly ClosedOrder[],
  opts: { seed: number | string; dispatchers: readonly string[]; managers: readonly string[] },
  policy: Policy,
): CallbackAssignment[] {
  const n = orders.length;
  if (n === 0) return [];
  const rnd = mulberry32(seedFrom(opts.seed));
  const managerPct = policy.evaluation.managerPercent;
  const managerTotal = Math.floor((n * managerPct) / 100 + 0.5);
  if (managerTotal > 0 && !opts.managers.length)
    throw new RangeError('no managers to call back the manager share (E-2)');
  if (managerTotal < n && !opts.dispatchers.length)
    throw new RangeError('no dispatchers to call back the dispatcher share (E-2)');

  const byRepairer = new Map<string, ClosedOrder[]>();
  for (const o of [...orders].sort((a, b) => a.id.localeCompare(b.id))) {
    if (!byRepairer.has(o.repairerId)) byRepairer.set(o.repairerId, []);
    byRepairer.get(o.repairerId)!.push(o);
  }
  const repairers = [...byRepairer.keys()].sort();

  // largest-remainder apportionment of the manager callbacks, ties drawn at random
  const exact = repairers.map((r) => ({ r, q: (byRepairer.get(r)!.length * managerTotal) / n, tie: rnd() }));
  const share = new Map(exact.map((e) => [e.r, Math.floor(e.q + 1e-9)]));
  let left = managerTotal - [...share.values()].reduce((a, b) => a + b, 0);
  for (const e of [...exact].sort(
    (a, b) => b.q - Math.floor(b.q + 1e-9) - (a.q - Math.floor(a.q + 1e-9)) || a.tie - b.tie,
  )) {
    if (left <= 0) break;
    share.set(e.r, share.get(e.r)! + 1);
    left--;
  }

  const dispatchers = [...opts.dispatchers];
  const managers = [...opts.managers];
  let di = Math.floor(rnd() * Math.max(1, dispatchers.length));
  let mi = Math.floor(rnd() * Math.max(1, managers.length));
  const out: CallbackAssignment[] = [];
  for (const r of repairers) {
    const own = shuffle(byRepairer.get(r)!, rnd);
    const k = share.get(r)!;
    own.forEach((o, idx) => {
      const toManager = idx < k;
      const evaluatorId = toManager ? managers[mi++ % managers.length] : dispatchers[di++ % dispatchers.length];
      out.push({
        orderId: o.id,
        repairerId: r,
        selfEvaluation: true,
        callbackBy: toManager ? 'manager' : 'dispatcher',
        evaluatorId,
        explanation:
          `repairer ${r} has ${own.length} of ${n} orders; ${k} of the ${managerTotal} manager callbacks (${managerPct}%) fall to them ` +
          `by largest remainder; this order was drawn for a ${toManager ? 'manager' : 'dispatcher'} callback (seed ${String(opts.seed)}) ` +
          `and assigned to ${evaluatorId} in rotation; the foreman self-evaluates it too (E-2)`,
      });
    });
  }
  return out.sort((a, b) => a.orderId.localeCompare(b.orderId));
}

// ---------------------------------------------------------------------------------------------
// E-3 scores and script

/** E-3: one choice of three: satisfied 10, basic 8, dissatisfied 6. */
export function scoreForChoice(choice: EvaluationChoice, policy: Policy): number {
  const s = policy.evaluation.scores[choice];
  if (s === undefined) throw new RangeError(`unknown choice ${String(choice)} (E-3)`);
  return s;
}

/** E-3: what each evaluator kind is asked: the foreman's criteria or the scripted callback questions. */
export function evaluationScript(kind: EvaluatorKind, policy: Policy): { key: string; text: string }[] {
  if (kind === 'foreman')
    return policy.evaluation.foremanCriteria.map((text, i) => ({ key: `criterion-${i + 1}`, text }));
  return policy.evaluation.callbackQuestions.map((q) => ({ ...q }));
}

// ---------------------------------------------------------------------------------------------
// E-4 timing

/** E-4: evaluated the day after closure (local date); results reach the team by the end of that day. */
export function evaluationSchedule(closedAt: string, policy: Policy): { evaluateOn: string; resultsDueAt: string } {
  const evaluateOn = addDays(localDate(closedAt, policy.calendar.timeZone), policy.evaluation.evaluationDelayDays);
  return { evaluateOn, resultsDueAt: endOfLocalDay(evaluateOn, policy.calendar.timeZone) };
}

/** An HH:MM local time → milliseconds after local midnight. */
export function msOfLocalTime(hhmm: string): number {
  const m = /^(\d{2}):(\d{2})$/.exec(hhmm);
  if (!m || +m[1] > 23 || +m[2] > 59) throw new RangeError(`local time must be HH:MM: ${hhmm}`);
  return (+m[1] * 60 + +m[2]) * 60_000;
}

/**
 * E-4: the timeline of the evaluations of orders closed on `closedOn` (local date): evaluated on the day after
 * closure, the still unanswered ones reminded at the policy's reminder time of that day, overdue at its end
 * (the evaluations' due_at, as evaluationSchedule gives it).
 */
export function evaluationDayTimeline(
  closedOn: string,
  policy: Policy,
): { evaluateOn: string; remindAt: string; dueAt: string } {
  const tz = policy.calendar.timeZone;
  const evaluateOn = addDays(closedOn, policy.evaluation.evaluationDelayDays);
  return {
    evaluateOn,
    remindAt: localTimeToUtc(evaluateOn, msOfLocalTime(policy.evaluation.dueReminderTime), tz),
    dueAt: endOfLocalDay(evaluateOn, tz),
  };
}

/** E-2 (each day): the daily assignment's local time as a calendar spec's hour and minute. */
export function dailyAssignmentTime(policy: Policy): { hour: number; minute: number; timeZone: string } {
  const ms = msOfLocalTime(policy.evaluation.assignmentTime);
  return { hour: Math.floor(ms / 3_600_000), minute: (ms % 3_600_000) / 60_000, timeZone: policy.calendar.timeZone };
}

// ---------------------------------------------------------------------------------------------
// E-5 monthly score

export interface RepairerScore {
  count: number;
  average: number;
  volumeBonus: number;
  total: number;
}

/** E-5/A-4: (sum ÷ n) + n × 0.15, shown as two parts; rounded to 2 decimals. */
export function repairerMonthlyScore(scores: readonly number[], policy: Policy): RepairerScore {
  const count = scores.length;
  if (!count) return { count: 0, average: 0, volumeBonus: 0, total: 0 };
  const average = roundTo(scores.reduce((a, b) => a + b, 0) / count, 2);
  const volumeBonus = roundTo(count * policy.evaluation.volumeFactor, 2);
  return { count, average, volumeBonus, total: roundTo(average + volumeBonus, 2) };
}

/** One scored evaluation of a repairer's month, as E-5 counts it: the order by its number. */
export interface ScoredEvaluation {
  orderNo: string;
  kind: EvaluatorKind;
  choice: EvaluationChoice;
  score: number;
}

const CHOICES: readonly EvaluationChoice[] = ['satisfied', 'basic', 'dissatisfied'];

/**
 * E-5 with why: the month's score (`repairerMonthlyScore`) and the facts it counted — the evaluations, how many of
 * each choice (foreman self-evaluations and callbacks apart) with the order numbers, and the formula's numbers.
 */
export function repairerMonthlyScoreOf(
  evaluations: readonly ScoredEvaluation[],
  policy: Policy,
  policyVersion: number | null,
): RepairerScore & { why: ResultWhy } {
  const score = repairerMonthlyScore(
    evaluations.map((e) => e.score),
    policy,
  );
  const sum = evaluations.reduce((a, e) => a + e.score, 0);
  const facts: ResultWhy['facts'] = [{ code: 'e5_evaluations', params: { count: score.count, sum } }];
  for (const source of ['self', 'callback'] as const)
    for (const choice of CHOICES) {
      const of = evaluations.filter((e) => e.choice === choice && (e.kind === 'foreman') === (source === 'self'));
      if (!of.length) continue;
      const orders = [...new Set(of.map((e) => e.orderNo))].sort();
      facts.push({
        code: `e5_${source}_${choice}`,
        params: { count: of.length, orders: orders.join('、') },
      });
    }
  if (score.count)
    facts.push({
      code: 'e5_formula',
      params: {
        average: score.average,
        count: score.count,
        factor: policy.evaluation.volumeFactor,
        bonus: score.volumeBonus,
        total: score.total,
      },
    });
  return { ...score, why: { rules: ['E-5'], policyVersion, facts } };
}

// ---------------------------------------------------------------------------------------------
// E-6 best team and repair star

export interface MonthlyWinners {
  repairStar: { repairerId: string; total: number } | null;
  bestTeam: { teamId: string; average: number } | null;
  reasons: RuleReason[];
}

/**
 * E-6: the repair star is the repairer with the highest E-5 total (ties: more orders, then id); the best
 * team has the highest mean of its repairers' totals (ties: team id).
 */
export function monthlyWinners(
  repairers: readonly { repairerId: string; teamId: string; scores: readonly number[] }[],
  policy: Policy,
): MonthlyWinners {
  const rows = repairers
    .filter((r) => r.scores.length)
    .map((r) => ({ ...r, s: repairerMonthlyScore(r.scores, policy) }));
  if (!rows.length) return { repairStar: null, bestTeam: null, reasons: [] };
  const star = [...rows].sort(
    (a, b) => b.s.total - a.s.total || b.s.count - a.s.count || a.repairerId.localeCompare(b.repairerId),
  )[0];
  const teams = new Map<string, number[]>();
  for (const r of rows) {
    if (!teams.has(r.teamId)) teams.set(r.teamId, []);
    teams.get(r.teamId)!.push(r.s.total);
  }
  const teamRows = [...teams.entries()].map(([teamId, t]) => ({
    teamId,
    average: roundTo(t.reduce((a, b) => a + b, 0) / t.length, 2),
  }));
  const best = teamRows.sort((a, b) => b.average - a.average || a.teamId.localeCompare(b.teamId))[0];
  return {
    repairStar: { repairerId: star.repairerId, total: star.s.total },
    bestTeam: best,
    reasons: [
      { rule: 'E-6', message: `repair star ${star.repairerId} with ${star.s.total}` },
      { rule: 'E-6', message: `best team ${best.teamId} with a mean of ${best.average}` },
    ],
  };
}

/**
 * E-6: the repair star's 0.5 points, granted after performance-committee approval, redeemed next year: booked in
 * January of the next year (`bookMonth`) as a grant, i.e. negative ledger points (`ledgerPointsX10`, the ledger
 * counts deductions positive).
 */
export function repairStarAward(
  repairerId: string,
  month: string,
  policy: Policy,
): {
  repairerId: string;
  pointsX10: number;
  requiresApprovalBy: 'performance-committee';
  redeemYear: number;
  bookMonth: string;
  ledgerPointsX10: number;
} {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new RangeError(`month must be YYYY-MM: ${month} (E-6)`);
  const redeemYear = Number(month.slice(0, 4)) + 1;
  const pointsX10 = policy.evaluation.repairStarPointsX10;
  return {
    repairerId,
    pointsX10,
    requiresApprovalBy: 'performance-committee',
    redeemYear,
    bookMonth: `${redeemYear}-01`,
    ledgerPointsX10: -pointsX10,
  };
}
