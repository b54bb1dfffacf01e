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
  WritePhases,
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
      const t0 = performance.now();
      const rows = await monthLedgerForClose(ds, month, `${month.slice(0, 4)}-01`);
      const tGather = performance.now();
      const perception = await settlementPerception(ds, month);
      // issue 16: the policy version the settlement's case pinned, named in every row's why
      const policyVersion = pinned ?? (await findSettlement(ds, settlementId))?.policyVersion ?? null;
      const tFacts = performance.now();
      // the rules run row by row as the COPY stream asks for rows (issue 18): our CPU settles the next rows while the
      // server parses and stores the rows before
      // the totals add up as the rows go (no array of 100k settled rows kept alive for the garbage collector to copy)
      const totals: SettlementTotals = { employees: 0, pointsX10: 0, moneyFen: 0, branches: 0, p4: 0, p5: 0 };
      const branchIds = new Set<string | null>();
      let rulesMs = 0;
      function* settled() {
        for (const r of rows) {
          const t = performance.now();
          const x = settleLedgerRow(r, month, policy, perception.get(r.employee_id), policyVersion);
          rulesMs += performance.now() - t;
          totals.employees++;
          totals.pointsX10 += x.pointsX10;
          totals.moneyFen += x.deductionFen;
          branchIds.add(x.branchId);
          totals.branches = branchIds.size;
          if (x.grade === 'P4') totals.p4++;
          else if (x.grade === 'P5') totals.p5++;
          yield x;
        }
      }
      const phases: WritePhases = { deleteMs: 0, copyMs: 0, serialiseMs: 0 };
      await ds.transaction((tx) => replaceSettlementRows(tx, settlementId, settled(), () => totals, phases));
      const tEnd = performance.now();
      if (process.env.QF_SETTLEMENT_TIMINGS) {
        const ms = (x: number) => `${Math.round(x)} ms`;
        console.log(
          `settlement ${month}: gather SQL ${ms(tGather - t0)}, perception + policy ${ms(tFacts - tGather)}, ` +
            `delete ${ms(phases.deleteMs)}, COPY ${ms(phases.copyMs)} (rules ${ms(rulesMs)} + serialisation ` +
            `${ms(phases.serialiseMs)} inside it), totals + commit ${ms(tEnd - tFacts - phases.deleteMs - phases.copyMs)}, ` +
            `total ${ms(tEnd - t0)}`,
        );
      }
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
