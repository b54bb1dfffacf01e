import type { Policy, PointsRange, RulingRole, Severity } from '@qf/policy';
import { addWorkingDays } from './calendar';
import { formatPoints, RuleViolation } from './types';

export type { Severity, RulingRole };
export type Verdict = 'liable' | 'valid-not-liable' | 'unfounded';
export type RulingCause = 'execution' | 'control' | 'other';

const ROLE_LABEL: Record<RulingRole, string> = {
  responsible: 'responsible person',
  supervisor: 'supervisor',
  vp: 'department VP',
  'related-lead': 'related lead',
  handler: 'handler',
};

// ---------------------------------------------------------------------------------------------
// C-1 registration

export interface ComplaintRegistration {
  source: string;
  customer: string;
  channel: string;
  occurredAt: string;
  description: string;
  unitId: string;
  employeeIds: string[];
}

/** C-1: a complaint names source, customer, channel, occurred-at, description, unit and employees. */
export function validateComplaintRegistration(input: ComplaintRegistration, policy: Policy): RuleViolation[] {
  const out: RuleViolation[] = [];
  const required: (keyof ComplaintRegistration)[] = ['customer', 'channel', 'description', 'unitId'];
  for (const f of required) {
    if (typeof input[f] !== 'string' || !(input[f] as string).trim())
      out.push({
        path: f,
        message: `${f} is required (C-1)`,
        rule: 'C-1',
        code: 'complaint.required',
        params: { field: f },
      });
  }
  if (!policy.complaints.sources.includes(input.source)) {
    out.push({
      path: 'source',
      message: `source must be one of ${policy.complaints.sources.join(', ')} (C-1)`,
      rule: 'C-1',
      code: 'complaint.source_unknown',
    });
  }
  if (Number.isNaN(Date.parse(input.occurredAt ?? ''))) {
    out.push({
      path: 'occurredAt',
      message: 'occurredAt must be an ISO date-time (C-1)',
      rule: 'C-1',
      code: 'complaint.occurred_at_invalid',
    });
  }
  if (!input.employeeIds?.length)
    out.push({
      path: 'employeeIds',
      message: 'at least one employee concerned is required (C-1)',
      rule: 'C-1',
      code: 'complaint.employees_required',
    });
  return out;
}

// ---------------------------------------------------------------------------------------------
// C-2 verification

/** C-2: distinct verifiers needed (default 1; egregious 2). */
export function requiredVerifiers(severity: Severity | undefined, policy: Policy): number {
  return severity === 'egregious' ? policy.complaints.verifiers.egregious : policy.complaints.verifiers.default;
}

export interface VerificationState {
  decided: boolean;
  /** only `liable` continues to a ruling */
  continuesToRuling: boolean;
  closesCase: boolean;
  missingApprovals: number;
  message: string;
}

/** C-2: a verdict stands once enough distinct verifiers approved it; only `liable` goes on. */
export function verificationOutcome(
  verdict: Verdict,
  approverIds: readonly string[],
  severity: Severity | undefined,
  policy: Policy,
): VerificationState {
  const needed = requiredVerifiers(severity, policy);
  const distinct = new Set(approverIds).size;
  const missing = Math.max(0, needed - distinct);
  const decided = missing === 0;
  const liable = verdict === 'liable';
  return {
    decided,
    continuesToRuling: decided && liable,
    closesCase: decided && !liable,
    missingApprovals: missing,
    message: !decided
      ? `${missing} more distinct verifier approval(s) needed (C-2)`
      : liable
        ? 'liable: continues to the liability ruling (C-2)'
        : `${verdict}: case closed with the reason recorded (C-2)`,
  };
}

// ---------------------------------------------------------------------------------------------
// C-3 … C-6 liability ruling

export interface RulingPerson {
  employeeId: string;
  role: RulingRole;
  /** points ×10 */
  points: number;
}

export interface RulingInput {
  severity: Severity;
  category: string;
  cause: RulingCause;
  escalationLevel: 0 | 1 | 2 | 3;
  persons: RulingPerson[];
}

/** C-3/C-6: the allowed range of a role in a ruling, or null when the role may not be named. */
export function allowedRange(
  input: Pick<RulingInput, 'severity' | 'escalationLevel'>,
  role: RulingRole,
  policy: Policy,
): PointsRange | null {
  const own = policy.complaints.severities[input.severity].roles[role];
  if (own) return own;
  const chain = policy.complaints.escalation.chain.slice(0, input.escalationLevel ?? 0);
  if (chain.some((group) => group.includes(role))) return policy.complaints.escalation.points[role] ?? null;
  return null;
}

function rangeText(r: PointsRange): string {
  return r.min === r.max ? `${formatPoints(r.min)}` : `between ${formatPoints(r.min)} and ${formatPoints(r.max)}`;
}

/** Code and params of a points-out-of-range violation (C-3): points as shown ("10.0"), the role as its key. */
function rangeCode(role: RulingRole, r: PointsRange): { code: string; params: Record<string, string> } {
  return r.min === r.max
    ? { code: 'ruling.points_exact', params: { role, value: formatPoints(r.min) } }
    : { code: 'ruling.points_out_of_range', params: { role, min: formatPoints(r.min), max: formatPoints(r.max) } };
}

function names(roles: readonly RulingRole[]): string {
  return roles.map((r) => ROLE_LABEL[r]).join(' or ');
}

/** C-3, C-4, C-5, C-6: every problem of a liability ruling, empty when it is valid. */
export function validateRuling(input: RulingInput, policy: Policy): RuleViolation[] {
  const out: RuleViolation[] = [];
  const cls = policy.complaints.severities[input.severity];
  if (!cls)
    return [
      {
        path: 'severity',
        message: 'severity must be egregious, serious or ordinary (C-3)',
        rule: 'C-3',
        code: 'ruling.severity_invalid',
      },
    ];

  // C-4 category list of the class
  if (!cls.categories.some((c) => c.key === input.category)) {
    out.push({
      path: 'category',
      message: `category "${input.category}" is not a ${input.severity} category; allowed: ${cls.categories.map((c) => c.key).join(', ')} (C-4)`,
      rule: 'C-4',
      code: 'ruling.category_not_in_class',
      params: { category: input.category, severity: input.severity },
    });
  }

  // C-3 people and points
  const seen = new Map<string, number>();
  input.persons.forEach((p, i) => {
    if (seen.has(p.employeeId)) {
      out.push({
        path: `persons[${i}].employeeId`,
        message: `employee ${p.employeeId} is named twice in one case (also persons[${seen.get(p.employeeId)}]) (C-3)`,
        rule: 'C-3',
        code: 'ruling.person_duplicate',
        params: { row: i + 1, other: (seen.get(p.employeeId) ?? 0) + 1 },
      });
    } else seen.set(p.employeeId, i);
    const range = allowedRange(input, p.role, policy);
    if (!range) {
      out.push({
        path: `persons[${i}].role`,
        message: `${ROLE_LABEL[p.role]} may not be named in a ${input.severity} case (C-3)`,
        rule: 'C-3',
        code: 'ruling.role_not_allowed',
        params: { role: p.role, severity: input.severity },
      });
      return;
    }
    if (!Number.isInteger(p.points) || p.points < range.min || p.points > range.max) {
      out.push({
        path: `persons[${i}].points`,
        message: `points for ${ROLE_LABEL[p.role]} must be ${rangeText(range)} (C-3)`,
        rule: 'C-3',
        ...rangeCode(p.role, range),
      });
    }
  });
  const headRoles: RulingRole[] = input.escalationLevel > 0 ? ['responsible', 'handler'] : ['responsible'];
  if (!input.persons.some((p) => headRoles.includes(p.role))) {
    out.push({
      path: 'persons',
      message: `a ${names(headRoles)} must be named (C-3)`,
      rule: 'C-3',
      code: 'ruling.head_required',
      params: { roles: headRoles.join(',') },
    });
  }

  // C-5 joint accountability
  const named = new Set(input.persons.map((p) => p.role));
  if (policy.complaints.jointAccountability.causes.includes(input.cause)) {
    for (const group of policy.complaints.jointAccountability.required[input.severity]) {
      if (!group.some((r) => named.has(r))) {
        out.push({
          path: 'persons',
          message: `${input.severity === 'serious' ? 'a' : 'an'} ${input.severity} case with cause ${input.cause} requires naming the ${names(group)} (C-5)`,
          rule: 'C-5',
          code: 'ruling.joint_accountability_required',
          params: { severity: input.severity, cause: input.cause, roles: group.join(',') },
        });
      }
    }
  }

  // C-6 escalated orders: level n requires the first n links of the chain
  const chain = policy.complaints.escalation.chain;
  for (let level = 1; level <= input.escalationLevel; level++) {
    const group = chain[level - 1];
    if (group && !group.some((r) => named.has(r))) {
      out.push({
        path: 'persons',
        message: `an order escalated ${input.escalationLevel} level(s) requires naming the ${names(group)} (C-6)`,
        rule: 'C-6',
        code: 'ruling.escalation_chain_required',
        params: { level: input.escalationLevel, roles: group.join(',') },
      });
    }
  }
  return out;
}

export interface DeductionLine {
  employeeId: string;
  reason: 'ruling' | 'major-adverse-event';
  /** points ×10 */
  points: number;
}

/** C-3/C-7: ledger lines of a (valid) ruling, with the egregious major-adverse-event points of the responsible person. */
export function deductionsForRuling(input: RulingInput, policy: Policy): DeductionLine[] {
  const lines: DeductionLine[] = input.persons.map((p) => ({
    employeeId: p.employeeId,
    reason: 'ruling',
    points: p.points,
  }));
  if (input.severity === 'egregious') {
    for (const p of input.persons.filter((x) => x.role === 'responsible')) {
      lines.push({
        employeeId: p.employeeId,
        reason: 'major-adverse-event',
        points: policy.complaints.majorAdverseEventPointsX10,
      });
    }
  }
  return lines;
}

// ---------------------------------------------------------------------------------------------
// C-11 named notice

export interface NamedNotice {
  caseId: string;
  severity: Severity;
  category: string;
  categoryLabel: string;
  persons: { employeeId: string; role: RulingRole; roleLabel: string; points: string }[];
}

/** C-11: every liable case is published in a named notice listing the people accountable. */
export function namedNotice(caseId: string, ruling: RulingInput, policy: Policy): NamedNotice {
  const cat = policy.complaints.severities[ruling.severity].categories.find((c) => c.key === ruling.category);
  return {
    caseId,
    severity: ruling.severity,
    category: ruling.category,
    categoryLabel: cat?.label ?? ruling.category,
    persons: ruling.persons.map((p) => ({
      employeeId: p.employeeId,
      role: p.role,
      roleLabel: ROLE_LABEL[p.role],
      points: formatPoints(p.points),
    })),
  };
}

// ---------------------------------------------------------------------------------------------
// C-12 appeal

/** C-12: the last instant an appeal is accepted (notice + appeal window in working days). */
export function appealWindowEndsAt(noticeAt: string, policy: Policy): string {
  return addWorkingDays(noticeAt, policy.complaints.appealWindowWorkingDays, policy.calendar);
}

/** C-12: an accountable person may appeal until the window ends. */
export function canAppeal(
  employeeId: string,
  ruling: RulingInput,
  noticeAt: string,
  at: string,
  policy: Policy,
): { ok: boolean; reason: string } {
  if (!ruling.persons.some((p) => p.employeeId === employeeId))
    return { ok: false, reason: 'only an accountable person may appeal (C-12)' };
  const end = appealWindowEndsAt(noticeAt, policy);
  if (Date.parse(at) > Date.parse(end)) return { ok: false, reason: `the appeal window closed at ${end} (C-12)` };
  return { ok: true, reason: `appeal accepted until ${end} (C-12)` };
}

export type AppealDecision =
  { kind: 'uphold' } | { kind: 'change'; points: { employeeId: string; points: number }[] } | { kind: 'withdraw' };

/** C-12: the ruling after the leadership group's decision (a change is validated like a ruling). */
export function applyAppealDecision(
  ruling: RulingInput,
  decision: AppealDecision,
  policy: Policy,
): { ruling: RulingInput | null; violations: RuleViolation[] } {
  if (decision.kind === 'uphold') return { ruling, violations: [] };
  if (decision.kind === 'withdraw') return { ruling: null, violations: [] };
  const changed: RulingInput = {
    ...ruling,
    persons: ruling.persons.map((p) => {
      const c = decision.points.find((x) => x.employeeId === p.employeeId);
      return c ? { ...p, points: c.points } : p;
    }),
  };
  const unknown = decision.points.filter((c) => !ruling.persons.some((p) => p.employeeId === c.employeeId));
  const violations = [
    ...unknown.map((c) => ({
      path: 'points',
      message: `employee ${c.employeeId} is not accountable in this case (C-12)`,
      rule: 'C-12',
      code: 'appeal.not_accountable',
    })),
    ...validateRuling(changed, policy),
  ];
  return { ruling: violations.length ? ruling : changed, violations };
}
