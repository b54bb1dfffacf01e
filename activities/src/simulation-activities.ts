import { DataSource } from 'typeorm';
import { SimulationActivities } from '@qf/contracts';
import {
  nextMonth,
  ScorecardMonthInput,
  simulateMonth,
  simulateRepairerScores,
  simulateScorecards,
  simulateStarPay,
} from '@qf/domain';
import { Policy, PolicySchema } from '@qf/policy';
import {
  monthLedger,
  monthScoreRows,
  perceptionPosted,
  perceptionUnits,
  Queryable,
  saveSimulationMonth,
  scorecardFigures,
  scorecardSubjects,
  starMonthFacts,
  unitSupervisors,
  finishSimulation,
  yearToDateFacts,
} from '@qf/persistence';

/** K-9: a month's scorecard input under one policy, gathered as the real scorecard month gathers it (read only). */
async function scorecardInput(q: Queryable, month: string, policy: Policy): Promise<ScorecardMonthInput> {
  const cards = policy.kpi.scorecards;
  const subjects = await scorecardSubjects(q, cards);
  const { figures, lateByUnit } = await scorecardFigures(
    q,
    month,
    policy.calendar.timeZone,
    policy.kpi.orderDeadlines.ordinary.respondMinutes,
  );
  const unitIds = [...new Set(Object.values(subjects).flatMap((l) => l.map((s) => s.unitId)))];
  return { cards, subjects, figures, lateByUnit, supervisors: await unitSupervisors(q, unitIds) };
}

/**
 * What-if (issue 16): a month's recorded facts gathered as the real computations gather them — the settlement
 * (`monthLedger`), perception (`yearToDateFacts`, `perceptionUnits`), the star review (`star_monthly`, June exam),
 * repairer scores (`monthScoreRows`) and scorecards (`scorecardSubjects`, `scorecardFigures`) — read only, nothing
 * refreshed, through the domain's `simulate*` under both policies; only the simulation's own tables are written.
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
      const stars = simulateStarPay(month, await starMonthFacts(ds, month), policy, baseline);
      const repairers = simulateRepairerScores(
        month,
        (await monthScoreRows(ds, month)).map((r) => ({
          repairerId: r.repairerId,
          teamId: r.teamId,
          scores: r.scores,
        })),
        policy,
        baseline,
      );
      const cards = simulateScorecards(
        month,
        await scorecardInput(ds, month, policy),
        await scorecardInput(ds, month, baseline),
      );
      const results = [...stars.changes, ...repairers, ...cards.changes];
      const all = {
        ...totals,
        starPayBeforeFen: stars.payBeforeFen,
        starPayAfterFen: stars.payAfterFen,
        starPayChanged: stars.changes.length,
        repairerScoresChanged: repairers.length,
        scorecardsChanged: cards.changes.filter((c) => c.kind === 'scorecard').length,
        finesBeforeFen: cards.finesBeforeFen,
        finesAfterFen: cards.finesAfterFen,
      };
      return ds.transaction((tx) => saveSimulationMonth(tx, simulationId, all, changes, results));
    },

    async finishSimulation({ simulationId, status, error }) {
      await finishSimulation(ds, simulationId, status, error);
    },
  };
}
