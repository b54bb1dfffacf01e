import { z } from 'zod';
import { MonthSchema } from './common';

/** P-1: where a satisfaction figure comes from — installation/repair callbacks or hall surveys. */
export const SATISFACTION_CHANNELS = ['repair', 'hall'] as const;
export type SatisfactionChannel = (typeof SATISFACTION_CHANNELS)[number];
/** P-1: the levels a month is ranked at. */
export const SATISFACTION_SCOPES = ['person', 'team', 'hall', 'centre', 'branch'] as const;
export type SatisfactionScope = (typeof SATISFACTION_SCOPES)[number];

export const StartPerceptionMonthSchema = z.object({ month: MonthSchema });

export const RankingQuerySchema = z.object({
  month: MonthSchema,
  channel: z.enum(SATISFACTION_CHANNELS).default('repair'),
  scope: z.enum(SATISFACTION_SCOPES).default('person'),
});
export type RankingQuery = z.infer<typeof RankingQuerySchema>;

/** One row of a satisfaction import (xlsx/csv, Chinese or English headers): a unit by its code or a person by 工号. */
export const SatisfactionImportRowSchema = z.object({
  month: MonthSchema,
  channel: z.enum(SATISFACTION_CHANNELS),
  scope: z.enum(SATISFACTION_SCOPES),
  code: z.string().trim().min(1).max(64),
  score: z.coerce.number().min(0).max(100),
  sample: z.coerce.number().int().min(0).max(10_000_000),
});
export type SatisfactionImportRow = z.infer<typeof SatisfactionImportRowSchema>;
/** header cell → field; the console's template uses the Chinese headers. */
export const SATISFACTION_IMPORT_HEADERS: Record<string, keyof SatisfactionImportRow> = {
  月份: 'month',
  渠道: 'channel',
  层级: 'scope',
  编码: 'code',
  满意度: 'score',
  样本数: 'sample',
  month: 'month',
  channel: 'channel',
  scope: 'scope',
  code: 'code',
  score: 'score',
  sample: 'sample',
};

export interface PerceptionSummary {
  people: number;
  belowStandard: number;
  p4: number;
  pointsX10: number;
  unitPenalties: number;
  supervisionOrders: number;
  training: number;
}

/** P-5: a supervision order's rectification case, registered and ready for its workflow to start (as a child). */
export interface SupervisionCaseStart {
  caseId: string;
  workflowId: string;
  /** the rectification workflow's input (CaseWorkflowInput) */
  input: unknown;
}

/** P-1…P-5: the monthly Schedule starts perceptionMonth with no case yet: it registers the month before itself. */
export interface ScheduledPerceptionMonth {
  month?: string;
}
export const PERCEPTION_MONTH_WORKFLOW = 'perceptionMonth';
export const PERCEPTION_MONTH_SCHEDULE_ID = 'qf-monthly-perception';
/** One schedule per task queue (the default queue keeps the plain id), so deployments and test stacks do not share one. */
export function perceptionMonthScheduleId(taskQueue: string): string {
  return taskQueue === 'qualityflow' ? PERCEPTION_MONTH_SCHEDULE_ID : `${PERCEPTION_MONTH_SCHEDULE_ID}-${taskQueue}`;
}

/** Activities of the perceptionMonth workflow (P-1…P-5). */
export interface PerceptionActivities {
  /** A run started by the Schedule: registers the month's case under the run's workflow id, or skips a month that has one. */
  registerPerceptionMonth(input: {
    workflowId: string;
    nowIso: string;
    month?: string;
  }): Promise<{ input: unknown } | { skipped: string; month: string }>;
  computePerceptionMonth(input: { month: string; policy: unknown; round?: number }): Promise<PerceptionSummary>;
  postPerceptionMonth(input: {
    month: string;
    caseId: string;
    workflowId: string;
    policy: unknown;
  }): Promise<{ posted: number; commissions: number; supervisionOrders: number }>;
  /** P-5: registers one rectification per (month, hall) with a supervision order (idempotent by business key). */
  openSupervisionOrders(input: {
    month: string;
    caseId: string;
    workflowId: string;
    initiatorUserId: string | null;
  }): Promise<SupervisionCaseStart[]>;
}
