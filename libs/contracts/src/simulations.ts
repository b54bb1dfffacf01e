import { z } from 'zod';
import { MonthSchema } from './common';
import { ResDateTime, ResJson, ResMonth, ResUuid } from './responses/common';

const Num = z.number();

/** POST /api/simulations: simulate a policy version (a draft too) against a baseline over recorded months. */
export const StartSimulationSchema = z.object({
  policyVersion: z.number().int().min(1),
  /** the version compared against; the policy in effect when left out */
  baselineVersion: z.number().int().min(1).optional(),
  months: z
    .array(MonthSchema)
    .min(1)
    .max(24)
    .refine((ms) => new Set(ms).size === ms.length, { message: 'months must not repeat' }),
});
export type StartSimulation = z.infer<typeof StartSimulationSchema>;

/** Input of the policySimulation workflow: both policies' bodies are pinned at start. */
export interface SimulationWorkflowInput {
  simulationId: string;
  months: string[];
  policy: unknown;
  baseline: unknown;
}

/** Activities of a what-if simulation (issue 16). */
export interface SimulationActivities {
  /** one month through both policies; false when the simulation was deleted meanwhile */
  simulateMonth(input: { simulationId: string; month: string; policy: unknown; baseline: unknown }): Promise<boolean>;
  finishSimulation(input: { simulationId: string; status: 'done' | 'failed'; error?: string }): Promise<void>;
}

// ------------------------------------------------------------------------------------------------ responses
const SimulationBase = {
  id: ResUuid,
  policyVersion: Num,
  baselineVersion: Num.nullable(),
  months: z.array(ResMonth),
  status: z.enum(['running', 'done', 'failed']),
  monthsDone: Num,
  workflowId: z.string(),
  error: z.string().nullable(),
  createdBy: ResUuid.nullable(),
  createdAt: ResDateTime,
  finishedAt: ResDateTime.nullable(),
};
export const SimulationResponseSchema = z.looseObject(SimulationBase);
export const SimulationDetailResponseSchema = z.looseObject({
  ...SimulationBase,
  progress: z.looseObject({ done: Num, total: Num }),
  summary: z.looseObject({
    employees: Num,
    changed: Num,
    gradeMoves: Num,
    p4Before: Num,
    p4After: Num,
    p5Before: Num,
    p5After: Num,
    moneyBeforeFen: Num,
    moneyAfterFen: Num,
    moneyDeltaFen: Num,
    pointsDeltaX10: Num,
    perceptionChanged: Num,
    /** S-10/S-12, E-5, K-*: the results outside the settlement (runs from before these were simulated lack them) */
    starPayChanged: Num.optional(),
    starPayDeltaFen: Num.optional(),
    repairerScoresChanged: Num.optional(),
    scorecardsChanged: Num.optional(),
    finesDeltaFen: Num.optional(),
  }),
  months: z.array(ResMonth),
  moves: z.array(z.looseObject({ before: z.string().nullable(), after: z.string().nullable(), people: Num })),
  units: z.array(
    z.looseObject({
      branchId: ResUuid.nullable(),
      branch: z.string().nullable(),
      people: Num,
      gradeMoves: Num,
      moneyDeltaFen: Num,
      pointsDeltaX10: Num,
    }),
  ),
  monthTotals: z.array(ResJson),
  /** star pay (S-10, S-12), repairer scores (E-5), scorecards and K-5 fines (K-*) that would change */
  results: z
    .array(
      z.looseObject({
        month: ResMonth,
        kind: z.enum(['star-pay', 'repairer-score', 'scorecard', 'scorecard-fine']),
        scope: z.enum(['person', 'unit']),
        subjectId: ResUuid,
        subject: z.string().nullable(),
        unitId: ResUuid.nullable(),
        unit: z.string().nullable(),
        card: z.string(),
        valueBefore: Num.nullable(),
        valueAfter: Num.nullable(),
        moneyBeforeFen: Num,
        moneyAfterFen: Num,
        moneyDeltaFen: Num,
      }),
    )
    .optional(),
});
export const SimulationChangeResponseSchema = z.looseObject({
  id: z.string(),
  month: ResMonth,
  kind: z.enum(['settlement', 'perception']),
  employeeId: ResUuid,
  employee: z.string(),
  branchId: ResUuid.nullable(),
  branch: z.string().nullable(),
  channel: z.string(),
  gradeBefore: z.string().nullable(),
  gradeAfter: z.string().nullable(),
  pointsBefore: Num,
  pointsAfter: Num,
  moneyBeforeFen: Num,
  moneyAfterFen: Num,
  moneyDeltaFen: Num,
});
