import { z } from 'zod';
import { lazySchema } from './lazy-schema';

/** C-1 sources a complaint may come from: the policy's default list (the policy in effect decides, see the api). */
export const COMPLAINT_SOURCES = [
  'hotline-work-order',
  'escalated-order',
  'regulator',
  'internal-audit',
  'employee-report',
] as const;
/** C-3 severity classes: the one list (the policy's classes, the console's choices and the api's schemas use it). */
export const SEVERITIES = ['egregious', 'serious', 'ordinary'] as const;
export const VERDICTS = ['liable', 'valid-not-liable', 'unfounded'] as const;
/** C-1: sources registered from a work order keep its number (工单号). */
export const WORK_ORDER_SOURCES: readonly string[] = ['hotline-work-order', 'escalated-order'];

/** C-1: registration of a complaint (POST /api/complaints). */
export const RegisterComplaintSchema = lazySchema(() =>
  z
    .object({
      /** C-1: one of the sources of the policy in effect (checked by the api against that policy) */
      source: z.string().trim().min(1, 'source is required (C-1)').max(50),
      workOrderNo: z.string().trim().min(1).max(64).optional(),
      customer: z.string().trim().min(1, 'customer is required (C-1)').max(200),
      channel: z.string().trim().min(1, 'channel is required (C-1)').max(50),
      occurredAt: z.string().datetime({ offset: true, message: 'occurredAt must be an ISO date-time (C-1)' }),
      description: z.string().trim().min(1, 'description is required (C-1)').max(5000),
      unitId: z.string().uuid('unitId must be an org-unit id (C-1)'),
      employeeIds: z.array(z.string().uuid()).max(20).default([]),
      escalationLevel: z.number().int().min(0).max(3).default(0),
      /** preliminary class: an egregious complaint needs two verifiers (C-2) */
      severity: z.enum(SEVERITIES).optional(),
    })
    .superRefine((c, ctx) => {
      if (c.source === 'escalated-order' && c.escalationLevel === 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['escalationLevel'],
          message: 'an escalated order needs its escalation level 1–3 (C-6)',
        });
      }
      if (c.source !== 'escalated-order' && c.escalationLevel > 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['escalationLevel'],
          message: 'only an escalated order has an escalation level (C-6)',
        });
      }
      if (WORK_ORDER_SOURCES.includes(c.source) && !c.workOrderNo) {
        ctx.addIssue({
          code: 'custom',
          path: ['workOrderNo'],
          message: 'a complaint from a work order keeps its work-order number (C-1)',
        });
      }
    }),
);
export type RegisterComplaintInput = z.infer<typeof RegisterComplaintSchema>;

/** Data of the verification action (C-2). */
export const VerificationDataSchema = lazySchema(() =>
  z.object({
    verdict: z.enum(VERDICTS),
    facts: z.string().trim().min(1, 'facts are required (C-2)').max(5000),
    evidence: z.string().max(5000).optional(),
  }),
);

/** Data of the ruling action (C-3…C-6); points with one decimal, as the api shows them. */
export const RulingDataSchema = lazySchema(() =>
  z.object({
    severity: z.enum(SEVERITIES),
    category: z.string().min(1),
    cause: z.enum(['execution', 'control', 'other']),
    persons: z
      .array(
        z.object({
          employeeId: z.string().uuid(),
          role: z.enum(['responsible', 'supervisor', 'vp', 'related-lead', 'handler']),
          points: z.number().min(0).max(100).multipleOf(0.1, 'points have one decimal'),
        }),
      )
      .min(1, 'name at least one accountable person (C-3)'),
  }),
);
export type RulingData = z.infer<typeof RulingDataSchema>;

/** Data of the leadership's appeal decision (C-12). */
export const AppealDecisionDataSchema = lazySchema(() =>
  z.discriminatedUnion('decision', [
    z.object({ decision: z.literal('uphold') }),
    z.object({ decision: z.literal('withdraw') }),
    z.object({
      decision: z.literal('change'),
      points: z
        .array(z.object({ employeeId: z.string().uuid(), points: z.number().min(0).max(100).multipleOf(0.1) }))
        .min(1),
    }),
  ]),
);

export interface LedgerEntryView {
  id: string;
  employeeId: string;
  employeeName: string;
  month: string;
  caseId: string | null;
  source: string;
  reason: string;
  /** points ×10 */
  points: number;
  adjustsId: string | null;
  createdAt: string;
}
