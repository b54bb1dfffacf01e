import { z } from 'zod';
import { lazySchema } from './lazy-schema';
import { MonthSchema } from './common';

/** P-6: one row of a monthly service-indicator import (until the KPI scorecards exist, issue 15). */
export const IndicatorImportRowSchema = lazySchema(() =>
  z.object({
    month: MonthSchema,
    code: z.string().trim().min(1).max(64),
    indicator: z.string().trim().min(1).max(100),
    value: z.coerce.number().finite(),
    target: z.coerce.number().finite(),
    /** 是 / 否 (or true/false, 1/0): whether the unit met the indicator's target this month */
    passed: z.preprocess(
      (v) => (typeof v === 'string' ? ['是', 'true', '1', '达标', 'yes'].includes(v.trim().toLowerCase()) : v),
      z.boolean(),
    ),
  }),
);
export type IndicatorImportRow = z.infer<typeof IndicatorImportRowSchema>;

export const INDICATOR_IMPORT_HEADERS: Record<string, keyof IndicatorImportRow> = {
  月份: 'month',
  单位编码: 'code',
  指标: 'indicator',
  结果: 'value',
  目标: 'target',
  是否达标: 'passed',
  month: 'month',
  code: 'code',
  indicator: 'indicator',
  value: 'value',
  target: 'target',
  passed: 'passed',
};

export const IndicatorBoardQuerySchema = lazySchema(() =>
  z.object({ year: z.coerce.number().int().min(2000).max(2100) }),
);
export const IndicatorRankingQuerySchema = lazySchema(() => z.object({ month: MonthSchema }));
/** P-7: who may be named as the responsible department head (search by name or 工号). */
export const PeopleSearchQuerySchema = lazySchema(() => z.object({ q: z.string().trim().max(50).default('') }));

/** P-7: a major service incident names the responsible department and its head. */
export const IncidentSchema = lazySchema(() =>
  z.object({
    title: z.string().trim().min(1, 'title is required').max(200),
    description: z.string().trim().min(1, 'description is required').max(5000),
    occurredAt: z.string().datetime({ offset: true, message: 'occurredAt must be an ISO date-time' }),
    unitId: z.string().uuid('unitId must be a unit id'),
    departmentHeadId: z.string().uuid('departmentHeadId must be an employee id'),
    major: z.boolean().default(true),
  }),
);
export type IncidentInput = z.infer<typeof IncidentSchema>;

/** P-6 / P-7: what an interview's record keeps (the interview stage's form). */
export const InterviewRecordSchema = lazySchema(() =>
  z.object({
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date must be YYYY-MM-DD'),
    people: z.string().trim().min(1, 'who took part').max(1000),
    minutes: z.string().trim().min(1, 'the minutes are required').max(10000),
    commitments: z.string().trim().min(1, 'the commitments are required').max(5000),
  }),
);
export type InterviewRecord = z.infer<typeof InterviewRecordSchema>;

/** An interview case's data (kind interview). */
export interface InterviewCaseData {
  origin: 'indicator-card' | 'major-incident';
  unitId: string;
  unitName: string;
  month?: string;
  incidentId?: string;
  card?: string;
  intervieweeId: string | null;
  intervieweeName: string | null;
  intervieweeUserId: string | null;
  reason: string;
  dueAt: string;
}

/** Activities of the interview workflow. */
export interface InterviewActivities {
  recordInterview(input: { caseId: string; record: InterviewRecord }): Promise<void>;
}

// ---------------------------------------------------------------------------------------------- answers (OpenAPI)
export const IndicatorImportResponseSchema = lazySchema(() =>
  z.looseObject({
    imported: z.number().int().min(0),
    cards: z.array(z.looseObject({ unitId: z.string(), month: z.string(), card: z.string(), failureNo: z.number() })),
  }),
);
export const IndicatorRankingResponseSchema = lazySchema(() =>
  z.looseObject({
    month: z.string(),
    rows: z.array(
      z.looseObject({ unitId: z.string(), unitName: z.string(), passed: z.number(), failed: z.array(z.string()) }),
    ),
  }),
);
/** P-6: the year's units ranked best first by failing months, then by the organisational score posted against them. */
export const IndicatorYearRankingResponseSchema = lazySchema(() =>
  z.looseObject({
    year: z.number(),
    rows: z.array(
      z.looseObject({
        unitId: z.string(),
        unitName: z.string(),
        months: z.number(),
        failingMonths: z.number(),
        lastCard: z.string().nullable(),
        orgScoreX10: z.number(),
        rank: z.number(),
      }),
    ),
  }),
);
export const IndicatorCardResponseSchema = lazySchema(() =>
  z.looseObject({
    unitId: z.string(),
    unitName: z.string(),
    month: z.string(),
    failureNo: z.number(),
    card: z.string(),
    orgScoreX10: z.number(),
    notices: z.array(z.looseObject({ to: z.string(), name: z.string().nullable(), message: z.string() })),
    interviews: z.array(z.looseObject({ caseId: z.string() })),
  }),
);
export const IncidentResponseSchema = lazySchema(() =>
  z.looseObject({ id: z.string(), caseId: z.string().nullable() }),
);
export const InterviewResponseSchema = lazySchema(() =>
  z.looseObject({
    caseId: z.string(),
    origin: z.string(),
    unitName: z.string(),
    reason: z.string(),
    interviewee: z.string().nullable(),
    record: InterviewRecordSchema.nullable(),
  }),
);
export const PersonOptionResponseSchema = lazySchema(() => z.looseObject({ id: z.string(), name: z.string() }));
