import { DataSource } from 'typeorm';
import { CaseWorkflowInput, QuarterlyActivities, QuarterlyRectificationStart } from '@qf/contracts';
import { PolicySchema, workflowCalendar } from '@qf/policy';
import { analyseQuarter, inspectionRectification, quarterMonths, quarterOf, shiftQuarter } from '@qf/domain';
import {
  appendAudit,
  caseByBusinessKey,
  dueMeeting,
  flowVersionBody,
  getQuarterlyPlan,
  insertQuarterlyPlan,
  insertRectification,
  latestQuarterlyPlanBefore,
  policyInEffect,
  policyVersionBody,
  productValues,
  publishedVersions,
  quarterlyFindings,
  quarterlyValues,
  registerCase,
  replaceQuarterlyResults,
  scoresOfPeriod,
  setFindingCase,
  setQuarterlyPlan,
  setResultHeads,
  unitHeads,
  upsertQuarterlyValues,
} from '@qf/persistence';

const SYSTEM = { name: 'system' };

/** quarterlyAssessment's activities and the Schedule's draft of the next quarter. */
export function createQuarterlyActivities(ds: DataSource): QuarterlyActivities {
  const plan = async (planId: string) => {
    const p = await getQuarterlyPlan(ds, planId);
    if (!p) throw new Error(`quarterly plan ${planId} not found`);
    return p;
  };
  return {
    async setQuarterlyStatus({ planId, status }) {
      await setQuarterlyPlan(ds, planId, { status });
    },

    async collectQuarterlyValues({ planId }) {
      const p = await plan(planId);
      const timeZone = (await policyInEffect(ds)).calendar.timeZone;
      let n = 0;
      await ds.transaction(async (tx) => {
        for (const ind of p.indicators) {
          if (ind.source === 'manual') continue;
          const values = await productValues(tx, ind.source, p.scope, quarterMonths(p.period), timeZone);
          n += await upsertQuarterlyValues(
            tx,
            planId,
            [...values].map(([unitId, value]) => ({ unitId, indicator: ind.code, value })),
            ind.source,
            null,
          );
        }
      });
      return { values: n };
    },

    async analyseQuarter({ planId }) {
      const p = await plan(planId);
      const values = new Map<string, Map<string, number>>();
      for (const v of await quarterlyValues(ds, planId)) {
        if (!values.has(v.unitId)) values.set(v.unitId, new Map());
        values.get(v.unitId)!.set(v.indicator, v.value);
      }
      const rows = analyseQuarter({
        indicators: p.indicators,
        units: p.scope,
        values,
        previous: await scoresOfPeriod(ds, shiftQuarter(p.period, -1)),
      });
      await ds.transaction(async (tx) => {
        await replaceQuarterlyResults(tx, planId, rows);
        await setQuarterlyPlan(tx, planId, { status: 'analysed' });
      });
      return { units: rows.length, missing: rows.reduce((a, r) => a + r.missing, 0) };
    },

    /**
     * each finding of the plan becomes a rectification (origin inspection) of its team, due at its own deadline,
     * else the next fault-analysis meeting, else the policy's working days; registered once per finding by its business
     * key (as perception's supervision orders, P-5); the caller starts the workflows.
     */
    async openFindingRectifications({ planId, caseId, workflowId, initiatorUserId }) {
      const p = await plan(planId);
      return ds.transaction(async (tx) => {
        const findings = await quarterlyFindings(tx, planId);
        if (!findings.length) return [];
        const published = await publishedVersions(tx, 'rectification');
        if (!published.flow || !published.policy)
          throw new Error('no published rectification flow or policy in effect');
        const out: QuarterlyRectificationStart[] = [];
        for (const f of findings) {
          const businessKey = `quarterly-${p.period}-${f.id}`;
          const existing = await caseByBusinessKey(tx, 'rectification', businessKey);
          if (!existing) {
            const policy = PolicySchema.parse(published.policy.body);
            const meeting = await dueMeeting(tx, f.createdAt);
            const r = inspectionRectification(
              {
                id: f.id,
                foundAt: new Date(f.createdAt).toISOString(),
                assigneeId: f.teamUnitId,
                deadline: f.deadline,
              },
              meeting ? [meeting.scheduledAt] : [],
              policy,
            );
            const atMeeting = !f.deadline && meeting?.scheduledAt === r.dueAt;
            const data = {
              origin: 'inspection' as const,
              teamUnitId: f.teamUnitId,
              description: f.description,
              internal: false,
              meetingId: atMeeting ? meeting!.meetingId : null,
              dueAt: r.dueAt,
              // an explicit or fallback deadline is the finding's own; one at a meeting follows the meeting (E-7)
              dueFixed: !atMeeting,
              quarterlyPlanId: planId,
            };
            await registerCase(tx, {
              kind: 'rectification',
              businessKey,
              title: `检查整改：${f.teamName}（${p.period}）`,
              workflowId: `rectification-${businessKey}`,
              policyVersion: published.policy.version,
              flowVersion: published.flow.version,
              data,
              unitId: f.branchId ?? f.teamUnitId,
              createdBy: initiatorUserId,
            });
            const row = (await caseByBusinessKey(tx, 'rectification', businessKey))!;
            await insertRectification(tx, {
              caseId: row.id,
              origin: 'inspection',
              internal: false,
              orderNo: null,
              description: f.description,
              teamUnitId: f.teamUnitId,
              meetingId: data.meetingId,
              dueAt: r.dueAt,
            });
            await setFindingCase(tx, f.id, row.id);
            await appendAudit(tx, {
              actor: SYSTEM,
              action: 'case.registered',
              entity: 'case',
              entityId: row.id,
              caseId: row.id,
              workflowId: row.workflowId,
              after: { origin: 'inspection', quarterlyCaseId: caseId, quarterlyWorkflowId: workflowId, data },
              idempotencyKey: `register:${row.workflowId}`,
            });
          }
          const row = (await caseByBusinessKey(tx, 'rectification', businessKey))!;
          const policy = PolicySchema.parse(await policyVersionBody(tx, row.policyVersion));
          const input: CaseWorkflowInput = {
            caseId: row.id,
            kind: 'rectification',
            businessKey,
            initiatorUserId,
            policyVersion: row.policyVersion,
            flowVersion: row.flowVersion,
            flow: await flowVersionBody(tx, 'rectification', row.flowVersion),
            policy,
            calendar: workflowCalendar(policy),
            data: row.data as Record<string, unknown>,
          };
          out.push({ caseId: row.id, workflowId: row.workflowId, input });
        }
        return out;
      });
    },

    async quarterlyUnitHeads({ planId }) {
      const p = await plan(planId);
      const heads = await unitHeads(ds, p.scope);
      const out = p.scope.map((unitId) => ({ unitId, userId: heads.get(unitId) ?? null }));
      await setResultHeads(ds, planId, out);
      return out;
    },

    /** The Schedule: the next quarter's plan, copied from the latest plan before it, as a draft (once per period). */
    async draftNextQuarterPlan({ nowIso }) {
      const timeZone = (await policyInEffect(ds)).calendar.timeZone;
      const today = new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date(nowIso));
      const next = shiftQuarter(quarterOf(today.slice(0, 7)).quarter, 1);
      const latest = await latestQuarterlyPlanBefore(ds, next);
      if (!latest) return { planId: null, period: next };
      return ds.transaction(async (tx) => {
        const id = await insertQuarterlyPlan(
          tx,
          {
            period: next,
            title: `${next} 季度考核`,
            scope: latest.scope,
            indicators: latest.indicators,
            ownerId: latest.ownerId,
          },
          null,
        );
        if (id)
          await appendAudit(tx, {
            actor: SYSTEM,
            action: 'quarterly.drafted',
            entity: 'quarterly-plan',
            entityId: id,
            after: { period: next, from: latest.period },
            idempotencyKey: `quarterly-draft:${next}`,
          });
        return { planId: id, period: next };
      });
    },
  };
}
