import { defaultPolicy, PolicySchema } from '@qf/policy';
import {
  dailyAssignmentTime,
  evaluability,
  evaluationDayTimeline,
  evaluationSchedule,
  evaluationScript,
  monthlyWinners,
  mulberry32,
  repairerMonthlyScore,
  repairerMonthlyScoreOf,
  repairStarAward,
  sampleCallbacks,
  scoreForChoice,
} from './evaluation';

const policy = defaultPolicy();

describe('what is evaluated', () => {
  const order = { id: 'O1', source: 'hotline', status: 'closed', faultId: 'F1' };

  it('E-1 only closed orders first registered through the hotline are evaluated', () => {
    expect(evaluability(order, []).evaluable).toBe(true);
    expect(evaluability({ ...order, status: 'open' }, []).evaluable).toBe(false);
    expect(evaluability({ ...order, source: 'walk-in' }, [], policy).evaluable).toBe(false);
  });

  it('E-1 an order is evaluated once, except a repeat report of the same fault', () => {
    expect(evaluability(order, [{ orderId: 'O1', faultId: 'F1' }]).evaluable).toBe(false);
    expect(evaluability({ ...order, id: 'O2' }, [{ orderId: 'O1', faultId: 'F1' }]).evaluable).toBe(false);
    const repeat = evaluability({ ...order, id: 'O2', isRepeatReport: true }, [{ orderId: 'O1', faultId: 'F1' }]);
    expect(repeat).toEqual({ evaluable: true, reason: 'repeat report of the fault: a new evaluation (E-1)' });
  });
});

describe('sampling', () => {
  const orders = Array.from({ length: 100 }, (_, i) => ({
    id: `O${String(i).padStart(3, '0')}`,
    repairerId: `R${i % 7}`,
  }));
  const opts = { seed: 42, dispatchers: ['D1', 'D2', 'D3'], managers: ['M1', 'M2'] };

  it('E-2 100 orders give exactly 90 dispatcher and 10 manager callbacks, each with an explanation', () => {
    const out = sampleCallbacks(orders, opts, policy);
    expect(out).toHaveLength(100);
    expect(out.filter((a) => a.callbackBy === 'dispatcher')).toHaveLength(90);
    expect(out.filter((a) => a.callbackBy === 'manager')).toHaveLength(10);
    expect(new Set(out.map((a) => a.orderId)).size).toBe(100);
    expect(
      out.every((a) => a.selfEvaluation && a.explanation.includes(a.repairerId) && a.explanation.includes('E-2')),
    ).toBe(true);
  });

  it('E-2 the same seed gives the same sample; another seed a different one', () => {
    const a = sampleCallbacks(orders, opts, policy);
    expect(sampleCallbacks([...orders].reverse(), opts, policy)).toEqual(a);
    const b = sampleCallbacks(orders, { ...opts, seed: 'other' }, policy);
    expect(b.map((x) => x.callbackBy)).not.toEqual(a.map((x) => x.callbackBy));
  });

  it('E-2 callbacks are balanced per repairer and between evaluators', () => {
    const out = sampleCallbacks(orders, opts, policy);
    for (let r = 0; r < 7; r++) {
      const own = out.filter((a) => a.repairerId === `R${r}`);
      const managers = own.filter((a) => a.callbackBy === 'manager').length;
      // 14 or 15 orders each: exact manager share 1.4–1.5 → 1 or 2
      expect(managers).toBeGreaterThanOrEqual(1);
      expect(managers).toBeLessThanOrEqual(2);
    }
    const perEvaluator = (id: string) => out.filter((a) => a.evaluatorId === id).length;
    expect([perEvaluator('D1'), perEvaluator('D2'), perEvaluator('D3')]).toEqual(expect.arrayContaining([30, 30, 30]));
    expect([perEvaluator('M1'), perEvaluator('M2')]).toEqual([5, 5]);
  });

  it('E-2 small days round the manager share half up; the shares follow the policy', () => {
    const five = orders.slice(0, 5);
    expect(sampleCallbacks(five, opts, policy).filter((a) => a.callbackBy === 'manager')).toHaveLength(1);
    expect(sampleCallbacks(orders.slice(0, 4), opts, policy).filter((a) => a.callbackBy === 'manager')).toHaveLength(0);
    const alt = PolicySchema.parse({ evaluation: { dispatcherPercent: 80, managerPercent: 20 } });
    expect(sampleCallbacks(orders, opts, alt).filter((a) => a.callbackBy === 'manager')).toHaveLength(20);
  });

  it('E-2 mulberry32 is deterministic and in [0, 1)', () => {
    const a = mulberry32(7);
    const b = mulberry32(7);
    const xs = Array.from({ length: 5 }, () => a());
    expect(xs).toEqual(Array.from({ length: 5 }, () => b()));
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });
});

describe('scores', () => {
  it('E-3 satisfied 10, basic 8, dissatisfied 6', () => {
    expect(['satisfied', 'basic', 'dissatisfied'].map((c) => scoreForChoice(c as 'satisfied', policy))).toEqual([
      10, 8, 6,
    ]);
  });

  it('E-3 callbacks use the scripted questions; the foreman judges record, fix and efficiency', () => {
    expect(evaluationScript('dispatcher', policy).map((q) => q.key)).toEqual([
      'response-within-1h',
      'attitude',
      'equipment-state',
      'overall',
    ]);
    expect(evaluationScript('foreman', policy)).toHaveLength(3);
  });

  it('E-4 evaluation the day after closure (local date); results by the end of that day', () => {
    // closed 23:30 on 6 May in Shanghai (15:30Z) → evaluated 7 May, results by 8 May 00:00 Shanghai
    expect(evaluationSchedule('2024-05-06T15:30:00Z', policy)).toEqual({
      evaluateOn: '2024-05-07',
      resultsDueAt: '2024-05-07T16:00:00.000Z',
    });
    expect(evaluationSchedule('2024-05-06T16:30:00Z', policy).evaluateOn).toBe('2024-05-08');
  });

  it('E-4 unanswered evaluations are reminded on the morning of the evaluation day and overdue at its end (Shanghai)', () => {
    expect(evaluationDayTimeline('2024-05-06', policy)).toEqual({
      evaluateOn: '2024-05-07',
      remindAt: '2024-05-07T01:00:00.000Z',
      dueAt: '2024-05-07T16:00:00.000Z',
    });
    // the due instant is the evaluations' due_at
    expect(evaluationDayTimeline('2024-05-06', policy).dueAt).toBe(
      evaluationSchedule('2024-05-06T03:00:00Z', policy).resultsDueAt,
    );
    const later = PolicySchema.parse({ evaluation: { dueReminderTime: '14:30' } });
    expect(evaluationDayTimeline('2024-12-31', later)).toMatchObject({
      evaluateOn: '2025-01-01',
      remindAt: '2025-01-01T06:30:00.000Z',
    });
    expect(() => PolicySchema.parse({ evaluation: { dueReminderTime: '25:00' } })).toThrow();
  });

  it("E-2 each day: the assignment runs at the policy's local time (default 18:00 Shanghai)", () => {
    expect(dailyAssignmentTime(policy)).toEqual({ hour: 18, minute: 0, timeZone: 'Asia/Shanghai' });
    expect(dailyAssignmentTime(PolicySchema.parse({ evaluation: { assignmentTime: '07:45' } }))).toMatchObject({
      hour: 7,
      minute: 45,
    });
  });

  it('E-5 [10,10,8,6] → 8.5 + 0.6 = 9.1', () => {
    expect(repairerMonthlyScore([10, 10, 8, 6], policy)).toEqual({
      count: 4,
      average: 8.5,
      volumeBonus: 0.6,
      total: 9.1,
    });
    expect(repairerMonthlyScore([], policy).total).toBe(0);
    expect(repairerMonthlyScore([10, 10, 10], policy).total).toBe(10.45);
  });

  it('E-5 why: the evaluations counted, each choice with its order numbers, and the formula, with the policy version', () => {
    const r = repairerMonthlyScoreOf(
      [
        { orderNo: 'WO-3', kind: 'foreman', choice: 'satisfied', score: 10 },
        { orderNo: 'WO-1', kind: 'dispatcher', choice: 'dissatisfied', score: 6 },
        { orderNo: 'WO-2', kind: 'manager', choice: 'satisfied', score: 10 },
        { orderNo: 'WO-4', kind: 'dispatcher', choice: 'basic', score: 8 },
      ],
      policy,
      3,
    );
    expect(r).toMatchObject({ count: 4, average: 8.5, volumeBonus: 0.6, total: 9.1 });
    expect(r.why).toEqual({
      rules: ['E-5'],
      policyVersion: 3,
      facts: [
        { code: 'e5_evaluations', params: { count: 4, sum: 34 } },
        { code: 'e5_self_satisfied', params: { count: 1, orders: 'WO-3' } },
        { code: 'e5_callback_satisfied', params: { count: 1, orders: 'WO-2' } },
        { code: 'e5_callback_basic', params: { count: 1, orders: 'WO-4' } },
        { code: 'e5_callback_dissatisfied', params: { count: 1, orders: 'WO-1' } },
        { code: 'e5_formula', params: { average: 8.5, count: 4, factor: 0.15, bonus: 0.6, total: 9.1 } },
      ],
    });
    expect(repairerMonthlyScoreOf([], policy, 3).why.facts).toEqual([
      { code: 'e5_evaluations', params: { count: 0, sum: 0 } },
    ]);
  });

  it('E-6 the repair star and the best team of the month', () => {
    const w = monthlyWinners(
      [
        { repairerId: 'R1', teamId: 'T1', scores: [10, 10, 8, 6] }, // 9.1
        { repairerId: 'R2', teamId: 'T1', scores: [10, 10] }, // 10.3
        { repairerId: 'R3', teamId: 'T2', scores: [10, 10, 10] }, // 10.45
        { repairerId: 'R4', teamId: 'T2', scores: [6] }, // 6.15
      ],
      policy,
    );
    expect(w.repairStar).toEqual({ repairerId: 'R3', total: 10.45 });
    expect(w.bestTeam).toEqual({ teamId: 'T1', average: 9.7 });
  });

  it('E-6 the repair star earns 0.5 points after committee approval, redeemed next year', () => {
    expect(repairStarAward('R3', '2024-12', policy)).toEqual({
      repairerId: 'R3',
      pointsX10: 5,
      requiresApprovalBy: 'performance-committee',
      redeemYear: 2025,
      bookMonth: '2025-01',
      ledgerPointsX10: -5,
    });
    expect(() => repairStarAward('R3', '2024-13', policy)).toThrow(RangeError);
  });
});
