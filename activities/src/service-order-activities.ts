import { DataSource } from 'typeorm';
import { CaseWorkflowInput, RedispatchCaseData, ServiceOrderActivities } from '@qf/contracts';
import { orderLateness } from '@qf/domain';
import { PolicySchema, workflowCalendar } from '@qf/policy';
import {
  appendAudit,
  bookLedgerEntries,
  bookUnitLedgerEntries,
  caseByBusinessKey,
  decideFine,
  flagLateServiceOrders,
  serviceOrdersFlaggedAt,
  flowVersionBody,
  insertServiceOrderMove,
  lockServiceOrder,
  markServiceOrderRedispatched,
  policyInEffect,
  policyVersionBody,
  publishedVersions,
  registerCase,
} from '@qf/persistence';

const SYSTEM = { name: 'system' };
/** K-2: late orders per batch (each case's workflow input carries its pinned policy and flow: payloads stay small). */
const REDISPATCH_BATCH = 20;
const DOMAIN_KIND = { ordinary: 'ordinary', vip_fault: 'vip-fault', vip_activation: 'vip-activation' } as const;
const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

/** The deadline scan (K-2), the re-dispatch it opens (K-2) and the fines a lead decides (K-8). */
export function createServiceOrderActivities(ds: DataSource): ServiceOrderActivities {
  return {
    /**
     * K-2 set-based: one UPDATE flags every order past a deadline (idempotent), committed at once so the flag is seen
     * within the scan interval however many orders fall due together; its `now` names the flags of this scan.
     */
    async flagLateOrders({ now: given }) {
      const now = given ?? new Date().toISOString();
      const flagged = await ds.transaction((tx) => flagLateServiceOrders(tx, now));
      return { now, flagged: flagged.length };
    },

    /**
     * K-2: each order the scan flagged is audited with the rule's verdict, and each late open order gets a re-dispatch
     * case for the dispatchers, registered by its business key (order + deadline): a retry registers nothing twice.
     */
    async openRedispatchCases({ now, after }) {
      return ds.transaction(async (tx) => {
        const flagged = await serviceOrdersFlaggedAt(tx, now, after, REDISPATCH_BATCH);
        const next = flagged.length === REDISPATCH_BATCH ? flagged[flagged.length - 1].orderNo : null;
        if (!flagged.length) return { redispatch: [], next };
        const policy = await policyInEffect(tx);
        const published = await publishedVersions(tx, 'order-redispatch');
        const redispatch: { caseId: string; workflowId: string; input: CaseWorkflowInput }[] = [];
        const versions = new Map<string, { policy: ReturnType<typeof PolicySchema.parse>; flow: unknown }>();
        for (const o of flagged) {
          const late = [
            ...(o.respondFlagged ? (['respond'] as const) : []),
            ...(o.completeFlagged ? (['complete'] as const) : []),
          ];
          const verdict = orderLateness(
            {
              kind: DOMAIN_KIND[o.kind],
              receivedAt: iso(o.acceptedAt)!,
              respondedAt: iso(o.respondedAt),
              completedAt: iso(o.closedAt),
            },
            now,
            policy,
          );
          await appendAudit(tx, {
            actor: SYSTEM,
            action: 'service-order.late',
            entity: 'service-order',
            entityId: o.id,
            after: { orderNo: o.orderNo, unitId: o.unitId, late, verdict, at: now },
            idempotencyKey: `service-order-late:${o.id}:${late.join('+')}`,
          });
          if (!verdict.reDispatch || !published.flow || !published.policy) continue;
          const businessKey = `${o.orderNo}-${late.join('-')}`;
          const data: RedispatchCaseData = {
            orderId: o.id,
            orderNo: o.orderNo,
            unitId: o.unitId,
            unitName: o.unitName,
            late: [...late],
            dueAt: iso(o.respondFlagged ? o.respondDueAt : o.completeDueAt)!,
          };
          const workflowId = `order-redispatch-${businessKey}`;
          const inserted = await registerCase(tx, {
            kind: 'order-redispatch',
            businessKey,
            title: `重新派单：${o.orderNo}（${o.unitName}）`,
            workflowId,
            policyVersion: published.policy.version,
            flowVersion: published.flow.version,
            data,
            unitId: o.unitId,
          });
          if (!inserted) continue;
          const row = (await caseByBusinessKey(tx, 'order-redispatch', businessKey))!;
          await appendAudit(tx, {
            actor: SYSTEM,
            action: 'case.registered',
            entity: 'case',
            entityId: row.id,
            caseId: row.id,
            workflowId,
            after: { origin: 'order-late', orderId: o.id, data },
            idempotencyKey: `register:${workflowId}`,
          });
          // one parse of the pinned policy and flow per scan (a burst of late orders shares them)
          const pinned = `${row.policyVersion}:${row.flowVersion}`;
          if (!versions.has(pinned))
            versions.set(pinned, {
              policy: PolicySchema.parse(await policyVersionBody(tx, row.policyVersion)),
              flow: await flowVersionBody(tx, 'order-redispatch', row.flowVersion),
            });
          const { policy: casePolicy, flow } = versions.get(pinned)!;
          redispatch.push({
            caseId: row.id,
            workflowId,
            input: {
              caseId: row.id,
              kind: 'order-redispatch',
              businessKey,
              initiatorUserId: null,
              policyVersion: row.policyVersion,
              flowVersion: row.flowVersion,
              flow,
              policy: casePolicy,
              calendar: workflowCalendar(casePolicy),
              data: data as unknown as Record<string, unknown>,
            },
          });
        }
        return { redispatch, next };
      });
    },

    /** K-2: the dispatcher re-dispatched the order: one more re-dispatch, the move recorded, once per case. */
    async completeRedispatch({ caseId, orderId, decision, actor }) {
      await ds.transaction(async (tx) => {
        const order = await lockServiceOrder(tx, orderId);
        if (!order) return;
        const first = await appendAudit(tx, {
          actor: { name: actor },
          action: 'service-order.redispatched',
          entity: 'service-order',
          entityId: orderId,
          caseId,
          before: { unitId: order.unitId, handlerId: order.handlerId, redispatchCount: order.redispatchCount },
          after: { ...decision, redispatchCount: order.redispatchCount + 1 },
          idempotencyKey: `service-order-redispatched:${caseId}`,
        });
        if (!first) return;
        await markServiceOrderRedispatched(tx, orderId, {
          unitId: decision.unitId ?? null,
          handlerId: decision.handlerId ?? null,
        });
        await insertServiceOrderMove(tx, {
          orderId,
          fromStage: order.stage,
          toStage: order.stage,
          actorUserId: null,
          actorName: actor,
          note: '重新派单',
        });
      });
    },

    /** K-8: the lead's decision; on approval the fine and the lead's joint fine post to the ledger, once. */
    async settleFine({ caseId, workflowId, fineId, approved }) {
      return ds.transaction(async (tx) => {
        const fine = await decideFine(tx, fineId, approved ? 'approved' : 'returned');
        let posted = 0;
        let unitPosted = 0;
        if (fine && approved) {
          const lines = [{ employeeId: fine.employeeId, reason: 'kpi-fine', pointsX10: 0, moneyFen: fine.amountFen }];
          if (fine.leadId && fine.leadFen > 0)
            lines.push({ employeeId: fine.leadId, reason: 'kpi-fine-lead', pointsX10: 0, moneyFen: fine.leadFen });
          posted = await bookLedgerEntries(tx, { caseId, workflowId, source: 'kpi-fine', month: fine.month, lines });
          // K-8: a false work order also costs its unit (stored on the fine): to the units' ledger, once per fine
          if (fine.unitId && fine.unitScoreDelta < 0)
            unitPosted = await bookUnitLedgerEntries(tx, [
              {
                unitId: fine.unitId,
                month: fine.month,
                source: 'kpi-fine',
                reason: `kpi-fine-K-8-unit:${fineId}`,
                orgScoreX10: Math.round(-fine.unitScoreDelta * 10),
                detail: `${fine.month} 虚假工单：单位扣组织绩效 ${-fine.unitScoreDelta} 分（K-8）`,
                caseId,
                workflowId,
              },
            ]);
        }
        if (fine)
          await appendAudit(tx, {
            actor: SYSTEM,
            action: approved ? 'service-fine.approved' : 'service-fine.returned',
            entity: 'service-fine',
            entityId: fineId,
            caseId,
            workflowId,
            after: { ...fine, posted, unitPosted },
            idempotencyKey: `service-fine-decided:${fineId}`,
          });
        return { posted };
      });
    },
  };
}
