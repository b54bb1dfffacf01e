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

/** E-7: the meeting confirms the rectification, or reopens it, due at the following meeting. */
export function meetingReview(
  rect: Rectification,
  outcome: 'confirm' | 'reopen',
  meetingAt: string,
  meetings: readonly string[],
): Rectification {
  if (outcome === 'confirm') return { ...rect, status: 'confirmed' };
  return { ...rect, status: 'open', dueAt: rectificationDueAt(meetings, meetingAt) };
}

/** E-7: the team lead submits; a submission after the due meeting is refused. */
export function canSubmit(rect: Rectification, at: string): { ok: boolean; reason: string } {
  if (rect.status !== 'open') return { ok: false, reason: `rectification is ${rect.status} (E-7)` };
  if (rect.dueAt && Date.parse(at) > Date.parse(rect.dueAt))
    return { ok: false, reason: `due before the meeting at ${rect.dueAt}; it is overdue (E-7)` };
  return { ok: true, reason: 'submitted before the due meeting (E-7)' };
}

/** E-8: open (not submitted) past its due meeting. */
export function isOverdue(rect: Pick<Rectification, 'status' | 'dueAt'>, now: string): boolean {
  return rect.status === 'open' && rect.dueAt !== null && Date.parse(now) > Date.parse(rect.dueAt);
}

/** E-8: reminders for overdue rectifications go to the team lead and the manager. */
export function overdueReminders(
  rects: readonly Rectification[],
  now: string,
): { rectificationId: string; recipients: string[] }[] {
  return rects
    .filter((r) => isOverdue(r, now))
    .map((r) => ({ rectificationId: r.id, recipients: [r.teamLeadId, r.managerId].filter((x): x is string => !!x) }));
}

/** E-8: dashboard: open rectifications with their due meeting, and overdue counts per team. */
export function rectificationDashboard(
  rects: readonly Rectification[],
  now: string,
): {
  open: { id: string; dueAt: string | null; overdue: boolean }[];
  overdueTotal: number;
  overdueByTeam: Record<string, number>;
} {
  const open = rects
    .filter((r) => r.status !== 'confirmed')
    .map((r) => ({ id: r.id, dueAt: r.dueAt, overdue: isOverdue(r, now) }));
  const overdueByTeam: Record<string, number> = {};
  for (const r of rects)
    if (isOverdue(r, now)) overdueByTeam[r.teamId ?? '-'] = (overdueByTeam[r.teamId ?? '-'] ?? 0) + 1;
  return { open, overdueTotal: open.filter((o) => o.overdue).length, overdueByTeam };
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
