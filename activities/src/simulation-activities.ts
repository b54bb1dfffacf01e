import { DataSource } from 'typeorm';
import { SimulationActivities } from '@qf/contracts';
import { nextMonth, simulateMonth } from '@qf/domain';
import { PolicySchema } from '@qf/policy';
import {
  finishSimulation,
  monthLedger,
  perceptionPosted,
  perceptionUnits,
  saveSimulationMonth,
  yearToDateFacts,
} from '@qf/persistence';

/**
 * What-if (issue 16): a month's recorded facts gathered as the real settlement (`monthLedger`) and perception run
 * (`yearToDateFacts`, `perceptionUnits`) gather them — read only, nothing refreshed — through `simulateMonth`
 * (libs/domain) under both policies; only the simulation's own tables are written.
 */
export function createSimulationActivities(ds: DataSource): SimulationActivities {
  return {
    async simulateMonth({ simulationId, month, policy: raw, baseline: rawBaseline }) {
      const policy = PolicySchema.parse(raw ?? {});
      const baseline = PolicySchema.parse(rawBaseline ?? {});
      const ledger = await monthLedger(ds, month, `${month.slice(0, 4)}-01`);
      const facts = {
        month,
        ledger,
        perception: {
          month,
          yearToDate: await yearToDateFacts(ds, month),
          units: await perceptionUnits(ds),
          issuedAt: `${nextMonth(month)}-01T09:00:00+08:00`,
        },
        perceptionPosted: await perceptionPosted(ds, month),
      };
      const { changes, totals } = simulateMonth(facts, policy, baseline);
      return ds.transaction((tx) => saveSimulationMonth(tx, simulationId, totals, changes));
    },

    async finishSimulation({ simulationId, status, error }) {
      await finishSimulation(ds, simulationId, status, error);
    },
  };
}
