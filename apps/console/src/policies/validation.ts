import { setFieldError } from '../components/errorTree';
import { PolicySchema } from '@qf/policy';
import { fieldOf, toShown, type Unit } from './catalogue';

/** A message for react-admin: a translation key and its arguments. */
export interface Msg {
  message: string;
  args: Record<string, unknown>;
}
type ErrorTree = { [key: string]: unknown };

interface IssueLike {
  code: string;
  message: string;
  path: PropertyKey[];
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  expected?: string;
  input?: unknown;
  format?: string;
}

const isRec = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Custom (refine) messages of the policy schema → where they belong (a sub-input) and their key. */
const KNOWN: { re: RegExp; key: string; to?: string }[] = [
  { re: /^min must not exceed max/, key: 'qf.policy.v.min_gt_max', to: 'max' },
  { re: /^minFen must not exceed maxFen/, key: 'qf.policy.v.min_gt_max', to: 'maxFen' },
  { re: /^floor must not exceed target/, key: 'qf.policy.v.floor_gt_target', to: 'floor' },
  { re: /^quorum cannot exceed all members/, key: 'qf.policy.v.quorum_gt_members', to: 'quorumNumerator' },
  { re: /dispatcherPercent \+ managerPercent must be 100/, key: 'qf.policy.v.shares_100' },
  { re: /P5 count must exceed the P4 count/, key: 'qf.policy.v.p5_gt_p4' },
  { re: /^duplicate category key "(.*)"/, key: 'qf.policy.v.duplicate_key' },
  { re: /every class needs a responsible-person range/, key: 'qf.policy.v.responsible_needed' },
  { re: /brackets must be ordered by minScore/, key: 'qf.policy.v.brackets_order' },
  { re: /^date must be YYYY-MM-DD/, key: 'qf.policy.v.date' },
  { re: /^local time must be HH:MM/, key: 'qf.policy.v.time' },
  { re: /^unknown IANA time zone/, key: 'qf.policy.v.time_zone' },
  { re: /^category key:/, key: 'qf.policy.v.key_format' },
];

const unitOfPath = (path: string): Unit | undefined => {
  const f = fieldOf(path);
  if (!f) return undefined;
  if (f.spec.kind === 'number') return f.spec.unit;
  if (f.spec.kind === 'roleRanges') return 'points_x10';
  return undefined;
};

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** A bound in the unit the user sees ("0.1 分", "5 个工作日"). */
const bound = (path: string, v: number | bigint | undefined, t?: Translate) => {
  const unit = unitOfPath(path);
  const value = toShown(unit, Number(v));
  const name = t && unit && unit !== 'none' ? t(`qf.policy.unit.${unit}`) : '';
  return name ? `${value} ${name}` : String(value);
};

/** One issue of the policy schema as a message in the user's language, and the path of the input it belongs to. */
export const issueMessage = (
  issue: IssueLike,
  t?: Translate,
  body?: unknown,
): { path: (string | number)[]; msg: Msg } => {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  const dotted = path.map(String).join('.');
  for (const k of KNOWN) {
    const m = k.re.exec(issue.message);
    if (m) return { path: k.to ? [...path, k.to] : path, msg: { message: k.key, args: { key: m[1] ?? '' } } };
  }
  switch (issue.code) {
    case 'too_small': {
      if (issue.origin === 'number') {
        return { path, msg: { message: 'qf.policy.v.min', args: { min: bound(dotted, issue.minimum, t) } } };
      }
      if (issue.origin === 'array')
        return { path, msg: { message: 'qf.policy.v.min_items', args: { min: Number(issue.minimum) } } };
      return { path, msg: { message: 'ra.validation.required', args: {} } };
    }
    case 'too_big': {
      if (issue.origin === 'number') {
        return { path, msg: { message: 'qf.policy.v.max', args: { max: bound(dotted, issue.maximum, t) } } };
      }
      return { path, msg: { message: 'ra.validation.maxLength', args: { max: Number(issue.maximum) } } };
    }
    case 'invalid_type': {
      // zod does not report the input: read it from the body
      const input =
        issue.input !== undefined
          ? issue.input
          : path.reduce<unknown>(
              (o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined),
              body,
            );
      if (input === undefined || input === null || input === '')
        return { path, msg: { message: 'ra.validation.required', args: {} } };
      if (issue.expected === 'int' || (typeof input === 'number' && !Number.isInteger(input))) {
        const unit = unitOfPath(dotted);
        const key =
          unit === 'points_x10'
            ? 'qf.policy.v.one_decimal'
            : unit === 'yuan' || unit === 'bp_percent'
              ? 'qf.policy.v.two_decimals'
              : unit === 'hours'
                ? 'qf.policy.v.whole_minutes'
                : 'qf.policy.v.integer';
        return { path, msg: { message: key, args: {} } };
      }
      return { path, msg: { message: 'qf.policy.v.number', args: {} } };
    }
    case 'invalid_value':
    case 'invalid_union':
      return { path, msg: { message: 'qf.policy.v.choose', args: {} } };
    default:
      return { path, msg: { message: 'qf.policy.v.invalid', args: {} } };
  }
};

/** Issues of a policy body (stored units) by the api's own schema. */
export const policyIssues = (body: unknown, t?: Translate) => {
  const r = PolicySchema.safeParse(isRec(body) ? body : {});
  if (r.success) return [];
  return (r.error.issues as unknown as IssueLike[]).map((i) => issueMessage(i, t, body));
};

/** Form-level validator of the policy form: label, date, and every schema issue on its input (`body.…`). */
export const validatePolicyForm =
  (t: Translate) =>
  (values: Record<string, unknown>): ErrorTree => {
    const tree: ErrorTree = {};
    const label = typeof values.label === 'string' ? values.label.trim() : '';
    if (!label) setFieldError(tree, ['label'], { message: 'qf.policy.v.label_required', args: {} });
    else if (label.length > 60)
      setFieldError(tree, ['label'], { message: 'ra.validation.maxLength', args: { max: 60 } });
    if (typeof values.description === 'string' && values.description.trim().length > 500) {
      setFieldError(tree, ['description'], { message: 'ra.validation.maxLength', args: { max: 500 } });
    }
    const eff = values.effectiveFrom;
    if (eff !== null && eff !== undefined && eff !== '' && !/^\d{4}-\d{2}-\d{2}/.test(String(eff))) {
      setFieldError(tree, ['effectiveFrom'], { message: 'qf.policy.v.date', args: {} });
    }
    for (const { path, msg } of policyIssues(values.body, t)) setFieldError(tree, ['body', ...path], msg);
    return tree;
  };

/** Every message found under an error node (react-hook-form errors), for the list editors that show them together. */
export const collectMessages = (node: unknown, out: Msg[] = []): Msg[] => {
  if (!node || typeof node !== 'object') return out;
  const rec = node as Record<string, unknown>;
  if ('message' in rec && rec.message !== undefined) {
    const m = rec.message;
    if (isRec(m) && typeof m.message === 'string') out.push({ message: m.message, args: isRec(m.args) ? m.args : {} });
    else if (typeof m === 'string') out.push({ message: m, args: {} });
    return out;
  }
  for (const v of Object.values(rec)) collectMessages(v, out);
  return out;
};
