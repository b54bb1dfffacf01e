import { z } from 'zod';
import type { ResultWhyView } from './result-why';

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

export const WORK_ORDER_IMPORT_COLUMNS = [
  'orderNo',
  'faultKey',
  'repeatReport',
  'source',
  'repairerCode',
  'teamCode',
  'reporter',
  'reportedAt',
  'closedAt',
] as const;
export const WorkOrderImportRowSchema = z.object({
  orderNo: z.string().trim().min(1, 'orderNo is required'),
  faultKey: z.string().trim().optional(),
  repeatReport: z
    .enum(['', 'true', 'false', '1', '0', 'yes', 'no'])
    .optional()
    .transform((v) => v === 'true' || v === '1' || v === 'yes'),
  source: z
    .string()
    .trim()
    .default('hotline')
    .transform((v) => v || 'hotline'),
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

/** E-1/E-2: what one assignment of a closing day did (idempotent: a second run for the same day adds nothing). */
export interface AssignEvaluationsResult {
  date: string;
  seed: string;
  orders: number;
  evaluated: number;
  assigned: { foreman: number; dispatcher: number; manager: number };
  skipped: { orderNo: string; reason: string }[];
  /** all skipped orders (the list may be cut short for a workflow's history) */
  skippedTotal: number;
}

/** Activities of the daily evaluation assignment and its E-4 reminders (activities/src/evaluation-activities.ts). */
export interface EvaluationActivities {
  /** the evaluation and calendar sections of the policy in effect */
  evaluationPolicy(): Promise<unknown>;
  /** E-1/E-2 sampling and assignment of the orders closed on `date` (local), with the recorded seed */
  assignEvaluations(input: { date: string; seed: string }): Promise<AssignEvaluationsResult>;
  /** E-4: a notification to the evaluator of each still unanswered evaluation of that day, once per kind; returns how many */
  remindEvaluations(input: { evaluateOn: string; kind: 'reminder' | 'overdue'; workflowId: string }): Promise<number>;
  /** E-4 the day's results to each team's own lead at the end of the evaluation day; returns the notifications sent */
  reportEvaluationResults(input: { evaluateOn: string; workflowId: string }): Promise<number>;
}

/** Input of the `dailyEvaluationAssignment` workflow; a Schedule starts it with no date (= today, local). */
export interface DailyEvaluationInput {
  date?: string;
  seed?: string;
}
export interface DailyEvaluationResult {
  date: string;
  seed: string;
  evaluateOn: string;
  assigned: AssignEvaluationsResult['assigned'];
  /** late closures of the day before, assigned by this run */
  caughtUp: AssignEvaluationsResult['assigned'];
  reminded: number;
  overdue: number;
  /** E-4 result notifications sent to the teams' leads at the end of the evaluation day */
  teamsNotified?: number;
}

export const DAILY_EVALUATION_WORKFLOW = 'dailyEvaluationAssignment';
export const DAILY_EVALUATION_SCHEDULE_ID = 'qf-daily-evaluation-assignment';
/** One schedule per task queue (the default queue keeps the plain id), so deployments and test stacks do not share one. */
export function dailyEvaluationScheduleId(taskQueue: string): string {
  return taskQueue === 'qualityflow' ? DAILY_EVALUATION_SCHEDULE_ID : `${DAILY_EVALUATION_SCHEDULE_ID}-${taskQueue}`;
}

/** E-6: the repair star's committee case (kind 'repair-star', one per month: the month is its business key). */
export interface RepairStarCaseData {
  month: string;
  repairerId: string;
  repairerName: string;
  teamId: string;
  teamName: string;
  /** the E-5 score that made them the star: average + volume bonus = total */
  count: number;
  average: number;
  volumeBonus: number;
  total: number;
  /** E-5: the rule, policy version and evaluations that made this score (absent on cases sent before) */
  why?: ResultWhyView;
}
