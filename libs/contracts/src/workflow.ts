import { z } from 'zod';
import { lazySchema } from './lazy-schema';
import { RoleSchema, Role } from './common';
import { TaskActionNameSchema, CaseKind, CaseStatus, WaitingOn } from './cases';

// The `act` Update and the `state` Query are typed definitions in ./messages (`@qf/contracts/messages`).

export const ActorSchema = lazySchema(() =>
  z.object({
    userId: z.string().min(1),
    username: z.string().min(1),
    roles: z.array(RoleSchema),
    employeeId: z.string().nullable().optional(),
  }),
);
export type Actor = z.infer<typeof ActorSchema>;

/** Payload of the `act` Update: a human action on one task. */
export const ActUpdateSchema = lazySchema(() =>
  z.object({
    taskId: z.string().min(1),
    action: TaskActionNameSchema,
    actor: ActorSchema,
    comment: z.string().max(2000).optional(),
    data: z.record(z.string(), z.unknown()).optional(),
    /** Client-chosen idempotency key: the same request twice is recorded once. */
    requestId: z.string().min(1).max(100),
  }),
);
export type ActUpdate = z.infer<typeof ActUpdateSchema>;

/** Failure types thrown by validators and activities; the api maps them to HTTP statuses. */
export const FAILURE = {
  badRequest: 'QF_BAD_REQUEST',
  forbidden: 'QF_FORBIDDEN',
  conflict: 'QF_CONFLICT',
  notFound: 'QF_NOT_FOUND',
} as const;

export interface TaskRef {
  id: string;
  role: Role | null;
  userId: string | null;
  slot: number;
}

/** Live state returned by the `state` query and by every accepted Update. */
export interface CaseState {
  caseId: string;
  kind: CaseKind;
  status: CaseStatus;
  stage: string | null;
  outcome: string | null;
  waitingOn: WaitingOn[];
  waitingSince: string | null;
  dueAt: string | null;
  data: Record<string, unknown>;
}

/** Input of every case workflow: versions are pinned here, at start, for the life of the case. */
export interface CaseWorkflowInput {
  caseId: string;
  kind: CaseKind;
  businessKey: string;
  initiatorUserId: string | null;
  policyVersion: number;
  flowVersion: number;
  /** the published flow definition body (libs/policy FlowDefinition) */
  flow: unknown;
  /** the pinned policy version's body (libs/policy Policy) */
  policy?: unknown;
  /** the working-day calendar of the pinned policy */
  calendar: { timeZone: string; holidays: string[]; extraWorkingDays?: string[]; workingWeekdays: number[] };
  data: Record<string, unknown>;
}

/**
 * The case workflows the api starts (CasesService.start), by their Temporal workflow type: the name of the exported
 * workflow function. workflows/src/case-workflows.spec.ts has the compiler check that each one is a workflow of the
 * worker taking a CaseWorkflowInput; a name not in this list does not compile where the api starts a case.
 */
export const CASE_WORKFLOW_TYPES = [
  'reviewCase',
  'complaintLiability',
  'monthlySettlement',
  'rectification',
  'repairStar',
  'starCampaign',
  'starMonthlyReview',
  'perceptionMonth',
  'interview',
  'scorecardMonth',
  'quarterlyAssessment',
  'serviceFine',
] as const;
export type CaseWorkflowType = (typeof CASE_WORKFLOW_TYPES)[number];
/** The signature every case workflow has (the typed reference the api starts a workflow through; the result is the
 * case's state, or what a skipped run says). */
export type CaseWorkflow = (input: CaseWorkflowInput) => Promise<unknown>;
