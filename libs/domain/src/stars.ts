import type { Policy } from '@qf/policy';
import { addMonths, localDate } from './calendar';
import type { ResultWhy } from './result-why';
import { EmploymentType, RuleReason, RuleViolation } from './types';

export type StarLevel = 1 | 2 | 3;

/** Dates are YYYY-MM-DD local dates; an ISO instant is converted to the policy's time zone. */
function asDate(value: string, policy: Policy): string {
  return value.includes('T') ? localDate(value, policy.calendar.timeZone) : value.slice(0, 10);
}

// ---------------------------------------------------------------------------------------------
// S-1 campaign

export const STAR_CAMPAIGN_PHASES = ['application', 'exam', 'committee', 'award'] as const;
export type StarCampaignPhase = (typeof STAR_CAMPAIGN_PHASES)[number];

/** S-1: one campaign a year; phases in order; awards finished by the end of October. */
export function validateCampaignSchedule(
  schedule: { year: number; starts: Record<StarCampaignPhase, string>; awardsFinishBy: string },
  policy: Policy,
): RuleViolation[] {
  const out: RuleViolation[] = [];
  STAR_CAMPAIGN_PHASES.forEach((p, i) => {
    const prev = STAR_CAMPAIGN_PHASES[i - 1];
    if (prev && schedule.starts[p] < schedule.starts[prev]) {
      out.push({
        path: `starts.${p}`,
        message: `${p} must not start before ${prev} (S-1)`,
        rule: 'S-1',
        code: 'campaign.phase_order',
        params: { phase: p, previous: prev },
      });
    }
    if (!schedule.starts[p].startsWith(`${schedule.year}-`)) {
      out.push({
        path: `starts.${p}`,
        message: `${p} must fall in the campaign year ${schedule.year} (S-1)`,
        rule: 'S-1',
        code: 'campaign.phase_year',
        params: { phase: p, year: schedule.year },
      });
    }
  });
  const lastDay = addMonths(`${schedule.year}-${String(policy.stars.awardsByMonth).padStart(2, '0')}-01`, 1);
  if (!(schedule.awardsFinishBy < lastDay) || schedule.awardsFinishBy < schedule.starts.award) {
    out.push({
      path: 'awardsFinishBy',
      message: `awards must be finished by the end of month ${policy.stars.awardsByMonth} of ${schedule.year} (S-1)`,
      rule: 'S-1',
      code: 'campaign.awards_by',
      params: { month: policy.stars.awardsByMonth, year: schedule.year },
    });
  }
  return out;
}

/**
 * S-1, S-9: a campaign opened today — its schedule (validateCampaignSchedule), an awards deadline not yet passed, and
 * the ceremony inside the award phase by the awards deadline.
 */
export function validateCampaignOpening(
  campaign: {
    year: number;
    starts: Record<StarCampaignPhase, string>;
    awardsFinishBy: string;
    ceremonyDate: string;
  },
  today: string,
  policy: Policy,
): RuleViolation[] {
  const out = validateCampaignSchedule(campaign, policy);
  if (campaign.awardsFinishBy < today)
    out.push({
      path: 'awardsFinishBy',
      message: `the awards deadline ${campaign.awardsFinishBy} has passed (S-1)`,
      rule: 'S-1',
    });
  if (campaign.ceremonyDate < campaign.starts.award || campaign.ceremonyDate > campaign.awardsFinishBy)
    out.push({
      path: 'ceremonyDate',
      message: 'the ceremony falls in the award phase, by the awards deadline (S-1, S-9)',
      rule: 'S-9',
    });
  return out;
}

// ---------------------------------------------------------------------------------------------
// S-2 … S-4 eligibility

export interface StarCandidate {
  employmentType: EmploymentType;
  /** the employee's job type: only hotline agents (policy stars.hotlineJobTypes) apply; omitted = a hotline agent */
  jobType?: string;
  /** first day on the hotline */
  hotlineSince: string;
  teamLeadRecommended?: boolean;
  currentStars: 0 | StarLevel;
  /** since when the current level is held */
  currentStarSince?: string | null;
  /** date of the last demotion or revocation decision */
  lastDemotionAt?: string | null;
  awards?: readonly { kind: string; year: number }[];
  /** rank in the June comprehensive exam (1 = best), once known */
  juneExamRank?: number | null;
}

export interface EligibilityResult {
  ok: boolean;
  violations: RuleReason[];
  notes: RuleReason[];
}

const yearsLater = (date: string, years: number) => addMonths(date, 12 * years);

/**
 * S-2, S-3, S-4: whether the candidate may apply for `level` on `asOf`. Temporary and outsourced staff
 * are eligible like staff. The S-4 rank gate applies once the June rank is known.
 */
export function checkEligibility(
  candidate: StarCandidate,
  level: StarLevel,
  asOf: string,
  policy: Policy,
): EligibilityResult {
  const s = policy.stars;
  const today = asDate(asOf, policy);
  const violations: RuleReason[] = [];
  const notes: RuleReason[] = [];
  if (candidate.jobType !== undefined && !s.hotlineJobTypes.includes(candidate.jobType)) {
    violations.push({
      rule: 'S-2',
      message: `only hotline agents (${s.hotlineJobTypes.join(', ')}) may apply; job type is ${candidate.jobType || 'none'}`,
      code: 'star.not_hotline',
      params: { jobType: candidate.jobType || '—' },
    });
  }
  const heldLongEnough = () =>
    !!candidate.currentStarSince && yearsLater(asDate(candidate.currentStarSince, policy), s.holdYears) <= today;

  if (level === 1) {
    const tenureOk = yearsLater(asDate(candidate.hotlineSince, policy), s.tenureYears) <= today;
    if (!tenureOk && !candidate.teamLeadRecommended) {
      violations.push({
        rule: 'S-2',
        message: `1 star needs ${s.tenureYears} year(s) on the hotline or the team lead's recommendation as outstanding`,
        code: 'star.tenure',
        params: { years: s.tenureYears },
      });
    } else if (!tenureOk)
      notes.push({
        rule: 'S-2',
        message: "under the tenure, admitted on the team lead's recommendation",
        code: 'star.note_recommended',
      });
  } else if (candidate.currentStars >= level) {
    notes.push({
      rule: 'S-2',
      message: `re-applies for the held ${level}-star level; the exam is required again`,
      code: 'star.note_reapply',
      params: { level },
    });
  } else {
    const year = Number(today.slice(0, 4));
    const direct =
      level === 2 && (candidate.awards ?? []).some((a) => a.year === year && s.directTwoStarAwards.includes(a.kind));
    if (direct)
      notes.push({
        rule: 'S-2',
        message: 'company award or advanced individual this year: may apply for 2 stars directly (exam still required)',
        code: 'star.note_direct_two',
      });
    else if (candidate.currentStars !== level - 1 || !heldLongEnough()) {
      violations.push({
        rule: 'S-2',
        message: `${level} stars needs ${level - 1} star(s) held for at least ${s.holdYears} year(s)`,
        code: 'star.hold_years',
        params: { level, held: level - 1, years: s.holdYears },
      });
    }
  }

  if (candidate.lastDemotionAt) {
    const until = addMonths(asDate(candidate.lastDemotionAt, policy), s.demotionLockoutMonths);
    if (today < until)
      violations.push({
        rule: 'S-3',
        message: `demoted or stripped on ${asDate(candidate.lastDemotionAt, policy)}: may not apply before ${until}`,
        code: 'star.demoted',
        params: { date: asDate(candidate.lastDemotionAt, policy), until },
      });
  }

  const gate = level === 3 ? s.examRankGates['3'] : level === 2 ? s.examRankGates['2'] : null;
  if (gate !== null && candidate.juneExamRank != null && candidate.juneExamRank > gate) {
    violations.push({
      rule: 'S-4',
      message: `${level} stars needs a June exam rank in the top ${gate}; rank is ${candidate.juneExamRank}`,
      code: 'star.exam_rank',
      params: { level, top: gate, rank: candidate.juneExamRank },
    });
  }
  return { ok: violations.length === 0, violations, notes };
}

/** S-4: the highest level the June exam rank allows (top 5 → 3, top 10 → 2, else 1). */
export function levelAllowedByRank(rank: number, policy: Policy): StarLevel {
  if (rank <= policy.stars.examRankGates['3']) return 3;
  if (rank <= policy.stars.examRankGates['2']) return 2;
  return 1;
}

// ---------------------------------------------------------------------------------------------
// S-5 quotas

/** S-5: 1 star 30 % of headcount; 2 and 3 stars 30 % and 10 % of the 1-star number; rounded down. */
export function starQuotas(headcount: number, policy: Policy): Record<StarLevel, number> {
  const q = policy.stars.quotas;
  const one = Math.floor((headcount * q.oneStarPercentOfHeadcount) / 100 + 1e-9);
  return {
    1: one,
    2: Math.floor((one * q.twoStarPercentOfOneStar) / 100 + 1e-9),
    3: Math.floor((one * q.threeStarPercentOfOneStar) / 100 + 1e-9),
  };
}

/**
 * S-5: a team lead's recommendation takes one place of the level's quota. `usedByOthers` counts the other
 * applications of the campaign already recommended for the level; an application already recommended keeps its
 * place. `used` is the count including this application when it holds a place.
 */
export function recommendationPlace(standing: { quota: number; usedByOthers: number; alreadyRecommended: boolean }): {
  ok: boolean;
  quota: number;
  used: number;
} {
  const { quota, usedByOthers, alreadyRecommended } = standing;
  if (alreadyRecommended) return { ok: true, quota, used: usedByOthers + 1 };
  if (usedByOthers >= quota) return { ok: false, quota, used: usedByOthers };
  return { ok: true, quota, used: usedByOthers + 1 };
}

// ---------------------------------------------------------------------------------------------
// S-6 team-lead review

/** S-6: the team lead approves, or rejects with a reason. */
export function validateTeamLeadReview(review: {
  decision: 'approve' | 'reject';
  reason?: string | null;
}): RuleViolation[] {
  if (review.decision === 'reject' && !review.reason?.trim()) {
    return [
      { path: 'reason', message: 'a rejection needs a reason (S-6)', rule: 'S-6', code: 'star.reject_reason_required' },
    ];
  }
  return [];
}

// ---------------------------------------------------------------------------------------------
// S-7 exam cascade

export interface ExamStep {
  level: StarLevel;
  score: number;
  passMark: number;
  passed: boolean;
}

export interface ExamCascadeResult {
  /** the level passed, or null */
  level: StarLevel | null;
  /** the next exam to sit when the last one failed and a lower exam has no score yet */
  nextExam: StarLevel | null;
  steps: ExamStep[];
  explanation: string;
}

/** S-7: fail the 3-star exam → may sit the 2-star exam; fail that → the 1-star exam. */
export function examCascade(
  scoresByLevel: Partial<Record<StarLevel, number>>,
  appliedLevel: StarLevel,
  policy: Policy,
): ExamCascadeResult {
  const steps: ExamStep[] = [];
  for (let level = appliedLevel; level >= 1; level--) {
    const l = level as StarLevel;
    const score = scoresByLevel[l];
    if (score === undefined) {
      return { level: null, nextExam: l, steps, explanation: `awaiting the ${l}-star exam (S-7)` };
    }
    const passMark = policy.stars.passMarks[String(l) as '1' | '2' | '3'];
    const passed = score >= passMark;
    steps.push({ level: l, score, passMark, passed });
    if (passed)
      return {
        level: l,
        nextExam: null,
        steps,
        explanation: `passed the ${l}-star exam with ${score} (pass mark ${passMark}) (S-7)`,
      };
  }
  return { level: null, nextExam: null, steps, explanation: 'failed every exam down to 1 star (S-7)' };
}

// ---------------------------------------------------------------------------------------------
// S-8 committee

export interface CommitteeVote {
  memberId: string;
  candidateId: string;
  approve: boolean;
}

export interface CommitteeDecision {
  candidateId: string;
  votesCast: number;
  approvals: number;
  quorumMet: boolean;
  majority: boolean;
  approved: boolean;
  awarded: boolean;
  examScore: number | null;
  explanation: string;
}

export interface CommitteeOutcome {
  decisions: CommitteeDecision[];
  awarded: string[];
  ignoredVotes: CommitteeVote[];
}

/**
 * S-8: votes in the order cast; a member's later vote on a candidate replaces the earlier one; votes of
 * non-members are ignored. A candidate is approved with a quorum (2/3 of members voted) and more approvals
 * than half of the votes cast. Approvals beyond the quota go to the highest exam scores (ties: more
 * approvals, then candidate id).
 */
export function committeeOutcome(
  votes: readonly CommitteeVote[],
  members: readonly string[],
  quota: number,
  examScores: Readonly<Record<string, number>>,
  policy: Policy,
): CommitteeOutcome {
  const { quorumNumerator: qn, quorumDenominator: qd } = policy.stars.committee;
  const memberSet = new Set(members);
  const ignoredVotes = votes.filter((v) => !memberSet.has(v.memberId));
  const last = new Map<string, Map<string, boolean>>();
  for (const v of votes) {
    if (!memberSet.has(v.memberId)) continue;
    if (!last.has(v.candidateId)) last.set(v.candidateId, new Map());
    last.get(v.candidateId)!.set(v.memberId, v.approve);
  }
  const candidates = [...new Set([...Object.keys(examScores), ...last.keys()])].sort();
  const needed = Math.ceil((memberSet.size * qn) / qd);
  const decisions: CommitteeDecision[] = candidates.map((id) => {
    const ballots = [...(last.get(id)?.values() ?? [])];
    const votesCast = ballots.length;
    const approvals = ballots.filter(Boolean).length;
    const quorumMet = votesCast * qd >= memberSet.size * qn && votesCast > 0;
    const majority = approvals * 2 > votesCast;
    const approved = quorumMet && majority;
    const examScore = examScores[id] ?? null;
    const explanation = !quorumMet
      ? `no quorum: ${votesCast} of ${memberSet.size} members voted, ${needed} needed (S-8)`
      : !majority
        ? `not approved: ${approvals} of ${votesCast} votes cast (S-8)`
        : `approved: ${approvals} of ${votesCast} votes cast (S-8)`;
    return {
      candidateId: id,
      votesCast,
      approvals,
      quorumMet,
      majority,
      approved,
      awarded: false,
      examScore,
      explanation,
    };
  });
  const { awarded, explanations } = allocateStarAwards(decisions, quota);
  for (const d of decisions) {
    d.awarded = awarded.includes(d.candidateId);
    if (explanations[d.candidateId]) d.explanation = explanations[d.candidateId];
  }
  return { decisions, awarded, ignoredVotes };
}

/**
 * S-8: among the approved candidates of one level, the quota goes to the highest exam scores (ties: more
 * approvals, then candidate id); those approved but over the quota are told whose score they ranked below.
 */
export function allocateStarAwards(
  decisions: readonly {
    candidateId: string;
    approved: boolean;
    approvals: number;
    examScore: number | null;
    label?: string;
  }[],
  quota: number,
): { awarded: string[]; explanations: Record<string, string> } {
  const approved = decisions
    .filter((d) => d.approved)
    .sort(
      (a, b) =>
        (b.examScore ?? -Infinity) - (a.examScore ?? -Infinity) ||
        b.approvals - a.approvals ||
        a.candidateId.localeCompare(b.candidateId),
    );
  const winners = approved.slice(0, Math.max(0, quota));
  const cut = winners[winners.length - 1];
  const explanations: Record<string, string> = {};
  for (const d of approved.slice(winners.length)) {
    explanations[d.candidateId] = cut
      ? `approved but over the quota of ${quota}: exam score ${d.examScore ?? 'none'} ranks below the last awarded score ${cut.examScore ?? 'none'} of ${cut.label ?? cut.candidateId} (S-8)`
      : `approved but the quota is ${quota} (S-8)`;
  }
  for (const d of winners)
    explanations[d.candidateId] = `approved with ${d.approvals} votes and awarded within the quota of ${quota} (S-8)`;
  return { awarded: winners.map((d) => d.candidateId), explanations };
}

// ---------------------------------------------------------------------------------------------
// S-9 award

/** S-9: one-off award bonus in fen (2 stars 500 CNY, 3 stars 800 CNY). */
export function awardBonusFen(level: StarLevel, policy: Policy): number {
  return policy.stars.awardBonusFen[String(level) as '1' | '2' | '3'];
}

/** S-9: the star is effective from the ceremony date. */
export function isStarEffective(award: { ceremonyDate: string }, asOf: string, policy: Policy): boolean {
  return asDate(asOf, policy) >= asDate(award.ceremonyDate, policy);
}

/** S-9: the bonus is paid through the settlement of the ceremony's month. */
export function awardBonusLine(
  employeeId: string,
  level: StarLevel,
  ceremonyDate: string,
  policy: Policy,
): { employeeId: string; month: string; amountFen: number; source: string } {
  return {
    employeeId,
    month: asDate(ceremonyDate, policy).slice(0, 7),
    amountFen: awardBonusFen(level, policy),
    source: `star-award-${level}`,
  };
}

// ---------------------------------------------------------------------------------------------
// S-10 monthly assessment

export interface StarPay {
  /** percent of the month's star pay */
  percent: number;
  outcome: 'full' | 'proportional' | 'cancelled' | 'vetoed';
  message: string;
}

/** S-10: ≥95 → 100 %; 85–94 → score %; ≤84 → cancelled (or lowered one level); a veto cancels. */
export function monthlyStarPay(score: number, veto: boolean, policy: Policy): StarPay {
  const p = policy.stars.monthlyPay;
  if (veto)
    return {
      percent: 0,
      outcome: 'vetoed',
      message: 'one-vote veto (violation, major error or liable complaint): star pay cancelled (S-10)',
    };
  if (score >= p.fullAtOrAbove)
    return { percent: 100, outcome: 'full', message: `score ${score} ≥ ${p.fullAtOrAbove}: full star pay (S-10)` };
  if (score >= p.proportionalAtOrAbove)
    return { percent: score, outcome: 'proportional', message: `score ${score}: star pay × ${score}% (S-10)` };
  return {
    percent: 0,
    outcome: 'cancelled',
    message: `score ${score} below ${p.proportionalAtOrAbove}: star pay cancelled or lowered one level (S-10)`,
  };
}

/** S-10: the monthly assessment of `month` (YYYY-MM) is due on the 5th of the next month. */
export function monthlyAssessmentDueDate(month: string, policy: Policy): string {
  return addMonths(`${month}-01`, 1).slice(0, 8) + String(policy.stars.monthlyPay.dueDayOfNextMonth).padStart(2, '0');
}

/**
 * S-10 with S-12: the month's star pay in fen — the level's pay × the month's percent, and in the second half
 * year × the June exam factor when one is set. Rounded half up to the fen.
 */
export function starMonthPayFen(
  level: StarLevel,
  pay: StarPay,
  month: string,
  juneFactorPercent: number | null,
  policy: Policy,
): number {
  const base = policy.stars.monthlyPayFen[String(level) as '1' | '2' | '3'];
  const secondHalf = Number(month.slice(5, 7)) >= 7 && juneFactorPercent !== null;
  const factor = (pay.percent / 100) * (secondHalf ? juneFactorPercent / 100 : 1);
  return Math.round(base * factor + 1e-9);
}

/** The recorded facts of one holder's month that S-10 / S-12 count. */
export interface StarMonthFacts {
  month: string;
  level: StarLevel;
  /** the team's monthly assessment score */
  score: number;
  /** the team lead's one-vote veto and its reason */
  veto: boolean;
  vetoReason?: string | null;
  /** human numbers of the liable complaint rulings of the month (each one a veto) */
  liableCases: readonly string[];
  /** the S-12 June exam factor set for the month's year, or null */
  juneFactorPercent: number | null;
}

/**
 * S-10 with S-12, with why: the month's percent and pay (`monthlyStarPay`, `starMonthPayFen`) and the rules, policy
 * version and facts that produced them.
 */
export function starMonthPay(
  f: StarMonthFacts,
  policy: Policy,
  policyVersion: number | null,
): { pay: StarPay; payFen: number; why: ResultWhy } {
  const veto = f.veto || f.liableCases.length > 0;
  const pay = monthlyStarPay(f.score, veto, policy);
  const payFen = starMonthPayFen(f.level, pay, f.month, f.juneFactorPercent, policy);
  const p = policy.stars.monthlyPay;
  const facts: ResultWhy['facts'] = [
    {
      code: 'star_level_pay',
      params: { level: f.level, yuan: policy.stars.monthlyPayFen[String(f.level) as '1' | '2' | '3'] / 100 },
    },
    { code: 'star_score', params: { score: f.score, full: p.fullAtOrAbove, proportional: p.proportionalAtOrAbove } },
  ];
  if (f.veto) facts.push({ code: 'star_veto', params: { reason: f.vetoReason?.trim() || '—' } });
  if (f.liableCases.length)
    facts.push({ code: 'star_liable', params: { count: f.liableCases.length, cases: f.liableCases.join('、') } });
  facts.push({ code: `star_outcome_${pay.outcome}`, params: { percent: pay.percent } });
  const s12 = Number(f.month.slice(5, 7)) >= 7 && f.juneFactorPercent !== null && pay.percent > 0;
  if (s12)
    facts.push({ code: 'star_june_factor', params: { percent: f.juneFactorPercent!, year: f.month.slice(0, 4) } });
  facts.push({ code: 'star_pay', params: { yuan: payFen / 100 } });
  return { pay, payFen, why: { rules: s12 ? ['S-10', 'S-12'] : ['S-10'], policyVersion, facts } };
}

/** S-10 / S-11 / S-12: one level lower (a 1-star agent loses the star). */
export function lowerStarLevel(level: StarLevel): 0 | 1 | 2 {
  return (level - 1) as 0 | 1 | 2;
}

// ---------------------------------------------------------------------------------------------
// S-11 standing

export interface StarStanding {
  action: 'keep' | 'revoke-or-lower';
  longestRunBelow: number;
  belowInYear: number;
  reason: string;
}

function monthIndex(month: string): number {
  const [y, m] = month.split('-').map(Number);
  return y * 12 + m - 1;
}

/** S-11: 3 consecutive months, or 6 months in the calendar year of the latest month, below 95 → revoke or lower. */
export function starStanding(monthlyScores: readonly { month: string; score: number }[], policy: Policy): StarStanding {
  const st = policy.stars.standing;
  const sorted = [...monthlyScores].sort((a, b) => monthIndex(a.month) - monthIndex(b.month));
  let run = 0;
  let longest = 0;
  let prev: number | null = null;
  for (const s of sorted) {
    const idx = monthIndex(s.month);
    if (s.score < st.belowScore) run = prev !== null && idx === prev + 1 && run > 0 ? run + 1 : 1;
    else run = 0;
    longest = Math.max(longest, run);
    prev = idx;
  }
  const year = sorted.length ? sorted[sorted.length - 1].month.slice(0, 4) : '';
  const belowInYear = sorted.filter((s) => s.month.startsWith(year) && s.score < st.belowScore).length;
  if (longest >= st.consecutiveMonths) {
    return {
      action: 'revoke-or-lower',
      longestRunBelow: longest,
      belowInYear,
      reason: `${longest} consecutive months below ${st.belowScore} (S-11)`,
    };
  }
  if (belowInYear >= st.monthsInYear) {
    return {
      action: 'revoke-or-lower',
      longestRunBelow: longest,
      belowInYear,
      reason: `${belowInYear} months in ${year} below ${st.belowScore} (S-11)`,
    };
  }
  return { action: 'keep', longestRunBelow: longest, belowInYear, reason: 'standing kept (S-11)' };
}

/** S-11: the committee may demote or revoke at once for "not at level" or "unqualified", with a reason. */
export function validateCommitteeDemotion(input: {
  ground: 'not-at-level' | 'unqualified' | string;
  reason?: string | null;
}): RuleViolation[] {
  const out: RuleViolation[] = [];
  if (input.ground !== 'not-at-level' && input.ground !== 'unqualified') {
    out.push({
      path: 'ground',
      message: 'ground must be not-at-level or unqualified (S-11)',
      rule: 'S-11',
      code: 'star.demotion_ground',
    });
  }
  if (!input.reason?.trim())
    out.push({
      path: 'reason',
      message: 'an immediate demotion needs a reason (S-11)',
      rule: 'S-11',
      code: 'star.demotion_reason_required',
    });
  return out;
}

// ---------------------------------------------------------------------------------------------
// S-12 June exam pay factor

export interface JuneExamFactor {
  /** percent of star pay for the second half year; null when the star is cancelled or lowered */
  percent: number | null;
  outcome: 'pay' | 'cancel-or-lower';
  message: string;
}

/** S-12: ≥95 → 130 %; 90–94 → 120 %; 85–89 → 100 %; 66–84 → score %; ≤65 → star cancelled or lowered. */
export function juneExamFactor(score: number, policy: Policy): JuneExamFactor {
  for (const b of policy.stars.juneExamBrackets) {
    if (score >= b.minScore) {
      const percent = b.payPercent === 'score' ? score : b.payPercent;
      return { percent, outcome: 'pay', message: `June exam ${score}: second-half star pay × ${percent}% (S-12)` };
    }
  }
  return {
    percent: null,
    outcome: 'cancel-or-lower',
    message: `June exam ${score}: star cancelled or lowered one level (S-12)`,
  };
}

/**
 * S-12 with S-4: what the June exam does to a star holder — the second-half pay factor, and the level after it: one
 * level lower for a score in the cancel bracket, and no higher than the rank allows (top 5 → 3, top 10 → 2).
 */
export function juneExamStanding(
  level: StarLevel,
  score: number,
  rank: number,
  policy: Policy,
): { percent: number | null; toLevel: number; rule: 'S-12' | 'S-4'; reason: string } {
  const f = juneExamFactor(score, policy);
  const afterScore = f.outcome === 'cancel-or-lower' ? lowerStarLevel(level) : level;
  const allowed = levelAllowedByRank(rank, policy);
  if (allowed < afterScore)
    return {
      percent: f.percent,
      toLevel: allowed,
      rule: 'S-4',
      reason: `June exam rank ${rank} allows ${allowed} star(s) at most (S-4, S-11)`,
    };
  return { percent: f.percent, toLevel: afterScore, rule: 'S-12', reason: f.message };
}
