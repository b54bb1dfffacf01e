import * as C from '@qf/contracts';
import * as B from '../bodies';
import { createdOrExisting, FILE, FORMAT, ID, json, list, OperationDoc } from './shared';

/** Complaints, settlements, rectifications and meetings, closed-order evaluation. */
export const PROCESS_OPERATIONS: Record<string, OperationDoc> = {
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
  'GET /api/settlements/{id}/rows/{employeeId}/why': {
    summary: "One row's why with the cases each rule counted, by number (read when the row is opened)",
    params: { id: 'uuid', employeeId: 'uuid' },
    ok: { 200: json(C.SettlementRowWhyResponseSchema) },
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
};
