import { DataSource } from 'typeorm';
import { SettlementActivities } from '@qf/contracts';
import { PolicySchema } from '@qf/policy';
import { CaseCounts, seriousCaseGrade, settleEmployeeMonth } from '@qf/domain';
import {
  appendAudit,
  lockSettlementMonth,
  monthLedger,
  MonthLedgerRow,
  replaceSettlementRows,
  setSettlementStatus,
  SettlementPerception,
  settlementPerception,
  SettlementTotals,
} from '@qf/persistence';
import type { Policy } from '@qf/policy';

const zero = (): CaseCounts => ({ egregious: 0, serious: 0, ordinary: 0 });

/** H-1: one employee's month through the grade and money rules (libs/domain). */
function settleRow(r: MonthLedgerRow, month: string, policy: Policy, perception?: SettlementPerception) {
  const monthCounts = zero();
  const before = zero();
  const seriousByMonth = new Map<string, number>();
  for (const x of r.sev ?? []) {
    const key = x.s as keyof CaseCounts;
    if (!(key in monthCounts)) continue;
    if (x.m === month) monthCounts[key] += x.n;
    else {
      before[key] += x.n;
      if (key === 'serious') seriousByMonth.set(x.m, (seriousByMonth.get(x.m) ?? 0) + x.n);
    }
  }
  const s = settleEmployeeMonth(
    {
      employeeId: r.employee_id,
      month,
      postBonusFen: r.post_bonus_fen,
      deductions: [{ source: 'ledger', pointsX10: r.points }],
      fines: [],
      bonuses: Number(r.bonus_fen) ? [{ source: 'star-award', amountFen: Number(r.bonus_fen) }] : [],
      starPay: Number(r.star_pay_fen) ? { baseFen: Number(r.star_pay_fen), percent: 100 } : null,
      grade: {
        employmentType: r.employment_type as 'staff',
        month: monthCounts,
        yearBefore: before,
        seriousGradedMonths: [...seriousByMonth]
          .filter(([, n]) => seriousCaseGrade(n, policy) !== null)
          .map(([m]) => m),
        // P-2: the month's perception grade (posted by the perception run) takes part in the worst grade (C-10)
        otherGrades: perception?.reasons ?? [],
      },
      training: !!perception?.training,
    },
    policy,
  );
  const reasons = perception?.training ? [...s.reasons, { rule: 'P-4', message: perception.training }] : s.reasons;
  return { ...s, reasons, branchId: r.branch_id, sourceCases: r.cases ?? [] };
}

/**
 * H-1 set-based: one aggregate query gathers the month (libs/persistence `monthLedger`); the grade and money rules
 * (libs/domain) run per row in memory; results are written in bulk, replacing any earlier computation of the same
 * (unlocked) settlement.
 */
export function createSettlementActivities(ds: DataSource): SettlementActivities {
  return {
    async computeSettlement({ settlementId, month, policy: raw }) {
      const policy = PolicySchema.parse(raw ?? {});
      const t0 = Date.now();
      const rows = await monthLedger(ds, month, `${month.slice(0, 4)}-01`);
      const perception = await settlementPerception(ds, month);
      const tGather = Date.now();
      const out = rows.map((r) => settleRow(r, month, policy, perception.get(r.employee_id)));
      const tRules = Date.now();
      const totals: SettlementTotals = {
        employees: out.length,
        pointsX10: out.reduce((a, x) => a + x.pointsX10, 0),
        moneyFen: out.reduce((a, x) => a + x.deductionFen, 0),
        branches: new Set(out.map((x) => x.branchId)).size,
        p4: out.filter((x) => x.grade === 'P4').length,
        p5: out.filter((x) => x.grade === 'P5').length,
      };
      await ds.transaction((tx) => replaceSettlementRows(tx, settlementId, out, totals));
      if (process.env.QF_SETTLEMENT_TIMINGS)
        console.log(
          `settlement ${month}: gather ${tGather - t0} ms, rules ${tRules - tGather} ms, write ${Date.now() - tRules} ms`,
        );
      const { employees, pointsX10, moneyFen, branches } = totals;
      return { employees, pointsX10, moneyFen, branches };
    },

    async setSettlementStatus({ settlementId, status }) {
      await setSettlementStatus(ds, settlementId, status);
    },

    /** H-2: after HR's approval the month is locked (once). */
    async lockMonth({ settlementId, month, workflowId }) {
      await ds.transaction(async (tx) => {
        await lockSettlementMonth(tx, settlementId, month);
        await appendAudit(tx, {
          actor: { name: 'system' },
          action: 'settlement.locked',
          entity: 'settlement',
          entityId: settlementId,
          workflowId,
          after: { month },
          idempotencyKey: `lock:${month}`,
        });
      });
    },
  };
}
