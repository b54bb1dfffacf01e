import type { RuleNote, StarApplicationView } from '@qf/contracts';
import type { Queryable } from '../core/queryable';
import { selectPage, Where } from '../core/list-page';
import { ScopeUser, taskIsMine } from '../cases/scope';

/** S-2…S-9: star applications — the read model a viewer sees, their open tasks, the committee's ballots. */

/** the view's plain columns and the raw ones the view is made of (libs/contracts StarApplicationView) */
export type StarApplicationRow = Pick<
  StarApplicationView,
  | 'id'
  | 'caseId'
  | 'campaignId'
  | 'year'
  | 'employeeId'
  | 'employeeCode'
  | 'employeeName'
  | 'unitName'
  | 'level'
  | 'recommended'
  | 'status'
  | 'leadReason'
  | 'explanation'
  | 'stage'
  | 'workflowId'
  | 'createdAt'
> & {
  eligibilityNotes: RuleNote[] | null;
  examScores: Record<string, number> | null;
  examResult: { nextExam?: 1 | 2 | 3 | null; explanation?: string } | null;
  passedLevel: 1 | 2 | 3 | null;
  committeeResult: { approved?: boolean; explanation?: string } | null;
  awardedLevel: 1 | 2 | 3 | null;
  resultsPublished: boolean;
  phase: string;
  members: number;
  votesCast: number;
  approvals: number;
  myVote: 'approve' | 'reject' | null;
  canVote: boolean;
  hireDate: string | null;
  jobType: string | null;
  currentLevel: 0 | 1 | 2 | 3 | null;
  currentSince: string | null;
  quotaPlaces: number | null;
  quotaUsed: number | null;
};

/** the columns, with the viewer's user id as `viewer` (their vote) */
const APPLICATION_COLUMNS = `a.case_id AS id, a.case_id AS "caseId", a.campaign_id AS "campaignId", sc.year, a.employee_id AS "employeeId", e.code AS "employeeCode",
  e.name AS "employeeName", u.name AS "unitName", a.level, a.recommended, a.status, a.eligibility_notes AS "eligibilityNotes",
  a.lead_reason AS "leadReason", a.exam_scores AS "examScores", a.exam_result AS "examResult", a.passed_level AS "passedLevel",
  a.committee AS "committeeResult", a.awarded_level AS "awardedLevel", a.explanation, cs.stage, cs.workflow_id AS "workflowId",
  a.created_at AS "createdAt", sc.results_published AS "resultsPublished", sc.phase,
  (SELECT count(*)::int FROM tasks t WHERE t.case_id = a.case_id AND t.stage = 'committee') AS members,
  (SELECT count(*)::int FROM tasks t WHERE t.case_id = a.case_id AND t.stage = 'committee' AND t.decision IS NOT NULL) AS "votesCast",
  (SELECT count(*)::int FROM tasks t WHERE t.case_id = a.case_id AND t.stage = 'committee' AND t.decision = 'approve') AS approvals,
  (SELECT t.decision FROM tasks t WHERE t.case_id = a.case_id AND t.stage = 'committee' AND t.assignee_user_id = viewer.id LIMIT 1) AS "myVote",
  EXISTS (SELECT 1 FROM tasks t WHERE t.case_id = a.case_id AND t.stage = 'committee' AND t.status = 'open' AND t.assignee_user_id = viewer.id) AS "canVote",
  e.hire_date::text AS "hireDate", e.job_type AS "jobType",
  (SELECT h.level FROM star_holders h WHERE h.employee_id = a.employee_id) AS "currentLevel",
  (SELECT h.since::text FROM star_holders h WHERE h.employee_id = a.employee_id) AS "currentSince",
  (sc.quotas->>(a.level::text))::int AS "quotaPlaces",
  (SELECT count(*)::int FROM star_applications q WHERE q.campaign_id = a.campaign_id AND q.level = a.level AND q.lead_approved) AS "quotaUsed"`;
const applicationFrom = (viewerParam: string) =>
  `FROM star_applications a JOIN star_campaigns sc ON sc.id = a.campaign_id JOIN employees e ON e.id = a.employee_id
   JOIN org_units u ON u.id = e.unit_id JOIN cases cs ON cs.id = a.case_id CROSS JOIN (SELECT ${viewerParam}::uuid AS id) viewer`;

export interface StarApplicationFilter {
  /** only this employee's applications (an agent sees their own) */
  employeeOnly?: string | null;
  campaignId?: unknown;
  status?: unknown;
  level?: unknown;
  employeeId?: unknown;
  /** only applications under the committee's vote */
  voting?: boolean;
  id?: unknown;
}

export function starApplicationPage(
  q: Queryable,
  viewerUserId: string,
  f: StarApplicationFilter,
  page: { orderBy: string; limit: number; offset: number },
): Promise<{ rows: StarApplicationRow[]; total: number }> {
  const where = new Where();
  const viewer = where.param(viewerUserId);
  if (f.employeeOnly !== undefined)
    where.and(`a.employee_id = ${where.param(f.employeeOnly ?? '00000000-0000-0000-0000-000000000000')}`);
  where
    .eq('a.campaign_id::text', f.campaignId)
    .eq('a.status', f.status)
    .eq('a.level', f.level)
    .eq('a.employee_id::text', f.employeeId)
    .and(f.voting ? `a.status = 'committee'` : null)
    .anyOf('a.case_id', f.id);
  return selectPage<StarApplicationRow>(q, {
    columns: APPLICATION_COLUMNS,
    from: applicationFrom(viewer),
    where,
    tieBreaker: 'a.case_id',
    ...page,
  });
}

export async function findStarApplication(
  q: Queryable,
  id: string,
  viewerUserId: string,
): Promise<StarApplicationRow | undefined> {
  const [r] = await q.query(`SELECT ${APPLICATION_COLUMNS} ${applicationFrom('$2')} WHERE a.case_id = $1`, [
    id,
    viewerUserId,
  ]);
  return r;
}

/** S-6: the open team-lead review task, the viewer's own first, and whether the viewer may act on it */
export async function openLeadReviewTask(
  q: Queryable,
  applicationId: string,
  user: ScopeUser,
): Promise<{ id: string; mine: boolean } | null> {
  const w = new Where();
  const [app, me] = [w.param(applicationId), w.param(user.id)];
  const mine = taskIsMine(user, w);
  const [t] = await q.query(
    `SELECT t.id, (${mine}) AS mine FROM tasks t WHERE t.case_id = ${app} AND t.stage = 'lead-review' AND t.status = 'open'
     ORDER BY (t.assignee_user_id = ${me}) DESC NULLS LAST LIMIT 1`,
    w.params,
  );
  return t ? { id: t.id, mine: !!t.mine } : null;
}

/** S-8: what a vote needs — the application's status, the candidate's team, the members excluded for a conflict */
export async function starVoteTarget(
  q: Queryable,
  applicationId: string,
): Promise<{ status: string; unitId: string; conflicted: string[] | null } | undefined> {
  const [r] = await q.query(
    `SELECT a.status, e.unit_id AS "unitId", cs.data->'committee'->'conflicted' AS conflicted FROM star_applications a JOIN employees e ON e.id = a.employee_id
     JOIN cases cs ON cs.id = a.case_id WHERE a.case_id = $1`,
    [applicationId],
  );
  return r;
}

/** S-8: the member's open committee task on a case */
export async function openCommitteeTask(q: Queryable, caseId: string, userId: string): Promise<string | null> {
  const [t] = await q.query(
    `SELECT id FROM tasks WHERE case_id = $1 AND stage = 'committee' AND status = 'open' AND assignee_user_id = $2`,
    [caseId, userId],
  );
  return t?.id ?? null;
}

export interface BallotRow {
  userId: string;
  voter: string | null;
  vote: string | null;
  at: string | null;
  status: string;
}

/** S-8, E-6: the committee's ballots of the last round on a star application or repair-star case; undefined when no such case */
export async function committeeBallots(q: Queryable, caseId: string): Promise<BallotRow[] | undefined> {
  const [c] = await q.query(`SELECT id FROM cases WHERE id = $1 AND kind IN ('star-application', 'repair-star')`, [
    caseId,
  ]);
  if (!c) return undefined;
  return q.query(
    `SELECT t.assignee_user_id AS "userId", COALESCE(e.name || '（' || e.code || '）', u.display_name, u.username) AS voter,
            t.decision AS vote, t.decided_at AS at, t.status
     FROM tasks t LEFT JOIN users u ON u.id = t.assignee_user_id LEFT JOIN employees e ON e.id = u.employee_id
     WHERE t.case_id = $1 AND t.stage = 'committee' AND t.round = (SELECT max(round) FROM tasks WHERE case_id = $1 AND stage = 'committee')
     ORDER BY e.code NULLS LAST, u.username`,
    [caseId],
  );
}

/** E-6: a repair-star case with its nominee's name, code and team */
export async function findRepairStarCase(
  q: Queryable,
  caseId: string,
): Promise<
  | {
      id: string;
      status: string;
      outcome: string | null;
      data: Record<string, any> | null;
      name: string | null;
      code: string | null;
      teamName: string | null;
    }
  | undefined
> {
  const [c] = await q.query(
    `SELECT c.id, c.status, c.outcome, c.data, e.name, e.code, u.name AS "teamName"
     FROM cases c LEFT JOIN employees e ON e.id::text = c.data->>'repairerId' LEFT JOIN org_units u ON u.id = e.unit_id
     WHERE c.id = $1 AND c.kind = 'repair-star'`,
    [caseId],
  );
  return c;
}
