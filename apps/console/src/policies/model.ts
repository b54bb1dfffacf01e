/** A policy version as the api shows it (`GET /policies/:id`). */
export interface PolicyRecord {
  id: number;
  version: number;
  status: 'draft' | 'published';
  effectiveFrom: string | null;
  body: Record<string, unknown>;
  createdAt?: string;
  publishedAt?: string | null;
}

/** Top-level groups of a policy body, in the order they are shown. */
export const POLICY_GROUPS = ['complaints', 'grades', 'settlement', 'calendar', 'perception', 'stars', 'evaluation', 'kpi', 'quality'] as const;

/**
 * The complaint numbers edited as number inputs (paths under `body`), with bounds like the schema's.
 * Everything else is edited in the JSON text.
 */
export const POLICY_NUMBER_FIELDS: { path: string; min: number; max?: number }[] = [
  { path: 'complaints.appealWindowWorkingDays', min: 0 },
  { path: 'complaints.deadlines.verificationWorkingDays', min: 1 },
  { path: 'complaints.deadlines.rulingWorkingDays', min: 1 },
  { path: 'complaints.deadlines.appealDecisionWorkingDays', min: 1 },
  { path: 'complaints.deadlines.escalationGraceWorkingDays', min: 0 },
  { path: 'complaints.verifiers.default', min: 1 },
  { path: 'complaints.verifiers.egregious', min: 1 },
  { path: 'complaints.majorAdverseEventPointsX10', min: 0 },
  { path: 'settlement.moneyRateBasisPointsPerPoint', min: 0 },
];

/** Translation key of a policy path's label (dots → underscores; polyglot keys nest on dots). */
export const fieldLabelKey = (path: string) => `qf.policy.field.${path.replace(/\./g, '_')}`;

export const isRec = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Leaves of a value as `[path, value]`, arrays of scalars kept whole; paths like `a.b[2].c`. */
export const leaves = (value: unknown, prefix = ''): [string, unknown][] => {
  if (Array.isArray(value)) {
    if (value.every((v) => !isRec(v) && !Array.isArray(v))) return [[prefix, value]];
    return value.flatMap((v, i) => leaves(v, `${prefix}[${i}]`));
  }
  if (isRec(value)) {
    const keys = Object.keys(value);
    if (keys.length === 0) return [[prefix, value]];
    return keys.flatMap((k) => leaves(value[k], prefix ? `${prefix}.${k}` : k));
  }
  return [[prefix, value]];
};

/** A leaf value for reading: money in fen also as yuan, points ×10 also as points. */
export const formatLeaf = (path: string, value: unknown): string => {
  if (value === undefined) return '—';
  if (value === null) return 'null';
  if (Array.isArray(value)) return value.length ? value.map((v) => String(v)).join(', ') : '[]';
  if (isRec(value)) return JSON.stringify(value);
  if (typeof value === 'number') {
    // The unit is named by the last non-numeric segment (`awardBonusFen.2`, `x[0].minFen`).
    const last = path.split(/[.[\]]/).filter((p) => p && !/^\d+$/.test(p)).pop() ?? '';
    if (/Fen$/.test(last)) return `${value} (¥${(value / 100).toFixed(2)})`;
    if (/X10$/.test(last)) return `${value} (${(value / 10).toFixed(1)})`;
  }
  return String(value);
};
