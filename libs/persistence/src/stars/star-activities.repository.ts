import type { StarApplicationPatch } from '@qf/contracts';
import type { Queryable } from '../core/queryable';

/** The SQL of the star workflows' activities (activities/src/star-activities.ts): eligibility facts, rows, the monthly review. */

const toDate = (d: unknown) => (d ? String(d).slice(0, 10) : null);

/** S-2…S-4: what eligibility is decided on, and the employee's application to the campaign if any; undefined: no such employee */
export async function starEligibilityFacts(
  q: Queryable,
  f: { campaignId: string; year: number; employeeId: string },
): Promise<
  | {
      employee: { name: string; unitId: string; hireDate: string | null; employmentType: string; jobType: string };
      existing: { caseId: string; level: number } | null;
      holder: { level: number; since: string | null } | null;
      lastDemotionAt: string | null;
      awards: { kind: string; year: number }[];
      juneExamRank: number | null;
    }
  | undefined
> {
  const [e] = await q.query(
    `SELECT id, name, unit_id, hire_date::text AS hire_date, employment_type, job_type FROM employees WHERE id = $1`,
    [f.employeeId],
  );
  if (!e) return undefined;
  const [existing] = await q.query(
    `SELECT case_id, level FROM star_applications WHERE campaign_id = $1 AND employee_id = $2`,
    [f.campaignId, f.employeeId],
  );
  const [holder] = await q.query(`SELECT level, since::text AS since FROM star_holders WHERE employee_id = $1`, [
    f.employeeId,
  ]);
  const [demotion] = await q.query(
    `SELECT max(effective_from)::text AS at FROM star_history WHERE employee_id = $1 AND kind IN ('lowered','revoked','demoted')`,
    [f.employeeId],
  );
  const awards = await q.query(`SELECT kind, year FROM employee_awards WHERE employee_id = $1`, [f.employeeId]);
  const [june] = await q.query(`SELECT rank FROM star_june_exams WHERE employee_id = $1 AND year = $2`, [
    f.employeeId,
    f.year,
  ]);
  return {
    employee: {
      name: e.name,
      unitId: e.unit_id,
      hireDate: toDate(e.hire_date),
      employmentType: e.employment_type,
      jobType: e.job_type,
    },
    existing: existing ? { caseId: existing.case_id, level: existing.level } : null,
    holder: holder ? { level: holder.level, since: toDate(holder.since) } : null,
    lastDemotionAt: demotion?.at ?? null,
    awards,
    juneExamRank: june?.rank ?? null,
  };
}

/** the case id of a workflow's case */
export async function caseIdOfWorkflow(q: Queryable, workflowId: string): Promise<string> {
  const [c] = await q.query(`SELECT id FROM cases WHERE workflow_id = $1`, [workflowId]);
  return c.id;
}

/** the application's own row (once per case) */
export async function insertStarApplication(
  q: Queryable,
  a: { caseId: string; campaignId: string; employeeId: string; level: number; recommended: boolean; notes: unknown },
): Promise<void> {
  await q.query(
    `INSERT INTO star_applications (case_id, campaign_id, employee_id, level, recommended, eligibility_notes) VALUES ($1,$2,$3,$4,$5,$6)
     ON CONFLICT DO NOTHING`,
    [a.caseId, a.campaignId, a.employeeId, a.level, a.recommended, JSON.stringify(a.notes)],
  );
}

/** writes the fields the patch names (undefined: left alone) */
export async function patchStarApplication(q: Queryable, p: StarApplicationPatch): Promise<void> {
  const columns: [string, unknown, boolean?][] = [
    ['status', p.status],
    ['lead_approved', p.leadApproved],
    ['lead_reason', p.leadReason],
    ['exam_scores', p.examScores, true],
    ['exam_result', p.examResult, true],
    ['passed_level', p.passedLevel],
    ['committee', p.committee, true],
    ['awarded_level', p.awardedLevel],
    ['explanation', p.explanation],
  ];
  const params: unknown[] = [p.applicationId];
  const sets: string[] = [];
  for (const [col, v, json] of columns) {
    if (v === undefined) continue;
    params.push(json && v !== null ? JSON.stringify(v) : v);
    sets.push(`${col} = $${params.length}`);
  }
  if (sets.length) await q.query(`UPDATE star_applications SET ${sets.join(', ')} WHERE case_id = $1`, params);
}

/** S-8: the active committee members with their team */
export function starCommitteeUsers(q: Queryable): Promise<{ id: string; unit_id: string | null }[]> {
  return q.query(
    `SELECT u.id, e.unit_id FROM users u LEFT JOIN employees e ON e.id = u.employee_id
     WHERE u.active AND 'committee' = ANY(u.roles) ORDER BY u.username`,
  );
}

/** S-9 */
export async function markStarAwarded(q: Queryable, applicationId: string, level: number): Promise<void> {
  await q.query(`UPDATE star_applications SET status = 'awarded', awarded_level = $2 WHERE case_id = $1`, [
    applicationId,
    level,
  ]);
}

/** S-10: the star holders, with the date their star is effective from (S-9: which month they are reviewed is the domain's) */
export async function starHolders(q: Queryable): Promise<{ employeeId: string; level: number; since: string }[]> {
  const rows = await q.query(`SELECT employee_id, level, since::text AS since FROM star_holders ORDER BY employee_id`);
  return rows.map((r: { employee_id: string; level: number; since: string }) => ({
    employeeId: r.employee_id,
    level: r.level,
    since: r.since,
  }));
}

/** the month's star-review case */
export async function starReviewCaseOfMonth(
  q: Queryable,
  month: string,
): Promise<{ id: string; workflow_id: string; policy_version: number; flow_version: number }> {
  const [c] = await q.query(
    `SELECT id, workflow_id, policy_version, flow_version FROM cases WHERE kind = 'star-review' AND business_key = $1`,
    [month],
  );
  return c;
}

/** S-10: a holder's star and pay factor, and the level already reviewed for the month (if it was) */
export async function starMonthStanding(
  q: Queryable,
  employeeId: string,
  month: string,
): Promise<{
  holder: { level: number; payFactorPercent: number | null; payFactorYear: number | null } | null;
  reviewedLevel: number | null;
  liableRulings: number;
  /** S-10: the liable complaint rulings of the month by their human number (the work order's, else the case title) */
  liableCases: string[];
  /** the policy version the review's case pinned */
  policyVersion: number | null;
}> {
  const [h] = await q.query(
    `SELECT level, pay_factor_percent, pay_factor_year FROM star_holders WHERE employee_id = $1`,
    [employeeId],
  );
  const [done] = await q.query(`SELECT level FROM star_monthly WHERE employee_id = $1 AND month = $2`, [
    employeeId,
    month,
  ]);
  const liable: { label: string | null }[] = await q.query(
    `SELECT COALESCE(c.data->'complaint'->>'workOrderNo', c.title) AS label
     FROM ledger_entries l LEFT JOIN cases c ON c.id = l.case_id
     WHERE l.employee_id = $1 AND l.month = $2 AND l.reason = 'ruling' ORDER BY label`,
    [employeeId, month],
  );
  const [pv] = await q.query(
    `SELECT c.policy_version AS v FROM star_reviews r JOIN cases c ON c.id = r.case_id WHERE r.month = $1`,
    [month],
  );
  return {
    holder: h ? { level: h.level, payFactorPercent: h.pay_factor_percent, payFactorYear: h.pay_factor_year } : null,
    reviewedLevel: done?.level ?? null,
    liableRulings: liable.length,
    liableCases: liable.map((l) => l.label ?? '—'),
    policyVersion: pv?.v ?? null,
  };
}

/** S-10: the month's result of one holder (written once) */
export async function insertStarMonthly(
  q: Queryable,
  m: {
    employeeId: string;
    month: string;
    level: number;
    score: number;
    veto: boolean;
    vetoReason: string | null;
    percent: number;
    outcome: string;
    payFen: number;
    message: string;
    reviewId: string;
    /** S-10 / S-12: rules, policy version and counted facts (libs/domain `starMonthPay`) */
    why: unknown;
  },
): Promise<void> {
  await q.query(
    `INSERT INTO star_monthly (employee_id, month, level, score, veto, veto_reason, percent, outcome, pay_fen, message, review_id, why)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12) ON CONFLICT (employee_id, month) DO NOTHING`,
    [
      m.employeeId,
      m.month,
      m.level,
      m.score,
      m.veto,
      m.vetoReason,
      m.percent,
      m.outcome,
      m.payFen,
      m.message,
      m.reviewId,
      JSON.stringify(m.why),
    ],
  );
}

/** S-11: a holder's monthly scores since their star */
export function starMonthlyScoresSinceStar(
  q: Queryable,
  employeeId: string,
): Promise<{ month: string; score: number }[]> {
  return q.query(
    `SELECT month, score::float AS score FROM star_monthly WHERE employee_id = $1 AND month >= to_char((SELECT since FROM star_holders WHERE employee_id = $1), 'YYYY-MM')
     ORDER BY month`,
    [employeeId],
  );
}

export async function closeStarReview(q: Queryable, reviewId: string): Promise<void> {
  await q.query(`UPDATE star_reviews SET status = 'closed' WHERE id = $1`, [reviewId]);
}

/** a user's login name (the audit's actor), or null */
export async function usernameOf(q: Queryable, userId: string): Promise<string | null> {
  const [u] = await q.query(`SELECT username FROM users WHERE id = $1`, [userId]);
  return u?.username ?? null;
}
