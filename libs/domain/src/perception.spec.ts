import { defaultPolicy } from '@qf/policy';
import {
  indicatorFailureAction,
  interviewDueAt,
  majorIncidentActions,
  needsCentralTraining,
  perceptionPenalty,
  perceptionMonthOfRun,
  perceptionMonthRun,
  personRankingLists,
  rankSatisfaction,
  supervisionOrder,
  unitPerceptionPenalty,
} from './perception';

const policy = defaultPolicy();

describe('customer perception', () => {
  it('P-1 ranks by satisfaction, ties share a rank, top 10 and bottom 10 people', () => {
    const ranked = rankSatisfaction([
      { id: 'b', score: 90 },
      { id: 'a', score: 95 },
      { id: 'c', score: 90 },
    ]);
    expect(ranked.map((r) => [r.id, r.rank])).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 2],
    ]);
    const people = Array.from({ length: 25 }, (_, i) => ({ id: `p${String(i).padStart(2, '0')}`, score: 100 - i }));
    const lists = personRankingLists(people, policy);
    expect(lists.top).toHaveLength(10);
    expect(lists.top[0].id).toBe('p00');
    expect(lists.bottom).toHaveLength(10);
    expect(lists.bottom[0].id).toBe('p24');
  });

  it('P-2 a first below-standard month (80 or lower) costs 2 points', () => {
    expect(perceptionPenalty(80, 0, policy)).toMatchObject({ belowStandard: true, pointsX10: 20, grade: null });
    expect(perceptionPenalty(80.1, 0, policy)).toMatchObject({ belowStandard: false, pointsX10: 0 });
  });

  it('P-2 the second below-standard month in the year costs 4 points and P4', () => {
    expect(perceptionPenalty(75, 1, policy)).toMatchObject({ pointsX10: 40, grade: 'P4' });
    expect(perceptionPenalty(75, 3, policy).reasons[0].rule).toBe('P-2');
  });

  it('P-3 a team with 2 below-standard months in the bottom 10 costs the team lead 2 points', () => {
    expect(
      unitPerceptionPenalty({ kind: 'team', belowStandardMonthsInYear: 2, cityRank: 41, cityCount: 50 }, policy),
    ).toMatchObject({ applies: true, target: 'team-lead', pointsX10: 20 });
    expect(
      unitPerceptionPenalty({ kind: 'team', belowStandardMonthsInYear: 2, cityRank: 40, cityCount: 50 }, policy)
        .applies,
    ).toBe(false);
    expect(
      unitPerceptionPenalty({ kind: 'team', belowStandardMonthsInYear: 1, cityRank: 50, cityCount: 50 }, policy)
        .applies,
    ).toBe(false);
  });

  it('P-3 an own hall costs the hall manager, an agent hall its commission', () => {
    expect(
      unitPerceptionPenalty({ kind: 'own-hall', belowStandardMonthsInYear: 3, cityRank: 12, cityCount: 12 }, policy)
        .target,
    ).toBe('hall-manager');
    expect(
      unitPerceptionPenalty({ kind: 'agent-hall', belowStandardMonthsInYear: 3, cityRank: 12, cityCount: 12 }, policy),
    ).toMatchObject({ target: 'agent-commission', pointsX10: 0, commissionPercent: 2 });
  });

  it('P-4 the bottom 20 of the quarter go to central training', () => {
    expect(needsCentralTraining(81, 100, policy)).toBe(true);
    expect(needsCentralTraining(80, 100, policy)).toBe(false);
  });

  it('P-5 a hall with 3 below-standard months in the bottom 10 gets a supervision order with a deadline', () => {
    const r = supervisionOrder(
      { belowStandardMonthsInYear: 3, cityRank: 30, cityCount: 30 },
      '2024-05-06T01:00:00Z',
      policy,
    );
    expect(r.required).toBe(true);
    expect(r.dueAt).toBe('2024-05-20T01:00:00.000Z'); // 10 working days
    expect(
      supervisionOrder({ belowStandardMonthsInYear: 2, cityRank: 30, cityCount: 30 }, '2024-05-06T01:00:00Z', policy),
    ).toMatchObject({ required: false, dueAt: null });
  });

  it('P-6 second failing month yellow card, third red card, then interviews; each deducts org score', () => {
    expect(indicatorFailureAction(1, policy)).toEqual({
      card: 'none',
      actions: [],
      orgScoreX10: 10,
      notices: [],
      interviews: [],
    });
    expect(indicatorFailureAction(2, policy)).toMatchObject({ notices: ['vp'], interviews: ['branch-head'] });
    expect(indicatorFailureAction(3, policy)).toMatchObject({
      notices: ['general-manager'],
      interviews: ['branch-vp'],
    });
    expect(indicatorFailureAction(5, policy)).toMatchObject({ notices: [], interviews: ['branch-vp'] });
    expect(indicatorFailureAction(2, policy).card).toBe('yellow-card');
    expect(indicatorFailureAction(2, policy).actions).toContain('interview of the branch head');
    expect(indicatorFailureAction(3, policy)).toMatchObject({
      card: 'red-card',
      actions: ['named notice to the general manager', 'interview of the branch VP'],
    });
    expect(indicatorFailureAction(4, policy).card).toBe('interview');
    expect(indicatorFailureAction(0, policy).orgScoreX10).toBe(0);
  });

  it('P-7 a major incident requires a written explanation interview of the department head', () => {
    expect(majorIncidentActions({ major: true, departmentHeadId: 'D1' })).toEqual([
      expect.objectContaining({ rule: 'P-7', action: 'written-explanation-interview', employeeId: 'D1' }),
    ]);
    expect(majorIncidentActions({ major: false, departmentHeadId: 'D1' })).toEqual([]);
  });

  it("P-6 P-7 an interview is due the policy's working days after it is ordered (weekends and holidays skipped)", () => {
    // Friday 2026-05-01 10:00 Shanghai is a holiday in this calendar: 5 working days → Friday 2026-05-08
    const cal = { ...policy, calendar: { ...policy.calendar, holidays: ['2026-05-01'] } };
    expect(interviewDueAt('2026-05-01T02:00:00.000Z', cal)).toBe('2026-05-08T02:00:00.000Z');
    const three = { ...cal, perception: { ...cal.perception, interviewWorkingDays: 3 } };
    expect(interviewDueAt('2026-05-01T02:00:00.000Z', three)).toBe('2026-05-06T02:00:00.000Z');
  });

  it("P-1 the month's run starts on the policy's day and local time of the next month, for the month before", () => {
    expect(perceptionMonthRun(policy)).toEqual({
      dayOfMonth: 3,
      hour: 9,
      minute: 0,
      timeZone: 'Asia/Shanghai',
    });
    // 2026-01-03 00:30 Shanghai is still 2026-01-02 in UTC: the run computes December 2025
    expect(perceptionMonthOfRun('2026-01-02T16:30:00.000Z', policy)).toBe('2025-12');
    expect(perceptionMonthOfRun('2026-03-03T01:00:00.000Z', policy)).toBe('2026-02');
    const late = { ...policy, perception: { ...policy.perception, monthRunDay: 5, monthRunTime: '18:45' } };
    expect(perceptionMonthRun(late)).toMatchObject({ dayOfMonth: 5, hour: 18, minute: 45 });
  });
});
