import type { Queryable } from '../core/queryable';
import { resolveNames } from './cases.repository';

/** Adds `name` (姓名（工号）) to each `waitingOn` entry that names a user, as the case views do. */
export async function withWaitingNames<T extends { waitingOn?: unknown }>(q: Queryable, rows: T[]): Promise<T[]> {
  const ids = rows.flatMap((r) =>
    Array.isArray(r.waitingOn)
      ? r.waitingOn.map((w: { userId?: string }) => w?.userId).filter((x): x is string => !!x)
      : [],
  );
  if (!ids.length) return rows;
  const names = await resolveNames(q, ids);
  return rows.map((r) =>
    Array.isArray(r.waitingOn)
      ? {
          ...r,
          waitingOn: r.waitingOn.map((w: { userId?: string }) =>
            w?.userId && names[w.userId] ? { ...w, name: names[w.userId] } : w,
          ),
        }
      : r,
  );
}
