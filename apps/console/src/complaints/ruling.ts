import { useMemo } from 'react';
import { useGetMany, useGetOne, type TranslateFunction } from 'react-admin';
import { PolicySchema, type Policy, type PointsRange, type RulingRole, type Severity } from '@qf/policy';
import { formatPoints } from '../components/format';

/**
 * C-3/C-6 (as libs/domain `allowedRange`): the points range (×10) of a role in a ruling, or null when the
 * role may not be named. Roles without a range of their own are allowed for escalated orders when the
 * escalation chain up to the order's level names them.
 */
export function allowedRange(
  policy: Policy,
  severity: Severity,
  role: RulingRole,
  escalationLevel = 0,
): PointsRange | null {
  const own = policy.complaints.severities[severity]?.roles[role];
  if (own) return own;
  const chain = policy.complaints.escalation.chain.slice(0, escalationLevel);
  if (chain.some((group) => group.includes(role))) return policy.complaints.escalation.points[role] ?? null;
  return null;
}

/** "10.0–20.0" or "2.0" for a range of one value. */
export const rangeText = (r: PointsRange): { min: string; max: string; exact: boolean } => ({
  min: formatPoints(r.min),
  max: formatPoints(r.max),
  exact: r.min === r.max,
});

/** `GET /policies/current` with the schema's defaults filled in (what new cases pin). */
export const useCurrentPolicy = (): Policy | undefined => {
  const { data } = useGetOne<{ id: number | string; body?: unknown }>(
    'policies',
    { id: 'current' },
    { staleTime: 60_000 },
  );
  return useMemo(() => {
    if (!data) return undefined;
    const parsed = PolicySchema.safeParse(data.body ?? {});
    return parsed.success ? parsed.data : undefined;
  }, [data]);
};

export interface EmployeeRef {
  id: string;
  name: string;
  code?: string;
  supervisorId?: string | null;
  vpId?: string | null;
}

export type ChainRelation = 'subject' | 'supervisor' | 'vp';
export interface ChainEntry {
  employee: EmployeeRef;
  relation: ChainRelation;
}

const RELATION_ORDER: Record<ChainRelation, number> = { subject: 0, supervisor: 1, vp: 2 };

/**
 * The complaint's employees followed by their reporting chain (supervisors, then VPs), each person once
 * with the closest relation.
 */
export const useReportingChain = (employeeIds: readonly string[]): { entries: ChainEntry[]; isPending: boolean } => {
  const ids = useMemo(() => [...new Set(employeeIds.filter(Boolean))], [employeeIds]);
  const subjects = useGetMany<EmployeeRef>('employees', { ids }, { enabled: ids.length > 0 });
  const leadIds = useMemo(() => {
    const out = new Set<string>();
    for (const e of subjects.data ?? []) {
      for (const id of [e?.supervisorId, e?.vpId]) if (id && !ids.includes(id)) out.add(id);
    }
    return [...out];
  }, [subjects.data, ids]);
  const leads = useGetMany<EmployeeRef>('employees', { ids: leadIds }, { enabled: leadIds.length > 0 });

  const entries = useMemo(() => {
    const byId = new Map<string, ChainEntry>();
    const add = (employee: EmployeeRef | undefined, relation: ChainRelation) => {
      if (!employee?.id) return;
      const seen = byId.get(employee.id);
      if (!seen || RELATION_ORDER[relation] < RELATION_ORDER[seen.relation])
        byId.set(employee.id, { employee, relation });
    };
    const subjectRows = (subjects.data ?? []).filter(Boolean);
    subjectRows.forEach((e) => add(e, 'subject'));
    for (const lead of (leads.data ?? []).filter(Boolean)) {
      add(lead, subjectRows.some((s) => s.supervisorId === lead.id) ? 'supervisor' : 'vp');
    }
    return [...byId.values()].sort((a, b) => RELATION_ORDER[a.relation] - RELATION_ORDER[b.relation]);
  }, [subjects.data, leads.data]);

  return { entries, isPending: (ids.length > 0 && subjects.isPending) || (leadIds.length > 0 && leads.isPending) };
};

/**
 * What the ruling and appeal-decision checks need besides the form values: the case's pinned policy, the
 * order's escalation level, the ruled points (appeal decision) and the console's translate. The form sets
 * it while it is shown (stage-form schemas are static).
 */
export const rulingLive: {
  policy?: Policy;
  escalationLevel: number;
  ruling?: { severity: Severity; persons: { employeeId: string; role: RulingRole }[] };
  translate?: TranslateFunction;
} = { escalationLevel: 0 };

/**
 * A client-side problem as an i18n key with its params: `qf.errors.<code>` (D's convention: a custom zod issue names
 * its code in `params.code`); the message is the translated text, so it reads right with any form-level validator.
 */
export const issueText = (code: string, params: Record<string, string | number> = {}) => ({
  message: rulingLive.translate ? rulingLive.translate(`qf.errors.${code}`, params) : `qf.errors.${code}`,
  params: { code, ...params },
});

/** C-3: the problem of one person's points (one decimal), or null when they are allowed. */
export const pointsProblem = (
  points: unknown,
  role: RulingRole | undefined,
  severity: Severity | undefined,
): { message: string; params: Record<string, string | number> } | null => {
  const { policy, escalationLevel } = rulingLive;
  const range = policy && severity && role ? allowedRange(policy, severity, role, escalationLevel) : undefined;
  if (typeof points !== 'number' || !Number.isFinite(points)) {
    if (range) {
      const t = rangeText(range);
      return t.exact
        ? issueText('complaint.points_exact', { value: t.min })
        : issueText('complaint.points_range', { min: t.min, max: t.max });
    }
    return issueText('complaint.points_required');
  }
  if (Math.abs(points * 10 - Math.round(points * 10)) > 1e-9) return issueText('complaint.points_decimal');
  if (range === null) return issueText('complaint.role_not_allowed');
  if (!range) return points > 0 && points <= 100 ? null : issueText('complaint.points_positive');
  const x10 = Math.round(points * 10);
  if (x10 >= range.min && x10 <= range.max) return null;
  const t = rangeText(range);
  return t.exact
    ? issueText('complaint.points_exact', { value: t.min })
    : issueText('complaint.points_range', { min: t.min, max: t.max });
};
