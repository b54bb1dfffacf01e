import type { Queryable } from '@qf/persistence';
import { caseNumbers } from '@qf/persistence';

interface WhyEntryView {
  rule: string;
  facts?: {
    caseIds?: string[];
    caseNos?: string[];
    ledgerCases?: { group: string; count: number };
    [k: string]: unknown;
  };
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

/**
 * Issue 18: one row's why with the cases of every rule: a why stored with its case ids (issue 16) as stored, one whose
 * rules name a ledger group (`facts.ledgerCases`) with the group's cases read from the ledger; all by number. A group
 * whose number of entries differs from the count its rule stored (postings while the computation ran) says how many
 * it found (`facts.casesFound`).
 */
export async function rowWhyWithCases(
  q: Queryable,
  why: unknown,
  groups: Map<string, (string | null)[]>,
): Promise<WhyEntryView[]> {
  const listed = entriesOf(why).map((w): WhyEntryView => {
    const lc = w.facts?.ledgerCases;
    if (!lc) return w;
    const found = groups.get(lc.group) ?? [];
    const caseIds = found.filter((id): id is string => id !== null);
    return { ...w, facts: { ...w.facts, caseIds, ...(found.length !== lc.count ? { casesFound: found.length } : {}) } };
  });
  const [row] = await whyWithCaseNumbers(q, [{ why: listed }]);
  return row.why;
}
