import { z } from 'zod';
import { lazySchema } from './lazy-schema';

/** Roles of RULES.md O-2. */
export const ROLES = [
  'verifier',
  'ruling-lead',
  'leadership',
  'hr',
  'team-lead',
  'foreman',
  'dispatcher',
  'manager',
  'committee',
  'admin',
  'employee',
  'branch-head',
  'quality',
] as const;
export const RoleSchema = lazySchema(() => z.enum(ROLES));
export type Role = z.infer<typeof RoleSchema>;

/**
 * Role names in text the server writes for people (notifications, delivered by mail and robots as well as the bell):
 * never a role code. The same names as the console's catalogue (`qf.roles`).
 */
export const ROLE_NAMES_ZH: Record<Role, string> = {
  verifier: '核实组',
  'ruling-lead': '工作组组长',
  leadership: '领导小组',
  hr: '人力资源',
  'team-lead': '班组长',
  foreman: '工长',
  dispatcher: '调度',
  manager: '管理人员',
  committee: '星级评定委员会',
  admin: '管理员',
  employee: '员工',
  'branch-head': '县分公司负责人',
  quality: '质量管理部',
};

/** A calendar month, YYYY-MM, from 1970 (the fuzzer's "0000-01" reached Postgres as an out-of-range date: a 500 in a workflow). */
export const MonthSchema = lazySchema(() =>
  z.string().regex(/^(19[7-9]\d|[2-9]\d{3})-(0[1-9]|1[0-2])$/, 'month must be YYYY-MM'),
);
export const IsoDateTimeSchema = lazySchema(() => z.string().datetime({ offset: true }));
export const IdSchema = lazySchema(() => z.string().min(1));

/** Values a translated error message is built from (`qf.errors.<code>` with these as placeholders). */
export type ApiErrorParams = Record<string, string | number>;

/**
 * One problem of a refused request (API.md), README "Errors": `path` names the field, `message` is English text,
 * `rule` the RULES.md ID; `code` is a stable key the console translates (`qf.errors.<code>`) with `params`.
 * The api fills `code` on every detail it sends; producers may leave it out (the error filter derives it).
 */
export interface ApiErrorDetail {
  path: string;
  message: string;
  rule?: string;
  code?: string;
  params?: ApiErrorParams;
}
/** Error body of every non-2xx answer; `code` (+`params`) says what was refused in words the console translates. */
export interface ApiErrorBody {
  statusCode: number;
  error: string;
  message: string;
  code?: string;
  params?: ApiErrorParams;
  details?: ApiErrorDetail[];
}

/** The shape of a zod issue this mapping reads (zod 4 `$ZodIssue`, kept structural so any zod build fits). */
export interface ZodIssueLike {
  code?: string;
  path: PropertyKey[];
  message: string;
}

const num = (v: unknown): number | undefined =>
  typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : undefined;
const RULE_IN_MESSAGE = /\(([A-Z]-\d+)\)\s*$/;

/**
 * Stable code and params of one zod issue (README "Errors"): `zod.required`, `zod.not_a_number`, `zod.invalid_type`,
 * `zod.too_small[_exclusive|_string|_array]`, `zod.empty`, `zod.too_big[_exclusive|_string|_array]`, `zod.not_multiple_of`,
 * `zod.invalid_format[_uuid|_datetime|_date|_email|_regex]`, `zod.invalid_value`, `zod.unrecognized_keys`, `zod.invalid_union`,
 * `zod.custom`. A custom issue may name its own code with `params: {code, ...}`.
 */
export function zodIssueCode(issue: ZodIssueLike): { code: string; params?: ApiErrorParams } {
  const i = issue as ZodIssueLike & {
    input?: unknown;
    expected?: string;
    origin?: string;
    minimum?: number | bigint;
    maximum?: number | bigint;
    inclusive?: boolean;
    exact?: boolean;
    divisor?: number;
    format?: string;
    keys?: string[];
    values?: unknown[];
    params?: Record<string, unknown>;
  };
  switch (i.code) {
    case 'invalid_type':
      if (/received undefined/.test(i.message) || (i.input === undefined && 'input' in i))
        return { code: 'zod.required' };
      if (i.expected === 'number' || i.expected === 'int') return { code: 'zod.not_a_number' };
      return { code: 'zod.invalid_type', params: { expected: String(i.expected ?? '') } };
    case 'too_small': {
      const minimum = num(i.minimum) ?? 0;
      if (i.origin === 'string')
        return minimum <= 1 ? { code: 'zod.empty' } : { code: 'zod.too_small_string', params: { minimum } };
      if (i.origin === 'array' || i.origin === 'set') return { code: 'zod.too_small_array', params: { minimum } };
      return { code: i.inclusive === false ? 'zod.too_small_exclusive' : 'zod.too_small', params: { minimum } };
    }
    case 'too_big': {
      const maximum = num(i.maximum) ?? 0;
      if (i.origin === 'string') return { code: 'zod.too_big_string', params: { maximum } };
      if (i.origin === 'array' || i.origin === 'set') return { code: 'zod.too_big_array', params: { maximum } };
      return { code: i.inclusive === false ? 'zod.too_big_exclusive' : 'zod.too_big', params: { maximum } };
    }
    case 'not_multiple_of':
      return { code: 'zod.not_multiple_of', params: { divisor: num(i.divisor) ?? 0 } };
    case 'invalid_format': {
      const format = String(i.format ?? '');
      return ['uuid', 'guid', 'datetime', 'date', 'email', 'regex'].includes(format)
        ? { code: `zod.invalid_format_${format === 'guid' ? 'uuid' : format}` }
        : { code: 'zod.invalid_format', params: { format } };
    }
    case 'invalid_value':
      return { code: 'zod.invalid_value', params: { values: (i.values ?? []).map(String).join(', ') } };
    case 'unrecognized_keys':
      return { code: 'zod.unrecognized_keys', params: { keys: (i.keys ?? []).join(', ') } };
    case 'invalid_union':
      return { code: 'zod.invalid_union' };
    case 'custom': {
      const p = i.params ?? {};
      if (typeof p.code === 'string') {
        const params: ApiErrorParams = {};
        for (const [k, v] of Object.entries(p))
          if (k !== 'code' && (typeof v === 'string' || typeof v === 'number')) params[k] = v;
        return { code: p.code, ...(Object.keys(params).length ? { params } : {}) };
      }
      return { code: 'zod.custom' };
    }
    default:
      return { code: 'zod.invalid' };
  }
}

/**
 * A zod issue as an api error detail: the dotted path, zod's message, the rule the message names ("… (C-1)") or
 * `rule`, and the stable code + params.
 */
export function zodIssueDetail(issue: ZodIssueLike, opts: { prefix?: string; rule?: string } = {}): ApiErrorDetail {
  const joined = issue.path.map(String).join('.');
  const path = opts.prefix ? (joined ? `${opts.prefix}.${joined}` : opts.prefix) : joined || '(body)';
  const rule = RULE_IN_MESSAGE.exec(issue.message)?.[1] ?? opts.rule;
  const { code, params } = zodIssueCode(issue);
  return { path, message: issue.message, ...(rule ? { rule } : {}), code, ...(params ? { params } : {}) };
}
