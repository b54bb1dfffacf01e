import type { Scorecard } from '@qf/policy';
import { bossErrorPenaltyFen, IndicatorScore, IndicatorValue, onTimeOrderPenalty, scoreScorecard } from './kpi';

/** A unit or person a scorecard is computed for (a person is counted with the unit they belong to). */
export interface ScorecardSubject {
  id: string;
  scope: 'unit' | 'person';
  unitId: string;
}

export interface ScorecardMonthInput {
  cards: readonly Scorecard[];
  /** the subjects of each card (by card key) */
  subjects: Readonly<Record<string, readonly ScorecardSubject[]>>;
  /** each named figure (computation / import / event) → subject id → value (device lists for device failures) */
  figures: Readonly<Record<string, Readonly<Record<string, IndicatorValue>>>>;
  /** K-5: the month's late orders of each unit, per handler */
  lateByUnit: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** K-5: who answers for each unit (BOSS errors fine the supervisor) */
  supervisors: Readonly<Record<string, string | null>>;
}

export interface ScorecardResultRow {
  card: string;
  scope: 'unit' | 'person';
  subjectId: string;
  unitId: string;
  total: number;
  rank: number;
  ranked: number;
  indicators: IndicatorScore[];
}

export interface ScorecardFine {
  employeeId: string;
  /** ledger reason */
  reason: 'kpi-K-5-late-orders' | 'kpi-K-5-boss-errors';
  unitId: string;
  amountFen: number;
  why: Record<string, unknown>;
}

export interface ScorecardMonthResult {
  results: ScorecardResultRow[];
  fines: ScorecardFine[];
}

/**
 * K-9: the month's scorecards — each card's subjects scored by its indicators (K-3…K-7 through scoreScorecard),
 * ranked per card, and the K-5 per-person fines of its per-point indicators (late orders to their handlers, BOSS
 * errors to the unit's supervisor).
 */
export function scorecardMonth(input: ScorecardMonthInput): ScorecardMonthResult {
  const results: ScorecardResultRow[] = [];
  const fines: ScorecardFine[] = [];
  for (const card of input.cards) {
    const subjects = input.subjects[card.key] ?? [];
    const byId = new Map(subjects.map((s) => [s.id, s]));
    const values: Record<string, Record<string, IndicatorValue>> = {};
    for (const s of subjects) {
      const v: Record<string, IndicatorValue> = {};
      for (const ind of card.indicators) {
        const x = input.figures[ind.computation]?.[s.id];
        if (x !== undefined) v[ind.key] = x;
      }
      values[s.id] = v;
    }
    const rows = scoreScorecard(card, values);
    for (const r of rows) {
      const s = byId.get(r.subjectId)!;
      results.push({
        card: card.key,
        scope: s.scope,
        subjectId: s.id,
        unitId: s.unitId,
        total: r.total,
        rank: r.rank,
        ranked: rows.length,
        indicators: r.indicators,
      });
      for (const ind of card.indicators) {
        if (ind.kind !== 'per-point-penalty' || !ind.fine) continue;
        const scored = r.indicators.find((i) => i.key === ind.key);
        if (!scored || scored.value === null) continue;
        const why = {
          card: card.key,
          indicator: ind.key,
          label: ind.label,
          value: scored.value,
          params: scored.params,
        };
        if (ind.fine.per === 'late-order') {
          const late = input.lateByUnit[s.unitId] ?? {};
          const mine = s.scope === 'unit' ? late : { [s.id]: late[s.id] ?? 0 };
          for (const f of onTimeOrderPenalty(scored.value, mine, ind).fines)
            fines.push({
              employeeId: f.employeeId,
              reason: 'kpi-K-5-late-orders',
              unitId: s.unitId,
              amountFen: f.amountFen,
              why: { ...why, lateOrders: f.lateOrders, fenPerOrder: ind.fine.fen },
            });
        } else {
          const supervisor = input.supervisors[s.unitId];
          const fen = bossErrorPenaltyFen(scored.value, ind);
          if (supervisor && fen > 0)
            fines.push({
              employeeId: supervisor,
              reason: 'kpi-K-5-boss-errors',
              unitId: s.unitId,
              amountFen: fen,
              why: { ...why, fenPerPoint: ind.fine.fen },
            });
        }
      }
    }
  }
  // the same late orders or error rate named by two cards (a unit card and a person card) are fined once
  const once = new Map<string, ScorecardFine>();
  for (const f of fines) {
    const k = `${f.employeeId}:${f.reason}:${f.unitId}`;
    const had = once.get(k);
    if (!had || had.amountFen < f.amountFen) once.set(k, f);
  }
  return { results, fines: [...once.values()] };
}

/** One unit's indicator of a month as a P-6 indicator result (value against target, met or not). */
export interface ScorecardIndicatorResult {
  unitId: string;
  indicator: string;
  value: number;
  target: number;
  passed: boolean;
}

/**
 * K-9 → P-6: a month's unit scorecards feed the indicator cards — each scored indicator of a unit's card (weight above
 * 0, value present) is one indicator result: the points it kept against its full weight, met only when it lost none.
 * Person cards and indicators without a value (nothing imported) feed nothing. Named `<card>：<indicator>`.
 */
export function scorecardIndicatorResults(
  rows: Pick<ScorecardResultRow, 'card' | 'scope' | 'unitId' | 'indicators'>[],
  cardLabels: Record<string, string>,
): ScorecardIndicatorResult[] {
  const out: ScorecardIndicatorResult[] = [];
  for (const r of rows) {
    if (r.scope !== 'unit') continue;
    for (const ind of r.indicators) {
      const weight = Number(ind.params.weight ?? 0);
      if (ind.missing || ind.value === null || !(weight > 0)) continue;
      out.push({
        unitId: r.unitId,
        indicator: `${cardLabels[r.card] ?? r.card}：${ind.label}`,
        value: ind.score,
        target: weight,
        passed: ind.score >= weight,
      });
    }
  }
  return out;
}
