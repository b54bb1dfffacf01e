/** Shapes of a complaint case's data for the api's views (registration fields at the top level, people named). */

export type Appeal = { by?: unknown; reason?: unknown };

const asArray = (v: unknown): Record<string, unknown>[] =>
  Array.isArray(v) ? v.filter((x) => x && typeof x === 'object') : [];

/** Every employee a complaint names: concerned (C-1), accountable (C-3) and in an appeal decision (C-12). */
export function employeeIdsOf(data: Record<string, unknown>): string[] {
  const complaint = (data.complaint ?? {}) as { employeeIds?: unknown };
  const ruling = (data.ruling ?? {}) as { persons?: unknown };
  const decision = (data.appealDecision ?? {}) as { points?: unknown };
  return [
    ...(Array.isArray(complaint.employeeIds) ? complaint.employeeIds : []),
    ...asArray(ruling.persons).map((p) => p.employeeId),
    ...asArray(decision.points).map((p) => p.employeeId),
  ].filter((x): x is string => typeof x === 'string');
}

export const pick = <T>(all: Record<string, T>, ids: string[]): Record<string, T> =>
  Object.fromEntries(ids.filter((id) => all[id]).map((id) => [id, all[id]]));

/** The registration fields also at the top level, for list columns and filters. */
export function flatten(
  data: Record<string, unknown>,
): Record<string, unknown> & { appeals: Appeal[]; unitId?: unknown } {
  return {
    ...(data.complaint as Record<string, unknown>),
    complaint: data.complaint,
    verification: data.verification ?? null,
    ruling: data.ruling ?? null,
    appeals: (Array.isArray(data.appeals) ? data.appeals : []) as Appeal[],
    appealDecision: data.appealDecision ?? null,
  };
}
