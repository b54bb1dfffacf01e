import type { z } from 'zod';
import type {
  SimulationChangeResponseSchema,
  SimulationDetailResponseSchema,
  SimulationResponseSchema,
} from '@qf/contracts/simulations';

type Detail = z.infer<typeof SimulationDetailResponseSchema>;
/** A what-if simulation as the api gives it: a list row, or `GET /simulations/:id` with progress and summary. */
export type SimulationRecord = z.infer<typeof SimulationResponseSchema> &
  Partial<Pick<Detail, 'progress' | 'summary' | 'moves' | 'units' | 'results'>>;
/** One star pay (S-10, S-12), repairer score (E-5), scorecard total or K-5 fine that would change. */
export type SimulationResult = NonNullable<Detail['results']>[number];
/** One person whose result would change (`GET /simulations/:id/changes`). */
export type SimulationChange = z.infer<typeof SimulationChangeResponseSchema>;

export const changesResource = (id: string | number) => `simulations/${encodeURIComponent(String(id))}/changes`;

/** Signed yuan with two decimals (a money delta): +12.00 元 / -3.50 元. */
export const formatYuanDelta = (fen: unknown): string =>
  typeof fen === 'number' && Number.isFinite(fen) ? `${fen > 0 ? '+' : ''}${(fen / 100).toFixed(2)} 元` : '—';

/** Signed points with one decimal. */
export const formatPointsDelta = (x10: number): string => `${x10 > 0 ? '+' : ''}${(x10 / 10).toFixed(1)}`;

/** The months from `from` to `to` (YYYY-MM, inclusive), at most 24; empty when the range is reversed or malformed. */
export function monthRange(from: string, to: string): string[] {
  const ok = /^\d{4}-(0[1-9]|1[0-2])$/;
  if (!ok.test(from) || !ok.test(to) || from > to) return [];
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number);
  for (let key = from; key <= to && out.length < 24;) {
    out.push(key);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
    key = `${y}-${String(m).padStart(2, '0')}`;
  }
  return out;
}

/** The last `n` finished months before today: [first, last]. */
export function lastMonths(n: number, today = new Date()): [string, string] {
  const at = (k: number) => {
    const d = new Date(today.getFullYear(), today.getMonth() - k, 1);
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
  };
  return [at(n), at(1)];
}
