import type { StarReviewRow, StarReviewView } from '@qf/contracts';
import type { Queryable } from '../core/queryable';
import { selectPage, Where } from '../core/list-page';

/** S-10: the monthly star reviews. */

export type StarReviewHeadRow = Omit<StarReviewView, 'rows' | 'caseId' | 'workflowId'> & {
  caseId: string | null;
  workflowId: string | null;
};

export type StarReviewScoreRow = StarReviewRow;

const REVIEW_COLUMNS = `r.id, r.month, r.status, r.case_id AS "caseId", c.due_at AS "dueAt", c.stage, c.workflow_id AS "workflowId"`;
const REVIEW_FROM = `FROM star_reviews r LEFT JOIN cases c ON c.id = r.case_id`;

/** the month's review row (one per month); `created` when this call inserted it */
export async function upsertStarReview(
  q: Queryable,
  id: string,
  month: string,
): Promise<{ id: string; created: boolean }> {
  const [row] = await q.query(
    `INSERT INTO star_reviews (id, month) VALUES ($1, $2) ON CONFLICT (month) DO UPDATE SET month = EXCLUDED.month RETURNING id, (xmax = 0) AS created`,
    [id, month],
  );
  return row;
}

export async function linkStarReviewCase(q: Queryable, reviewId: string, caseId: string): Promise<void> {
  await q.query(`UPDATE star_reviews SET case_id = $2 WHERE id = $1 AND case_id IS NULL`, [reviewId, caseId]);
}

export function starReviewPage(
  q: Queryable,
  page: { orderBy: string; limit: number; offset: number },
): Promise<{ rows: StarReviewHeadRow[]; total: number }> {
  return selectPage<StarReviewHeadRow>(q, {
    columns: REVIEW_COLUMNS,
    from: REVIEW_FROM,
    where: new Where(),
    tieBreaker: 'r.id',
    ...page,
  });
}

export async function findStarReview(q: Queryable, id: string): Promise<StarReviewHeadRow | undefined> {
  const [r] = await q.query(`SELECT ${REVIEW_COLUMNS} ${REVIEW_FROM} WHERE r.id = $1`, [id]);
  return r;
}

/** the month's scored rows, and while the review is open every holder since before the month */
export function starReviewScores(q: Queryable, month: string, status: string): Promise<StarReviewScoreRow[]> {
  return q.query(
    `SELECT e.id AS "employeeId", e.code AS "employeeCode", e.name AS "employeeName", COALESCE(m.level, h.level) AS level, m.score::float AS score,
            COALESCE(m.veto, false) AS veto, m.percent::float AS percent, m.outcome, m.pay_fen::int AS "payFen", m.message, m.why
     FROM employees e LEFT JOIN star_holders h ON h.employee_id = e.id LEFT JOIN star_monthly m ON m.employee_id = e.id AND m.month = $1
     WHERE (m.employee_id IS NOT NULL) OR ($2 = 'open' AND h.employee_id IS NOT NULL AND to_char(h.since, 'YYYY-MM') <= $1) ORDER BY e.code`,
    [month, status],
  );
}

/** S-10: the review's open scores task (the newest) */
export async function openStarScoresTask(q: Queryable, caseId: string | null): Promise<string | null> {
  const [t] = await q.query(
    `SELECT id FROM tasks WHERE case_id = $1 AND stage = 'scores' AND status = 'open' ORDER BY created_at DESC LIMIT 1`,
    [caseId],
  );
  return t?.id ?? null;
}
