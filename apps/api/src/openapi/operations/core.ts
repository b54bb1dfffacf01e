import * as C from '@qf/contracts';
import * as B from '../bodies';
import { createdOrExisting, EMPTY, ID, json, list, OperationDoc } from './shared';

/** Sign-in, cases and tasks, audit, organisation, flow and policy versions. */
export const CORE_OPERATIONS: Record<string, OperationDoc> = {
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
    list: ['mine', 'done', 'overdue', 'status', 'caseId', 'role', 'kind', 'q', 'id'],
    ok: { 200: list(C.TaskViewResponseSchema) },
  },
  'POST /api/tasks/batch': {
    summary:
      '批量同意: approve several open tasks of one stage whose flow allows it, each as a single approve; refusals listed per task',
    body: C.BatchApproveSchema,
    ok: { 200: json(C.BatchApproveResponseSchema) },
  },
  'GET /api/tasks/{id}': { summary: 'A task', params: ID, ok: { 200: json(C.TaskViewResponseSchema) } },
  'POST /api/tasks/{id}/actions': {
    summary:
      'Act on a task (approve, reject, return, …): the live state of the case afterwards; 409 when no longer actionable',
    params: ID,
    body: C.TaskActionSchema,
    ok: { 200: json(C.CaseStateResponseSchema) },
  },
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
};
