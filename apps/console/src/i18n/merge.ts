type Tree = { [key: string]: unknown };

const isTree = (v: unknown): v is Tree => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Deep-merges `over` onto `base`; keys missing from `over` keep the base value (English fallback). */
export const deepMerge = <T extends Tree>(base: T, over: Tree): T => {
  const out: Tree = { ...base };
  for (const [k, v] of Object.entries(over)) {
    out[k] = isTree(v) && isTree(out[k]) ? deepMerge(out[k] as Tree, v) : v;
  }
  return out as T;
};
