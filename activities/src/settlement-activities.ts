import { DataSource } from 'typeorm';
import { SettlementActivities } from '@qf/contracts';
import { PolicySchema } from '@qf/policy';
import { settleLedgerRow } from '@qf/domain';
import {
  appendAudit,
  findSettlement,
  lockSettlementMonth,
  monthLedgerForClose,
  replaceSettlementRows,
  setSettlementStatus,
  settlementPerception,
  SettlementTotals,
} from '@qf/persistence';

/**
 * H-1 set-based: one aggregate query gathers the month (libs/persistence `monthLedger`, with sort memory for the close); the grade and money rules
 * (libs/domain) run per row in memory; results are written in bulk, replacing any earlier computation of the same
 * (unlocked) settlement.
 */
export function createSettlementActivities(ds: DataSource): SettlementActivities {
  return {
    async computeSettlement({ settlementId, month, policy: raw, policyVersion: pinned }) {
      const policy = PolicySchema.parse(raw ?? {});
      const t0 = Date.now();
      const rows = await monthLedgerForClose(ds, month, `${month.slice(0, 4)}-01`);
      const perception = await settlementPerception(ds, month);
      // issue 16: the policy version the settlement's case pinned, named in every row's why
      const policyVersion = pinned ?? (await findSettlement(ds, settlementId))?.policyVersion ?? null;
      const tGather = Date.now();
      const out = rows.map((r) => settleLedgerRow(r, month, policy, perception.get(r.employee_id), policyVersion));
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
