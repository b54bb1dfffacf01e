import { defaultPolicy, PolicySchema } from '@qf/policy';
import { perceptionPenalty } from './perception';
import {
  bookingMonth,
  canApproveSettlement,
  moneyForPoints,
  monthCloseRefusal,
  payrollRow,
  settleEmployeeMonth,
} from './settlement';

const policy = defaultPolicy();
const none = { egregious: 0, serious: 0, ordinary: 0 };

describe('settlement', () => {
  it('H-1 money = points × post bonus × 1 %', () => {
    // 2.5 points × 3000 CNY × 1 % = 75 CNY
    expect(moneyForPoints(25, 300000, policy)).toBe(7500);
    expect(moneyForPoints(0, 300000, policy)).toBe(0);
    expect(moneyForPoints(25, 300000, PolicySchema.parse({ settlement: { moneyRateBasisPointsPerPoint: 200 } }))).toBe(
      15000,
    );
  });

  it('H-1 money is rounded half up to the fen', () => {
    // 0.1 point × 125.00 CNY × 1 % = 0.125 CNY = 12.5 fen → 13
    expect(moneyForPoints(1, 12500, policy)).toBe(13);
    expect(moneyForPoints(1, 12499, policy)).toBe(12);
    expect(moneyForPoints(-1, 12500, policy)).toBe(-13);
  });

  it('H-1 the monthly close sums points, applies grades and converts to money', () => {
    const s = settleEmployeeMonth(
      {
        employeeId: 'E1',
        month: '2024-05',
        postBonusFen: 500000,
        deductions: [
          { source: 'CASE-1', pointsX10: 150 },
          { source: 'CASE-1', pointsX10: 40 },
        ],
        fines: [{ source: 'K8-1', amountFen: 5000 }],
        bonuses: [{ source: 'star-award-2', amountFen: 50000 }],
        starPay: { baseFen: 30000, percent: 94 },
        grade: { employmentType: 'outsourced', month: { ...none, egregious: 1 }, yearBefore: none },
        perception: perceptionPenalty(78, 0, policy),
        training: true,
      },
      policy,
    );
    expect(s.pointsX10).toBe(210);
    expect(s.deductionFen).toBe(105000); // 21 × 5000 CNY × 1 %
    expect(s.finesFen).toBe(5000);
    expect(s.bonusesFen).toBe(50000);
    expect(s.starPayFen).toBe(28200);
    expect(s.grade).toBe('P5');
    expect(s.flags).toEqual({ suspension: false, exit: true, training: true });
    expect(s.sourceCases).toEqual(['CASE-1', 'K8-1', 'star-award-2']);
  });

  it('H-1 a second below-standard month (P-2) grades P4 through the settlement', () => {
    const s = settleEmployeeMonth(
      {
        employeeId: 'E2',
        month: '2024-06',
        postBonusFen: 100000,
        deductions: [],
        fines: [],
        bonuses: [],
        grade: { employmentType: 'staff', month: none, yearBefore: none },
        perception: perceptionPenalty(70, 1, policy),
      },
      policy,
    );
    expect(s).toMatchObject({ pointsX10: 40, deductionFen: 4000, grade: 'P4' });
  });

  it('H-2 a change for a locked month becomes an adjustment in the next open month', () => {
    expect(bookingMonth('2024-04', ['2024-03'])).toEqual({ month: '2024-04', adjustment: false });
    expect(bookingMonth('2024-11', ['2024-11', '2024-12'])).toEqual({ month: '2025-01', adjustment: true });
  });

  it('H-2 HR approves only after every branch confirmed', () => {
    expect(
      canApproveSettlement([
        { branchId: 'B1', confirmed: true },
        { branchId: 'B2', confirmed: false },
      ]),
    ).toEqual({ ok: false, pending: ['B2'] });
    expect(canApproveSettlement([{ branchId: 'B1', confirmed: true }]).ok).toBe(true);
  });

  it('H-3 one payroll row per employee with points, money, grade, flags and source cases', () => {
    const s = settleEmployeeMonth(
      {
        employeeId: 'E1',
        month: '2024-05',
        postBonusFen: 123456,
        deductions: [
          { source: 'C-B', pointsX10: 20 },
          { source: 'C-A', pointsX10: 20 },
        ],
        fines: [],
        bonuses: [{ source: 'C-S', amountFen: 50000 }],
        grade: { employmentType: 'staff', month: { ...none, ordinary: 2 }, yearBefore: none },
      },
      policy,
    );
    expect(payrollRow(s)).toEqual({
      employeeId: 'E1',
      month: '2024-05',
      points: 4,
      moneyYuan: 49.38,
      finesYuan: 0,
      bonusYuan: 500,
      starPayYuan: 0,
      grade: null,
      suspension: false,
      exit: false,
      training: false,
      sourceCases: ['C-A', 'C-B', 'C-S'],
    });
  });

  it('H-2 a month is closed once it is over in the policy time zone, unless the policy allows an early close', () => {
    // 2024-05-31T16:30Z is already 1 June in Shanghai (UTC+8): May is over there
    expect(monthCloseRefusal('2024-05', '2024-05-31T16:30:00Z', policy)).toBeNull();
    expect(monthCloseRefusal('2024-04', '2024-05-31T15:00:00Z', policy)).toBeNull();
    expect(monthCloseRefusal('2024-05', '2024-05-31T15:00:00Z', policy)).toMatchObject({
      path: 'month',
      rule: 'H-2',
      code: 'settlement.month_not_over',
      params: { month: '2024-05' },
    });
    expect(monthCloseRefusal('2031-01', '2024-05-31T15:00:00Z', policy)?.code).toBe('settlement.month_not_over');
    const utc = PolicySchema.parse({ calendar: { timeZone: 'UTC' } });
    expect(monthCloseRefusal('2024-05', '2024-05-31T16:30:00Z', utc)).not.toBeNull();
    const early = PolicySchema.parse({ settlement: { allowEarlyClose: true } });
    expect(early.settlement.allowEarlyClose).toBe(true);
    expect(policy.settlement.allowEarlyClose).toBe(false);
    expect(monthCloseRefusal('2024-05', '2024-05-10T00:00:00Z', early)).toBeNull();
  });
});
