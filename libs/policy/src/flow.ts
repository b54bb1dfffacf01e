import { z } from 'zod';
import { lazySchema, RoleSchema, TaskActionNameSchema } from '@qf/contracts';

/** Who acts at a stage: a role, or a relation to the case's people. */
export const AssigneeSchema = lazySchema(() =>
  z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('role'), role: RoleSchema }),
    z.object({
      kind: z.literal('relation'),
      relation: z.enum(['supervisor-of-responsible', 'initiator', 'accountable-persons']),
    }),
  ]),
);

/** How decisions of a stage are counted. */
export const DecisionModeSchema = lazySchema(() =>
  z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('one') }),
    z.object({ kind: z.literal('all') }),
    z
      .object({
        kind: z.literal('quorum'),
        n: z.number().int().min(1).optional(),
        fraction: z.number().gt(0).max(1).optional(),
      })
      .refine((m) => (m.n === undefined) !== (m.fraction === undefined), 'quorum needs exactly one of n or fraction'),
    z.object({
      kind: z.literal('majority'),
      quorumFraction: z
        .number()
        .gt(0)
        .max(1)
        .default(2 / 3),
    }),
  ]),
);
export type DecisionMode = z.infer<typeof DecisionModeSchema>;

export const DurationSchema = lazySchema(() =>
  z
    .object({
      workingDays: z.number().int().min(0).max(60).optional(),
      hours: z
        .number()
        .min(0)
        .max(24 * 60)
        .optional(),
    })
    .refine((d) => d.workingDays !== undefined || d.hours !== undefined, 'give workingDays or hours'),
);
export type FlowDuration = z.infer<typeof DurationSchema>;

export const StageDefSchema = lazySchema(() =>
  z.object({
    key: z.string().regex(/^[a-z][a-z0-9-]*$/, 'stage key: lower-case letters, digits, dashes'),
    label: z.string().min(1),
    assignee: AssigneeSchema,
    /** pool: one task for the role, any holder acts; each: one task per holder of the role. */
    assignment: z.enum(['pool', 'each']).default('pool'),
    /** Distinct people whose approval is needed in a pool stage (e.g. two verifiers). */
    required: z.number().int().min(1).max(20).default(1),
    mode: DecisionModeSchema.default({ kind: 'one' }),
    deadline: DurationSchema.optional(),
    reminderBefore: DurationSchema.optional(),
    escalateTo: RoleSchema.optional(),
    escalateAfter: DurationSchema.optional(),
    actions: z.array(TaskActionNameSchema).min(1).default(['approve', 'reject', 'comment']),
    /**
     * 批量同意 (issue 17): the inbox may approve several open tasks of this stage at once (each still one approve,
     * validated and audited). Only for stages whose approval carries no form input.
     */
    batchApprove: z.boolean().optional(),
  }),
);
export type StageDef = z.infer<typeof StageDefSchema>;

export const FlowDefinitionSchema = lazySchema(
  () =>
    z
      .object({
        kind: z.string().min(1),
        version: z.number().int().min(1),
        stages: z.array(StageDefSchema).min(1, 'a flow needs at least one stage'),
      })
      .superRefine((f, ctx) => {
        const seen = new Set<string>();
        f.stages.forEach((s, i) => {
          if (seen.has(s.key))
            ctx.addIssue({ code: 'custom', path: ['stages', i, 'key'], message: `stage key "${s.key}" is used twice` });
          seen.add(s.key);
          if (s.escalateTo && !s.deadline)
            ctx.addIssue({ code: 'custom', path: ['stages', i, 'escalateTo'], message: 'escalation needs a deadline' });
        });
      }),
  // a workflow parses its pinned flow once per run: its schemas do not stay in the cached workflow
  { keep: false },
);
export type FlowDefinition = z.infer<typeof FlowDefinitionSchema>;

export type Vote = 'approve' | 'reject';
export type StageOutcome = 'pending' | 'approved' | 'rejected';

/**
 * Counts the decisions of a stage by its mode. `votes` holds each voter's current vote once;
 * `eligible` is how many people may vote (tasks of an "each" stage, or `required` for a pool stage);
 * `final` is true when the stage closes at its deadline and must decide with the votes cast.
 */
export function decideStage(mode: DecisionMode, votes: Vote[], eligible: number, final = false): StageOutcome {
  const approvals = votes.filter((v) => v === 'approve').length;
  const rejections = votes.length - approvals;
  switch (mode.kind) {
    case 'one':
      return approvals > 0 ? 'approved' : rejections > 0 ? 'rejected' : 'pending';
    case 'all':
      if (rejections > 0) return 'rejected';
      return approvals >= eligible ? 'approved' : 'pending';
    case 'quorum': {
      const need = mode.n ?? Math.ceil((mode.fraction ?? 1) * eligible);
      if (approvals >= need) return 'approved';
      return eligible - rejections < need ? 'rejected' : 'pending';
    }
    case 'majority': {
      const quorum = Math.ceil(mode.quorumFraction * eligible - 1e-9);
      // The vote stays open (votes may change) until everyone voted or the stage closes (final).
      if (!final && votes.length < eligible) return 'pending';
      if (votes.length < quorum) return final ? 'rejected' : 'pending';
      return approvals > rejections ? 'approved' : 'rejected';
    }
  }
}
