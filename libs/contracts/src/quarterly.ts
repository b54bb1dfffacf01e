import { z } from 'zod';
import { ResDateTime, ResJson, ResUuid } from './responses/common';

/** a quarter, YYYY-Qn. */
export const QuarterSchema = z.string().regex(/^\d{4}-Q[1-4]$/, 'period must be a quarter YYYY-Qn (Q-1)');

/**
 * where an indicator's values come from: entered or imported by the quality department (manual), or the
 * product's own results of the quarter's months — satisfaction (perception), the P-6 service indicators met
 * (indicators), posted deduction points (deductions), closed-order evaluation scores (evaluation).
 */
export const QUARTERLY_SOURCES = ['manual', 'perception', 'indicators', 'deductions', 'evaluation'] as const;
export type QuarterlySource = (typeof QUARTERLY_SOURCES)[number];

export const QuarterlyIndicatorSchema = z.object({
  /** the indicator's key within the plan (given by the api as k1, k2 … when left out) */
  code: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9-]{0,31}$/, 'code: lower-case letters, digits, dashes')
    .optional(),
  name: z.string().trim().min(1, 'name is required').max(60),
  /** per cent of the plan's score; the plan's weights sum to 100 */
  weight: z.number().int().min(1).max(100),
  source: z.enum(QUARTERLY_SOURCES).default('manual'),
  /** higher values are better (satisfaction) or lower ones (deduction points) */
  direction: z.enum(['higher', 'lower']).default('higher'),
  /** the value that scores full marks */
  target: z.number().positive().max(1_000_000),
});
export type QuarterlyIndicatorInput = z.infer<typeof QuarterlyIndicatorSchema>;
export type QuarterlyIndicator = QuarterlyIndicatorInput & { code: string };

/** POST/PUT /api/quarterly-assessments: a quarterly plan (a draft until submitted for approval). */
export const QuarterlyPlanSchema = z.object({
  period: QuarterSchema,
  title: z.string().trim().max(100).optional(),
  /** the units assessed (branches, centres, halls, teams) */
  scope: z.array(z.string().uuid('scope: unit ids')).min(1, 'the plan must name its scope (Q-1)').max(200),
  indicators: z.array(QuarterlyIndicatorSchema).min(1, 'the plan must name its indicators (Q-1)').max(20),
  /** the employee who owns the plan; the creator's own employee when left out */
  ownerId: z.string().uuid().optional(),
});
export type QuarterlyPlanInput = z.infer<typeof QuarterlyPlanSchema>;

/** Values entered during data collection: one per (unit, indicator); a later entry replaces the earlier one. */
export const QuarterlyValuesSchema = z.object({
  values: z
    .array(
      z.object({
        unitId: z.string().uuid(),
        indicator: z.string().min(1).max(32),
        value: z.number().min(-1_000_000).max(1_000_000),
      }),
    )
    .min(1)
    .max(2000),
});
export type QuarterlyValuesInput = z.infer<typeof QuarterlyValuesSchema>;

/** an internal review finding of a team, entered during data collection; it becomes a rectification. */
export const QuarterlyFindingSchema = z.object({
  teamUnitId: z.string().uuid('teamUnitId must be a team (Q-2)'),
  description: z.string().trim().min(1, 'description is required').max(2000),
  /** an explicit deadline; else the next fault-analysis meeting, else the policy's working days */
  deadline: z.string().datetime({ offset: true }).optional(),
});
export type QuarterlyFindingInput = z.infer<typeof QuarterlyFindingSchema>;

/** The quarterlyAssessment case's data. */
export interface QuarterlyCaseData {
  planId: string;
  period: string;
}

/** Input of the Schedule's workflow that drafts the next quarter's plan. */
export type ScheduledQuarterlyDraft = Record<string, never>;
export const QUARTERLY_DRAFT_WORKFLOW = 'quarterlyPlanDraft';
export const quarterlyDraftScheduleId = (taskQueue: string) =>
  taskQueue === 'qualityflow' ? 'qf-quarterly-plan-draft' : `qf-quarterly-plan-draft-${taskQueue}`;

export interface QuarterlyRectificationStart {
  caseId: string;
  workflowId: string;
  /** the rectification workflow's input (CaseWorkflowInput) */
  input: unknown;
}

/** Activities of the quarterlyAssessment workflow and of the Schedule's draft. */
export interface QuarterlyActivities {
  setQuarterlyStatus(input: { planId: string; status: string }): Promise<void>;
  /** the values of the product's own results for the indicators that have a source (replaces them) */
  collectQuarterlyValues(input: { planId: string }): Promise<{ values: number }>;
  /** per-unit weighted score, rank, trend vs the previous quarter, worst indicators (replaces the results) */
  analyseQuarter(input: { planId: string }): Promise<{ units: number; missing: number }>;
  /** one rectification per finding (idempotent by business key); the caller starts their workflows */
  openFindingRectifications(input: {
    planId: string;
    caseId: string;
    workflowId: string;
    initiatorUserId: string | null;
  }): Promise<QuarterlyRectificationStart[]>;
  /** Q-1 feedback: the head of each unit of the plan (a branch-head, a team's lead), or null when none */
  quarterlyUnitHeads(input: { planId: string }): Promise<{ unitId: string; userId: string | null }[]>;
  /** the Schedule: the next quarter's plan as a draft, copied from the latest plan (once per period) */
  draftNextQuarterPlan(input: { nowIso: string }): Promise<{ planId: string | null; period: string | null }>;
}

// ------------------------------------------------------------------------------------------------ responses
const Num = z.number();
const ResQuarter = z.string().regex(/^\d{4}-Q[1-4]$/);
const PlanBase = {
  id: ResUuid,
  period: ResQuarter,
  title: z.string(),
  status: z.string(),
  scope: z.array(ResUuid),
  indicators: z.array(ResJson),
  ownerId: ResUuid.nullable(),
  ownerName: z.string().nullable(),
  caseId: ResUuid.nullable(),
  stage: z.string().nullable(),
  createdAt: ResDateTime,
};
export const QuarterlyPlanResponseSchema = z.looseObject(PlanBase);
export const QuarterlyUnitResultSchema = z.looseObject({
  unitId: ResUuid,
  unitName: z.string(),
  score: Num.nullable(),
  rank: Num.nullable(),
  previousScore: Num.nullable(),
  trend: Num.nullable(),
  indicators: z.array(ResJson),
  worst: z.array(ResJson),
  headName: z.string().nullable(),
  acknowledgedAt: ResDateTime.nullable(),
});
export const QuarterlyPlanDetailResponseSchema = z.looseObject({
  ...PlanBase,
  units: z.array(z.looseObject({ id: ResUuid, name: z.string(), kind: z.string() })),
  values: z.array(z.looseObject({ unitId: ResUuid, indicator: z.string(), value: Num, source: z.string() })),
  findings: z.array(
    z.looseObject({
      id: ResUuid,
      teamUnitId: ResUuid,
      teamName: z.string(),
      description: z.string(),
      rectificationCaseId: ResUuid.nullable(),
    }),
  ),
  results: z.array(QuarterlyUnitResultSchema),
  previousPeriod: ResQuarter,
});
export const QuarterlyFindingResponseSchema = z.looseObject({ id: ResUuid });
