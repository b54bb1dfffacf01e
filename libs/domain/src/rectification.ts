import type { Policy } from '@qf/policy';
import { addWorkingDays } from './calendar';
import { EvaluationChoice, EvaluatorKind } from './evaluation';

export type RectificationOrigin = 'dissatisfied-callback' | 'supervision-order' | 'inspection';
export type RectificationStatus = 'open' | 'submitted' | 'confirmed';

export interface Rectification {
  id: string;
  origin: RectificationOrigin;
  status: RectificationStatus;
  openedAt: string;
  /** null when no meeting is scheduled yet */
  dueAt: string | null;
  teamId?: string;
  teamLeadId?: string;
  managerId?: string;
  assigneeId?: string;
}

/**
 * E-7: what a dissatisfied evaluation opens: a callback by a dispatcher or manager opens a rectification;
 * the foreman's own dissatisfied self-evaluation needs only an internal note; other choices nothing.
 */
export function rectificationFor(
  evaluatorKind: EvaluatorKind,
  choice: EvaluationChoice,
): 'rectification' | 'internal-note' | null {
  if (choice !== 'dissatisfied') return null;
  return evaluatorKind === 'foreman' ? 'internal-note' : 'rectification';
}

/** E-7: due at the first fault-analysis meeting after the opening instant; null when none is scheduled. */
export function rectificationDueAt(meetings: readonly string[], openedAt: string): string | null {
  const t = Date.parse(openedAt);
  const next = meetings
    .map((m) => ({ m, t: Date.parse(m) }))
    .filter((x) => x.t > t)
    .sort((a, b) => a.t - b.t)[0];
  return next ? new Date(next.t).toISOString() : null;
}

/** E-8: open (not submitted) past its due meeting. */
export function isOverdue(rect: Pick<Rectification, 'status' | 'dueAt'>, now: string): boolean {
  return rect.status === 'open' && rect.dueAt !== null && Date.parse(now) > Date.parse(rect.dueAt);
}

/**
 * an inspection finding becomes a rectification with a deadline, an assignee and a confirmation step,
 * like E-7: an explicit deadline wins, else the next fault-analysis meeting, else the policy's working days.
 */
export function inspectionRectification(
  finding: { id: string; foundAt: string; assigneeId: string; deadline?: string | null; teamId?: string },
  meetings: readonly string[],
  policy: Policy,
): Rectification & { needsConfirmation: true } {
  const dueAt =
    finding.deadline ??
    rectificationDueAt(meetings, finding.foundAt) ??
    addWorkingDays(finding.foundAt, policy.quality.findingFallbackWorkingDays, policy.calendar);
  return {
    id: `finding-${finding.id}`,
    origin: 'inspection',
    status: 'open',
    openedAt: finding.foundAt,
    dueAt,
    assigneeId: finding.assigneeId,
    teamId: finding.teamId,
    needsConfirmation: true,
  };
}
