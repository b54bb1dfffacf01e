import { DataSource } from 'typeorm';
import {
  CaseWorkflowInput,
  InterviewActivities,
  PerceptionActivities,
  PerceptionSummary,
  SupervisionCaseStart,
} from '@qf/contracts';
import { FlowDefinitionSchema, Policy, PolicySchema, workflowCalendar } from '@qf/policy';
import { nextMonth, perceptionMonth, perceptionMonthOfRun, PerceptionMonthResult } from '@qf/domain';
import {
  appendAudit,
  bookLedgerEntries,
  bookUnitLedgerEntries,
  commissionLines,
  caseByBusinessKey,
  flowVersionBody,
  insertRectification,
  policyVersionBody,
  publishedVersions,
  registerCase,
  recordInterview,
  setSupervisionCase,
  supervisionOrders,
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

/** A registered case's workflow input with its pinned flow and policy (the calendar copied as plain lists). */
export function caseInputOf(
  c: { id: string; policyVersion: number; flowVersion: number; data: unknown },
  kind: CaseWorkflowInput['kind'],
  businessKey: string,
  initiatorUserId: string | null,
  flow: unknown,
  policy: Policy,
): CaseWorkflowInput {
  return {
    caseId: c.id,
    kind,
    businessKey,
    initiatorUserId,
    policyVersion: c.policyVersion,
    flowVersion: c.flowVersion,
    flow,
    policy,
    calendar: workflowCalendar(policy),
    data: c.data as Record<string, unknown>,
  };
}

/** perceptionMonth's activities: compute (idempotent: replaces the month's results) and post (once per line). */
export function createPerceptionActivities(ds: DataSource): PerceptionActivities & InterviewActivities {
  return {
    /** P-1…P-5 by the Schedule: the month before registers its case under this run; a month that has one is skipped. */
    async registerPerceptionMonth({ workflowId, nowIso, month: given }) {
      const { flow, policy: policyRow } = await publishedVersions(ds, 'perception-month');
      if (!flow || !policyRow) throw new Error('no published perception-month flow or policy in effect');
      const policy = PolicySchema.parse(policyRow.body);
      const month = given ?? perceptionMonthOfRun(nowIso, policy);
      return ds.transaction(async (tx) => {
        const data = { month };
        const inserted = await registerCase(tx, {
          kind: 'perception-month',
          businessKey: month,
          title: `${month} 客户感知月度考核`,
          workflowId,
          policyVersion: policyRow.version,
          flowVersion: flow.version,
          data,
        });
        const c = (await caseByBusinessKey(tx, 'perception-month', month))!;
        if (c.workflowId !== workflowId)
          return { skipped: `the ${month} perception month already runs as ${c.workflowId}`, month };
        if (inserted) {
          await setPerceptionMonth(tx, month, { caseId: c.id });
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
        }
        return {
          input: caseInputOf(c, 'perception-month', month, null, FlowDefinitionSchema.parse(flow.body), policy),
        };
      });
    },

    async computePerceptionMonth({ month, policy: raw, round }) {
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
        await setPerceptionMonth(tx, month, { status: 'reviewing', summary, computed: true, round: round ?? 1 });
        return summary;
      });
    },

    async postPerceptionMonth({ month, caseId, workflowId }) {
      return ds.transaction(async (tx) => {
        const lines = await postingLines(tx, month);
        const posted = await bookLedgerEntries(tx, { caseId, workflowId, source: 'perception', month, lines });
        // P-3: an agent hall's commission deduction belongs to the hall (the channel operations centre withholds it)
        const halls = await commissionLines(tx, month);
        const commissions = await bookUnitLedgerEntries(
          tx,
          halls.map((l) => ({ ...l, caseId, workflowId })),
        );
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
          after: { lines: lines.length, posted, commissions },
          idempotencyKey: `perception-post:${month}:${workflowId}`,
        });
        return { posted, commissions, supervisionOrders: n };
      });
    },

    /**
     * P-5: each hall's supervision order becomes a rectification (origin supervision-order) in the hall's branch, due at
     * the order's deadline, registered once per (month, hall) by its business key; the caller starts its workflow.
     */
    async openSupervisionOrders({ month, caseId, workflowId, initiatorUserId }) {
      return ds.transaction(async (tx) => {
        const orders = await supervisionOrders(tx, month);
        if (!orders.length) return [];
        const published = await publishedVersions(tx, 'rectification');
        if (!published.flow || !published.policy)
          throw new Error('no published rectification flow or policy in effect');
        const out: SupervisionCaseStart[] = [];
        for (const o of orders) {
          const businessKey = `perception-${month}-${o.unitId}`;
          const childWorkflowId = `rectification-${businessKey}`;
          const data = {
            origin: 'supervision-order' as const,
            teamUnitId: o.unitId,
            description: `${month} 客户感知督办：${o.unitName}（P-5）`,
            internal: false,
            meetingId: null,
            dueAt: o.dueAt,
            // P-5: the deadline is the order's, not a fault-analysis meeting's
            dueFixed: true,
            perceptionMonth: month,
          };
          const inserted = await registerCase(tx, {
            kind: 'rectification',
            businessKey,
            title: `督办整改：${o.unitName}（${month}）`,
            workflowId: childWorkflowId,
            policyVersion: published.policy.version,
            flowVersion: published.flow.version,
            data,
            unitId: o.branchId ?? o.unitId,
            createdBy: initiatorUserId,
          });
          const row = (await caseByBusinessKey(tx, 'rectification', businessKey))!;
          if (inserted) {
            await insertRectification(tx, {
              caseId: row.id,
              origin: 'supervision-order',
              internal: false,
              orderNo: null,
              description: data.description,
              teamUnitId: o.unitId,
              meetingId: null,
              dueAt: o.dueAt,
            });
            await appendAudit(tx, {
              actor: { name: 'system' },
              action: 'case.registered',
              entity: 'case',
              entityId: row.id,
              caseId: row.id,
              workflowId: row.workflowId,
              after: { origin: 'supervision-order', perceptionCaseId: caseId, perceptionWorkflowId: workflowId, data },
              idempotencyKey: `register:${row.workflowId}`,
            });
          }
          await setSupervisionCase(tx, month, o.unitId, row.id);
          const policy = PolicySchema.parse(await policyVersionBody(tx, row.policyVersion));
          const flow = await flowVersionBody(tx, 'rectification', row.flowVersion);
          const input = caseInputOf(row, 'rectification', businessKey, initiatorUserId, flow, policy);
          out.push({ caseId: row.id, workflowId: row.workflowId, input });
        }
        return out;
      });
    },

    /** P-6 / P-7: the interview's record (date, people, minutes, commitments), kept with the case. */
    async recordInterview({ caseId, record }) {
      await ds.transaction(async (tx) => {
        await recordInterview(tx, caseId, record);
        await appendAudit(tx, {
          actor: { name: 'system' },
          action: 'interview.recorded',
          entity: 'interview',
          entityId: caseId,
          caseId,
          after: record,
          idempotencyKey: `interview-recorded:${caseId}`,
        });
      });
    },
  };
}
