import { CaseView, TaskView } from '@qf/contracts';

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

/** SQL select list for a case row, mapped to CaseView by toCaseView. */
export const CASE_COLUMNS = `c.id, c.kind, c.business_key, c.title, c.status, c.stage, c.outcome, c.waiting_on, c.waiting_since, c.due_at,
  c.workflow_id, c.policy_version, c.flow_version, c.data, c.created_by, c.created_at, c.updated_at`;

export function toCaseView(r: any, temporalUrl: (wf: string) => string): CaseView {
  return {
    id: r.id, kind: r.kind, businessKey: r.business_key, title: r.title, status: r.status, stage: r.stage, outcome: r.outcome,
    waitingOn: r.waiting_on, waitingSince: iso(r.waiting_since), dueAt: iso(r.due_at), workflowId: r.workflow_id,
    temporalUrl: temporalUrl(r.workflow_id), policyVersion: r.policy_version, flowVersion: r.flow_version, data: r.data,
    createdBy: r.created_by, createdAt: iso(r.created_at)!, updatedAt: iso(r.updated_at)!,
  };
}

export const TASK_COLUMNS = `t.id, t.case_id, c.title AS case_title, c.kind, t.workflow_id, t.stage, t.stage_label, t.assignee_role, t.assignee_user_id,
  t.claimed_by, t.status, t.decision, t.decided_by, t.decided_at, t.allowed_actions, t.due_at, t.created_at`;

export function toTaskView(r: any, now = Date.now()): TaskView {
  return {
    id: r.id, caseId: r.case_id, caseTitle: r.case_title, kind: r.kind, workflowId: r.workflow_id, stage: r.stage, stageLabel: r.stage_label,
    assigneeRole: r.assignee_role, assigneeUserId: r.assignee_user_id, claimedBy: r.claimed_by, status: r.status, decision: r.decision,
    decidedBy: r.decided_by, decidedAt: iso(r.decided_at), allowedActions: r.allowed_actions, dueAt: iso(r.due_at), createdAt: iso(r.created_at)!,
    overdue: r.status === 'open' && !!r.due_at && new Date(r.due_at).getTime() < now,
  };
}
