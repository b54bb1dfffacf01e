/** Shapes shared by the rule functions. Points are integers ×10, money integer fen, times ISO UTC. */
export type Grade = 'P4' | 'P5';
export type EmploymentType = 'staff' | 'temporary' | 'outsourced';

/** Values of a translated message: the console renders `qf.errors.<code>` with them (README "Errors"). */
export type MessageParams = Record<string, string | number>;

/**
 * A rule broken by an input: `path` names the field (as in API errors), `rule` the RULES.md ID, `code` (+`params`)
 * the stable key the console translates; `message` stays the English text.
 */
export interface RuleViolation {
  path: string;
  message: string;
  rule: string;
  code?: string;
  params?: MessageParams;
}

/** Why a decision was taken (`code` + `params` as in {@link RuleViolation} where a refusal is shown to people). */
export interface RuleReason {
  rule: string;
  message: string;
  code?: string;
  params?: MessageParams;
}

/** 2.0 points for 20. */
export function formatPoints(pointsX10: number): string {
  const sign = pointsX10 < 0 ? '-' : '';
  const a = Math.abs(pointsX10);
  return `${sign}${Math.floor(a / 10)}.${a % 10}`;
}

/** Integer division rounded half up (half away from zero for negative numerators). */
export function divRoundHalfUp(numerator: number, denominator: number): number {
  if (denominator <= 0) throw new RangeError('denominator must be positive');
  const sign = numerator < 0 ? -1 : 1;
  const n = Math.abs(numerator);
  const q = Math.floor(n / denominator);
  const r = n - q * denominator;
  return sign * (2 * r >= denominator ? q + 1 : q);
}

/** Rounds to `digits` decimals, half up, without the 0.1 + 0.2 surprise. */
export function roundTo(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(Number((value * f).toPrecision(12))) / f;
}
