import { z } from 'zod';
import { CAUSES, COMPLAINT_SOURCES, PERSON_ROLES, SEVERITIES, VERDICTS } from '../components/choices';

// Messages are react-admin translation keys, so they show in the console's language.
const REQUIRED = 'ra.validation.required';
const requiredText = z.string({ message: REQUIRED }).trim().min(1, REQUIRED);
const validDate = z.custom<string | Date>(
  (v) => (typeof v === 'string' || v instanceof Date) && v !== '' && !Number.isNaN(new Date(v).getTime()),
  { message: REQUIRED },
);

/** C-1: registering a complaint. */
export const CreateComplaintFormSchema = z
  .object({
    source: z.enum(COMPLAINT_SOURCES, { message: REQUIRED }),
    customer: requiredText.max(200),
    channel: requiredText.max(100),
    occurredAt: validDate,
    description: requiredText.max(5000),
    unitId: requiredText,
    employeeIds: z.array(z.string()).default([]),
    escalationLevel: z.number().int().min(0).max(3).nullish(),
  })
  .superRefine((v, ctx) => {
    if (v.source !== 'escalated-order' && v.escalationLevel) {
      ctx.addIssue({ code: 'custom', path: ['escalationLevel'], message: 'qf.complaint.escalation_only' });
    }
  });

/** C-2: the verification team's verdict, sent as the task action's `data`. */
export const VerificationDataSchema = z.object({
  verdict: z.enum(VERDICTS, { message: REQUIRED }),
  facts: requiredText.max(5000),
});

/** C-3: the liability ruling; point ranges are policy values, checked by the api. */
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
          points: z.number({ message: 'ra.validation.number' }).positive().max(100),
        }),
      )
      .min(1, REQUIRED),
  })
  .superRefine((v, ctx) => {
    const seen = new Set<string>();
    v.persons.forEach((p, i) => {
      if (seen.has(p.employeeId)) {
        ctx.addIssue({ code: 'custom', path: ['persons', i, 'employeeId'], message: 'qf.complaint.person_duplicate' });
      }
      seen.add(p.employeeId);
    });
  });
