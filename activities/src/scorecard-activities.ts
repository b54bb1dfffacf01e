import { DataSource } from 'typeorm';
import { CaseWorkflowInput, ScorecardActivities, ScorecardSummary } from '@qf/contracts';
import { FlowDefinitionSchema, PolicySchema, Scorecard, workflowCalendar } from '@qf/policy';
import { caseInputOf } from './perception-activities';
import { addMonths, localMonth, scorecardIndicatorResults, scorecardMonth, ScorecardMonthResult } from '@qf/domain';
import {
  appendAudit,
  bookLedgerEntries,
  cardIndicatorMonth,
  caseByBusinessKey,
  flowVersionBody,
  insertInterview,
  interviewCaseData,
  policyVersionBody,
  publishedVersions,
  registerCase,
  saveScorecardResults,
  scorecardFigures,
  scorecardPostingLines,
  scorecardSubjects,
  scorecardUnitResults,
  setScorecardMonth,
  unitSupervisors,
  upsertIndicatorResults,
} from '@qf/persistence';

const SYSTEM = { name: 'system' };

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

    /**
     * P-6 (K-9): the reviewed month's unit points become indicator results (replacing the month's earlier feed), then
     * the month is carded once per unit (cardIndicatorMonth); each interview a card orders is registered here by its
     * key (once) and started by the workflow.
     */
    async feedIndicatorCards({ month, caseId, workflowId, policy: raw, initiatorUserId }) {
      const policy = PolicySchema.parse(raw ?? {});
      const labels = Object.fromEntries(policy.kpi.scorecards.map((c) => [c.key, c.label]));
      const rows = scorecardIndicatorResults(await scorecardUnitResults(ds, month), labels);
      await ds.transaction(async (tx) => {
        const fed = await upsertIndicatorResults(
          tx,
          rows.map((r) => ({ ...r, month })),
          null,
        );
        await appendAudit(tx, {
          actor: SYSTEM,
          action: 'scorecard.indicators-fed',
          entity: 'scorecard-month',
          entityId: month,
          caseId,
          workflowId,
          after: { rows: fed },
          idempotencyKey: `scorecard-indicators:${month}:${workflowId}`,
        });
      });
      const carded = await cardIndicatorMonth(ds, month, policy, SYSTEM, { caseId, workflowId });
      const orders = carded.flatMap((u) => u.interviews);
      const interviews: { caseId: string; workflowId: string; input: CaseWorkflowInput }[] = [];
      if (orders.length) {
        const published = await publishedVersions(ds, 'interview');
        if (!published.flow || !published.policy) throw new Error('no published interview flow or policy in effect');
        const pinned = PolicySchema.parse(published.policy.body);
        for (const o of orders)
          await ds.transaction(async (tx) => {
            const data = interviewCaseData(o, pinned);
            const childId = `interview-${o.businessKey}`;
            const inserted = await registerCase(tx, {
              kind: 'interview',
              businessKey: o.businessKey,
              title: o.title,
              workflowId: childId,
              policyVersion: published.policy!.version,
              flowVersion: published.flow!.version,
              data,
              unitId: o.branchId ?? data.unitId,
              subjectEmployeeIds: data.intervieweeId ? [data.intervieweeId] : [],
              createdBy: initiatorUserId,
            });
            const row = (await caseByBusinessKey(tx, 'interview', o.businessKey))!;
            if (inserted) {
              await insertInterview(tx, {
                caseId: row.id,
                origin: data.origin,
                unitId: data.unitId,
                month: data.month ?? null,
                incidentId: null,
                intervieweeId: data.intervieweeId,
                reason: data.reason,
                dueAt: data.dueAt,
              });
              await appendAudit(tx, {
                actor: SYSTEM,
                action: 'case.registered',
                entity: 'case',
                entityId: row.id,
                caseId: row.id,
                workflowId: row.workflowId,
                after: { origin: 'indicator-card', scorecardCaseId: caseId, data },
                idempotencyKey: `register:${row.workflowId}`,
              });
            }
            const rowPolicy = PolicySchema.parse(await policyVersionBody(tx, row.policyVersion));
            const flow = await flowVersionBody(tx, 'interview', row.flowVersion);
            interviews.push({
              caseId: row.id,
              workflowId: row.workflowId,
              input: caseInputOf(row, 'interview', o.businessKey, initiatorUserId, flow, rowPolicy),
            });
          });
      }
      return { fed: rows.length, carded: carded.filter((u) => u.first).length, interviews };
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
