import type { StarCampaignView } from '@qf/contracts';
import type { Queryable } from '../core/queryable';
import { selectPage, Where } from '../core/list-page';

/** S-1, S-5: star campaigns — the campaign read model, its quotas and the S-5 recommendation count. */

/** the view without its Temporal link; counts as the database returns them (bigint text) */
export type StarCampaignRow = Omit<StarCampaignView, 'temporalUrl' | 'counts'> & {
  counts: Record<string, Record<string, unknown>>;
};

const CAMPAIGN_COLUMNS = `c.id, c.year, c.phase, c.starts, c.ceremony_date::text AS "ceremonyDate", c.awards_finish_by::text AS "awardsFinishBy", c.headcount, c.quotas,
  c.results_published AS "resultsPublished", c.case_id AS "caseId", cs.workflow_id AS "workflowId", c.created_at AS "createdAt",
  COALESCE((SELECT jsonb_object_agg(l::text, jsonb_build_object(
      'applied', (SELECT count(*) FROM star_applications a WHERE a.campaign_id = c.id AND a.level = l),
      'recommended', (SELECT count(*) FROM star_applications a WHERE a.campaign_id = c.id AND a.level = l AND a.lead_approved),
      'passed', (SELECT count(*) FROM star_applications a WHERE a.campaign_id = c.id AND a.passed_level = l),
      'approved', (SELECT count(*) FROM star_applications a WHERE a.campaign_id = c.id AND a.passed_level = l AND (a.committee->>'approved')::boolean),
      'awarded', (SELECT count(*) FROM star_applications a WHERE a.campaign_id = c.id AND a.awarded_level = l)))
    FROM generate_series(1, 3) l), '{}') AS counts`;
const CAMPAIGN_FROM = `FROM star_campaigns c LEFT JOIN cases cs ON cs.id = c.case_id`;

export function starCampaignPage(
  q: Queryable,
  page: { orderBy: string; limit: number; offset: number },
): Promise<{ rows: StarCampaignRow[]; total: number }> {
  return selectPage<StarCampaignRow>(q, {
    columns: CAMPAIGN_COLUMNS,
    from: CAMPAIGN_FROM,
    where: new Where(),
    tieBreaker: 'c.id',
    ...page,
  });
}

export async function findStarCampaign(q: Queryable, id: string): Promise<StarCampaignRow | undefined> {
  const [r] = await q.query(`SELECT ${CAMPAIGN_COLUMNS} ${CAMPAIGN_FROM} WHERE c.id = $1`, [id]);
  return r;
}

export async function starCampaignIdOfYear(q: Queryable, year: number): Promise<string | undefined> {
  const [r] = await q.query(`SELECT id FROM star_campaigns WHERE year = $1`, [year]);
  return r?.id;
}

/** the campaign's own read model, written once its case exists (the year is unique) */
export async function insertStarCampaign(
  q: Queryable,
  c: {
    id: string;
    year: number;
    starts: Record<string, string>;
    ceremonyDate: string;
    awardsFinishBy: string;
    caseId: string;
  },
): Promise<void> {
  await q.query(
    `INSERT INTO star_campaigns (id, year, starts, ceremony_date, awards_finish_by, case_id) VALUES ($1,$2,$3,$4,$5,$6) ON CONFLICT (year) DO NOTHING`,
    [c.id, c.year, JSON.stringify(c.starts), c.ceremonyDate, c.awardsFinishBy, c.caseId],
  );
}

/** the campaign an application goes to: the one named, or the earliest open for applications */
export async function starCampaignForApplication(
  q: Queryable,
  campaignId?: string | null,
): Promise<{ id: string; phase: string; year: number; workflowId: string } | undefined> {
  const cols = `c.id, c.phase, c.year, cs.workflow_id AS "workflowId" FROM star_campaigns c JOIN cases cs ON cs.id = c.case_id`;
  const [c] = campaignId
    ? await q.query(`SELECT ${cols} WHERE c.id = $1`, [campaignId])
    : await q.query(`SELECT ${cols} WHERE c.phase = 'application' ORDER BY c.year LIMIT 1`);
  return c;
}

/** S-7: the campaign's applications by employee code (the exam import's lookup) */
export async function starApplicationsByCode(
  q: Queryable,
  campaignId: string,
): Promise<Map<string, { caseId: string; workflowId: string }>> {
  const rows = await q.query(
    `SELECT e.code, a.case_id AS "caseId", cs.workflow_id AS "workflowId" FROM star_applications a JOIN employees e ON e.id = a.employee_id
     JOIN cases cs ON cs.id = a.case_id WHERE a.campaign_id = $1`,
    [campaignId],
  );
  return new Map(rows.map((a: { code: string; caseId: string; workflowId: string }) => [a.code, a]));
}

/** S-5: the hotline headcount, taken once at campaign start; a retry returns the stored snapshot */
export async function snapshotStarHeadcount(q: Queryable, campaignId: string, jobTypes: string[]): Promise<number> {
  const [r] = await q.query(
    `WITH u AS (UPDATE star_campaigns SET headcount = COALESCE(headcount, (SELECT count(*)::int FROM employees WHERE job_type = ANY($2::text[])))
     WHERE id = $1 RETURNING headcount) SELECT headcount FROM u`,
    [campaignId, jobTypes],
  );
  return r?.headcount ?? 0;
}

export async function saveStarCampaign(
  q: Queryable,
  c: { campaignId: string; quotas?: Record<string, number>; phase?: string; resultsPublished?: boolean },
): Promise<void> {
  await q.query(
    `UPDATE star_campaigns SET quotas = COALESCE($2, quotas), phase = COALESCE($3, phase), results_published = COALESCE($4, results_published) WHERE id = $1`,
    [c.campaignId, c.quotas ? JSON.stringify(c.quotas) : null, c.phase ?? null, c.resultsPublished ?? null],
  );
}

/**
 * S-5: the level's recommendation quota, the other applications of the campaign already recommended for it, and
 * whether this application is. `lock` takes the campaign row first, so concurrent claims count one after another
 * (inside a transaction). The decision is `recommendationPlace` of libs/domain.
 */
export async function starRecommendationStanding(
  q: Queryable,
  s: { campaignId: string; level: number; applicationId: string; lock?: boolean },
): Promise<{ quota: number; usedByOthers: number; alreadyRecommended: boolean }> {
  const [c] = await q.query(`SELECT quotas FROM star_campaigns WHERE id = $1${s.lock ? ' FOR UPDATE' : ''}`, [
    s.campaignId,
  ]);
  const [r] = await q.query(
    `SELECT count(*) FILTER (WHERE case_id <> $3)::int AS used, bool_or(case_id = $3) AS self
     FROM star_applications WHERE campaign_id = $1 AND level = $2 AND lead_approved`,
    [s.campaignId, s.level, s.applicationId],
  );
  return {
    quota: Number(c?.quotas?.[String(s.level)] ?? 0),
    usedByOthers: r?.used ?? 0,
    alreadyRecommended: !!r?.self,
  };
}

export async function markStarRecommended(q: Queryable, applicationId: string): Promise<void> {
  await q.query(`UPDATE star_applications SET lead_approved = true WHERE case_id = $1`, [applicationId]);
}
