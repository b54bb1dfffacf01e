import { CaseView, TaskView } from '@qf/contracts';

// the case and task rows and the names of people come from the cases repository (libs/persistence)
export { resolveNames, userNameSql } from '@qf/persistence';

const iso = (d: Date | string | null) => (d instanceof Date ? d.toISOString() : d ? new Date(d).toISOString() : null);

/** `temporalUrl` is null unless given (admins only: the Temporal Web UI can reset and terminate workflows). */
export function toCaseView(r: any, temporalUrl: ((wf: string) => string) | null): CaseView {
  const waitingNames: Record<string, string> = r.waiting_names ?? {};
  const waitingOn = Array.isArray(r.waiting_on)
    ? r.waiting_on.map((w: { userId?: string }) =>
        w?.userId && waitingNames[w.userId] ? { ...w, name: waitingNames[w.userId] } : w,
      )
    : r.waiting_on;
  return {
    id: r.id,
    kind: r.kind,
    businessKey: r.business_key,
    title: r.title,
    status: r.status,
    stage: r.stage,
    outcome: r.outcome,
    waitingOn,
    waitingSince: iso(r.waiting_since),
    dueAt: iso(r.due_at),
    workflowId: r.workflow_id,
    temporalUrl: temporalUrl ? temporalUrl(r.workflow_id) : null,
    policyVersion: r.policy_version,
    flowVersion: r.flow_version,
    data: r.data,
    createdBy: r.created_by,
    createdByName: r.created_by_name ?? null,
    createdAt: iso(r.created_at)!,
    updatedAt: iso(r.updated_at)!,
  };
}

export function toTaskView(r: any, now = Date.now()): TaskView {
  return {
    id: r.id,
    caseId: r.case_id,
    caseTitle: r.case_title,
    kind: r.kind,
    workflowId: r.workflow_id,
    stage: r.stage,
    stageLabel: r.stage_label,
    assigneeRole: r.assignee_role,
    assigneeUserId: r.assignee_user_id,
    assigneeName: r.assignee_name ?? null,
    claimedBy: r.claimed_by,
    claimedByName: r.claimed_by_name ?? null,
    status: r.status,
    decision: r.decision,
    decidedBy: r.decided_by,
    decidedByName: r.decided_by_name ?? null,
    decidedAt: iso(r.decided_at),
    decisionComment: r.decision_comment ?? null,
    allowedActions: r.allowed_actions,
    dueAt: iso(r.due_at),
    createdAt: iso(r.created_at)!,
    overdue: r.status === 'open' && !!r.due_at && new Date(r.due_at).getTime() < now,
    batchApprove: r.batch_approve === true,
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Every UUID-shaped string in a value (deep). */
export function collectUuids(value: unknown, into = new Set<string>()): Set<string> {
  if (typeof value === 'string') {
    if (UUID.test(value)) into.add(value.toLowerCase());
  } else if (Array.isArray(value)) value.forEach((v) => collectUuids(v, into));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => collectUuids(v, into));
  return into;
}

/**
 * A month's settlement case carries the company-wide totals in its data (the workflow's state): only the org-wide
 * roles see them; a branch head reads their branch's figures through /api/settlements (issue 12, scope).
 */
export function scopedCaseData(view: CaseView, orgWide: boolean): CaseView {
  if (orgWide || view.kind !== 'settlement' || !view.data || typeof view.data !== 'object') return view;
  const { totals: _totals, ...rest } = view.data as Record<string, unknown>;
  return { ...view, data: rest };
}
