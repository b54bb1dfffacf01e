/** The median of some timings (the middle one; the upper middle for an even count). */
export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const time = async (fn: () => Promise<unknown>) => {
  const t = performance.now();
  await fn();
  return performance.now() - t;
};

/**
 * A product computation against a plain baseline query on the same data: one warm-up of each (caches, plans, the first
 * write of the results), then `rounds` interleaved pairs; prints each pair, the medians and their ratio.
 */
export async function interleavedRatio(o: {
  rounds: number;
  baseline: { label: string; run: () => Promise<unknown> };
  ours: { label: string; run: () => Promise<unknown> };
  digits?: number;
}): Promise<{ baselineMs: number; oursMs: number; ratio: number }> {
  const s = (ms: number) => `${(ms / 1000).toFixed(o.digits ?? 3)} s`;
  await o.baseline.run();
  await o.ours.run();
  const b: number[] = [];
  const ours: number[] = [];
  for (let i = 1; i <= o.rounds; i++) {
    b.push(await time(o.baseline.run));
    ours.push(await time(o.ours.run));
    console.log(`round ${i}: ${o.baseline.label} ${s(b[i - 1])}   ${o.ours.label} ${s(ours[i - 1])}`);
  }
  const r = { baselineMs: median(b), oursMs: median(ours), ratio: median(ours) / median(b) };
  console.log(`median: ${o.baseline.label} ${s(r.baselineMs)}, ${o.ours.label} ${s(r.oursMs)}`);
  return r;
}
