import { DataSource } from 'typeorm';
import { CaseWorkflowInput, RuleNote, StarActivities, StarApplicationData } from '@qf/contracts';
import { FlowDefinitionSchema, PolicySchema } from '@qf/policy';
import {
  appendAudit,
  bookLedgerEntries,
  changeStar,
  linkStarReviewCase,
  markStarRecommended,
  publishedVersions,
  registerCase,
  saveStarCampaign,
  snapshotStarHeadcount,
  starRecommendationStanding,
} from '@qf/persistence';
import {
  addMonths,
  checkEligibility,
  localMonth,
  lowerStarLevel,
  monthlyStarPay,
  recommendationPlace,
  StarLevel,
  starMonthPayFen,
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
      const [e] = await ds.query(
        `SELECT id, name, unit_id, hire_date::text AS hire_date, employment_type, job_type FROM employees WHERE id = $1`,
        [employeeId],
      );
      if (!e)
        return {
          existingApplicationId: null,
          existingLevel: null,
          ok: false,
          violations: [{ rule: 'S-2', message: 'unknown employee' }],
          notes: [],
          unitId: '',
          employeeName: '',
        };
      const [existing] = await ds.query(
        `SELECT case_id, level FROM star_applications WHERE campaign_id = $1 AND employee_id = $2`,
        [campaignId, employeeId],
      );
      const [holder] = await ds.query(`SELECT level, since::text AS since FROM star_holders WHERE employee_id = $1`, [
        employeeId,
      ]);
      const [demotion] = await ds.query(
        `SELECT max(effective_from)::text AS at FROM star_history WHERE employee_id = $1 AND kind IN ('lowered','revoked','demoted')`,
        [employeeId],
      );
      const awards = await ds.query(`SELECT kind, year FROM employee_awards WHERE employee_id = $1`, [employeeId]);
      const [june] = await ds.query(`SELECT rank FROM star_june_exams WHERE employee_id = $1 AND year = $2`, [
        employeeId,
        year,
      ]);
      const toDate = (d: unknown) => (d ? String(d).slice(0, 10) : null);
      const result = checkEligibility(
        {
          employmentType: e.employment_type,
          jobType: e.job_type,
          hotlineSince: toDate(e.hire_date) ?? asOf,
          teamLeadRecommended: recommended,
          currentStars: (holder?.level ?? 0) as 0 | StarLevel,
          currentStarSince: toDate(holder?.since),
          lastDemotionAt: demotion?.at ?? null,
          awards,
          juneExamRank: june?.rank ?? null,
        },
        level,
        asOf,
        policy,
      );
      const violations: RuleNote[] = result.violations;
      return {
        existingApplicationId: existing?.case_id ?? null,
        existingLevel: existing?.level ?? null,
        ok: violations.length === 0,
        violations,
        notes: result.notes,
        unitId: e.unit_id,
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
        const [c] = await tx.query(`SELECT id FROM cases WHERE workflow_id = $1`, [workflowId]);
        await tx.query(
          `INSERT INTO star_applications (case_id, campaign_id, employee_id, level, recommended, eligibility_notes) VALUES ($1,$2,$3,$4,$5,$6)
           ON CONFLICT DO NOTHING`,
          [c.id, i.campaignId, i.employeeId, i.level, i.recommended, JSON.stringify(i.notes)],
        );
        const [actor] = await tx.query(`SELECT username FROM users WHERE id = $1`, [i.initiatorUserId]);
        await appendAudit(tx, {
          actor: { id: i.initiatorUserId, name: actor?.username ?? 'api' },
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
      const sets: string[] = [];
      const params: unknown[] = [p.applicationId];
      const set = (col: string, v: unknown, json = false) => {
        if (v === undefined) return;
        params.push(json && v !== null ? JSON.stringify(v) : v);
        sets.push(`${col} = $${params.length}`);
      };
      set('status', p.status);
      set('lead_approved', p.leadApproved);
      set('lead_reason', p.leadReason);
      set('exam_scores', p.examScores, true);
      set('exam_result', p.examResult, true);
      set('passed_level', p.passedLevel);
      set('committee', p.committee, true);
      set('awarded_level', p.awardedLevel);
      set('explanation', p.explanation);
      if (sets.length) await ds.query(`UPDATE star_applications SET ${sets.join(', ')} WHERE case_id = $1`, params);
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
      const rows = await ds.query(
        `SELECT u.id, e.unit_id FROM users u LEFT JOIN employees e ON e.id = u.employee_id
         WHERE u.active AND 'committee' = ANY(u.roles) ORDER BY u.username`,
      );
      const conflicted = excludeOwnTeam
        ? rows.filter((r: { unit_id: string }) => r.unit_id === unitId).map((r: { id: string }) => r.id)
        : [];
      return {
        eligible: rows.map((r: { id: string }) => r.id).filter((id: string) => !conflicted.includes(id)),
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
        await tx.query(`UPDATE star_applications SET status = 'awarded', awarded_level = $2 WHERE case_id = $1`, [
          applicationId,
          level,
        ]);
      });
    },

    async starReviewHolders({ month }) {
      const rows = await ds.query(
        `SELECT employee_id, level FROM star_holders WHERE to_char(since, 'YYYY-MM') <= $1 ORDER BY employee_id`,
        [month],
      );
      return rows.map((r: { employee_id: string; level: number }) => ({
        employeeId: r.employee_id,
        level: r.level as StarLevel,
      }));
    },

    async registerStarReview({ workflowId, nowIso, month: given }) {
      const { flow, policy: policyRow } = await publishedVersions(ds, 'star-review');
      if (!flow || !policyRow) throw new Error('no published star-review flow or policy in effect');
      const policy = PolicySchema.parse(policyRow.body);
      const month = given ?? addMonths(`${localMonth(nowIso, policy.calendar.timeZone)}-01`, -1).slice(0, 7);
      return ds.transaction(async (tx) => {
        const [review] = await tx.query(
          `INSERT INTO star_reviews (id, month) VALUES (gen_random_uuid(), $1) ON CONFLICT (month) DO UPDATE SET month = EXCLUDED.month RETURNING id`,
          [month],
        );
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
        const [c] = await tx.query(
          `SELECT id, workflow_id, policy_version, flow_version FROM cases WHERE kind = 'star-review' AND business_key = $1`,
          [month],
        );
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
          calendar: {
            ...policy.calendar,
            holidays: [...policy.calendar.holidays],
            workingWeekdays: [...policy.calendar.workingWeekdays],
            extraWorkingDays: [...(policy.calendar.extraWorkingDays ?? [])],
          },
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
          const [h] = await tx.query(
            `SELECT level, pay_factor_percent, pay_factor_year FROM star_holders WHERE employee_id = $1`,
            [s.employeeId],
          );
          const [done] = await tx.query(`SELECT level FROM star_monthly WHERE employee_id = $1 AND month = $2`, [
            s.employeeId,
            month,
          ]);
          if (!h && !done) continue;
          const level = (done?.level ?? h.level) as StarLevel;
          // S-10: a liable complaint ruled this month is a one-vote veto too
          const [{ liable }] = await tx.query(
            `SELECT count(*)::int AS liable FROM ledger_entries WHERE employee_id = $1 AND month = $2 AND reason = 'ruling'`,
            [s.employeeId, month],
          );
          const veto = s.veto || liable > 0;
          const pay = monthlyStarPay(s.score, veto, policy);
          const factor = h && h.pay_factor_year === Number(month.slice(0, 4)) ? h.pay_factor_percent : null;
          const fen = starMonthPayFen(level, pay, month, factor, policy);
          const message = s.veto
            ? `${pay.message}${s.vetoReason ? `：${s.vetoReason}` : ''}`
            : liable > 0
              ? `${pay.message}（本月有责投诉 ${liable} 件）`
              : pay.message;
          await tx.query(
            `INSERT INTO star_monthly (employee_id, month, level, score, veto, veto_reason, percent, outcome, pay_fen, message, review_id)
             VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11) ON CONFLICT (employee_id, month) DO NOTHING`,
            [
              s.employeeId,
              month,
              level,
              s.score,
              veto,
              s.vetoReason ?? null,
              pay.percent,
              pay.outcome,
              fen,
              message,
              reviewId,
            ],
          );
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
          const history = await tx.query(
            `SELECT month, score::float AS score FROM star_monthly WHERE employee_id = $1 AND month >= to_char((SELECT since FROM star_holders WHERE employee_id = $1), 'YYYY-MM')
             ORDER BY month`,
            [s.employeeId],
          );
          const standing = starStanding(history, policy);
          if (standing.action === 'revoke-or-lower') {
            const to = lowerStarLevel(h.level);
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
        await tx.query(`UPDATE star_reviews SET status = 'closed' WHERE id = $1`, [reviewId]);
      });
      return { rows: scores.length, payFen, changed };
    },
  };
}
