import { DataSource } from 'typeorm';
import { CaseWorkflowInput, ScorecardActivities, ScorecardSummary } from '@qf/contracts';
import { FlowDefinitionSchema, PolicySchema, Scorecard, workflowCalendar } from '@qf/policy';
import { addMonths, localMonth, scorecardMonth, ScorecardMonthResult } from '@qf/domain';
import {
  appendAudit,
  bookLedgerEntries,
  caseByBusinessKey,
  publishedVersions,
  registerCase,
  saveScorecardResults,
  scorecardFigures,
  scorecardPostingLines,
  scorecardSubjects,
  setScorecardMonth,
  unitSupervisors,
} from '@qf/persistence';

const summaryOf = (cards: Scorecard[], r: ScorecardMonthResult): ScorecardSummary => ({
  cards: cards.length,
  labels: Object.fromEntries(cards.map((c) => [c.key, c.label])),
  units: r.results.filter((x) => x.scope === 'unit').length,
  people: r.results.filter((x) => x.scope === 'person').length,
  fines: r.fines.length,
  fineFen: r.fines.reduce((a, f) => a + f.amountFen, 0),
});

/** scorecardMonth's activities: register (Schedule), compute (idempotent: replaces the month's results), post (once). */
export function createScorecardActivities(ds: DataSource): ScorecardActivities {
  return {
    async registerScorecardMonth({ workflowId, nowIso, month: given }) {
      const { flow, policy: policyRow } = await publishedVersions(ds, 'scorecard-month');
      if (!flow || !policyRow) throw new Error('no published scorecard-month flow or policy in effect');
      const policy = PolicySchema.parse(policyRow.body);
      const month = given ?? addMonths(`${localMonth(nowIso, policy.calendar.timeZone)}-01`, -1).slice(0, 7);
      return ds.transaction(async (tx) => {
        const data = { month };
        await registerCase(tx, {
          kind: 'scorecard-month',
          businessKey: month,
          title: `${month} KPI 考核卡月度考核`,
          workflowId,
          policyVersion: policyRow.version,
          flowVersion: flow.version,
          data,
        });
        const c = (await caseByBusinessKey(tx, 'scorecard-month', month))!;
        if (c.workflowId !== workflowId)
          return { skipped: `the ${month} scorecards already run as ${c.workflowId}`, month };
        await setScorecardMonth(tx, month, { caseId: c.id });
        await appendAudit(tx, {
          actor: { name: 'schedule' },
          action: 'case.registered',
          entity: 'case',
          entityId: c.id,
          caseId: c.id,
          workflowId,
          after: { month },
          idempotencyKey: `register:${workflowId}`,
        });
        const input: CaseWorkflowInput = {
          caseId: c.id,
          kind: 'scorecard-month',
          businessKey: month,
          initiatorUserId: null,
          policyVersion: c.policyVersion,
          flowVersion: c.flowVersion,
          flow: FlowDefinitionSchema.parse(flow.body),
          policy,
          calendar: workflowCalendar(policy),
          data,
        };
        return { input };
      });
    },

    async computeScorecardMonth({ month, policy: raw, policyVersion, round }) {
      const policy = PolicySchema.parse(raw ?? {});
      const cards = policy.kpi.scorecards;
      return ds.transaction(async (tx) => {
        const subjects = await scorecardSubjects(tx, cards);
        const { figures, lateByUnit } = await scorecardFigures(
          tx,
          month,
          policy.calendar.timeZone,
          policy.kpi.orderDeadlines.ordinary.respondMinutes,
        );
        const unitIds = [...new Set(Object.values(subjects).flatMap((l) => l.map((s) => s.unitId)))];
        const result = scorecardMonth({
          cards,
          subjects,
          figures,
          lateByUnit,
          supervisors: await unitSupervisors(tx, unitIds),
        });
        await saveScorecardResults(tx, month, result);
        const summary = summaryOf(cards, result);
        await setScorecardMonth(tx, month, { status: 'reviewing', summary, computed: true, round, policyVersion });
        return summary;
      });
    },

    async postScorecardMonth({ month, caseId, workflowId }) {
      return ds.transaction(async (tx) => {
        const lines = await scorecardPostingLines(tx, month);
        const posted = await bookLedgerEntries(tx, { caseId, workflowId, source: 'kpi', month, lines });
        await setScorecardMonth(tx, month, { status: 'posted', posted: true });
        await appendAudit(tx, {
          actor: { name: 'system' },
          action: 'scorecard.posted',
          entity: 'scorecard-month',
          entityId: month,
          caseId,
          workflowId,
          after: { lines: lines.length, posted },
          idempotencyKey: `scorecard-post:${month}:${workflowId}`,
        });
        return { posted };
      });
    },
  };
}
