import { defaultPolicy, diffPolicies, PolicySchema, validatePolicy } from './policy';

describe('policy defaults (RULES.md)', () => {
  const p = defaultPolicy();

  it('C-3 default ranges are stored as points ×10 per severity and role', () => {
    expect(p.complaints.severities.egregious.roles).toMatchObject({
      responsible: { min: 100, max: 200 },
      supervisor: { min: 50, max: 100 },
      vp: { min: 50, max: 50 },
      handler: null,
    });
    expect(p.complaints.severities.serious.roles.responsible).toEqual({ min: 50, max: 100 });
    expect(p.complaints.severities.serious.roles['related-lead']).toEqual({ min: 20, max: 50 });
    expect(p.complaints.severities.ordinary.roles).toMatchObject({
      responsible: { min: 20, max: 20 },
      supervisor: null,
      vp: null,
    });
    expect(p.complaints.majorAdverseEventPointsX10).toBe(40);
  });

  it('C-4 each severity lists its categories with stable keys and Chinese labels', () => {
    expect(p.complaints.severities.egregious.categories).toHaveLength(6);
    expect(p.complaints.severities.serious.categories).toHaveLength(11);
    expect(p.complaints.severities.ordinary.categories.map((c) => c.key)).toContain('escalated-order');
    for (const c of p.complaints.severities.egregious.categories) expect(c.label).toMatch(/[\u4e00-\u9fff]/);
  });

  it('C-2 C-12 C-13 default verifiers, appeal window and step deadlines', () => {
    expect(p.complaints.verifiers).toEqual({ default: 1, egregious: 2 });
    expect(p.complaints.appealWindowWorkingDays).toBe(3);
    expect(p.complaints.deadlines).toMatchObject({
      verificationWorkingDays: 3,
      rulingWorkingDays: 2,
      appealDecisionWorkingDays: 5,
    });
    expect(p.complaints.deadlines.escalationGraceWorkingDays).toBeGreaterThanOrEqual(0);
  });

  it('C-8 the A-1 switch defaults to the second graded month', () => {
    expect(p.grades.seriousYearRule).toBe('second-graded-month');
    expect(p.grades.ordinary).toEqual({ p4MonthlyCount: 3, p5MonthlyCount: 6, p5YearlyCount: 10 });
    expect(p.grades.serious).toMatchObject({ p4MonthlyCount: 2, p5MonthlyCount: 3 });
  });

  it('H-1 the money rate is 1 % per point (100 basis points)', () => {
    expect(p.settlement.moneyRateBasisPointsPerPoint).toBe(100);
  });

  it('S-5 S-9 S-12 star numbers: quotas, bonuses in fen, June brackets', () => {
    expect(p.stars.quotas).toEqual({
      oneStarPercentOfHeadcount: 30,
      twoStarPercentOfOneStar: 30,
      threeStarPercentOfOneStar: 10,
    });
    expect(p.stars.awardBonusFen).toEqual({ '1': 0, '2': 50000, '3': 80000 });
    expect(p.stars.juneExamBrackets[0]).toEqual({ minScore: 95, payPercent: 130 });
    expect(p.stars.examRankGates).toEqual({ '2': 10, '3': 5 });
    expect(p.stars.passMarks).toEqual({ '1': 80, '2': 85, '3': 90 });
  });

  it('E-2 E-3 E-5 evaluation numbers and the scripted callback questions', () => {
    expect(p.evaluation.dispatcherPercent + p.evaluation.managerPercent).toBe(100);
    expect(p.evaluation.scores).toEqual({ satisfied: 10, basic: 8, dissatisfied: 6 });
    expect(p.evaluation.volumeFactor).toBe(0.15);
    expect(p.evaluation.callbackQuestions.find((q) => q.key === 'response-within-1h')?.text).toContain('1小时');
  });

  it('K-2 order deadlines in minutes and the calendar defaults', () => {
    expect(p.kpi.orderDeadlines.ordinary).toEqual({ respondMinutes: 30, completeMinutes: 1440 });
    expect(p.kpi.orderDeadlines.vipFault).toEqual({ respondMinutes: 20, completeMinutes: 360 });
    expect(p.kpi.orderDeadlines.vipActivation).toEqual({ respondMinutes: 60, completeMinutes: 720 });
    expect(p.calendar).toMatchObject({ timeZone: 'Asia/Shanghai', workingWeekdays: [1, 2, 3, 4, 5] });
  });

  it('C-3 a partial document keeps the defaults it does not mention', () => {
    const q = PolicySchema.parse({
      complaints: { severities: { egregious: { roles: { responsible: { min: 120, max: 200 } } } } },
    });
    expect(q.complaints.severities.egregious.roles.responsible).toEqual({ min: 120, max: 200 });
    expect(q.complaints.severities.egregious.roles.supervisor).toEqual({ min: 50, max: 100 });
    expect(q.complaints.appealWindowWorkingDays).toBe(3);
  });

  it('C-3 defaults are fresh objects: changing one policy does not change the next', () => {
    const a = defaultPolicy();
    a.complaints.severities.egregious.roles.responsible!.min = 1;
    a.calendar.holidays.push('2024-10-01');
    const b = defaultPolicy();
    expect(b.complaints.severities.egregious.roles.responsible!.min).toBe(100);
    expect(b.calendar.holidays).toEqual([]);
  });
});

describe('validatePolicy', () => {
  it('C-3 rejects a range whose min exceeds max, naming the path', () => {
    const r = validatePolicy({
      complaints: { severities: { ordinary: { roles: { responsible: { min: 30, max: 20 } } } } },
    });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.errors).toContainEqual({
        path: 'complaints.severities.ordinary.roles.responsible',
        message: 'min must not exceed max',
      });
  });

  it('E-2 rejects shares that do not add up to 100', () => {
    const r = validatePolicy({ evaluation: { managerPercent: 20 } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.path)).toContain('evaluation.managerPercent');
  });

  it('C-13 rejects a wrong type and an unknown time zone', () => {
    const r = validatePolicy({
      complaints: { deadlines: { rulingWorkingDays: 'two' } },
      calendar: { timeZone: 'Mars/Olympus', holidays: ['2024-1-1'] },
    });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      const paths = r.errors.map((e) => e.path);
      expect(paths).toEqual(
        expect.arrayContaining(['complaints.deadlines.rulingWorkingDays', 'calendar.timeZone', 'calendar.holidays[0]']),
      );
    }
  });

  it('C-9 accepts a valid change and returns the completed policy', () => {
    const r = validatePolicy({ grades: { ordinary: { p5YearlyCount: 12 } } });
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.policy.grades.ordinary.p5YearlyCount).toBe(12);
      expect(r.policy.grades.ordinary.p4MonthlyCount).toBe(3);
    }
  });

  it('C-9 rejects a P5 count not above the P4 count', () => {
    const r = validatePolicy({ grades: { ordinary: { p4MonthlyCount: 6, p5MonthlyCount: 6 } } });
    expect(r.ok).toBe(false);
  });
});

describe('diffPolicies', () => {
  it('C-12 reports each changed leaf by JSON path with before and after', () => {
    const a = defaultPolicy();
    const b = PolicySchema.parse({
      complaints: { appealWindowWorkingDays: 5 },
      calendar: { holidays: ['2024-10-01'] },
    });
    expect(diffPolicies(a, b)).toEqual([
      { path: 'calendar.holidays[0]', before: undefined, after: '2024-10-01' },
      { path: 'complaints.appealWindowWorkingDays', before: 3, after: 5 },
    ]);
  });

  it('C-12 identical policies have no differences', () => {
    expect(diffPolicies(defaultPolicy(), defaultPolicy())).toEqual([]);
  });

  it('S-5 nested numbers are compared deeply', () => {
    const b = PolicySchema.parse({ stars: { quotas: { threeStarPercentOfOneStar: 15 } } });
    expect(diffPolicies(defaultPolicy(), b)).toEqual([
      { path: 'stars.quotas.threeStarPercentOfOneStar', before: 10, after: 15 },
    ]);
  });
});
