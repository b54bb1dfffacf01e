import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CaseWorkflowInput, RuleNote, StarActivities, StarApplicationData } from '@qf/contracts';
import { FlowDefinitionSchema, PolicySchema, workflowCalendar } from '@qf/policy';
import {
  appendAudit,
  bookLedgerEntries,
  caseIdOfWorkflow,
  changeStar,
  closeStarReview,
  insertStarApplication,
  insertStarMonthly,
  markStarAwarded,
  patchStarApplication,
  starCommitteeUsers,
  starEligibilityFacts,
  starHolders,
  starMonthlyScoresSinceStar,
  starMonthStanding,
  starReviewCaseOfMonth,
  upsertStarReview,
  usernameOf,
  linkStarReviewCase,
  markStarRecommended,
  policyInEffect,
  publishedVersions,
  registerCase,
  saveStarCampaign,
  snapshotStarHeadcount,
  starRecommendationStanding,
} from '@qf/persistence';
import {
  addDays,
  addMonths,
  checkEligibility,
  isStarEffective,
  localMonth,
  lowerStarLevel,
  recommendationPlace,
  StarCandidate,
  StarLevel,
  starMonthPay,
  starStanding,
} from '@qf/domain';

type Tx = { query: (sql: string, params?: unknown[]) => Promise<any> };

/** Money entries (award bonus, star pay) carry no points. */
const postMoney = (
  tx: Tx,
  e: {
    employeeId: string;
    month: string;
    caseId: string;
    workflowId: string;
    source: string;
    reason: string;
    moneyFen: number;
  },
) =>
  bookLedgerEntries(tx, {
    caseId: e.caseId,
    workflowId: e.workflowId,
    source: e.source,
    month: e.month,
    lines: [{ employeeId: e.employeeId, reason: e.reason, pointsX10: 0, moneyFen: e.moneyFen }],
  });

export function createStarActivities(ds: DataSource): StarActivities {
  return {
    async snapshotStarHeadcount({ campaignId, jobTypes }) {
      return snapshotStarHeadcount(ds, campaignId, jobTypes);
    },

    async saveStarCampaign(c) {
      await saveStarCampaign(ds, c);
    },

    async checkStarEligibility({ campaignId, year, employeeId, level, recommended, asOf, policy: raw }) {
      const policy = PolicySchema.parse(raw ?? {});
      const facts = await starEligibilityFacts(ds, { campaignId, year, employeeId });
      if (!facts)
        return {
          existingApplicationId: null,
          existingLevel: null,
          ok: false,
          violations: [{ rule: 'S-2', message: 'unknown employee' }],
          notes: [],
          unitId: '',
          employeeName: '',
        };
      const { employee: e, existing, holder } = facts;
      const result = checkEligibility(
        {
          employmentType: e.employmentType as StarCandidate['employmentType'],
          jobType: e.jobType,
          hotlineSince: e.hireDate ?? asOf,
          teamLeadRecommended: recommended,
          currentStars: (holder?.level ?? 0) as 0 | StarLevel,
          currentStarSince: holder?.since ?? null,
          lastDemotionAt: facts.lastDemotionAt,
          awards: facts.awards,
          juneExamRank: facts.juneExamRank,
        },
        level,
        asOf,
        policy,
      );
      const violations: RuleNote[] = result.violations;
      return {
        existingApplicationId: existing?.caseId ?? null,
        existingLevel: (existing?.level ?? null) as StarLevel | null,
        ok: violations.length === 0,
        violations,
        notes: result.notes,
        unitId: e.unitId,
        employeeName: e.name,
      };
    },

    async createStarApplication(i) {
      const workflowId = `star-application-${i.year}-${i.employeeId}`;
      const data: Omit<StarApplicationData, 'applicationId'> = {
        campaignId: i.campaignId,
        year: i.year,
        employeeId: i.employeeId,
        employeeName: i.employeeName,
        unitId: i.unitId,
        level: i.level,
        recommended: i.recommended,
        ceremonyDate: i.ceremonyDate,
        phase: 'application',
      };
      return ds.transaction(async (tx) => {
        await registerCase(tx, {
          kind: 'star-application',
          businessKey: `${i.year}-${i.employeeId}`,
          title: `${i.year} 年${i.level}星级申请：${i.employeeName}`,
          workflowId,
          policyVersion: i.policyVersion,
          flowVersion: i.flowVersion,
          data,
          unitId: i.unitId,
          subjectEmployeeIds: [i.employeeId],
          createdBy: i.initiatorUserId,
        });
        const c = { id: await caseIdOfWorkflow(tx, workflowId) };
        await insertStarApplication(tx, {
          caseId: c.id,
          campaignId: i.campaignId,
          employeeId: i.employeeId,
          level: i.level,
          recommended: i.recommended,
          notes: i.notes,
        });
        await appendAudit(tx, {
          actor: { id: i.initiatorUserId, name: (await usernameOf(tx, i.initiatorUserId)) ?? 'api' },
          action: 'star.applied',
          entity: 'case',
          entityId: c.id,
          caseId: c.id,
          workflowId,
          after: { level: i.level, recommended: i.recommended, notes: i.notes },
          idempotencyKey: `apply:${workflowId}`,
        });
        return { applicationId: c.id, workflowId, data: { ...data, applicationId: c.id } };
      });
    },

    async updateStarApplication(p) {
      await patchStarApplication(ds, p);
    },

    async claimStarRecommendation({ campaignId, applicationId, level }) {
      // S-5: the campaign row is locked so concurrent approvals of different applications count one after another
      return ds.transaction(async (tx) => {
        const standing = await starRecommendationStanding(tx, { campaignId, level, applicationId, lock: true });
        const place = recommendationPlace(standing);
        if (place.ok && !standing.alreadyRecommended) await markStarRecommended(tx, applicationId);
        return place;
      });
    },

    async starCommitteeMembers({ unitId, excludeOwnTeam }) {
      const rows = await starCommitteeUsers(ds);
      const conflicted = excludeOwnTeam ? rows.filter((r) => r.unit_id === unitId).map((r) => r.id) : [];
      return {
        eligible: rows.map((r) => r.id).filter((id) => !conflicted.includes(id)),
        conflicted,
      };
    },

    async awardStar({ applicationId, workflowId, employeeId, level, ceremonyDate, bonus, year }) {
      await ds.transaction(async (tx) => {
        await changeStar(tx, {
          employeeId,
          toLevel: level,
          effectiveFrom: ceremonyDate,
          kind: 'award',
          reason: `${year} 年星级评定授予 ${level} 星`,
          rule: 'S-9',
          actor: 'system',
          ref: applicationId,
          key: `award:${applicationId}`,
        });
        if (bonus.amountFen > 0) {
          await postMoney(tx, {
            employeeId,
            month: bonus.month,
            caseId: applicationId,
            workflowId,
            source: 'star-award',
            reason: bonus.source,
            moneyFen: bonus.amountFen,
          });
        }
        await markStarAwarded(tx, applicationId, level);
      });
    },

    async starReviewHolders({ month }) {
      // S-9 / S-10: reviewed for the month when the star is effective by its last day
      const policy = await policyInEffect(ds);
      const lastDay = addDays(addMonths(`${month}-01`, 1), -1);
      return (await starHolders(ds))
        .filter((h) => isStarEffective({ ceremonyDate: h.since }, lastDay, policy))
        .map((h) => ({ employeeId: h.employeeId, level: h.level as StarLevel }));
    },

    async registerStarReview({ workflowId, nowIso, month: given }) {
      const { flow, policy: policyRow } = await publishedVersions(ds, 'star-review');
      if (!flow || !policyRow) throw new Error('no published star-review flow or policy in effect');
      const policy = PolicySchema.parse(policyRow.body);
      const month = given ?? addMonths(`${localMonth(nowIso, policy.calendar.timeZone)}-01`, -1).slice(0, 7);
      return ds.transaction(async (tx) => {
        const review = await upsertStarReview(tx, randomUUID(), month);
        const data = { reviewId: review.id, month };
        await registerCase(tx, {
          kind: 'star-review',
          businessKey: month,
          title: `${month} 星级月度考核`,
          workflowId,
          policyVersion: policyRow.version,
          flowVersion: flow.version,
          data,
        });
        const c = await starReviewCaseOfMonth(tx, month);
        if (c.workflow_id !== workflowId)
          return { skipped: `the ${month} star review already runs as ${c.workflow_id}`, month };
        await linkStarReviewCase(tx, review.id, c.id);
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
          kind: 'star-review',
          businessKey: month,
          initiatorUserId: null,
          policyVersion: c.policy_version,
          flowVersion: c.flow_version,
          flow: FlowDefinitionSchema.parse(flow.body),
          policy,
          calendar: workflowCalendar(policy),
          data,
        };
        return { input };
      });
    },

    async applyStarReview({ reviewId, caseId, workflowId, month, scores, policy: raw }) {
      const policy = PolicySchema.parse(raw ?? {});
      let payFen = 0;
      let changed = 0;
      await ds.transaction(async (tx) => {
        for (const s of scores) {
          const standingOfMonth = await starMonthStanding(tx, s.employeeId, month);
          const h = standingOfMonth.holder;
          if (!h && standingOfMonth.reviewedLevel === null) continue;
          const level = (standingOfMonth.reviewedLevel ?? h!.level) as StarLevel;
          // S-10: a liable complaint ruled this month is a one-vote veto too; S-12 the June factor of the year
          const liable = standingOfMonth.liableRulings;
          const veto = s.veto || liable > 0;
          const factor = h && h.payFactorYear === Number(month.slice(0, 4)) ? h.payFactorPercent : null;
          const {
            pay,
            payFen: fen,
            why,
          } = starMonthPay(
            {
              month,
              level,
              score: s.score,
              veto: s.veto,
              vetoReason: s.vetoReason ?? null,
              liableCases: standingOfMonth.liableCases,
              juneFactorPercent: factor,
            },
            policy,
            standingOfMonth.policyVersion,
          );
          const message = s.veto
            ? `${pay.message}${s.vetoReason ? `：${s.vetoReason}` : ''}`
            : liable > 0
              ? `${pay.message}（本月有责投诉 ${liable} 件）`
              : pay.message;
          await insertStarMonthly(tx, {
            employeeId: s.employeeId,
            month,
            level,
            score: s.score,
            veto,
            vetoReason: s.vetoReason ?? null,
            percent: pay.percent,
            outcome: pay.outcome,
            payFen: fen,
            message,
            reviewId,
            why,
          });
          if (fen > 0)
            await postMoney(tx, {
              employeeId: s.employeeId,
              month,
              caseId,
              workflowId,
              source: 'star-pay',
              reason: 'star-pay',
              moneyFen: fen,
            });
          payFen += fen;
          if (!h) continue;
          // S-11: three consecutive or six in the year below the line → lowered one level until the next campaign
          const history = await starMonthlyScoresSinceStar(tx, s.employeeId);
          const standing = starStanding(history, policy);
          if (standing.action === 'revoke-or-lower') {
            const to = lowerStarLevel(h.level as StarLevel);
            const ok = await changeStar(tx, {
              employeeId: s.employeeId,
              toLevel: to,
              effectiveFrom: `${month}-01`,
              kind: to === 0 ? 'revoked' : 'lowered',
              reason: standing.reason,
              rule: 'S-11',
              actor: 'system',
              ref: caseId,
              key: `standing:${s.employeeId}:${month}`,
            });
            if (ok) changed++;
          }
        }
        await closeStarReview(tx, reviewId);
      });
      return { rows: scores.length, payFen, changed };
    },
  };
}
