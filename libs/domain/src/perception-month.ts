import type { Policy } from '@qf/policy';
import {
  isBelowStandard,
  needsCentralTraining,
  perceptionPenalty,
  rankSatisfaction,
  supervisionOrder,
  unitPerceptionPenalty,
  UnitKind,
  UnitPenalty,
} from './perception';
import { Grade, RuleReason } from './types';

/** One satisfaction figure of a month: a person (employee id) or a unit (org unit id) on a channel. */
export interface SatisfactionFact {
  month: string;
  channel: string;
  scope: string;
  subjectId: string;
  score: number;
  sample: number;
}

export interface PerceptionUnitInfo {
  /** P-3: a team, an own hall or an agent hall */
  kind: UnitKind;
  /** the team lead or hall manager who answers for the unit (P-3), if known */
  leadEmployeeId: string | null;
}

export interface PerceptionMonthFacts {
  month: string;
  /** every figure of the calendar year up to and including `month` */
  yearToDate: readonly SatisfactionFact[];
  /** team and hall facts keyed by unit id */
  units: Readonly<Record<string, PerceptionUnitInfo>>;
  /** when a P-5 order is issued (start of its working-day deadline) */
  issuedAt: string;
}

export interface PersonPerception {
  employeeId: string;
  channel: string;
  score: number;
  sample: number;
  rank: number;
  ranked: number;
  belowStandard: boolean;
  belowMonthsBefore: number;
  pointsX10: number;
  grade: Grade | null;
  reasons: RuleReason[];
}

export interface UnitPerception {
  unitId: string;
  channel: string;
  scope: string;
  score: number;
  sample: number;
  rank: number;
  ranked: number;
  belowStandard: boolean;
  belowMonthsInYear: number;
  penalty: (UnitPenalty & { employeeId: string | null }) | null;
  supervision: { dueAt: string; reason: string } | null;
}

export interface TrainingAssignment {
  quarter: string;
  employeeId: string;
  channel: string;
  score: number;
  rank: number;
  ranked: number;
  reason: string;
}

export interface PerceptionMonthResult {
  month: string;
  people: PersonPerception[];
  units: UnitPerception[];
  training: TrainingAssignment[];
}

/** `2026-05` → `2026-Q2`; a month that ends its quarter is 03, 06, 09 or 12. */
export function quarterOf(month: string): { quarter: string; months: string[]; endsQuarter: boolean } {
  const [y, m] = month.split('-').map(Number);
  const q = Math.ceil(m / 3);
  const months = [1, 2, 3].map((i) => `${y}-${String((q - 1) * 3 + i).padStart(2, '0')}`);
  return { quarter: `${y}-Q${q}`, months, endsQuarter: m % 3 === 0 };
}

const key = (f: { channel: string; subjectId: string }) => `${f.channel}:${f.subjectId}`;
const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * P-1…P-5 for one month, from the year's satisfaction figures: rankings per channel and level (P-1), each person's
 * points and grade (P-2), the team-lead / hall-manager points or agent-hall commission deduction (P-3), the quarter's
 * central-training list at a quarter's end (P-4) and the halls' supervision orders (P-5). The same function serves
 * the monthly run and a what-if over a draft policy: the facts in, the results out.
 */
export function perceptionMonth(facts: PerceptionMonthFacts, policy: Policy): PerceptionMonthResult {
  const { month } = facts;
  const year = month.slice(0, 4);
  const inYear = facts.yearToDate.filter((f) => f.month.slice(0, 4) === year && f.month <= month);
  const thisMonth = inYear.filter((f) => f.month === month && f.sample > 0);
  const belowCount = new Map<string, { before: number; total: number }>();
  for (const f of inYear) {
    if (f.sample <= 0 || !isBelowStandard(f.score, policy)) continue;
    const k = `${f.scope}:${key(f)}`;
    const c = belowCount.get(k) ?? { before: 0, total: 0 };
    if (f.month < month) c.before++;
    c.total++;
    belowCount.set(k, c);
  }
  const groups = new Map<string, SatisfactionFact[]>();
  for (const f of thisMonth) {
    const g = `${f.channel}:${f.scope}`;
    const list = groups.get(g);
    if (list) list.push(f);
    else groups.set(g, [f]);
  }
  const people: PersonPerception[] = [];
  const units: UnitPerception[] = [];
  for (const [, facts_] of groups) {
    const ranked = rankSatisfaction(facts_.map((f) => ({ id: f.subjectId, score: f.score })));
    const byId = new Map(facts_.map((f) => [f.subjectId, f]));
    for (const r of ranked) {
      const f = byId.get(r.id)!;
      const below = belowCount.get(`${f.scope}:${key(f)}`) ?? { before: 0, total: 0 };
      if (f.scope === 'person') {
        const p = perceptionPenalty(f.score, below.before, policy);
        people.push({
          employeeId: f.subjectId,
          channel: f.channel,
          score: f.score,
          sample: f.sample,
          rank: r.rank,
          ranked: ranked.length,
          belowStandard: p.belowStandard,
          belowMonthsBefore: below.before,
          pointsX10: p.pointsX10,
          grade: p.grade,
          reasons: p.reasons.map(({ rule, message }) => ({ rule, message })),
        });
        continue;
      }
      const info = facts.units[f.subjectId];
      const belowInYear = below.total;
      let penalty: UnitPerception['penalty'] = null;
      let supervision: UnitPerception['supervision'] = null;
      if (info && (f.scope === 'team' || f.scope === 'hall')) {
        const u = unitPerceptionPenalty(
          { kind: info.kind, belowStandardMonthsInYear: belowInYear, cityRank: r.rank, cityCount: ranked.length },
          policy,
        );
        if (u.applies) penalty = { ...u, employeeId: u.target === 'agent-commission' ? null : info.leadEmployeeId };
        if (f.scope === 'hall') {
          const s = supervisionOrder(
            { belowStandardMonthsInYear: belowInYear, cityRank: r.rank, cityCount: ranked.length },
            facts.issuedAt,
            policy,
          );
          if (s.required && s.dueAt) supervision = { dueAt: s.dueAt, reason: s.reason };
        }
      }
      units.push({
        unitId: f.subjectId,
        channel: f.channel,
        scope: f.scope,
        score: f.score,
        sample: f.sample,
        rank: r.rank,
        ranked: ranked.length,
        belowStandard: isBelowStandard(f.score, policy),
        belowMonthsInYear: belowInYear,
        penalty,
        supervision,
      });
    }
  }
  return { month, people, units, training: quarterTraining(facts, policy) };
}

/** P-4: at a quarter's end, the people in the city's bottom N by the quarter's mean monthly satisfaction. */
function quarterTraining(facts: PerceptionMonthFacts, policy: Policy): TrainingAssignment[] {
  const q = quarterOf(facts.month);
  if (!q.endsQuarter) return [];
  const sums = new Map<string, { channel: string; employeeId: string; sum: number; n: number }>();
  for (const f of facts.yearToDate) {
    if (f.scope !== 'person' || f.sample <= 0 || !q.months.includes(f.month)) continue;
    const s = sums.get(key(f)) ?? { channel: f.channel, employeeId: f.subjectId, sum: 0, n: 0 };
    s.sum += f.score;
    s.n++;
    sums.set(key(f), s);
  }
  const out: TrainingAssignment[] = [];
  for (const channel of new Set([...sums.values()].map((s) => s.channel))) {
    const list = [...sums.values()].filter((s) => s.channel === channel);
    const ranked = rankSatisfaction(list.map((s) => ({ id: s.employeeId, score: round2(s.sum / s.n) })));
    for (const r of ranked) {
      if (!needsCentralTraining(r.rank, ranked.length, policy)) continue;
      out.push({
        quarter: q.quarter,
        employeeId: r.id,
        channel,
        score: r.score,
        rank: r.rank,
        ranked: ranked.length,
        reason: `quarter ${q.quarter} satisfaction ${r.score}, rank ${r.rank}/${ranked.length} → central training (P-4)`,
      });
    }
  }
  return out;
}
