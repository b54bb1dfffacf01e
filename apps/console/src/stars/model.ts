import {
  STAR_PHASES,
  type StarApplicationStatus,
  type StarApplicationView,
  type StarCampaignView,
  type StarHistoryView,
  type StarPhase,
} from '@qf/contracts/stars';
import { API_URL, httpClient } from '../dataProvider';

/** S-1…S-12 star-rated agents. Views and the HTTP contract: `libs/contracts/src/stars.ts`. */

export const LEVELS = [1, 2, 3] as const;
export type Level = (typeof LEVELS)[number];

export const APPLICATION_STATUSES: readonly StarApplicationStatus[] = [
  'lead-review',
  'lead-rejected',
  'quota-refused',
  'exam',
  'exam-failed',
  'committee',
  'awaiting-award',
  'awarded',
  'not-awarded',
  'withdrawn',
];

export const HISTORY_KINDS: readonly StarHistoryView['kind'][] = ['award', 'lowered', 'revoked', 'demoted'];
export const DEMOTE_GROUNDS = ['not-at-level', 'unqualified'] as const;
export type DemoteGround = (typeof DEMOTE_GROUNDS)[number];

/** Choice lists; names are translation keys (react-admin translates choices). */
export const levelChoices = LEVELS.map((id) => ({ id, name: `qf.star.level_choice.${id}` }));
export const phaseChoices = STAR_PHASES.map((id) => ({ id, name: `qf.star.phase.${id}` }));
export const applicationStatusChoices = APPLICATION_STATUSES.map((id) => ({ id, name: `qf.star.status.${id}` }));
export const historyKindChoices = HISTORY_KINDS.map((id) => ({ id, name: `qf.star.history_kind.${id}` }));
export const reviewStatusChoices = (['open', 'closed'] as const).map((id) => ({
  id,
  name: `qf.star.review.status.${id}`,
}));

export const STATUS_COLOR: Record<
  StarApplicationStatus,
  'default' | 'info' | 'warning' | 'secondary' | 'success' | 'error'
> = {
  'lead-review': 'warning',
  'lead-rejected': 'error',
  'quota-refused': 'error',
  exam: 'info',
  'exam-failed': 'error',
  committee: 'secondary',
  'awaiting-award': 'info',
  awarded: 'success',
  'not-awarded': 'default',
  withdrawn: 'default',
};

/** Statuses in which the workflow still moves the application on its own (the show page polls). */
export const MOVING_STATUSES: readonly StarApplicationStatus[] = ['lead-review', 'exam', 'committee', 'awaiting-award'];

export const phaseIndex = (phase: StarPhase | string | null | undefined): number =>
  STAR_PHASES.indexOf((phase ?? 'application') as StarPhase);

export const nextPhase = (phase: StarPhase): StarPhase | null => {
  const i = phaseIndex(phase);
  return i >= 0 && i < STAR_PHASES.length - 1 ? STAR_PHASES[i + 1] : null;
};

/** Start date of each phase; the closing one is the S-1 deadline. */
export const phaseDate = (c: Pick<StarCampaignView, 'starts' | 'awardsFinishBy'>, phase: StarPhase): string | null =>
  phase === 'closed' ? (c.awardsFinishBy ?? null) : (c.starts?.[phase] ?? null);

/** ★★☆ for a level (0 = none). */
export const stars = (level: number | null | undefined): string => {
  const n = typeof level === 'number' && Number.isFinite(level) ? Math.max(0, Math.min(3, Math.round(level))) : 0;
  return n === 0 ? '—' : '★'.repeat(n);
};

/** Exam level the committee votes on: the level passed (S-7 cascade), else the level applied for. */
export const votedLevel = (a: Pick<StarApplicationView, 'exam' | 'level'>): Level =>
  (a.exam?.passedLevel ?? a.level) as Level;

export const examScore = (a: Pick<StarApplicationView, 'exam' | 'level'>): number | null => {
  const score = a.exam?.scores?.[String(votedLevel(a)) as '1' | '2' | '3'];
  return typeof score === 'number' ? score : null;
};

export const num = (v: unknown): number | '—' => (typeof v === 'number' && Number.isFinite(v) ? v : '—');

export const caseUrl = (caseId: string) => `/cases/${encodeURIComponent(caseId)}/show`;
export const applicationUrl = (id: string) => `/star-applications/${encodeURIComponent(id)}/show`;
export const listUrl = (resource: string, filter: Record<string, unknown>) =>
  `/${resource}?filter=${encodeURIComponent(JSON.stringify(filter))}`;

// S-10: the team scores last month by the 5th
export { previousMonth } from '../components/format';

// --- custom endpoints (not CRUD, so not through the data provider's create/update) ---

/** `POST /api/<path>` with a JSON body; resolves with the answer's JSON. */
export const postStar = async <T>(path: string, body?: unknown): Promise<T> => {
  const { json } = await httpClient(`${API_URL}/${path}`, {
    method: 'POST',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return json as T;
};

const id = (v: string) => encodeURIComponent(v);
export const starApi = {
  advance: (campaignId: string) => postStar<StarCampaignView>(`star-campaigns/${id(campaignId)}/advance`),
  review: (applicationId: string, decision: 'approve' | 'reject', reason?: string) =>
    postStar<StarApplicationView>(`star-applications/${id(applicationId)}/review`, {
      decision,
      ...(reason ? { reason } : {}),
    }),
  exam: (applicationId: string, level: Level, score: number) =>
    postStar<StarApplicationView>(`star-applications/${id(applicationId)}/exam`, { level, score }),
  vote: (applicationId: string, approve: boolean) =>
    postStar<StarApplicationView>(`star-applications/${id(applicationId)}/vote`, { approve }),
  demote: (employeeId: string, body: { ground: DemoteGround; reason: string; toLevel: 0 | 1 | 2 }) =>
    postStar<unknown>(`star-holders/${id(employeeId)}/demote`, body),
  scores: (reviewId: string, scores: { employeeId: string; score: number; veto: boolean; vetoReason?: string }[]) =>
    postStar<unknown>(`star-reviews/${id(reviewId)}/scores`, { scores }),
};
