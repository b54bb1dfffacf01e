import { setFieldError } from '../components/errorTree';
import { FlowDefinitionSchema } from '@qf/policy';
import { ROLES } from '@qf/contracts/common';
import { TASK_ACTIONS } from '@qf/contracts/cases';

/** A flow version as the api shows it (`GET /flows/:id`). */
export interface FlowRecord {
  id: string;
  kind: string;
  version: number;
  status: 'draft' | 'published';
  /** 名称 / 说明 of the version and who created the draft (姓名（工号）) */
  label?: string;
  description?: string;
  author?: string | null;
  stages: unknown[];
  createdAt?: string;
  publishedAt?: string | null;
}

export const RELATIONS = ['supervisor-of-responsible', 'initiator', 'accountable-persons'] as const;
export const ASSIGNMENTS = ['pool', 'each'] as const;
export const MODE_KINDS = ['one', 'all', 'quorum', 'majority'] as const;
export const ASSIGNEE_KINDS = ['role', 'relation'] as const;
export { ROLES, TASK_ACTIONS };

type Rec = Record<string, unknown>;
const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
const num = (v: unknown): number | undefined => {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return undefined;
};
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);

const duration = (v: unknown): { workingDays?: number; hours?: number } | undefined => {
  if (!isRec(v)) return undefined;
  const out: { workingDays?: number; hours?: number } = {};
  const wd = num(v.workingDays);
  const h = num(v.hours);
  if (wd !== undefined) out.workingDays = wd;
  if (h !== undefined) out.hours = h;
  return Object.keys(out).length ? out : undefined;
};

const mode = (v: unknown): Rec | undefined => {
  if (!isRec(v) || !str(v.kind)) return undefined;
  const kind = str(v.kind);
  if (kind === 'quorum') {
    const out: Rec = { kind };
    if (num(v.n) !== undefined) out.n = num(v.n);
    if (num(v.fraction) !== undefined) out.fraction = num(v.fraction);
    return out;
  }
  if (kind === 'majority') {
    const out: Rec = { kind };
    if (num(v.quorumFraction) !== undefined) out.quorumFraction = num(v.quorumFraction);
    return out;
  }
  return { kind };
};

const assignee = (v: unknown): Rec => {
  if (!isRec(v)) return {};
  if (v.kind === 'role') return { kind: 'role', role: str(v.role) };
  if (v.kind === 'relation') return { kind: 'relation', relation: str(v.relation) };
  return { kind: str(v.kind) };
};

/**
 * Form values → the api's stage shape: empty inputs (null, '') are dropped, an empty duration is no
 * duration, and only the fields of the chosen assignee / decision mode kind are kept.
 */
export const normalizeStage = (raw: unknown): Rec => {
  const s = isRec(raw) ? raw : {};
  const out: Rec = {
    key: typeof s.key === 'string' ? s.key.trim() : s.key,
    label: typeof s.label === 'string' ? s.label.trim() : s.label,
    assignee: assignee(s.assignee),
  };
  if (str(s.assignment)) out.assignment = str(s.assignment);
  if (num(s.required) !== undefined) out.required = num(s.required);
  const m = mode(s.mode);
  if (m) out.mode = m;
  for (const k of ['deadline', 'reminderBefore', 'escalateAfter'] as const) {
    const d = duration(s[k]);
    if (d) out[k] = d;
  }
  if (str(s.escalateTo)) out.escalateTo = str(s.escalateTo);
  out.actions = Array.isArray(s.actions) ? s.actions.filter((a) => typeof a === 'string') : [];
  return out;
};

export const normalizeStages = (stages: unknown): Rec[] => (Array.isArray(stages) ? stages.map(normalizeStage) : []);

// ---------------------------------------------------------------------------------------------
// Validation: the api's FlowDefinitionSchema, with its issues turned into translated messages on the
// inputs of the stage form.

type Msg = string | { message: string; args: Record<string, unknown> };
type ErrorTree = { [key: string]: Msg | ErrorTree | ErrorTree[] };

const OBJECT_FIELDS: Record<string, string> = {
  deadline: 'workingDays',
  reminderBefore: 'workingDays',
  escalateAfter: 'workingDays',
  assignee: 'kind',
  mode: 'kind',
};

/** Moves an issue on an object (e.g. `deadline`) to one of its inputs, and an array item to the array. */
const inputPath = (path: (string | number)[], message: string): (string | number)[] => {
  const i = path.indexOf('actions');
  if (i >= 0) return path.slice(0, i + 1);
  const last = path[path.length - 1];
  if (typeof last === 'string' && OBJECT_FIELDS[last] && path.length > 2) {
    if (last === 'mode' && /quorum/.test(message)) return [...path, 'n'];
    return [...path, OBJECT_FIELDS[last]];
  }
  return path;
};

const KNOWN: [RegExp, string][] = [
  [/stage key:/, 'qf.flow.v.key_format'],
  [/used twice/, 'qf.flow.v.key_duplicate'],
  [/escalation needs a deadline/, 'qf.flow.v.escalation_needs_deadline'],
  [/give workingDays or hours/, 'qf.flow.v.duration_needed'],
  [/quorum needs exactly one/, 'qf.flow.v.quorum_n_or_fraction'],
  [/at least one stage/, 'qf.flow.v.no_stages'],
];

interface IssueLike {
  code: string;
  message: string;
  path: PropertyKey[];
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  expected?: string;
  input?: unknown;
}

const toMessage = (issue: IssueLike): Msg => {
  for (const [re, key] of KNOWN) if (re.test(issue.message)) return key;
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'number') return { message: 'ra.validation.minValue', args: { min: Number(issue.minimum) } };
      return 'ra.validation.required';
    case 'too_big':
      if (issue.origin === 'number') return { message: 'ra.validation.maxValue', args: { max: Number(issue.maximum) } };
      return { message: 'ra.validation.maxLength', args: { max: Number(issue.maximum) } };
    case 'invalid_type':
      // zod reports no input: a non-integer number fails as expected 'int'; anything else here is a missing value
      if (issue.expected === 'int') return 'qf.flow.v.integer';
      if (issue.input === undefined || issue.input === null) return 'ra.validation.required';
      return 'ra.validation.number';
    case 'invalid_value':
    case 'invalid_union':
      return issue.input === undefined || issue.input === null ? 'ra.validation.required' : 'qf.flow.v.choose';
    default:
      return issue.message;
  }
};

/** Issues of a flow's stages (kind and version are the record's), as `{path, message}` with api-style paths. */
export const flowIssues = (
  kind: string,
  version: number,
  stages: unknown,
): { path: (string | number)[]; message: Msg }[] => {
  const normalized = normalizeStages(stages);
  const out: { path: (string | number)[]; message: Msg }[] = [];
  const result = FlowDefinitionSchema.safeParse({ kind: kind || 'flow', version: version || 1, stages: normalized });
  if (!result.success) {
    for (const issue of result.error.issues as unknown as IssueLike[]) {
      const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
      out.push({ path: inputPath(path, issue.message), message: toMessage(issue) });
    }
  }
  // The schema checks duplicate keys and escalations only once every stage is valid; check them right away.
  const seen = new Set<string>();
  normalized.forEach((s, i) => {
    const key = typeof s.key === 'string' ? s.key : '';
    if (key && seen.has(key)) out.push({ path: ['stages', i, 'key'], message: 'qf.flow.v.key_duplicate' });
    if (key) seen.add(key);
    if (s.escalateTo && !s.deadline)
      out.push({ path: ['stages', i, 'escalateTo'], message: 'qf.flow.v.escalation_needs_deadline' });
  });
  return out;
};

/** Form-level validator of the flow edit form (react-admin `validate`). */
export const validateFlowForm =
  (kind: string, version: number) =>
  (values: Record<string, unknown>): ErrorTree => {
    const tree: ErrorTree = {};
    for (const { path, message } of flowIssues(kind, version, values.stages)) {
      setFieldError(tree, path.length ? path : ['stages'], message);
    }
    return tree;
  };
