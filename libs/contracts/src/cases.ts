import { z } from 'zod';
import { lazySchema } from './lazy-schema';
import { Role } from './common';

export const CASE_KINDS = [
  'review',
  'complaint',
  'settlement',
  'rectification',
  'star-campaign',
  'star-application',
  'star-review',
  'repair-star',
  'perception-month',
  'interview',
  'scorecard-month',
  'quarterly-assessment',
  'order-redispatch',
  'service-fine',
] as const;
export type CaseKind = (typeof CASE_KINDS)[number];
export type CaseStatus = 'open' | 'closed' | 'cancelled';

export { REVIEW_CASE_STARTERS } from './case-starters';

/** Minimal generic case (kind "review"): one or more approval stages from the flow definition. */
export const CreateCaseSchema = lazySchema(() =>
  z.object({
    title: z.string().trim().min(1, 'title is required').max(200),
    description: z.string().max(5000).default(''),
    businessKey: z.string().trim().min(1).max(100).optional(),
  }),
);
export type CreateCaseInput = z.infer<typeof CreateCaseSchema>;

/** `name`: the waited-on person as 姓名（工号） (or the login's display name), added by the api. */
export interface WaitingOn {
  role?: Role;
  userId?: string;
  username?: string;
  name?: string;
}

export interface CaseView {
  id: string;
  kind: CaseKind;
  businessKey: string;
  title: string;
  status: CaseStatus;
  stage: string | null;
  outcome: string | null;
  waitingOn: WaitingOn[];
  waitingSince: string | null;
  dueAt: string | null;
  workflowId: string;
  /** Link into the Temporal Web UI (which can reset and terminate workflows): admins only, null for everyone else. */
  temporalUrl: string | null;
  policyVersion: number;
  flowVersion: number;
  data: Record<string, unknown>;
  createdBy: string | null;
  /** who started the case: 姓名（工号）, or the login's display name */
  createdByName: string | null;
  createdAt: string;
  updatedAt: string;
}

/**
 * One line of a case's 审批记录: `actor` stays the login name (or system/schedule); `actorName` is 姓名（工号） of the
 * person; `comment` and `data` are what a task action carried (data with employee/user ids resolved through `names`).
 */
export interface TimelineEntry {
  at: string;
  actor: string | null;
  actorId?: string | null;
  actorName?: string | null;
  action: string;
  stage?: string | null;
  stageLabel?: string | null;
  comment?: string | null;
  data?: unknown;
  details?: unknown;
}
/** `names`: every person id (employee or user) met in the case's data, tasks and timeline → 姓名（工号）; unit ids and complaint category keys → their names. */
export interface CaseDetail extends CaseView {
  tasks: TaskView[];
  timeline: TimelineEntry[];
  names: Record<string, string>;
}

export const TASK_ACTIONS = [
  'approve',
  'reject',
  'return',
  'delegate',
  'add-signer',
  'withdraw',
  'comment',
  'claim',
] as const;
export const TaskActionNameSchema = lazySchema(() => z.enum(TASK_ACTIONS));
export type TaskActionName = z.infer<typeof TaskActionNameSchema>;

export const TaskActionSchema = lazySchema(() =>
  z.object({
    action: TaskActionNameSchema,
    comment: z.string().max(2000).optional(),
    data: z.record(z.string(), z.unknown()).optional(),
  }),
);
export type TaskActionInput = z.infer<typeof TaskActionSchema>;

export type TaskStatus = 'open' | 'done' | 'cancelled';
export interface TaskView {
  id: string;
  caseId: string;
  caseTitle: string;
  kind: CaseKind;
  workflowId: string;
  stage: string;
  stageLabel: string;
  assigneeRole: Role | null;
  assigneeUserId: string | null;
  /** 姓名（工号） of assigneeUserId / claimedBy / decidedBy (user ids kept beside them) */
  assigneeName: string | null;
  claimedBy: string | null;
  claimedByName: string | null;
  status: TaskStatus;
  decision: string | null;
  decidedBy: string | null;
  decidedByName: string | null;
  decidedAt: string | null;
  /** the comment the decider gave with the decision (已办) */
  decisionComment: string | null;
  allowedActions: TaskActionName[];
  dueAt: string | null;
  createdAt: string;
  overdue: boolean;
  /** the stage may be approved together with other tasks of the same stage (the flow's `batchApprove`, issue 17) */
  batchApprove: boolean;
}

/** 批量同意 (issue 17): several open tasks of one stage whose flow allows it; each is approved as a single approve. */
export const BatchApproveSchema = lazySchema(() =>
  z.object({
    taskIds: z.array(z.uuid()).min(1).max(50),
    comment: z.string().max(2000).optional(),
  }),
);
export type BatchApproveInput = z.infer<typeof BatchApproveSchema>;

/** A task the batch could not approve: the refusal's stable code and params (as a single approve answers). */
export interface BatchApproveFailure {
  taskId: string;
  caseTitle: string | null;
  code: string;
  params?: Record<string, string | number>;
}
export interface BatchApproveResult {
  done: string[];
  failed: BatchApproveFailure[];
}
