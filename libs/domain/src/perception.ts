import type { Policy } from '@qf/policy';
import { addMonths, addWorkingDays, localMonth } from './calendar';
import { msOfLocalTime } from './evaluation';
import { GradeReason } from './grades';
import { Grade, RuleReason } from './types';

export interface SatisfactionEntry {
  id: string;
  /** satisfaction score of the month (0–100) */
  score: number;
}

export interface RankedEntry extends SatisfactionEntry {
  /** 1 = best; equal scores share a rank */
  rank: number;
}

/** P-1: ranks entries by satisfaction, best first (ties share the rank, order then by id). */
export function rankSatisfaction(entries: readonly SatisfactionEntry[]): RankedEntry[] {
  // ties by id in code-unit order (ids are ASCII: the same order as localeCompare gave, without its cost at scale)
  const sorted = [...entries].sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const out: RankedEntry[] = [];
  sorted.forEach((e, i) =>
    out.push({ ...e, rank: i > 0 && sorted[i - 1].score === e.score ? out[i - 1].rank : i + 1 }),
  );
  return out;
}

/** P-1: the people ranking lists (top 10 and bottom 10 by default). */
export function personRankingLists(
  entries: readonly SatisfactionEntry[],
  policy: Policy,
): { top: RankedEntry[]; bottom: RankedEntry[] } {
  const ranked = rankSatisfaction(entries);
  return {
    top: ranked.slice(0, policy.perception.rankingTopN),
    bottom: ranked.slice(Math.max(0, ranked.length - policy.perception.rankingBottomN)).reverse(),
  };
}

/** True when `rank` (1 = best) is among the last `n` of `count`. */
export function isInBottom(rank: number, count: number, n: number): boolean {
  return rank > count - n;
}

/** P-2: the month is below standard when satisfaction is at or below the standard (80). */
export function isBelowStandard(score: number, policy: Policy): boolean {
  return score <= policy.perception.belowStandardAtOrBelow;
}

export interface PerceptionPenalty {
  belowStandard: boolean;
  /** points ×10 */
  pointsX10: number;
  grade: Grade | null;
  reasons: GradeReason[];
}

/**
 * P-2: a person's below-standard month costs 2 points; the second or later below-standard month in the
 * calendar year costs 4 points and grade P4.
 */
export function perceptionPenalty(score: number, belowStandardMonthsBefore: number, policy: Policy): PerceptionPenalty {
  const p = policy.perception;
  if (!isBelowStandard(score, policy)) return { belowStandard: false, pointsX10: 0, grade: null, reasons: [] };
  if (belowStandardMonthsBefore >= 1) {
    const nth = belowStandardMonthsBefore + 1;
    return {
      belowStandard: true,
      pointsX10: p.repeatMonthPointsX10,
      grade: p.repeatMonthGrade,
      reasons: [
        {
          rule: 'P-2',
          grade: p.repeatMonthGrade,
          message: `below-standard month ${nth} of the year (satisfaction ${score}) → ${p.repeatMonthPointsX10 / 10} points and ${p.repeatMonthGrade}`,
        },
      ],
    };
  }
  return {
    belowStandard: true,
    pointsX10: p.firstMonthPointsX10,
    grade: null,
    reasons: [
      {
        rule: 'P-2',
        grade: null,
        message: `first below-standard month of the year (satisfaction ${score}) → ${p.firstMonthPointsX10 / 10} points`,
      },
    ],
  };
}

export type UnitKind = 'team' | 'own-hall' | 'agent-hall';

export interface UnitPenalty {
  applies: boolean;
  target: 'team-lead' | 'hall-manager' | 'agent-commission' | null;
  pointsX10: number;
  commissionPercent: number;
  reason: string;
}

/** P-3: a team (or hall) with 2+ below-standard months this year and in the city's bottom 10. */
export function unitPerceptionPenalty(
  unit: { kind: UnitKind; belowStandardMonthsInYear: number; cityRank: number; cityCount: number },
  policy: Policy,
): UnitPenalty {
  const p = policy.perception;
  const hit =
    unit.belowStandardMonthsInYear >= p.teamBelowStandardMonths &&
    isInBottom(unit.cityRank, unit.cityCount, p.teamBottomN);
  if (!hit) return { applies: false, target: null, pointsX10: 0, commissionPercent: 0, reason: 'no P-3 penalty' };
  const why = `${unit.belowStandardMonthsInYear} below-standard months and rank ${unit.cityRank}/${unit.cityCount} (P-3)`;
  if (unit.kind === 'agent-hall')
    return {
      applies: true,
      target: 'agent-commission',
      pointsX10: 0,
      commissionPercent: p.agentHallCommissionPercent,
      reason: why,
    };
  return {
    applies: true,
    target: unit.kind === 'team' ? 'team-lead' : 'hall-manager',
    pointsX10: p.teamLeadPointsX10,
    commissionPercent: 0,
    reason: why,
  };
}

/** P-4: a person in the city's bottom 20 of the quarter goes to central training. */
export function needsCentralTraining(quarterRank: number, cityCount: number, policy: Policy): boolean {
  return isInBottom(quarterRank, cityCount, policy.perception.trainingQuarterBottomN);
}

/** P-5: a hall with 3+ below-standard months and in the bottom 10 gets a supervision order with a deadline. */
export function supervisionOrder(
  hall: { belowStandardMonthsInYear: number; cityRank: number; cityCount: number },
  issuedAt: string,
  policy: Policy,
): { required: boolean; dueAt: string | null; reason: string } {
  const p = policy.perception;
  const required =
    hall.belowStandardMonthsInYear >= p.supervisionBelowStandardMonths &&
    isInBottom(hall.cityRank, hall.cityCount, p.supervisionBottomN);
  return {
    required,
    dueAt: required ? addWorkingDays(issuedAt, p.supervisionDeadlineWorkingDays, policy.calendar) : null,
    reason: required
      ? `${hall.belowStandardMonthsInYear} below-standard months, rank ${hall.cityRank}/${hall.cityCount} → supervision order (P-5)`
      : 'no supervision order (P-5)',
  };
}

export type IndicatorCard = 'none' | 'yellow-card' | 'red-card' | 'interview';

/** P-6: who is named in a card's notice, and who is interviewed. */
export type CardNotice = 'vp' | 'general-manager';
export type CardInterviewee = 'branch-head' | 'branch-vp';

export interface IndicatorFailureAction {
  card: IndicatorCard;
  actions: string[];
  /** organisational score lost, ×10 */
  orgScoreX10: number;
  /** named notices to send */
  notices: CardNotice[];
  /** interviews to hold (each a task with a due date) */
  interviews: CardInterviewee[];
}

/** P-6: the n-th failing month of a service indicator in the calendar year (1 = first). */
export function indicatorFailureAction(failureNumberInYear: number, policy: Policy): IndicatorFailureAction {
  const p = policy.perception;
  const orgScoreX10 = failureNumberInYear >= 1 ? p.orgScorePerFailureX10 : 0;
  if (failureNumberInYear > p.redCardAtFailure)
    return {
      card: 'interview',
      actions: ['interview of the branch VP'],
      orgScoreX10,
      notices: [],
      interviews: ['branch-vp'],
    };
  if (failureNumberInYear === p.redCardAtFailure) {
    return {
      card: 'red-card',
      actions: ['named notice to the general manager', 'interview of the branch VP'],
      orgScoreX10,
      notices: ['general-manager'],
      interviews: ['branch-vp'],
    };
  }
  if (failureNumberInYear === p.yellowCardAtFailure) {
    return {
      card: 'yellow-card',
      actions: ['named notice to the VP', 'interview of the branch head'],
      orgScoreX10,
      notices: ['vp'],
      interviews: ['branch-head'],
    };
  }
  return { card: 'none', actions: [], orgScoreX10, notices: [], interviews: [] };
}

/**
 * P-1…P-5: when the month's run starts by itself — the policy's day of the next month at its local time (the month's
 * data has closed then).
 */
export function perceptionMonthRun(policy: Policy): {
  dayOfMonth: number;
  hour: number;
  minute: number;
  timeZone: string;
} {
  const ms = msOfLocalTime(policy.perception.monthRunTime);
  return {
    dayOfMonth: policy.perception.monthRunDay,
    hour: Math.floor(ms / 3_600_000),
    minute: (ms % 3_600_000) / 60_000,
    timeZone: policy.calendar.timeZone,
  };
}

/** P-1…P-5: the month a run started at `nowIso` computes: the month before, in the organisation's time zone. */
export function perceptionMonthOfRun(nowIso: string, policy: Policy): string {
  return addMonths(`${localMonth(nowIso, policy.calendar.timeZone)}-01`, -1).slice(0, 7);
}

/** P-6 / P-7: when an interview ordered at `issuedAt` is due (the policy's working days, default 5). */
export function interviewDueAt(issuedAt: string, policy: Policy): string {
  return addWorkingDays(issuedAt, policy.perception.interviewWorkingDays, policy.calendar);
}

/** P-7: a major service incident requires a written-explanation interview of the responsible department head. */
export function majorIncidentActions(incident: {
  major: boolean;
  departmentHeadId: string;
}): (RuleReason & { employeeId: string; action: string })[] {
  if (!incident.major) return [];
  return [
    {
      rule: 'P-7',
      action: 'written-explanation-interview',
      employeeId: incident.departmentHeadId,
      message: 'major service incident → written explanation interview of the department head',
    },
  ];
}
