import { z, ZodType } from 'zod';
import * as C from '@qf/contracts';
import * as B from './bodies';

/**
 * The OpenAPI registry: every operation of the api by `METHOD /path` (as Nest lists it), with its request body, query
 * and path parameters and its success answers, all as zod schemas (the body schemas are the ones the ZodPipe applies).
 * An operation Nest serves that has no entry here is reported by `undocumentedOperations` (the OpenAPI e2e check fails).
 */
export type ParamFormat = 'uuid' | 'int' | 'month' | 'flow-version';
/** A success answer: a JSON schema, a list of items (Content-Range header), a spreadsheet download, or no content. */
export type Answer = { json: ZodType } | { list: ZodType } | { file: true } | { empty: true };
export interface OperationDoc {
  summary: string;
  /** no bearer token needed */
  public?: true;
  body?: ZodType;
  /** the body is multipart/form-data (a file upload) */
  multipart?: true;
  /** react-admin list parameters: the keys `filter` understands */
  list?: string[];
  query?: Record<string, { schema: ZodType; required?: boolean; description: string }>;
  params?: Record<string, ParamFormat>;
  /** success statuses and their answers */
  ok: Partial<Record<200 | 201 | 204, Answer>>;
}

const json = (schema: ZodType): Answer => ({ json: schema });
const list = (item: ZodType): Answer => ({ list: item });
const FILE: Answer = { file: true };
const EMPTY: Answer = { empty: true };
const ID = { id: 'uuid' } as const;
const FORMAT = {
  format: { schema: z.enum(['xlsx', 'csv']).default('xlsx'), description: 'spreadsheet format (default xlsx)' },
};
/** POSTs that answer 201 for a new record and 200 with the existing one (idempotent by business key). */
const createdOrExisting = (schema: ZodType) => ({ 201: json(schema), 200: json(schema) });

export const OPERATIONS: Record<string, OperationDoc> = {
  // ------------------------------------------------------------------------------------------------------------ auth
  'POST /api/auth/login': {
    summary: 'Sign in: a bearer token and the user (rate limited per client and account: 429 with Retry-After)',
    public: true,
    body: C.LoginSchema,
    ok: { 200: json(C.LoginResponseSchema) },
  },
  'POST /api/auth/logout': { summary: 'Sign out: revokes every token of the user', ok: { 204: EMPTY } },
  'GET /api/auth/me': { summary: 'The signed-in user', ok: { 200: json(C.AuthUserResponseSchema) } },
  'GET /api/health': {
    summary: 'Liveness of the database and Temporal (503 when one is down)',
    public: true,
    ok: { 200: json(C.HealthResponseSchema) },
  },
  // ----------------------------------------------------------------------------------------------- cases and tasks
  'GET /api/cases': {
    summary: 'Cases the caller may see',
    list: ['kind', 'status', 'stage', 'month', 'mine', 'overdue', 'q', 'id'],
    ok: { 200: list(C.CaseViewResponseSchema) },
  },
  'POST /api/cases': {
    summary: 'Start a generic review case (201; 200 with the existing case of the same business key)',
    body: C.CreateCaseSchema,
    ok: createdOrExisting(C.CaseViewResponseSchema),
  },
  'GET /api/cases/{id}': {
    summary: 'A case with its tasks and 审批记录',
    params: ID,
    ok: { 200: json(C.CaseDetailResponseSchema) },
  },
  'GET /api/tasks': {
    summary: 'Tasks of the cases the caller may see',
    list: ['mine', 'overdue', 'status', 'caseId', 'role', 'kind', 'q', 'id'],
    ok: { 200: list(C.TaskViewResponseSchema) },
  },
  'GET /api/tasks/{id}': { summary: 'A task', params: ID, ok: { 200: json(C.TaskViewResponseSchema) } },
  'POST /api/tasks/{id}/actions': {
    summary:
      'Act on a task (approve, reject, return, …): the live state of the case afterwards; 409 when no longer actionable',
    params: ID,
    body: C.TaskActionSchema,
    ok: { 200: json(C.CaseStateResponseSchema) },
  },
  // --------------------------------------------------------------------------------------------------- complaints
  'POST /api/complaints': {
    summary: 'Register a complaint (C-1): 201, or 200 with the case of the same work order',
    body: C.RegisterComplaintSchema,
    ok: createdOrExisting(C.ComplaintRegisteredResponseSchema),
  },
  'GET /api/complaints': {
    summary: 'Complaints',
    list: ['status', 'stage', 'month', 'q', 'employeeId', 'id', 'mine', 'overdue'],
    ok: { 200: list(C.ComplaintListItemResponseSchema) },
  },
  'GET /api/complaints/{id}': {
    summary: 'A complaint with its case, people and deductions',
    params: ID,
    ok: { 200: json(C.ComplaintDetailResponseSchema) },
  },
  'GET /api/deductions': {
    summary: 'The points ledger (an employee: their own rows)',
    list: ['employeeId', 'caseId', 'month', 'source', 'q'],
    ok: { 200: list(C.DeductionResponseSchema) },
  },
  'GET /api/notices': { summary: 'Published notices (C-4)', list: [], ok: { 200: list(C.NoticeResponseSchema) } },
  'GET /api/notices/export': { summary: 'Notices as a spreadsheet', query: FORMAT, ok: { 200: FILE } },
  // ------------------------------------------------------------------------------------------------------- audit
  'GET /api/audit': {
    summary: 'Audit entries (admin)',
    list: ['caseId', 'actor', 'workflowId', 'action', 'from', 'to'],
    ok: { 200: list(C.AuditEntryResponseSchema) },
  },
  // --------------------------------------------------------------------------------------------------- org (O-*)
  'GET /api/org-units': { summary: 'Org units', list: ['id', 'kind'], ok: { 200: list(C.OrgUnitResponseSchema) } },
  'POST /api/org-units': {
    summary: 'Create an org unit (admin)',
    body: C.OrgUnitSchema,
    ok: { 201: json(C.OrgUnitResponseSchema) },
  },
  'GET /api/org-units/{id}': { summary: 'An org unit', params: ID, ok: { 200: json(C.OrgUnitResponseSchema) } },
  'PUT /api/org-units/{id}': {
    summary: 'Edit an org unit (admin)',
    params: ID,
    body: C.OrgUnitSchema,
    ok: { 200: json(C.OrgUnitResponseSchema) },
  },
  'GET /api/employees': {
    summary: 'Employees (others than admin, HR and the process teams: themselves)',
    list: ['id', 'unitId', 'q'],
    ok: { 200: list(C.EmployeeResponseSchema) },
  },
  'POST /api/employees': {
    summary: 'Create an employee (admin, HR)',
    body: C.EmployeeSchema,
    ok: { 201: json(C.EmployeeResponseSchema) },
  },
  'GET /api/employees/{id}': { summary: 'An employee', params: ID, ok: { 200: json(C.EmployeeResponseSchema) } },
  'PUT /api/employees/{id}': {
    summary: 'Edit an employee (admin, HR)',
    params: ID,
    body: C.EmployeeSchema,
    ok: { 200: json(C.EmployeeResponseSchema) },
  },
  'POST /api/employees/import': {
    summary: 'Import employees from a spreadsheet (admin, HR): all rows checked first',
    body: B.UploadBodySchema,
    multipart: true,
    ok: { 200: json(C.ImportResultResponseSchema) },
  },
  'GET /api/users': { summary: 'Logins (admin)', list: [], ok: { 200: list(C.UserResponseSchema) } },
  'POST /api/users': { summary: 'Create a login (admin)', body: C.UserSchema, ok: { 201: json(C.UserResponseSchema) } },
  'GET /api/users/{id}': { summary: 'A login (admin)', params: ID, ok: { 200: json(C.UserResponseSchema) } },
  'PUT /api/users/{id}': {
    summary: 'Edit a login (admin); new roles, deactivation or a password revoke its tokens',
    params: ID,
    body: C.UserSchema,
    ok: { 200: json(C.UserResponseSchema) },
  },
  // ---------------------------------------------------------------------------------------------- flow versions
  'GET /api/flows': {
    summary: 'Flow versions',
    list: ['kind', 'status'],
    ok: { 200: list(C.FlowVersionResponseSchema) },
  },
  'POST /api/flows': {
    summary: 'A new flow draft (admin)',
    body: B.FlowDraftBodySchema,
    ok: { 201: json(C.FlowVersionResponseSchema) },
  },
  'GET /api/flows/{id}': {
    summary: 'A flow version',
    params: { id: 'flow-version' },
    ok: { 200: json(C.FlowVersionResponseSchema) },
  },
  'PUT /api/flows/{id}': {
    summary: 'Edit a flow draft (admin; 409 once published)',
    params: { id: 'flow-version' },
    body: B.FlowDraftUpdateBodySchema,
    ok: { 200: json(C.FlowVersionResponseSchema) },
  },
  'DELETE /api/flows/{id}': {
    summary: 'Delete a flow draft (admin; 409 once published)',
    params: { id: 'flow-version' },
    ok: { 204: EMPTY },
  },
  'POST /api/flows/{id}/publish': {
    summary: 'Publish a flow draft (admin)',
    params: { id: 'flow-version' },
    ok: { 200: json(C.FlowVersionResponseSchema) },
  },
  // -------------------------------------------------------------------------------------------- policy versions
  'GET /api/policies': { summary: 'Policy versions', list: [], ok: { 200: list(C.PolicyVersionResponseSchema) } },
  'POST /api/policies': {
    summary: 'A new policy draft (admin)',
    body: B.PolicyDraftBodySchema,
    ok: { 201: json(C.PolicyVersionResponseSchema) },
  },
  'GET /api/policies/current': {
    summary: 'The policy in effect today',
    ok: { 200: json(C.PolicyVersionResponseSchema) },
  },
  'GET /api/policies/{id}': {
    summary: 'A policy version',
    params: { id: 'int' },
    ok: { 200: json(C.PolicyVersionResponseSchema) },
  },
  'PUT /api/policies/{id}': {
    summary: 'Edit a policy draft (admin; 409 once published)',
    params: { id: 'int' },
    body: B.PolicyDraftBodySchema,
    ok: { 200: json(C.PolicyVersionResponseSchema) },
  },
  'DELETE /api/policies/{id}': {
    summary: 'Delete a policy draft (admin; 409 once published)',
    params: { id: 'int' },
    ok: { 204: EMPTY },
  },
  'GET /api/policies/{id}/diff/{other}': {
    summary: 'What changes from one policy version to another',
    params: { id: 'int', other: 'int' },
    ok: { 200: json(C.PolicyDiffResponseSchema) },
  },
  'POST /api/policies/{id}/publish': {
    summary: 'Publish a policy draft (admin; needs effectiveFrom)',
    params: { id: 'int' },
    ok: { 200: json(C.PolicyVersionResponseSchema) },
  },
  // ------------------------------------------------------------------------------------------------- settlements
  'POST /api/settlements': {
    summary: "Start a month's settlement (HR, admin): 201, or 200 with the existing one",
    body: B.StartSettlementBodySchema,
    ok: createdOrExisting(C.SettlementDetailResponseSchema),
  },
  'GET /api/settlements': { summary: 'Settlements', list: [], ok: { 200: list(C.SettlementResponseSchema) } },
  'GET /api/settlements/{id}': {
    summary: 'A settlement with its branches',
    params: ID,
    ok: { 200: json(C.SettlementDetailResponseSchema) },
  },
  'GET /api/settlements/by-task/{taskId}': {
    summary: 'The settlement a task decides',
    params: { taskId: 'uuid' },
    ok: { 200: json(C.SettlementByTaskResponseSchema) },
  },
  'GET /api/settlements/{id}/rows': {
    summary: 'Per-employee rows of a settlement',
    params: ID,
    list: ['grade', 'branchId'],
    ok: { 200: list(C.SettlementRowResponseSchema) },
  },
  'GET /api/settlements/{id}/export': {
    summary: 'Payroll export of a settlement (HR, admin)',
    params: ID,
    query: FORMAT,
    ok: { 200: FILE },
  },
  // ---------------------------------------------------------------------------------------------- rectifications
  'POST /api/rectifications': {
    summary: 'Open a rectification (E-7): 201, or 200 with the existing one',
    body: C.OpenRectificationSchema,
    ok: createdOrExisting(C.RectificationDetailResponseSchema),
  },
  'GET /api/rectifications': {
    summary: 'Rectifications',
    list: ['status', 'teamUnitId', 'branchId', 'origin', 'overdue', 'dueThisWeek'],
    ok: { 200: list(C.RectificationResponseSchema) },
  },
  'GET /api/rectifications/summary': {
    summary: 'The rectification board: totals per team and branch',
    ok: { 200: json(C.RectificationSummaryResponseSchema) },
  },
  'GET /api/rectifications/{id}': {
    summary: 'A rectification with its plan and callback',
    params: ID,
    ok: { 200: json(C.RectificationDetailResponseSchema) },
  },
  'GET /api/meetings': { summary: 'Fault-analysis meetings', list: [], ok: { 200: list(C.MeetingResponseSchema) } },
  'POST /api/meetings': {
    summary: 'Schedule a meeting (admin, manager)',
    body: C.MeetingSchema,
    ok: { 201: json(C.MeetingSavedResponseSchema) },
  },
  'GET /api/meetings/{id}': { summary: 'A meeting', params: ID, ok: { 200: json(C.MeetingResponseSchema) } },
  'PUT /api/meetings/{id}': {
    summary: 'Move a meeting (admin, manager): its open rectifications follow',
    params: ID,
    body: C.MeetingSchema,
    ok: { 200: json(C.MeetingSavedResponseSchema) },
  },
  // -------------------------------------------------------------------------------------------------- evaluation
  'POST /api/work-orders': {
    summary: 'Record a closed work order (E-1)',
    body: C.WorkOrderSchema,
    ok: { 201: json(C.WorkOrderResponseSchema) },
  },
  'GET /api/work-orders': { summary: 'Work orders', list: [], ok: { 200: list(C.WorkOrderListItemResponseSchema) } },
  'POST /api/work-orders/import': {
    summary: 'Import closed work orders from a spreadsheet (E-1): all rows checked first',
    body: B.WorkOrderUploadBodySchema,
    multipart: true,
    ok: { 200: json(C.ImportResultResponseSchema) },
  },
  'GET /api/imports/{id}': {
    summary: 'Progress of an import',
    params: ID,
    ok: { 200: json(C.ImportProgressResponseSchema) },
  },
  'GET /api/work-orders/{id}': {
    summary: 'A work order with its evaluations',
    params: ID,
    ok: { 200: json(C.WorkOrderDetailResponseSchema) },
  },
  'POST /api/evaluations/assign': {
    summary: 'Sample and assign the evaluations of a closing day (E-1, E-2; idempotent by date)',
    body: C.AssignEvaluationsSchema,
    ok: { 200: json(C.AssignEvaluationsResponseSchema) },
  },
  'GET /api/evaluations': {
    summary: 'Evaluations',
    list: ['mine', 'pending', 'overdue', 'kind', 'evaluateOn', 'orderId'],
    ok: { 200: list(C.EvaluationResponseSchema) },
  },
  'GET /api/evaluations/pending-count': {
    summary: "The caller's unanswered evaluations",
    ok: { 200: json(C.PendingEvaluationsResponseSchema) },
  },
  'POST /api/evaluations/{id}/answer': {
    summary: 'Answer an evaluation (E-3); dissatisfied opens a rectification',
    params: ID,
    body: C.AnswerEvaluationSchema,
    ok: { 200: json(C.EvaluationAnsweredResponseSchema) },
  },
  'GET /api/scores': {
    summary: 'Month-to-date repairer scores, repair star and best team (E-5, E-6)',
    query: { month: { schema: C.MonthSchema, required: true, description: 'YYYY-MM' } },
    ok: { 200: json(C.MonthScoresResponseSchema) },
  },
  'POST /api/scores/{month}/repair-star': {
    summary: "Send a finished month's repair star to the committee (E-6): 201, or 200 with the existing case",
    params: { month: 'month' },
    ok: createdOrExisting(C.CaseViewResponseSchema),
  },
  // --------------------------------------------------------------------------------------------- perception (P-*)
  'POST /api/perception-months': {
    summary: "Start a month's customer-perception run (P-1…P-5): 201, or 200 with the existing one",
    body: C.StartPerceptionMonthSchema,
    ok: createdOrExisting(C.PerceptionMonthDetailResponseSchema),
  },
  'GET /api/perception-months': {
    summary: 'Customer-perception months',
    list: [],
    ok: { 200: list(C.PerceptionMonthResponseSchema) },
  },
  'GET /api/perception-months/{month}': {
    summary: 'A perception month with its people and units',
    params: { month: 'month' },
    ok: { 200: json(C.PerceptionMonthDetailResponseSchema) },
  },
  'GET /api/perception-rankings': {
    summary: 'Satisfaction ranking of a month, with the year-to-date trend',
    query: {
      month: { schema: C.MonthSchema, required: true, description: 'YYYY-MM' },
      channel: { schema: C.RankingQuerySchema.shape.channel, description: 'repair (default) or hall' },
      scope: { schema: C.RankingQuerySchema.shape.scope, description: 'person (default), team, hall, centre, branch' },
    },
    ok: { 200: json(C.SatisfactionRankingResponseSchema) },
  },
  'POST /api/satisfaction-scores/import': {
    summary: 'Import satisfaction figures from a spreadsheet (quality, admin): all rows checked first',
    body: B.UploadBodySchema,
    multipart: true,
    ok: { 200: json(C.ImportResultResponseSchema), 201: json(C.ImportResultResponseSchema) },
  },
  'POST /api/indicator-results/import': {
    summary:
      'Import monthly service-indicator results per unit (P-6; quality, admin): all rows checked first, then cards',
    body: B.UploadBodySchema,
    multipart: true,
    ok: { 200: json(C.IndicatorImportResponseSchema), 201: json(C.IndicatorImportResponseSchema) },
  },
  'GET /api/indicator-rankings': {
    summary: "A month's units ranked by the service indicators they met (P-6)",
    query: { month: { schema: C.MonthSchema, required: true, description: 'YYYY-MM' } },
    ok: { 200: json(C.IndicatorRankingResponseSchema) },
  },
  'GET /api/indicator-cards': {
    summary: "The year's failing months per unit: yellow/red cards, deductions, notices, interviews (P-6)",
    query: { year: { schema: C.IndicatorBoardQuerySchema.shape.year, required: true, description: 'calendar year' } },
    ok: { 200: json(z.array(C.IndicatorCardResponseSchema)) },
  },
  'POST /api/incidents': {
    summary: 'Register a major service incident: a written-explanation interview of the department head (P-7)',
    body: C.IncidentSchema,
    ok: { 201: json(C.IncidentResponseSchema) },
  },
  'GET /api/incident-heads': {
    summary: 'People to name as the responsible department head of an incident, by name or 工号 (P-7; quality, admin)',
    query: { q: { schema: C.PeopleSearchQuerySchema.shape.q, description: 'part of a name or 工号' } },
    ok: { 200: json(z.array(C.PersonOptionResponseSchema)) },
  },
  'GET /api/interviews/{caseId}': {
    summary: 'An interview (P-6, P-7) with its record',
    params: { caseId: 'uuid' },
    ok: { 200: json(C.InterviewResponseSchema) },
  },
  // ------------------------------------------------------------------------------------ what-if simulations (issue 16)
  'POST /api/simulations': {
    summary: 'Simulate a policy version (a draft too) over recorded months against a baseline (admin)',
    body: C.StartSimulationSchema,
    ok: { 201: json(C.SimulationDetailResponseSchema) },
  },
  'GET /api/simulations': { summary: 'Simulations (admin)', list: [], ok: { 200: list(C.SimulationResponseSchema) } },
  'GET /api/simulations/{id}': {
    summary: 'A simulation: progress and the summary of what would change',
    params: ID,
    ok: { 200: json(C.SimulationDetailResponseSchema) },
  },
  'GET /api/simulations/{id}/changes': {
    summary: 'The people whose results would change',
    params: ID,
    list: ['month', 'kind', 'branchId'],
    ok: { 200: list(C.SimulationChangeResponseSchema) },
  },
  'GET /api/simulations/{id}/export': {
    summary: 'The people whose results would change, as a spreadsheet',
    params: ID,
    query: FORMAT,
    ok: { 200: FILE },
  },
  'DELETE /api/simulations/{id}': { summary: 'Delete a simulation and its results', params: ID, ok: { 204: EMPTY } },
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
