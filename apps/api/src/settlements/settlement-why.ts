import type { Queryable } from '@qf/persistence';
import { caseNumbers } from '@qf/persistence';

interface WhyEntryView {
  rule: string;
  facts?: { caseIds?: string[]; caseNos?: string[]; [k: string]: unknown };
  [k: string]: unknown;
}

const entriesOf = (why: unknown): WhyEntryView[] => (Array.isArray(why) ? (why as WhyEntryView[]) : []);

/**
 * Issue 16: a settlement row's why as stored (rule, params, counted facts, policy version), its counted cases named by
 * their human number (one lookup for the page's rows).
 */
export async function whyWithCaseNumbers<T extends { why: unknown }>(
  q: Queryable,
  rows: T[],
): Promise<(T & { why: WhyEntryView[] })[]> {
  const ids = rows.flatMap((r) => entriesOf(r.why).flatMap((w) => w.facts?.caseIds ?? []));
  const nos = await caseNumbers(q, ids);
  return rows.map((r) => ({
    ...r,
    why: entriesOf(r.why).map((w) =>
      w.facts?.caseIds?.length
        ? { ...w, facts: { ...w.facts, caseNos: w.facts.caseIds.map((id) => nos.get(id) ?? '—') } }
        : w,
    ),
  }));
}
