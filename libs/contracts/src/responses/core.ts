import { z } from 'zod';
import { ResDate, ResDateTime, ResJson, ResUuid, WaitingOnSchema } from './common';

export const AuthUserResponseSchema = z.looseObject({
  id: ResUuid,
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.string()),
  employeeId: ResUuid.nullable(),
  unitId: ResUuid.nullable(),
});
export const LoginResponseSchema = z.looseObject({
  accessToken: z.string().min(1),
  expiresIn: z.number().int().positive(),
  user: AuthUserResponseSchema,
});

const HealthIndicator = z.record(z.string(), z.looseObject({ status: z.enum(['up', 'down']) }));
export const HealthResponseSchema = z.looseObject({
  status: z.enum(['ok', 'error', 'shutting_down']),
  info: HealthIndicator.optional(),
  error: HealthIndicator.optional(),
  details: HealthIndicator,
});

export const CaseViewResponseSchema = z.looseObject({
  id: ResUuid,
  kind: z.string(),
  businessKey: z.string(),
  title: z.string(),
  status: z.enum(['open', 'closed', 'cancelled']),
  stage: z.string().nullable(),
  outcome: z.string().nullable(),
  waitingOn: z.array(WaitingOnSchema).nullable(),
  waitingSince: ResDateTime.nullable(),
  dueAt: ResDateTime.nullable(),
  workflowId: z.string(),
  temporalUrl: z.string().nullable(),
  policyVersion: z.number().int().nullable(),
  flowVersion: z.number().int().nullable(),
  data: z.record(z.string(), ResJson),
  createdBy: ResUuid.nullable(),
  createdByName: z.string().nullable(),
  createdAt: ResDateTime,
  updatedAt: ResDateTime,
});
/** The live state of a case (the workflow's answer to an accepted task action). */
export const CaseStateResponseSchema = z.looseObject({
  caseId: ResUuid,
  kind: z.string(),
  status: z.enum(['open', 'closed', 'cancelled']),
  stage: z.string().nullable(),
  outcome: z.string().nullable(),
  waitingOn: z.array(WaitingOnSchema).nullable(),
  waitingSince: ResDateTime.nullable(),
  dueAt: ResDateTime.nullable(),
  data: z.record(z.string(), ResJson),
});
export const TaskViewResponseSchema = z.looseObject({
  id: ResUuid,
  caseId: ResUuid,
  caseTitle: z.string(),
  kind: z.string(),
  workflowId: z.string(),
  stage: z.string(),
  stageLabel: z.string().nullable(),
  assigneeRole: z.string().nullable(),
  assigneeUserId: ResUuid.nullable(),
  assigneeName: z.string().nullable(),
  claimedBy: ResUuid.nullable(),
  claimedByName: z.string().nullable(),
  status: z.enum(['open', 'done', 'cancelled']),
  decision: z.string().nullable(),
  decidedBy: ResUuid.nullable(),
  decidedByName: z.string().nullable(),
  decidedAt: ResDateTime.nullable(),
  decisionComment: z.string().nullable(),
  allowedActions: z.array(z.string()),
  dueAt: ResDateTime.nullable(),
  createdAt: ResDateTime,
  overdue: z.boolean(),
  batchApprove: z.boolean(),
});
export const BatchApproveResponseSchema = z.looseObject({
  done: z.array(ResUuid),
  failed: z.array(
    z.looseObject({
      taskId: z.string(),
      caseTitle: z.string().nullable(),
      code: z.string(),
      params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
    }),
  ),
});
export const TimelineEntryResponseSchema = z.looseObject({
  at: ResDateTime,
  actor: z.string().nullable(),
  actorId: z.string().nullable().optional(),
  actorName: z.string().nullable().optional(),
  action: z.string(),
  stage: z.string().nullable().optional(),
  stageLabel: z.string().nullable().optional(),
  comment: z.string().nullable().optional(),
  data: ResJson.optional(),
  details: ResJson.optional(),
});
export const CaseDetailResponseSchema = CaseViewResponseSchema.extend({
  tasks: z.array(TaskViewResponseSchema),
  timeline: z.array(TimelineEntryResponseSchema),
  names: z.record(z.string(), z.string()),
});

export const OrgUnitResponseSchema = z.looseObject({
  id: ResUuid,
  parentId: ResUuid.nullable().optional(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(['company', 'branch', 'centre', 'hall', 'team']),
});
export const EmployeeResponseSchema = z.looseObject({
  id: ResUuid,
  code: z.string(),
  name: z.string(),
  unitId: ResUuid,
  post: z.string(),
  postBonusFen: z.number().int(),
  hireDate: ResDate.nullable().optional(),
  jobType: z.string(),
  employmentType: z.enum(['staff', 'temporary', 'outsourced']),
  supervisorId: ResUuid.nullable().optional(),
  vpId: ResUuid.nullable().optional(),
});
export const UserResponseSchema = z.looseObject({
  id: ResUuid,
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.string()),
  employeeId: ResUuid.nullable().optional(),
  active: z.boolean(),
});
/** An import's outcome: rows imported (and, where the import keeps going past bad rows, the rows refused). */
export const ImportResultResponseSchema = z.looseObject({ imported: z.number().int().min(0) });

export const AuditEntryResponseSchema = z.looseObject({
  id: z.string(),
  at: ResDateTime,
  actorId: ResUuid.nullable(),
  actor: z.string().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entity: z.string().nullable(),
  entityId: z.string().nullable(),
  caseId: ResUuid.nullable(),
  caseTitle: z.string().nullable(),
  workflowId: z.string().nullable(),
  before: ResJson,
  after: ResJson,
  details: ResJson,
});

const VersionCommon = {
  version: z.number().int().positive(),
  status: z.enum(['draft', 'published']),
  label: z.string(),
  description: z.string(),
  authorId: ResUuid.nullable(),
  author: z.string().nullable(),
  createdAt: ResDateTime,
  publishedAt: ResDateTime.nullable(),
};
export const FlowVersionResponseSchema = z.looseObject({
  id: z.string().regex(/^[a-z-]+-v\d+$/),
  kind: z.string(),
  ...VersionCommon,
  stages: z.array(z.record(z.string(), ResJson)),
});
export const PolicyVersionResponseSchema = z.looseObject({
  id: z.number().int().positive(),
  ...VersionCommon,
  effectiveFrom: ResDate.nullable(),
  body: z.record(z.string(), ResJson),
});
/** The differences of two policy versions, as `diffPolicies` lists them. */
export const PolicyDiffResponseSchema = z.array(z.looseObject({ path: z.string(), before: ResJson, after: ResJson }));
