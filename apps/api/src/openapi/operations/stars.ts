import * as C from '@qf/contracts';
import * as B from '../bodies';
import { createdOrExisting, ID, json, list, OperationDoc } from './shared';

/** Star-rated agents (S-*). */
export const STAR_OPERATIONS: Record<string, OperationDoc> = {
  // ------------------------------------------------------------------------------------------------- stars (S-*)
  'POST /api/star-campaigns': {
    summary: "Open a year's star campaign (admin): 201, or 200 with the existing one",
    body: C.OpenStarCampaignSchema,
    ok: createdOrExisting(C.StarCampaignResponseSchema),
  },
  'GET /api/star-campaigns': { summary: 'Star campaigns', list: [], ok: { 200: list(C.StarCampaignResponseSchema) } },
  'GET /api/star-campaigns/{id}': {
    summary: 'A star campaign',
    params: ID,
    ok: { 200: json(C.StarCampaignResponseSchema) },
  },
  'POST /api/star-campaigns/{id}/advance': {
    summary: 'Advance a campaign to its next phase (admin)',
    params: ID,
    ok: { 200: json(C.StarCampaignResponseSchema) },
  },
  'POST /api/star-campaigns/{id}/exam-import': {
    summary: 'Import exam scores (工号, 级别, 成绩) from a spreadsheet (admin, HR)',
    params: ID,
    body: B.UploadBodySchema,
    multipart: true,
    ok: { 200: json(C.ExamImportResponseSchema) },
  },
  'POST /api/star-applications': {
    summary: 'Apply for a star, or nominate (team lead): 201, or 200 with the existing application',
    body: C.StarApplySchema,
    ok: createdOrExisting(C.StarApplicationResponseSchema),
  },
  'GET /api/star-applications': {
    summary: 'Star applications',
    list: ['campaignId', 'status', 'level', 'employeeId', 'mine', 'voting', 'id'],
    ok: { 200: list(C.StarApplicationResponseSchema) },
  },
  'GET /api/star-applications/{id}': {
    summary: 'A star application',
    params: ID,
    ok: { 200: json(C.StarApplicationResponseSchema) },
  },
  'POST /api/star-applications/{id}/review': {
    summary: "The team lead's decision (S-5, S-6)",
    params: ID,
    body: C.StarReviewDecisionSchema,
    ok: { 200: json(C.StarApplicationResponseSchema) },
  },
  'POST /api/star-applications/{id}/exam': {
    summary: 'Record an exam score (admin, HR; S-7)',
    params: ID,
    body: C.StarExamScoreSchema,
    ok: { 200: json(C.StarApplicationResponseSchema) },
  },
  'POST /api/star-applications/{id}/vote': {
    summary: "A committee member's vote (S-8)",
    params: ID,
    body: C.StarVoteSchema,
    ok: { 200: json(C.StarApplicationResponseSchema) },
  },
  'GET /api/committee-ballots/{caseId}': {
    summary: "The committee's ballots on a case",
    params: { caseId: 'uuid' },
    ok: { 200: json(C.CommitteeBallotsResponseSchema) },
  },
  'GET /api/repair-stars/{caseId}': {
    summary: 'A repair star under the committee vote (E-6)',
    params: { caseId: 'uuid' },
    ok: { 200: json(C.RepairStarResponseSchema) },
  },
  'GET /api/star-holders': {
    summary: 'Current star holders',
    list: ['level', 'employeeId', 'q'],
    ok: { 200: list(C.StarHolderResponseSchema) },
  },
  'GET /api/star-history': {
    summary: 'Star awards and changes',
    list: ['employeeId'],
    ok: { 200: list(C.StarHistoryResponseSchema) },
  },
  'POST /api/star-holders/{employeeId}/demote': {
    summary: 'Demote or revoke a star at once (S-11)',
    params: { employeeId: 'uuid' },
    body: C.StarDemoteSchema,
    ok: { 200: json(C.StarDemotedResponseSchema) },
  },
  'POST /api/star-june-exams': {
    summary: "The June exam's results (S-4, S-12)",
    body: C.JuneExamSchema,
    ok: { 200: json(C.JuneExamsResponseSchema) },
  },
  'POST /api/employee-awards': {
    summary: 'Record an award (S-2): 201, or 200 when already recorded',
    body: C.EmployeeAwardSchema,
    ok: createdOrExisting(C.EmployeeAwardResponseSchema),
  },
  'GET /api/employee-awards': {
    summary: 'Employee awards',
    list: ['employeeId'],
    ok: { 200: list(C.EmployeeAwardResponseSchema) },
  },
  'POST /api/star-reviews': {
    summary: "Start a month's star review (S-10): 201, or 200 with the existing one",
    body: C.StartStarReviewSchema,
    ok: createdOrExisting(C.StarReviewDetailResponseSchema),
  },
  'GET /api/star-reviews': { summary: 'Monthly star reviews', list: [], ok: { 200: list(C.StarReviewResponseSchema) } },
  'GET /api/star-reviews/{id}': {
    summary: 'A monthly star review with its rows',
    params: ID,
    ok: { 200: json(C.StarReviewDetailResponseSchema) },
  },
  'POST /api/star-reviews/{id}/scores': {
    summary: "The team lead's monthly scores (S-10)",
    params: ID,
    body: C.StarScoresSchema,
    ok: { 200: json(C.StarReviewDetailResponseSchema) },
  },
};
