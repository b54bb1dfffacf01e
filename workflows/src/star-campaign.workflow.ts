import { ChildWorkflowHandle, condition, setHandler, startChild } from '@temporalio/workflow';
import {
  CaseActivities,
  CaseState,
  CaseWorkflowInput,
  FAILURE,
  StarActivities,
  StarAdvanceUpdate,
  StarAwardSignal,
  StarCampaignData,
  StarCommitteeResult,
  StarPhase,
} from '@qf/contracts';
import { PolicySchema } from '@qf/policy';
import { allocateStarAwards, localTimeToUtc, starQuotas } from '@qf/domain';
import { CaseRuntime } from './engine/case-runtime';
import { activities } from './engine/activities';
import { reject } from './engine/reject';
import { starApplication } from './star-application.workflow';
import {
  starAdvanceUpdate,
  starApplyUpdate,
  starAwardSignal,
  starCampaignOpenedUpdate,
  starCommitteeResultSignal,
  starPhaseSignal,
} from '@qf/contracts/messages';

const acts = activities<StarActivities & Pick<CaseActivities, 'notify'>>();

/**
 * starCampaign (S-1, S-5, S-8): the year's campaign. Snapshots the hotline headcount and computes the quotas;
 * phases application → exam → committee → award move at their start dates or when the admin advances them.
 * Each application is a child workflow (starApplication). When the committee phase ends, every candidate's vote
 * closes; approvals beyond a level's quota go to the highest exam scores; the children are told the outcome.
 */
export async function starCampaign(input: CaseWorkflowInput): Promise<CaseState> {
  const data = input.data as unknown as StarCampaignData;
  const policy = PolicySchema.parse(input.policy ?? {});
  const tz = input.calendar.timeZone;
  const rt = new CaseRuntime(input);

  // S-5: the api's open answers once the quotas are saved (the caller sees them in its answer)
  let opened: { headcount: number; quotas: Record<'1' | '2' | '3', number> } | null = null;
  setHandler(starCampaignOpenedUpdate, async () => {
    await condition(() => opened !== null);
    return opened!;
  });

  const headcount = await acts.snapshotStarHeadcount({
    campaignId: data.campaignId,
    jobTypes: policy.stars.hotlineJobTypes,
  });
  const q = starQuotas(headcount, policy);
  const quotas = { '1': q[1], '2': q[2], '3': q[3] };
  await acts.saveStarCampaign({ campaignId: data.campaignId, quotas, phase: 'application' });
  opened = { headcount, quotas };

  let phase: StarPhase = 'application';
  /** the phase as written to the read model (the admin's advance answers once it is there) */
  let published: StarPhase | null = null;
  const children = new Map<string, ChildWorkflowHandle<typeof starApplication>>();
  const starting = new Set<string>();
  const finished = new Set<string>();
  const results = new Map<string, StarCommitteeResult>();
  /** `by`: the admin who ended the phase early (the audit entry names them) */
  const publish = async (by?: StarAdvanceUpdate['actor']) => {
    Object.assign(rt.state, {
      stage: phase,
      waitingOn: phase === 'committee' ? [{ role: 'committee' }] : [],
      waitingSince: rt.nowIso(),
    });
    rt.state.data = { ...rt.state.data, phase, headcount, quotas, applications: children.size };
    await acts.saveStarCampaign({
      campaignId: data.campaignId,
      phase,
      resultsPublished: phase === 'committee' || phase === 'award' || phase === 'closed' ? true : undefined,
    });
    await rt.sync(`star.phase.${phase}`, { phase }, by);
    for (const h of children.values())
      if (!finished.has(h.workflowId)) await h.signal(starPhaseSignal, { phase }).catch(() => undefined);
    published = phase;
  };

  setHandler(
    starApplyUpdate,
    async (u) => {
      const check = await acts.checkStarEligibility({
        campaignId: data.campaignId,
        year: data.year,
        employeeId: u.employeeId,
        level: u.level,
        recommended: u.recommended,
        asOf: u.asOf ?? rt.nowIso(),
        policy: input.policy,
      });
      if (check.existingApplicationId) {
        if (check.existingLevel !== u.level)
          reject(
            FAILURE.conflict,
            `already applied for ${check.existingLevel} star(s) in the ${data.year} campaign: one application per campaign (S-1)`,
          );
        return { applicationId: check.existingApplicationId, created: false };
      }
      if (!check.ok) {
        reject(
          FAILURE.badRequest,
          `not eligible: ${check.violations.map((v) => `${v.message} (${v.rule})`).join('; ')}`,
          check.violations.map((v) => ({
            // who may apply at all is about the person; every other refusal about the level asked for
            path: v.code === 'star.not_hotline' ? 'employeeId' : 'level',
            message: v.message,
            rule: v.rule,
            code: v.code,
            params: v.params,
          })),
        );
      }
      const app = await acts.createStarApplication({
        campaignId: data.campaignId,
        year: data.year,
        employeeId: u.employeeId,
        unitId: check.unitId,
        employeeName: check.employeeName,
        level: u.level,
        recommended: u.recommended,
        notes: check.notes,
        initiatorUserId: u.actor.userId,
        policyVersion: input.policyVersion,
        flowVersion: input.flowVersion,
        ceremonyDate: data.ceremonyDate,
      });
      if (!starting.has(app.applicationId)) {
        starting.add(app.applicationId);
        const child = await startChild(starApplication, {
          workflowId: app.workflowId,
          args: [
            {
              caseId: app.applicationId,
              kind: 'star-application',
              businessKey: `${data.year}-${u.employeeId}`,
              initiatorUserId: u.actor.userId,
              policyVersion: input.policyVersion,
              flowVersion: input.flowVersion,
              flow: input.flow,
              policy: input.policy,
              calendar: input.calendar,
              data: { ...app.data, phase } as unknown as Record<string, unknown>,
            },
          ],
        });
        children.set(app.applicationId, child);
        void child.result().then(
          () => finished.add(child.workflowId),
          () => finished.add(child.workflowId),
        );
        rt.state.data = { ...rt.state.data, applications: children.size };
      }
      return { applicationId: app.applicationId, created: true };
    },
    {
      validator: (u) => {
        if (phase !== 'application')
          reject(FAILURE.conflict, `applications are closed: the ${data.year} campaign is in its ${phase} phase (S-1)`);
        if (![1, 2, 3].includes(u.level))
          reject(FAILURE.badRequest, 'level must be 1, 2 or 3', [{ path: 'level', message: 'must be 1, 2 or 3' }]);
      },
    },
  );

  let advanceRequested: StarPhase | null = null;
  let advancedBy: StarAdvanceUpdate['actor'] | undefined;
  setHandler(
    starAdvanceUpdate,
    async (u) => {
      advanceRequested = u.from;
      advancedBy = u.actor;
      await condition(() => published !== null && published !== u.from);
      return { phase: published! };
    },
    {
      validator: (u) => {
        if (u.from !== phase) reject(FAILURE.conflict, `the campaign is in its ${phase} phase, not ${u.from}`);
        if (phase === 'award' || phase === 'closed')
          reject(FAILURE.conflict, `the ${phase} phase ends by itself when every award is made`);
      },
    },
  );
  setHandler(starCommitteeResultSignal, (r) => {
    results.set(r.applicationId, r);
  });

  await rt.sync('star.campaign.opened', { headcount, quotas });
  await publish();
  // S-1: each phase starts at its date (local midnight) or earlier when the admin advances it
  for (const next of ['exam', 'committee', 'award'] as const) {
    const at = Date.parse(localTimeToUtc(data.starts[next], 0, tz));
    const from = phase;
    const early = await condition(() => advanceRequested === from, Math.max(1, at - Date.now()));
    phase = next;
    await publish(early ? advancedBy : undefined);
  }

  // S-8: every vote closed with the award phase; wait for each candidate still running to report
  await condition(() => [...children.entries()].every(([id, h]) => results.has(id) || finished.has(h.workflowId)));
  const awarded = new Map<string, StarAwardSignal>();
  for (const level of [1, 2, 3] as const) {
    const decisions = [...results.values()]
      .filter((r) => r.level === level)
      .map((r) => ({
        candidateId: r.applicationId,
        approved: r.approved,
        approvals: r.approvals,
        examScore: r.examScore,
        label: r.employeeName,
      }));
    const out = allocateStarAwards(decisions, quotas[String(level) as '1' | '2' | '3']);
    for (const d of decisions) {
      awarded.set(d.candidateId, {
        awarded: out.awarded.includes(d.candidateId),
        level,
        explanation:
          out.explanations[d.candidateId] ??
          `not approved by the committee: ${d.approvals} of ${results.get(d.candidateId)!.votesCast} votes cast (S-8)`,
      });
    }
  }
  for (const [id, decision] of awarded) {
    const h = children.get(id);
    if (h && !finished.has(h.workflowId)) await h.signal(starAwardSignal, decision);
  }
  rt.state.data = { ...rt.state.data, awarded: [...awarded.entries()].filter(([, d]) => d.awarded).map(([id]) => id) };
  await rt.sync('star.awards.decided', { awarded: rt.state.data.awarded });
  await condition(() => [...children.values()].every((h) => finished.has(h.workflowId)));
  phase = 'closed';
  await publish();
  return rt.finish('closed', 'closed', { applications: children.size });
}
