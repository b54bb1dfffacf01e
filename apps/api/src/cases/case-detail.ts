import { TimelineEntry, CaseView } from '@qf/contracts';
import { collectUuids } from './case-views';

/** Stage keys → labels: the pinned flow's stages, then the labels the tasks carry. */
export function stageLabels(flow: { stages?: { key?: string; label?: string }[] } | null, tasks: any[]) {
  const labels: Record<string, string> = {};
  for (const st of flow?.stages ?? []) if (st.key && st.label) labels[st.key] = st.label;
  for (const t of tasks) labels[t.stage] ??= t.stage_label;
  return labels;
}

/** Audit rows of a case as its 审批记录: task actions carry their comment and data. */
export function timelineEntries(rows: any[], labels: Record<string, string>): TimelineEntry[] {
  return rows.map((t) => {
    const isAction =
      typeof t.action === 'string' && t.action.startsWith('task.') && t.details && typeof t.details === 'object';
    return {
      at: new Date(t.at).toISOString(),
      actor: t.actor,
      actorId: t.actor_id ?? null,
      actorName: t.actor_name ?? null,
      action: t.action,
      stage: t.stage,
      stageLabel: t.stage ? (labels[t.stage] ?? null) : null,
      ...(isAction ? { comment: t.details.comment ?? null, data: t.details.data ?? null } : {}),
      details: t.details,
    };
  });
}

export const caseNames = {
  /** every person, unit or user id a case page shows */
  ids(view: CaseView, entries: TimelineEntry[], createdBy: string | null, tasks: any[]): Set<string> {
    return collectUuids([
      view.data,
      view.waitingOn,
      entries.map((e) => e.details),
      createdBy,
      tasks.map((t) => [t.assignee_user_id, t.claimed_by, t.decided_by]),
    ]);
  },
  /** complaint category keys (C-4) the case mentions, named by the case's pinned policy */
  addCategories(names: Record<string, string>, pinnedPolicy: any, mentioned: unknown): void {
    const used = JSON.stringify(mentioned);
    const severities = (pinnedPolicy?.complaints?.severities ?? {}) as Record<
      string,
      { categories?: { key: string; label: string }[] }
    >;
    for (const sev of Object.values(severities))
      for (const cat of sev.categories ?? []) if (used.includes(`"${cat.key}"`)) names[cat.key] = cat.label;
  },
};
