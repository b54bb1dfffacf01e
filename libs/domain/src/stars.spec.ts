import { defaultPolicy, PolicySchema } from '@qf/policy';
import {
  awardBonusFen,
  allocateStarAwards,
  awardBonusLine,
  checkEligibility,
  committeeOutcome,
  CommitteeVote,
  examCascade,
  isStarEffective,
  juneExamFactor,
  juneExamStanding,
  levelAllowedByRank,
  lowerStarLevel,
  recommendationPlace,
  validateCampaignOpening,
  monthlyAssessmentDueDate,
  monthlyStarPay,
  starMonthPay,
  starMonthPayFen,
  StarCandidate,
  starQuotas,
  starStanding,
  validateCampaignSchedule,
  validateCommitteeDemotion,
  validateTeamLeadReview,
} from './stars';

const policy = defaultPolicy();
const asOf = '2024-07-01';
const agent = (over: Partial<StarCandidate> = {}): StarCandidate => ({
  employmentType: 'staff',
  hotlineSince: '2022-03-01',
  currentStars: 0,
  ...over,
});

describe('campaign and eligibility', () => {
  it('S-1 phases run in order within the year and awards finish by October', () => {
    const starts = { application: '2024-06-01', exam: '2024-06-20', committee: '2024-09-01', award: '2024-10-10' };
    expect(validateCampaignSchedule({ year: 2024, starts, awardsFinishBy: '2024-10-31' }, policy)).toEqual([]);
    expect(
      validateCampaignSchedule({ year: 2024, starts, awardsFinishBy: '2024-11-01' }, policy).map((v) => v.path),
    ).toEqual(['awardsFinishBy']);
    expect(
      validateCampaignSchedule(
        { year: 2024, starts: { ...starts, exam: '2024-05-01' }, awardsFinishBy: '2024-10-31' },
        policy,
      ).map((v) => v.path),
    ).toEqual(['starts.exam']);
  });

  it('S-1 S-9 a campaign opens with its awards deadline ahead and the ceremony in the award phase', () => {
    const c = {
      year: 2024,
      starts: { application: '2024-06-01', exam: '2024-06-20', committee: '2024-09-01', award: '2024-10-10' },
      awardsFinishBy: '2024-10-31',
      ceremonyDate: '2024-10-20',
    };
    expect(validateCampaignOpening(c, '2024-05-01', policy)).toEqual([]);
    expect(validateCampaignOpening(c, '2024-11-01', policy).map((v) => [v.path, v.rule])).toEqual([
      ['awardsFinishBy', 'S-1'],
    ]);
    expect(
      validateCampaignOpening({ ...c, ceremonyDate: '2024-10-09' }, '2024-05-01', policy).map((v) => v.rule),
    ).toEqual(['S-9']);
    expect(
      validateCampaignOpening({ ...c, ceremonyDate: '2024-11-01' }, '2024-05-01', policy).map((v) => v.path),
    ).toEqual(['ceremonyDate']);
  });

  it('S-2 only hotline agents apply (job type from the policy)', () => {
    expect(checkEligibility(agent({ jobType: '装维员' }), 1, asOf, policy).violations.map((v) => v.rule)).toEqual([
      'S-2',
    ]);
    expect(checkEligibility(agent({ jobType: '热线客服' }), 1, asOf, policy).ok).toBe(true);
  });

  it('S-2 one star needs a year on the hotline, temporary and outsourced included', () => {
    expect(
      checkEligibility(agent({ hotlineSince: '2023-07-01', employmentType: 'outsourced' }), 1, asOf, policy).ok,
    ).toBe(true);
    const young = checkEligibility(agent({ hotlineSince: '2023-07-02' }), 1, asOf, policy);
    expect(young.ok).toBe(false);
    expect(young.violations[0].rule).toBe('S-2');
  });

  it("S-2 under a year only with the team lead's recommendation", () => {
    expect(checkEligibility(agent({ hotlineSince: '2024-01-01', teamLeadRecommended: true }), 1, asOf, policy).ok).toBe(
      true,
    );
  });

  it('S-2 two stars need one star held a year; three stars two stars held a year', () => {
    expect(checkEligibility(agent({ currentStars: 1, currentStarSince: '2023-06-30' }), 2, asOf, policy).ok).toBe(true);
    expect(checkEligibility(agent({ currentStars: 1, currentStarSince: '2023-10-15' }), 2, asOf, policy).ok).toBe(
      false,
    );
    expect(checkEligibility(agent({ currentStars: 0 }), 2, asOf, policy).ok).toBe(false);
    expect(checkEligibility(agent({ currentStars: 2, currentStarSince: '2023-06-01' }), 3, asOf, policy).ok).toBe(true);
    expect(checkEligibility(agent({ currentStars: 1, currentStarSince: '2020-01-01' }), 3, asOf, policy).ok).toBe(
      false,
    );
  });

  it('S-2 a three-star agent may re-apply for three stars', () => {
    const r = checkEligibility(agent({ currentStars: 3, currentStarSince: '2023-10-20' }), 3, asOf, policy);
    expect(r.ok).toBe(true);
    expect(r.notes[0].message).toContain('exam is required again');
  });

  it('S-2 a company award this year allows applying for two stars directly', () => {
    expect(checkEligibility(agent({ awards: [{ kind: 'company-award', year: 2024 }] }), 2, asOf, policy).ok).toBe(true);
    expect(checkEligibility(agent({ awards: [{ kind: 'advanced-individual', year: 2024 }] }), 2, asOf, policy).ok).toBe(
      true,
    );
    expect(checkEligibility(agent({ awards: [{ kind: 'company-award', year: 2023 }] }), 2, asOf, policy).ok).toBe(
      false,
    );
    expect(checkEligibility(agent({ awards: [{ kind: 'company-award', year: 2024 }] }), 3, asOf, policy).ok).toBe(
      false,
    );
  });

  it('S-3 demoted 11 months ago is refused, 13 months ago is allowed', () => {
    const refused = checkEligibility(agent({ lastDemotionAt: '2023-08-01' }), 1, asOf, policy);
    expect(refused.ok).toBe(false);
    expect(refused.violations).toEqual([expect.objectContaining({ rule: 'S-3' })]);
    expect(checkEligibility(agent({ lastDemotionAt: '2023-06-01' }), 1, asOf, policy).ok).toBe(true);
    expect(checkEligibility(agent({ lastDemotionAt: '2023-07-01' }), 1, asOf, policy).ok).toBe(true);
  });

  it('S-4 June exam rank: top 5 for three stars, top 10 for two, else one star only', () => {
    const three = agent({ currentStars: 2, currentStarSince: '2022-01-01' });
    expect(checkEligibility({ ...three, juneExamRank: 5 }, 3, asOf, policy).ok).toBe(true);
    expect(checkEligibility({ ...three, juneExamRank: 6 }, 3, asOf, policy).violations[0].rule).toBe('S-4');
    const two = agent({ currentStars: 1, currentStarSince: '2022-01-01' });
    expect(checkEligibility({ ...two, juneExamRank: 10 }, 2, asOf, policy).ok).toBe(true);
    expect(checkEligibility({ ...two, juneExamRank: 11 }, 2, asOf, policy).ok).toBe(false);
    expect(checkEligibility({ ...agent(), juneExamRank: 40 }, 1, asOf, policy).ok).toBe(true);
    expect([levelAllowedByRank(5, policy), levelAllowedByRank(6, policy), levelAllowedByRank(11, policy)]).toEqual([
      3, 2, 1,
    ]);
  });

  it('S-5 quotas for 47 staff: 14 one-star, 4 two-star, 1 three-star (rounded down)', () => {
    expect(starQuotas(47, policy)).toEqual({ 1: 14, 2: 4, 3: 1 });
    expect(starQuotas(10, policy)).toEqual({ 1: 3, 2: 0, 3: 0 });
    expect(starQuotas(100, policy)).toEqual({ 1: 30, 2: 9, 3: 3 });
  });

  it('S-5 a recommendation takes a place of the quota; none once the quota is used; a recommended one keeps its place', () => {
    expect(recommendationPlace({ quota: 1, usedByOthers: 0, alreadyRecommended: false })).toEqual({
      ok: true,
      quota: 1,
      used: 1,
    });
    expect(recommendationPlace({ quota: 1, usedByOthers: 1, alreadyRecommended: false })).toEqual({
      ok: false,
      quota: 1,
      used: 1,
    });
    expect(recommendationPlace({ quota: 1, usedByOthers: 1, alreadyRecommended: true })).toEqual({
      ok: true,
      quota: 1,
      used: 2,
    });
    expect(recommendationPlace({ quota: 0, usedByOthers: 0, alreadyRecommended: false }).ok).toBe(false);
  });

  it('S-6 a team lead rejection needs a reason', () => {
    expect(validateTeamLeadReview({ decision: 'reject', reason: '  ' })).toEqual([
      { path: 'reason', message: 'a rejection needs a reason (S-6)', rule: 'S-6', code: 'star.reject_reason_required' },
    ]);
    expect(validateTeamLeadReview({ decision: 'reject', reason: 'attendance' })).toEqual([]);
    expect(validateTeamLeadReview({ decision: 'approve' })).toEqual([]);
  });
});

describe('exam and committee', () => {
  it('S-7 failing the three-star exam cascades to two, then one', () => {
    expect(examCascade({ 3: 92 }, 3, policy)).toMatchObject({ level: 3, nextExam: null });
    expect(examCascade({ 3: 70 }, 3, policy)).toMatchObject({ level: null, nextExam: 2 });
    expect(examCascade({ 3: 70, 2: 86 }, 3, policy)).toMatchObject({ level: 2, nextExam: null });
    expect(examCascade({ 3: 70, 2: 80, 1: 80 }, 3, policy).level).toBe(1);
    const failed = examCascade({ 3: 70, 2: 80, 1: 79 }, 3, policy);
    expect(failed).toMatchObject({ level: null, nextExam: null });
    expect(failed.steps.map((s) => s.passMark)).toEqual([90, 85, 80]);
  });

  it('S-7 pass marks come from the policy', () => {
    const strict = PolicySchema.parse({ stars: { passMarks: { '2': 95 } } });
    expect(examCascade({ 2: 90 }, 2, strict)).toMatchObject({ level: null, nextExam: 1 });
    expect(examCascade({ 2: 90 }, 2, policy).level).toBe(2);
  });

  const members = ['M1', 'M2', 'M3', 'M4', 'M5', 'M6'];
  const votesFor = (candidateId: string, yes: number, no: number): CommitteeVote[] => [
    ...members.slice(0, yes).map((memberId) => ({ memberId, candidateId, approve: true })),
    ...members.slice(yes, yes + no).map((memberId) => ({ memberId, candidateId, approve: false })),
  ];

  it('S-8 a decision needs a quorum of two thirds and a majority of votes cast', () => {
    const out = committeeOutcome(
      [...votesFor('A', 3, 1), ...votesFor('B', 2, 1), ...votesFor('C', 2, 2)],
      members,
      5,
      { A: 90, B: 95, C: 99 },
      policy,
    );
    const by = Object.fromEntries(out.decisions.map((d) => [d.candidateId, d]));
    expect(by.A).toMatchObject({ quorumMet: true, majority: true, approved: true, awarded: true });
    expect(by.B).toMatchObject({ votesCast: 3, quorumMet: false, approved: false });
    expect(by.B.explanation).toContain('4 needed');
    expect(by.C).toMatchObject({ quorumMet: true, majority: false, approved: false });
  });

  it('S-8 each member votes once; a changed vote replaces the earlier one; outsiders are ignored', () => {
    const votes: CommitteeVote[] = [
      ...votesFor('A', 2, 2),
      { memberId: 'M3', candidateId: 'A', approve: true },
      { memberId: 'X', candidateId: 'A', approve: true },
    ];
    const out = committeeOutcome(votes, members, 3, { A: 80 }, policy);
    expect(out.decisions[0]).toMatchObject({ votesCast: 4, approvals: 3, approved: true });
    expect(out.ignoredVotes).toEqual([{ memberId: 'X', candidateId: 'A', approve: true }]);
  });

  it('S-8 approvals over the quota go to the highest exam scores, with a reason for each loser', () => {
    const votes = ['A', 'B', 'C'].flatMap((c) => votesFor(c, 5, 0));
    const out = committeeOutcome(votes, members, 2, { A: 88, B: 93, C: 91 }, policy);
    expect(out.awarded).toEqual(['B', 'C']);
    const a = out.decisions.find((d) => d.candidateId === 'A')!;
    expect(a).toMatchObject({ approved: true, awarded: false });
    expect(a.explanation).toBe(
      'approved but over the quota of 2: exam score 88 ranks below the last awarded score 91 of C (S-8)',
    );
  });

  it('S-8 allocation per level: quota 1 of 3 approved goes to the best exam score; ties by approvals; rejected never win', () => {
    const out = allocateStarAwards(
      [
        { candidateId: 'A', approved: true, approvals: 4, examScore: 90 },
        { candidateId: 'B', approved: true, approvals: 5, examScore: 90 },
        { candidateId: 'C', approved: false, approvals: 1, examScore: 99 },
      ],
      1,
    );
    expect(out.awarded).toEqual(['B']);
    expect(out.explanations.A).toContain('ranks below the last awarded score 90 of B');
    expect(out.explanations.C).toBeUndefined();
    expect(
      allocateStarAwards([{ candidateId: 'A', approved: true, approvals: 3, examScore: 80 }], 0).explanations.A,
    ).toBe('approved but the quota is 0 (S-8)');
  });

  it('S-9 the award bonus is 500 CNY for two stars and 800 CNY for three, paid in the ceremony month', () => {
    expect(awardBonusFen(2, policy)).toBe(50000);
    expect(awardBonusFen(3, policy)).toBe(80000);
    expect(awardBonusFen(1, policy)).toBe(0);
    expect(awardBonusLine('E1', 3, '2024-10-18', policy)).toEqual({
      employeeId: 'E1',
      month: '2024-10',
      amountFen: 80000,
      source: 'star-award-3',
    });
  });

  it('S-9 the star is effective from the ceremony date (local date)', () => {
    expect(isStarEffective({ ceremonyDate: '2024-10-18' }, '2024-10-17', policy)).toBe(false);
    expect(isStarEffective({ ceremonyDate: '2024-10-18' }, '2024-10-17T16:30:00Z', policy)).toBe(true); // 00:30 on the 18th in Shanghai
  });
});

describe('monthly star pay and standing', () => {
  it('S-10 score 95 pays 100 %, 94 pays 94 %, 85 pays 85 %, 84 cancels', () => {
    expect(monthlyStarPay(95, false, policy)).toMatchObject({ percent: 100, outcome: 'full' });
    expect(monthlyStarPay(94, false, policy)).toMatchObject({ percent: 94, outcome: 'proportional' });
    expect(monthlyStarPay(85, false, policy)).toMatchObject({ percent: 85, outcome: 'proportional' });
    expect(monthlyStarPay(84, false, policy)).toMatchObject({ percent: 0, outcome: 'cancelled' });
  });

  it('S-10 a one-vote veto cancels the month even with a full score', () => {
    expect(monthlyStarPay(100, true, policy)).toMatchObject({ percent: 0, outcome: 'vetoed' });
  });

  it('S-10 the month pay in fen: 2 stars at 94 → 94 % of 200 CNY; a veto pays nothing; S-12 factor only in the second half', () => {
    expect(starMonthPayFen(2, monthlyStarPay(94, false, policy), '2024-05', null, policy)).toBe(18800);
    expect(starMonthPayFen(2, monthlyStarPay(100, true, policy), '2024-05', 130, policy)).toBe(0);
    expect(starMonthPayFen(3, monthlyStarPay(95, false, policy), '2024-05', 130, policy)).toBe(30000);
    expect(starMonthPayFen(3, monthlyStarPay(95, false, policy), '2024-07', 130, policy)).toBe(39000);
    expect(lowerStarLevel(1)).toBe(0);
    expect(lowerStarLevel(3)).toBe(2);
  });

  it('S-10 why: the level pay, the score, the outcome and the pay, with the policy version', () => {
    const r = starMonthPay(
      { month: '2024-05', level: 2, score: 94, veto: false, liableCases: [], juneFactorPercent: 130 },
      policy,
      3,
    );
    expect(r.payFen).toBe(18800);
    expect(r.why).toEqual({
      rules: ['S-10'],
      policyVersion: 3,
      facts: [
        { code: 'star_level_pay', params: { level: 2, yuan: 200 } },
        { code: 'star_score', params: { score: 94, full: 95, proportional: 85 } },
        { code: 'star_outcome_proportional', params: { percent: 94 } },
        { code: 'star_pay', params: { yuan: 188 } },
      ],
    });
  });

  it('S-10 why: the veto and the liable complaint rulings it counted, by their numbers', () => {
    const r = starMonthPay(
      {
        month: '2024-05',
        level: 1,
        score: 100,
        veto: true,
        vetoReason: '重大差错',
        liableCases: ['GD-1', 'GD-2'],
        juneFactorPercent: null,
      },
      policy,
      4,
    );
    expect(r.payFen).toBe(0);
    expect(r.why.facts.map((f) => f.code)).toEqual([
      'star_level_pay',
      'star_score',
      'star_veto',
      'star_liable',
      'star_outcome_vetoed',
      'star_pay',
    ]);
    expect(r.why.facts[2].params).toEqual({ reason: '重大差错' });
    expect(r.why.facts[3].params).toEqual({ count: 2, cases: 'GD-1、GD-2' });
    // a liable ruling alone vetoes the month
    const liable = starMonthPay(
      { month: '2024-05', level: 1, score: 100, veto: false, liableCases: ['GD-3'], juneFactorPercent: null },
      policy,
      4,
    );
    expect(liable.pay.outcome).toBe('vetoed');
  });

  it('S-12 why: in the second half year the June exam factor is a counted fact and S-12 a rule', () => {
    const r = starMonthPay(
      { month: '2024-07', level: 3, score: 95, veto: false, liableCases: [], juneFactorPercent: 130 },
      policy,
      5,
    );
    expect(r.payFen).toBe(39000);
    expect(r.why.rules).toEqual(['S-10', 'S-12']);
    expect(r.why.facts).toContainEqual({ code: 'star_june_factor', params: { percent: 130, year: '2024' } });
    expect(r.why.facts.at(-1)).toEqual({ code: 'star_pay', params: { yuan: 390 } });
  });

  it('S-10 the assessment is due by the 5th of the next month', () => {
    expect(monthlyAssessmentDueDate('2024-05', policy)).toBe('2024-06-05');
    expect(monthlyAssessmentDueDate('2024-12', policy)).toBe('2025-01-05');
  });

  it('S-11 three consecutive months below 95 revoke or lower the star', () => {
    const r = starStanding(
      [
        { month: '2024-03', score: 94 },
        { month: '2024-04', score: 90 },
        { month: '2024-05', score: 80 },
      ],
      policy,
    );
    expect(r).toMatchObject({ action: 'revoke-or-lower', longestRunBelow: 3 });
    const gap = starStanding(
      [
        { month: '2024-03', score: 94 },
        { month: '2024-04', score: 95 },
        { month: '2024-05', score: 80 },
        { month: '2024-06', score: 80 },
      ],
      policy,
    );
    expect(gap.action).toBe('keep');
  });

  it('S-11 six months below 95 in a calendar year revoke or lower, five do not', () => {
    const months = ['01', '02', '04', '05', '07', '08', '10'].map((m, i) => ({
      month: `2024-${m}`,
      score: i < 6 ? 90 : 99,
    }));
    expect(starStanding(months, policy)).toMatchObject({
      action: 'revoke-or-lower',
      belowInYear: 6,
      longestRunBelow: 2,
    });
    expect(
      starStanding(
        months.filter((m) => m.month !== '2024-01'),
        policy,
      ).action,
    ).toBe('keep');
    // December and January are consecutive across the year boundary
    expect(
      starStanding(
        [
          { month: '2023-11', score: 90 },
          { month: '2023-12', score: 90 },
          { month: '2024-01', score: 90 },
        ],
        policy,
      ).action,
    ).toBe('revoke-or-lower');
  });

  it('S-11 an immediate committee demotion needs a ground and a reason', () => {
    expect(validateCommitteeDemotion({ ground: 'unqualified', reason: 'repeated rudeness' })).toEqual([]);
    expect(validateCommitteeDemotion({ ground: 'other', reason: '' }).map((v) => v.path)).toEqual(['ground', 'reason']);
  });

  it('S-12 June exam factor: ≥95 130 %, 92 120 %, 85–89 100 %, 66–84 score %, 65 lowered', () => {
    expect(juneExamFactor(95, policy).percent).toBe(130);
    expect(juneExamFactor(92, policy).percent).toBe(120);
    expect(juneExamFactor(90, policy).percent).toBe(120);
    expect(juneExamFactor(89, policy).percent).toBe(100);
    expect(juneExamFactor(85, policy).percent).toBe(100);
    expect(juneExamFactor(84, policy).percent).toBe(84);
    expect(juneExamFactor(66, policy).percent).toBe(66);
    expect(juneExamFactor(65, policy)).toMatchObject({ percent: null, outcome: 'cancel-or-lower' });
  });

  it('S-12 June standing: 92 keeps the level at 120 %; 60 lowers one level; S-4 rank 8 keeps no 3 stars', () => {
    expect(juneExamStanding(2, 92, 3, policy)).toMatchObject({ percent: 120, toLevel: 2, rule: 'S-12' });
    expect(juneExamStanding(2, 60, 20, policy)).toMatchObject({ percent: null, toLevel: 1, rule: 'S-12' });
    expect(juneExamStanding(3, 96, 8, policy)).toMatchObject({ percent: 130, toLevel: 2, rule: 'S-4' });
    expect(juneExamStanding(1, 99, 40, policy)).toMatchObject({ toLevel: 1 });
  });
});
