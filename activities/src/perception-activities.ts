import { DataSource } from 'typeorm';
import { PerceptionActivities, PerceptionSummary } from '@qf/contracts';
import { PolicySchema } from '@qf/policy';
import { nextMonth, perceptionMonth, PerceptionMonthResult } from '@qf/domain';
import {
  appendAudit,
  bookLedgerEntries,
  perceptionUnits,
  postingLines,
  refreshCallbackScores,
  saveResults,
  setPerceptionMonth,
  yearToDateFacts,
} from '@qf/persistence';

const summaryOf = (r: PerceptionMonthResult): PerceptionSummary => ({
  people: r.people.length,
  belowStandard: r.people.filter((p) => p.belowStandard).length,
  p4: r.people.filter((p) => p.grade === 'P4').length,
  pointsX10:
    r.people.reduce((a, p) => a + p.pointsX10, 0) + r.units.reduce((a, u) => a + (u.penalty?.pointsX10 ?? 0), 0),
  unitPenalties: r.units.filter((u) => u.penalty).length,
  supervisionOrders: r.units.filter((u) => u.supervision).length,
  training: r.training.length,
});

/** perceptionMonth's activities: compute (idempotent: replaces the month's results) and post (once per line). */
export function createPerceptionActivities(ds: DataSource): PerceptionActivities {
  return {
    async computePerceptionMonth({ month, policy: raw }) {
      const policy = PolicySchema.parse(raw ?? {});
      return ds.transaction(async (tx) => {
        await refreshCallbackScores(tx, month, policy.calendar.timeZone);
        const result = perceptionMonth(
          {
            month,
            yearToDate: await yearToDateFacts(tx, month),
            units: await perceptionUnits(tx),
            // P-5 deadlines run from the first day after the month (the month's data closes then)
            issuedAt: `${nextMonth(month)}-01T09:00:00+08:00`,
          },
          policy,
        );
        await saveResults(tx, result);
        const summary = summaryOf(result);
        await setPerceptionMonth(tx, month, { status: 'reviewing', summary, computed: true });
        return summary;
      });
    },

    async postPerceptionMonth({ month, caseId, workflowId }) {
      return ds.transaction(async (tx) => {
        const lines = await postingLines(tx, month);
        const posted = await bookLedgerEntries(tx, { caseId, workflowId, source: 'perception', month, lines });
        const [{ n }] = await tx.query(
          `SELECT count(*)::int AS n FROM perception_unit_results WHERE month = $1 AND supervision IS NOT NULL`,
          [month],
        );
        await setPerceptionMonth(tx, month, { status: 'posted', posted: true });
        await appendAudit(tx, {
          actor: { name: 'system' },
          action: 'perception.posted',
          entity: 'perception-month',
          entityId: month,
          caseId,
          workflowId,
          after: { lines: lines.length, posted },
          idempotencyKey: `perception-post:${month}:${workflowId}`,
        });
        return { posted, supervisionOrders: n };
      });
    },
  };
}
