import { z } from 'zod';

const iso = z.string().datetime({ offset: true, message: 'an ISO date-time' });

/** E-1: a closed repair order as it arrives from the order system. */
export const WorkOrderSchema = z.object({
  orderNo: z.string().trim().min(1, 'orderNo is required (E-1)').max(64),
  faultKey: z.string().trim().max(64).optional(),
  repeatReport: z.boolean().default(false),
  source: z.string().trim().min(1).default('hotline'),
  repairerId: z.string().uuid('repairerId must be an employee (E-1)'),
  teamUnitId: z.string().uuid('teamUnitId must be a team (E-1)'),
  reporter: z.string().trim().max(200).default(''),
  reportedAt: iso.optional(),
  closedAt: iso,
});
export type WorkOrderInput = z.infer<typeof WorkOrderSchema>;

export const WORK_ORDER_IMPORT_COLUMNS = ['orderNo', 'faultKey', 'repeatReport', 'source', 'repairerCode', 'teamCode', 'reporter', 'reportedAt', 'closedAt'] as const;
export const WorkOrderImportRowSchema = z.object({
  orderNo: z.string().trim().min(1, 'orderNo is required'),
  faultKey: z.string().trim().optional(),
  repeatReport: z.enum(['', 'true', 'false', '1', '0', 'yes', 'no']).optional().transform((v) => v === 'true' || v === '1' || v === 'yes'),
  source: z.string().trim().default('hotline').transform((v) => v || 'hotline'),
  repairerCode: z.string().trim().min(1, 'repairerCode is required'),
  teamCode: z.string().trim().min(1, 'teamCode is required'),
  reporter: z.string().trim().default(''),
  reportedAt: z.union([iso, z.literal('')]).optional(),
  closedAt: iso,
});

export const AssignEvaluationsSchema = z.object({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date YYYY-MM-DD (the closing day)'),
  seed: z.string().trim().min(1).max(64).optional(),
});

export const AnswerEvaluationSchema = z.object({
  choice: z.enum(['satisfied', 'basic', 'dissatisfied']),
  answers: z.record(z.string(), z.string().max(500)).optional(),
  note: z.string().max(2000).optional(),
});
