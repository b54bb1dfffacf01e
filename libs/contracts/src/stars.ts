import { z } from 'zod';
import { MonthSchema } from './common';
import type { ResultWhyView } from './result-why';
import type { CaseWorkflowInput } from './workflow';

/**
 * Star-rated hotline agents (RULES.md S-1…S-12). HTTP surface (all under /api):
 *
 * - `GET  /star-campaigns`, `GET /star-campaigns/:id` → StarCampaignView
 * - `POST /star-campaigns` {year, starts, ceremonyDate, awardsFinishBy} (admin) → starts the `starCampaign` workflow (S-1, S-5)
 * - `POST /star-campaigns/:id/advance` (admin) → next phase (application → exam → committee → award → closed)
 * - `POST /star-campaigns/:id/exam-import` multipart `file` xlsx/csv with columns 工号, 级别, 成绩 (admin, hr): all rows checked first
 * - `GET  /star-applications?filter={campaignId,status,level,mine,voting}`, `GET /star-applications/:id` → StarApplicationView
 * - `POST /star-applications` {level, employeeId?, recommended?} → agent applies (own), team lead nominates (S-2…S-4)
 * - `POST /star-applications/:id/review` {decision, reason?} (team lead; S-5 recommendation quota, S-6)
 * - `POST /star-applications/:id/exam` {level, score} (admin, hr; S-7)
 * - `POST /star-applications/:id/vote` {approve} (committee; S-8) → StarApplicationView
 * - `GET  /star-holders` → StarHolderView; `GET /star-history?filter={employeeId}` → StarHistoryView
 * - `POST /star-holders/:employeeId/demote` {ground, reason, toLevel} (committee, admin; S-11)
 * - `GET  /star-reviews`, `GET /star-reviews/:id` → StarReviewView; `POST /star-reviews` {month} (admin, hr; S-10)
 * - `POST /star-reviews/:id/scores` {scores:[{employeeId, score, veto, vetoReason?}]} (team lead) submits the month
 * - `POST /star-june-exams` {year, results:[{employeeId, score, rank}]} (admin, hr; S-4, S-12)
 * - `GET /employee-awards`, `POST /employee-awards` {employeeId, kind, year} (admin, hr; S-2 direct 2-star path)
 */

export const STAR_PHASES = ['application', 'exam', 'committee', 'award', 'closed'] as const;
export type StarPhase = (typeof STAR_PHASES)[number];
export const StarLevelSchema = z.union([z.literal(1), z.literal(2), z.literal(3)]);
const LocalDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date must be YYYY-MM-DD');

export const OpenStarCampaignSchema = z.object({
  year: z.number().int().min(2000).max(2100),
  starts: z.object({ application: LocalDate, exam: LocalDate, committee: LocalDate, award: LocalDate }),
  /** S-9: the star is effective from this date */
  ceremonyDate: LocalDate,
  /** S-1: awards finished by the end of October */
  awardsFinishBy: LocalDate,
});
export type OpenStarCampaignInput = z.infer<typeof OpenStarCampaignSchema>;

export const StarApplySchema = z.object({
  level: StarLevelSchema,
  /** default: the campaign open for applications */
  campaignId: z.string().uuid().optional(),
  /** a team lead nominates someone of the team; an agent applies for themself (omit) */
  employeeId: z.string().uuid().optional(),
  /** S-2: a team lead's recommendation as outstanding (under one year on the hotline) */
  recommended: z.boolean().default(false),
});
export type StarApplyInput = z.infer<typeof StarApplySchema>;

export const StarReviewDecisionSchema = z.object({
  decision: z.enum(['approve', 'reject']),
  reason: z.string().trim().max(1000).optional(),
});
export const StarExamScoreSchema = z.object({ level: StarLevelSchema, score: z.number().min(0).max(100) });
export const StarVoteSchema = z.object({ approve: z.boolean() });
export const StarDemoteSchema = z.object({
  ground: z.enum(['not-at-level', 'unqualified']),
  reason: z.string().trim().min(1, 'an immediate demotion needs a reason (S-11)').max(1000),
  /** 0 = revoked */
  toLevel: z.union([z.literal(0), z.literal(1), z.literal(2)]),
});
export const StartStarReviewSchema = z.object({ month: MonthSchema });
export const StarMonthlyScoreSchema = z.object({
  employeeId: z.string().uuid(),
  score: z.number().min(0).max(100),
  veto: z.boolean().default(false),
  vetoReason: z.string().trim().max(500).optional(),
});
export const StarScoresSchema = z.object({ scores: z.array(StarMonthlyScoreSchema).min(1) });
export type StarMonthlyScore = z.infer<typeof StarMonthlyScoreSchema>;
/** S-2: a company award or "advanced individual" of a year (kinds from policy stars.directTwoStarAwards) */
export const EmployeeAwardSchema = z.object({
  employeeId: z.string().uuid(),
  kind: z.string().trim().min(1).max(64),
  year: z.number().int().min(2000).max(2100),
});
export const JuneExamSchema = z.object({
  year: z.number().int().min(2000).max(2100),
  results: z
    .array(
      z.object({ employeeId: z.string().uuid(), score: z.number().min(0).max(100), rank: z.number().int().min(1) }),
    )
    .min(1),
});

export interface RuleNote {
  rule: string;
  message: string;
  code?: string;
  params?: Record<string, string | number>;
}
type Levels<T> = Record<'1' | '2' | '3', T>;

export interface StarCampaignView {
  id: string;
  year: number;
  phase: StarPhase;
  starts: OpenStarCampaignInput['starts'];
  ceremonyDate: string;
  awardsFinishBy: string;
  /** S-5 snapshot at campaign start */
  headcount: number | null;
  quotas: Levels<number> | null;
  /** per level: applications, team-lead recommendations, exam passes, committee approvals, awards */
  counts: Levels<{ applied: number; recommended: number; passed: number; approved: number; awarded: number }>;
  resultsPublished: boolean;
  caseId: string;
  workflowId: string;
  temporalUrl: string;
  createdAt: string;
}

export type StarApplicationStatus =
  | 'lead-review'
  | 'lead-rejected'
  | 'quota-refused'
  | 'exam'
  | 'exam-failed'
  | 'committee'
  | 'awaiting-award'
  | 'awarded'
  | 'not-awarded'
  | 'withdrawn';

export interface StarApplicationView {
  id: string;
  caseId: string;
  campaignId: string;
  year: number;
  employeeId: string;
  employeeCode: string;
  employeeName: string;
  unitName: string;
  level: 1 | 2 | 3;
  recommended: boolean;
  status: StarApplicationStatus;
  /** S-2…S-4 notes of the eligibility check (e.g. admitted on recommendation) */
  eligibilityNotes: RuleNote[];
  leadReason: string | null;
  /** S-7: null for the agent until the results are published */
  exam: {
    scores: Partial<Levels<number>>;
    passedLevel: 1 | 2 | 3 | null;
    nextExam: 1 | 2 | 3 | null;
    explanation: string;
  } | null;
  /** S-8 */
  committee: {
    members: number;
    votesCast: number;
    approvals: number;
    myVote: 'approve' | 'reject' | null;
    canVote: boolean;
    approved: boolean | null;
    explanation: string | null;
  };
  awardedLevel: 1 | 2 | 3 | null;
  /** why the application ended where it did (rule-tagged) */
  explanation: string | null;
  stage: string | null;
  workflowId: string;
  createdAt: string;
  /** S-2 the applicant's record as the team lead sees it (staff only; null for an agent) */
  applicant?: {
    hireDate: string | null;
    jobType: string;
    currentLevel: 0 | 1 | 2 | 3;
    currentSince: string | null;
  } | null;
  /** S-5 the recommendation quota of the applied level: places, recommended so far, left */
  quota?: { places: number | null; used: number; remaining: number | null } | null;
}

/** S-8, E-6 a committee's ballots on one case: each member's current vote (null = not voted yet). */
export interface CommitteeBallot {
  userId: string;
  voter: string;
  vote: 'approve' | 'reject' | null;
  at: string | null;
  mine: boolean;
}
export interface CommitteeBallots {
  caseId: string;
  open: boolean;
  members: number;
  approve: number;
  reject: number;
  notVoted: number;
  myVote: 'approve' | 'reject' | null;
  ballots: CommitteeBallot[];
}

export interface StarHolderView {
  id: string;
  employeeId: string;
  employeeCode: string;
  employeeName: string;
  unitName: string;
  level: 1 | 2 | 3;
  since: string;
  payFactorPercent: number | null;
}
export interface StarHistoryView {
  id: string;
  employeeId: string;
  employeeName: string;
  employeeCode?: string;
  at: string;
  effectiveFrom: string;
  fromLevel: number;
  toLevel: number;
  kind: 'award' | 'lowered' | 'revoked' | 'demoted';
  reason: string;
  rule: string;
}
export interface StarReviewRow {
  employeeId: string;
  employeeCode: string;
  employeeName: string;
  level: number;
  score: number | null;
  veto: boolean;
  percent: number | null;
  outcome: string | null;
  payFen: number | null;
  message: string | null;
  /** S-10 / S-12: the rules, pinned policy version and counted facts of the month's pay (null before it is scored) */
  why: ResultWhyView | null;
}
export interface StarReviewView {
  id: string;
  caseId: string;
  month: string;
  status: 'open' | 'closed';
  dueAt: string | null;
  stage: string | null;
  rows: StarReviewRow[];
  workflowId: string;
}

// workflow message payloads (the Update/Signal definitions: @qf/contracts/messages, messages/stars.ts)

export interface StarApplyUpdate {
  employeeId: string;
  level: 1 | 2 | 3;
  recommended: boolean;
  actor: { userId: string; username: string };
  asOf?: string;
}
export interface StarAdvanceUpdate {
  from: StarPhase;
  actor: { userId: string; username: string };
}
export interface StarExamUpdate {
  level: 1 | 2 | 3;
  score: number;
  actor: { userId: string; username: string };
}
export interface StarPhaseSignal {
  phase: StarPhase;
}
export interface StarCommitteeResult {
  applicationId: string;
  employeeName?: string;
  level: 1 | 2 | 3;
  examScore: number;
  approved: boolean;
  approvals: number;
  votesCast: number;
}
export interface StarAwardSignal {
  awarded: boolean;
  level: 1 | 2 | 3;
  explanation: string;
}
export interface StarCampaignData extends OpenStarCampaignInput {
  campaignId: string;
}
export interface StarApplicationData {
  applicationId: string;
  campaignId: string;
  year: number;
  employeeId: string;
  employeeName?: string;
  unitId: string;
  level: 1 | 2 | 3;
  recommended: boolean;
  ceremonyDate: string;
  phase: StarPhase;
}
export interface StarReviewData {
  reviewId: string;
  month: string;
}
/** S-10 the monthly Schedule starts starMonthlyReview with no case yet: it registers the month's review itself */
export interface ScheduledStarReview {
  month?: string;
}
export const STAR_REVIEW_WORKFLOW = 'starMonthlyReview';
export const STAR_REVIEW_SCHEDULE_ID = 'qf-monthly-star-review';
export function starReviewScheduleId(taskQueue: string): string {
  return taskQueue === 'qualityflow' ? STAR_REVIEW_SCHEDULE_ID : `${STAR_REVIEW_SCHEDULE_ID}-${taskQueue}`;
}

// activities
export interface StarEligibilityCheck {
  existingApplicationId: string | null;
  existingLevel: number | null;
  ok: boolean;
  violations: RuleNote[];
  notes: RuleNote[];
  unitId: string;
  employeeName: string;
}
export interface StarApplicationPatch {
  applicationId: string;
  status?: StarApplicationStatus;
  leadApproved?: boolean;
  leadReason?: string | null;
  examScores?: Partial<Record<'1' | '2' | '3', number>>;
  examResult?: unknown;
  passedLevel?: number | null;
  committee?: unknown;
  awardedLevel?: number | null;
  explanation?: string | null;
}
export interface StarActivities {
  snapshotStarHeadcount(input: { campaignId: string; jobTypes: string[] }): Promise<number>;
  saveStarCampaign(input: {
    campaignId: string;
    quotas?: Record<'1' | '2' | '3', number>;
    phase?: StarPhase;
    resultsPublished?: boolean;
  }): Promise<void>;
  checkStarEligibility(input: {
    campaignId: string;
    year: number;
    employeeId: string;
    level: 1 | 2 | 3;
    recommended: boolean;
    asOf: string;
    policy: unknown;
  }): Promise<StarEligibilityCheck>;
  createStarApplication(input: {
    campaignId: string;
    year: number;
    employeeId: string;
    unitId: string;
    employeeName: string;
    level: 1 | 2 | 3;
    recommended: boolean;
    notes: RuleNote[];
    initiatorUserId: string;
    policyVersion: number;
    flowVersion: number;
    ceremonyDate: string;
  }): Promise<{ applicationId: string; workflowId: string; data: StarApplicationData }>;
  updateStarApplication(input: StarApplicationPatch): Promise<void>;
  claimStarRecommendation(input: {
    campaignId: string;
    applicationId: string;
    level: 1 | 2 | 3;
  }): Promise<{ ok: boolean; quota: number; used: number }>;
  starCommitteeMembers(input: {
    unitId: string;
    excludeOwnTeam: boolean;
  }): Promise<{ eligible: string[]; conflicted: string[] }>;
  /** `bonus`: the S-9 bonus line of libs/domain (awardBonusLine): month of the ceremony, amount, reason star-award-N */
  awardStar(input: {
    applicationId: string;
    workflowId: string;
    employeeId: string;
    level: 1 | 2 | 3;
    ceremonyDate: string;
    bonus: { month: string; amountFen: number; source: string };
    year: number;
  }): Promise<void>;
  starReviewHolders(input: { month: string }): Promise<{ employeeId: string; level: 1 | 2 | 3 }[]>;
  applyStarReview(input: {
    reviewId: string;
    caseId: string;
    workflowId: string;
    month: string;
    scores: StarMonthlyScore[];
    policy: unknown;
  }): Promise<{ rows: number; payFen: number; changed: number }>;
  /** registers the review of `month` (default: the month before `nowIso`, local) as a case run by `workflowId`; skipped when that month already has one */
  registerStarReview(input: {
    workflowId: string;
    nowIso: string;
    month?: string;
  }): Promise<{ input: CaseWorkflowInput } | { skipped: string; month: string }>;
}
