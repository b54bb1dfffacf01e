import { z } from 'zod';
import { MonthSchema } from './common';
import { ResDateTime, ResJson, ResMonth, ResUuid } from './responses/common';

/** K-9: the month whose scorecards are computed (by hand; the Schedule starts the month before on its day). */
export const StartScorecardMonthSchema = z.object({ month: MonthSchema });

/** K-9 imported figures (the indicators' `imported` computations). */
export const KPI_IMPORT_FIGURES = [
  'call-volume',
  'boss-error-rate',
  'network-exit-failures',
  'device-failures',
  'subscriber-retention',
  'dispatch-accuracy',
] as const;

/**
 * One row of an indicator-value import (xlsx/csv, Chinese or English headers): a unit by its code or a person by
 * 工号; device failures name the device (one row per device, its failure count in the month).
 */
export const KpiImportRowSchema = z
  .object({
    month: MonthSchema,
    figure: z.enum(KPI_IMPORT_FIGURES),
    scope: z.enum(['unit', 'person']),
    code: z.string().trim().min(1).max(64),
    device: z.string().trim().max(100).default(''),
    value: z.coerce.number().finite().min(0).max(1e9),
  })
  .superRefine((r, ctx) => {
    if (r.figure === 'device-failures' && !r.device)
      ctx.addIssue({ code: 'custom', path: ['device'], message: 'device failures name the device' });
    if (r.figure === 'device-failures' && !Number.isInteger(r.value))
      ctx.addIssue({ code: 'custom', path: ['value'], message: 'a failure count is a whole number' });
  });
export type KpiImportRow = z.infer<typeof KpiImportRowSchema>;
/** header cell → field; the console's template uses the Chinese headers. */
export const KPI_IMPORT_HEADERS: Record<string, keyof KpiImportRow> = {
  月份: 'month',
  指标: 'figure',
  层级: 'scope',
  编码: 'code',
  设备: 'device',
  数值: 'value',
  month: 'month',
  figure: 'figure',
  scope: 'scope',
  code: 'code',
  device: 'device',
  value: 'value',
};

export interface ScorecardSummary {
  cards: number;
  /** each card's label by key (the pinned policy's) */
  labels: Record<string, string>;
  units: number;
  people: number;
  fines: number;
  fineFen: number;
}

/** S-10-like scheduled start: the Schedule passes no month (the month before is computed). */
export interface ScheduledScorecardMonth {
  month?: string;
}
export const SCORECARD_MONTH_WORKFLOW = 'scorecardMonth';
export const SCORECARD_SCHEDULE_ID = 'qf-monthly-scorecards';
export function scorecardScheduleId(taskQueue: string): string {
  return taskQueue === 'qualityflow' ? SCORECARD_SCHEDULE_ID : `${SCORECARD_SCHEDULE_ID}-${taskQueue}`;
}

/** Activities of the scorecardMonth workflow (K-3…K-7, K-9). */
export interface ScorecardActivities {
  /** registers the month's case when the Schedule started the run (a month already running by hand is skipped) */
  registerScorecardMonth(input: {
    workflowId: string;
    nowIso: string;
    month?: string;
  }): Promise<{ input: unknown } | { skipped: string; month: string }>;
  computeScorecardMonth(input: {
    month: string;
    policy: unknown;
    policyVersion: number;
    round: number;
  }): Promise<ScorecardSummary>;
  postScorecardMonth(input: { month: string; caseId: string; workflowId: string }): Promise<{ posted: number }>;
  /**
   * P-6: the month's unit points feed the indicator cards (once per unit and month); returns the interview cases the
   * cards ordered (registered once by their key), for the workflow to start
   */
  feedIndicatorCards(input: {
    month: string;
    caseId: string;
    workflowId: string;
    policy: unknown;
    initiatorUserId: string | null;
  }): Promise<{
    fed: number;
    carded: number;
    interviews: { caseId: string; workflowId: string; input: unknown }[];
  }>;
}

// --------------------------------------------------------------------------------------------- answers
const Num = z.number();
export const ScorecardMonthResponseSchema = z.looseObject({
  month: ResMonth,
  status: z.string(),
  summary: ResJson,
  round: Num,
  policyVersion: Num.nullable(),
  caseId: ResUuid.nullable(),
  stage: z.string().nullable(),
  computedAt: ResDateTime.nullable(),
  postedAt: ResDateTime.nullable(),
});
export const ScorecardMonthDetailResponseSchema = ScorecardMonthResponseSchema.extend({
  id: ResMonth,
  results: z.array(
    z.looseObject({
      card: z.string(),
      scope: z.enum(['unit', 'person']),
      subjectId: ResUuid,
      unitId: ResUuid,
      unitName: z.string(),
      name: z.string().nullable(),
      total: Num,
      rank: Num,
      ranked: Num,
      indicators: ResJson,
    }),
  ),
  fines: z.array(
    z.looseObject({
      employeeId: ResUuid,
      name: z.string(),
      reason: z.string(),
      unitId: ResUuid,
      unitName: z.string(),
      amountFen: Num,
      why: ResJson,
    }),
  ),
});
