import { Actor, CaseState, TaskRef } from './workflow';
import { Role } from './common';
import { CaseStatus, TaskActionName, WaitingOn } from './cases';

/** The activities contract: workflows call these (by type only); `activities/` implements them. */
export interface SyncCaseInput {
  caseId: string;
  status: CaseStatus;
  stage: string | null;
  outcome: string | null;
  waitingOn: WaitingOn[];
  waitingSince: string | null;
  dueAt: string | null;
  data: Record<string, unknown>;
  /** audit entry for the change, idempotent by key; `actor`: the user whose request made it (else 'system') */
  audit?: { key: string; action: string; actor?: { id: string; name: string } | null; details?: unknown };
}

export interface OpenTasksInput {
  caseId: string;
  workflowId: string;
  stage: string;
  stageLabel: string;
  round: number;
  assignees: { slot: number; role: Role | null; userId: string | null }[];
  allowedActions: TaskActionName[];
  dueAt: string | null;
}

export interface RecordActionInput {
  caseId: string;
  workflowId: string;
  stage: string;
  requestId: string;
  taskId: string;
  actor: Actor;
  action: TaskActionName;
  comment?: string;
  data?: Record<string, unknown>;
  /** new task row state after the action */
  task: {
    status: 'open' | 'done' | 'cancelled';
    decision: string | null;
    assigneeUserId?: string | null;
    claimedBy?: string | null;
  };
}

export interface RecordClosingActionInput {
  action: RecordActionInput;
  close: { workflowId: string; stage: string; round: number };
  sync: SyncCaseInput;
}

/** A stage's tasks and the case's `stage.opened` state, in one transaction (issue 18). */
export interface OpenStageInput {
  tasks: OpenTasksInput;
  sync: SyncCaseInput;
}

export interface NotifyInput {
  key: string;
  kind: 'reminder' | 'overdue' | 'escalation';
  caseId: string;
  workflowId: string;
  taskId: string | null;
  role: Role | null;
  userId: string | null;
  message: string;
}

export interface LedgerLine {
  employeeId: string;
  reason: string;
  points: number;
  severity?: string;
}

/** Activities of the complaint process (C-11, C-12, posting). */
export interface ComplaintActivities {
  usersOfEmployees(employeeIds: string[]): Promise<{ employeeId: string; userId: string }[]>;
  publishNotice(input: { caseId: string; workflowId: string; notice: unknown }): Promise<void>;
  postLedger(input: {
    caseId: string;
    workflowId: string;
    source: string;
    month: string;
    lines: LedgerLine[];
  }): Promise<number>;
}

/** Activities of the monthly settlement (H-1…H-3). */
export interface SettlementActivities {
  computeSettlement(input: {
    settlementId: string;
    month: string;
    policy: unknown;
    /** the policy version the case pinned (named in each row's why) */
    policyVersion?: number;
  }): Promise<{ employees: number; pointsX10: number; moneyFen: number; branches: number }>;
  setSettlementStatus(input: { settlementId: string; status: 'computing' | 'confirming' | 'approving' }): Promise<void>;
  lockMonth(input: { settlementId: string; month: string; workflowId: string }): Promise<void>;
}

/** Activities of a rectification (E-7, E-8, Q-2). */
export interface RectificationActivities {
  nextMeeting(afterIso: string): Promise<{ meetingId: string; scheduledAt: string } | null>;
  updateRectification(input: {
    caseId: string;
    meetingId?: string | null;
    dueAt?: string | null;
    status?: 'open' | 'submitted' | 'confirmed';
    overdue?: boolean;
    submittedAt?: string | null;
  }): Promise<void>;
}

export interface CaseActivities {
  syncCase(input: SyncCaseInput): Promise<void>;
  roleHolders(role: Role): Promise<string[]>;
  /** active team-lead logins of the unit (empty when the unit has none) */
  teamLeadsOf(unitId: string): Promise<string[]>;
  openStageTasks(input: OpenTasksInput): Promise<TaskRef[]>;
  /** a stage's tasks and the case's `stage.opened` state, in one transaction */
  openStage(input: OpenStageInput): Promise<TaskRef[]>;
  recordAction(input: RecordActionInput): Promise<void>;
  closeStage(input: { workflowId: string; stage: string; round: number }): Promise<number>;
  /** the action that closes its stage, the stage's close and the case's `stage.closed` state, in one transaction */
  recordClosingAction(input: RecordClosingActionInput): Promise<void>;
  notify(input: NotifyInput): Promise<void>;
}

export type { CaseState };
