import { z } from 'zod';
import { SEVERITIES, WORK_ORDER_SOURCES } from '@qf/contracts/complaints';
import { CAUSES, PERSON_ROLES, VERDICTS } from '../components/choices';
import { pointsProblem, rulingLive } from './ruling';

// Messages are react-admin translation keys, so they show in the console's language.
const REQUIRED = 'ra.validation.required';
const requiredText = z.string({ message: REQUIRED }).trim().min(1, REQUIRED);
const validDate = z.custom<string | Date>(
  (v) => (typeof v === 'string' || v instanceof Date) && v !== '' && !Number.isNaN(new Date(v).getTime()),
  { message: REQUIRED },
);

/** C-1: registering a complaint (sources are the policy's; a work-order source needs its 工单号). */
export const CreateComplaintFormSchema = z
  .object({
    source: requiredText,
    workOrderNo: z.string().trim().max(64).nullish(),
    customer: requiredText.max(200),
    channel: requiredText.max(50),
    occurredAt: validDate,
    description: requiredText.max(5000),
    unitId: requiredText,
    employeeIds: z.array(z.string()).max(20).default([]),
    escalationLevel: z.number().int().min(0).max(3).nullish(),
    severity: z.enum(SEVERITIES).nullish(),
  })
  .superRefine((v, ctx) => {
    if (WORK_ORDER_SOURCES.includes(v.source) && !v.workOrderNo?.trim()) {
      ctx.addIssue({ code: 'custom', path: ['workOrderNo'], message: 'qf.complaint.work_order_required' });
    }
    if (v.source === 'escalated-order' && !v.escalationLevel) {
      ctx.addIssue({ code: 'custom', path: ['escalationLevel'], message: 'qf.complaint.escalation_required' });
    }
    if (v.source !== 'escalated-order' && v.escalationLevel) {
      ctx.addIssue({ code: 'custom', path: ['escalationLevel'], message: 'qf.complaint.escalation_only' });
    }
  });

/** C-2: the verification team's verdict, sent as the task action's `data`. */
export const VerificationDataSchema = z.object({
  verdict: z.enum(VERDICTS, { message: REQUIRED }),
  facts: requiredText.max(5000),
  evidence: z.string().max(5000).nullish(),
});

/** A stage whose actions carry no data. */
export const NoDataSchema = z.object({});

/** C-3: the liability ruling; points are checked against the case's pinned policy (C-3/C-6 ranges) as the api does. */
export const RulingDataSchema = z
  .object({
    severity: z.enum(SEVERITIES, { message: REQUIRED }),
    category: requiredText.max(200),
    cause: z.enum(CAUSES, { message: REQUIRED }),
    persons: z
      .array(
        z.object({
          employeeId: requiredText,
          role: z.enum(PERSON_ROLES, { message: REQUIRED }),
          points: z.unknown(),
        }),
      )
      .min(1, REQUIRED),
  })
  // runs even while other fields are missing (zod would skip it), so a points problem shows at once
  .superRefine(
    (v, ctx) => {
      const seen = new Set<string>();
      const persons = Array.isArray(v?.persons) ? v.persons : [];
      persons.forEach((p, i) => {
        if (!p || typeof p !== 'object') return;
        if (p.employeeId && seen.has(p.employeeId)) {
          ctx.addIssue({
            code: 'custom',
            path: ['persons', i, 'employeeId'],
            message: 'qf.complaint.person_duplicate',
          });
        }
        if (p.employeeId) seen.add(p.employeeId);
        const problem = pointsProblem(p.points, p.role, v.severity);
        if (problem) ctx.addIssue({ code: 'custom', path: ['persons', i, 'points'], ...problem });
      });
    },
    { when: () => true },
  );

export const APPEAL_DECISIONS = ['uphold', 'change', 'withdraw'] as const;

/** C-12: the leadership group's decision; a change gives every accountable person's points within the C-3 range. */
export const AppealDecisionFormSchema = z
  .object({
    decision: z.enum(APPEAL_DECISIONS, { message: 'qf.complaint.decision_required' }),
    points: z.array(z.object({ employeeId: z.string(), points: z.unknown() })).optional(),
  })
  .superRefine(
    (v, ctx) => {
      if (v?.decision !== 'change') return;
      const ruling = rulingLive.ruling;
      (Array.isArray(v.points) ? v.points : []).forEach((p, i) => {
        const role = ruling?.persons.find((x) => x.employeeId === p?.employeeId)?.role;
        const problem = pointsProblem(p?.points, role, ruling?.severity);
        if (problem) ctx.addIssue({ code: 'custom', path: ['points', i, 'points'], ...problem });
      });
    },
    { when: () => true },
  );
