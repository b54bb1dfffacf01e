import { z } from 'zod';
import { RoleSchema, TaskActionNameSchema } from '@qf/contracts';
import { defaultPolicy } from './policy';

/** Who acts at a stage: a role, or a relation to the case's people. */
export const AssigneeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('role'), role: RoleSchema }),
  z.object({
    kind: z.literal('relation'),
    relation: z.enum(['supervisor-of-responsible', 'initiator', 'accountable-persons']),
  }),
]);

/** How decisions of a stage are counted. */
export const DecisionModeSchema = z.discriminatedUnion('kind', [
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
]);
export type DecisionMode = z.infer<typeof DecisionModeSchema>;

export const DurationSchema = z
  .object({
    workingDays: z.number().int().min(0).max(60).optional(),
    hours: z
      .number()
      .min(0)
      .max(24 * 60)
      .optional(),
  })
  .refine((d) => d.workingDays !== undefined || d.hours !== undefined, 'give workingDays or hours');
export type FlowDuration = z.infer<typeof DurationSchema>;

export const StageDefSchema = z.object({
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
});
export type StageDef = z.infer<typeof StageDefSchema>;

export const FlowDefinitionSchema = z
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
  });
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

const defaults = defaultPolicy();
const c13 = defaults.complaints.deadlines;
const grace = { workingDays: c13.escalationGraceWorkingDays };

/**
 * Default flow definitions (version 1) per process kind; administrators publish new versions.
 * The complaint flow takes its deadlines from the default policy (C-12, C-13), so there is one source of defaults.
 */
export const DEFAULT_FLOWS: FlowDefinition[] = [
  FlowDefinitionSchema.parse({
    kind: 'review',
    version: 1,
    stages: [
      {
        key: 'review',
        label: '审核',
        assignee: { kind: 'role', role: 'leadership' },
        deadline: { workingDays: 2 },
        reminderBefore: { hours: 4 },
        escalateTo: 'admin',
        escalateAfter: { workingDays: 1 },
        actions: ['approve', 'reject', 'comment'],
        batchApprove: true,
      },
    ],
  }),
  FlowDefinitionSchema.parse({
    kind: 'complaint',
    version: 1,
    stages: [
      {
        key: 'verify',
        label: '核实',
        assignee: { kind: 'role', role: 'verifier' },
        required: defaults.complaints.verifiers.default,
        deadline: { workingDays: c13.verificationWorkingDays },
        reminderBefore: { hours: 4 },
        escalateTo: 'ruling-lead',
        escalateAfter: grace,
        actions: ['approve', 'comment', 'claim'],
      },
      {
        key: 'rule',
        label: '责任认定',
        assignee: { kind: 'role', role: 'ruling-lead' },
        deadline: { workingDays: c13.rulingWorkingDays },
        reminderBefore: { hours: 4 },
        escalateTo: 'leadership',
        escalateAfter: grace,
        actions: ['approve', 'return', 'comment'],
      },
      {
        key: 'appeal',
        label: '申诉期',
        assignee: { kind: 'relation', relation: 'accountable-persons' },
        assignment: 'each',
        mode: { kind: 'all' },
        deadline: { workingDays: defaults.complaints.appealWindowWorkingDays },
        actions: ['approve', 'reject', 'comment'],
      },
      {
        key: 'appeal-decision',
        label: '申诉裁决',
        assignee: { kind: 'role', role: 'leadership' },
        deadline: { workingDays: c13.appealDecisionWorkingDays },
        reminderBefore: { hours: 8 },
        actions: ['approve', 'comment'],
      },
    ],
  }),
  FlowDefinitionSchema.parse({
    kind: 'settlement',
    version: 1,
    stages: [
      {
        key: 'confirm',
        label: '分公司确认',
        assignee: { kind: 'role', role: 'branch-head' },
        assignment: 'each',
        mode: { kind: 'all' },
        deadline: { workingDays: 2 },
        reminderBefore: { hours: 4 },
        escalateTo: 'hr',
        escalateAfter: { workingDays: 1 },
        actions: ['approve', 'reject', 'comment'],
      },
      {
        key: 'approve',
        label: '人力审批',
        assignee: { kind: 'role', role: 'hr' },
        deadline: { workingDays: 2 },
        reminderBefore: { hours: 4 },
        actions: ['approve', 'return', 'comment'],
      },
    ],
  }),
  FlowDefinitionSchema.parse({
    kind: 'perception-month',
    version: 1,
    stages: [
      {
        key: 'review',
        label: '质量管理部审核',
        assignee: { kind: 'role', role: 'quality' },
        deadline: { workingDays: 3 },
        reminderBefore: { hours: 4 },
        actions: ['approve', 'return', 'comment'],
      },
    ],
  }),
  // Q-1 quarterly assessment: the quality department's lead approves the plan, collects the data, issues the report;
  // each unit head acknowledges the unit's results (deadline from the policy; reminder, then escalation)
  FlowDefinitionSchema.parse({
    kind: 'quarterly-assessment',
    version: 1,
    stages: [
      {
        key: 'plan',
        label: '考核计划审批',
        assignee: { kind: 'role', role: 'quality' },
        deadline: { workingDays: 3 },
        reminderBefore: { hours: 8 },
        actions: ['approve', 'reject', 'comment'],
      },
      {
        key: 'collect',
        label: '数据收集',
        assignee: { kind: 'role', role: 'quality' },
        deadline: { workingDays: 10 },
        reminderBefore: { hours: 24 },
        actions: ['approve', 'comment'],
      },
      {
        key: 'report',
        label: '考核报告',
        assignee: { kind: 'role', role: 'quality' },
        deadline: { workingDays: 5 },
        reminderBefore: { hours: 8 },
        actions: ['approve', 'return', 'comment'],
      },
      {
        // nominal deadline: the workflow sets the policy's (quality.feedbackWorkingDays)
        key: 'feedback',
        label: '结果反馈确认',
        assignee: { kind: 'role', role: 'branch-head' },
        assignment: 'each',
        mode: { kind: 'all' },
        deadline: { workingDays: 5 },
        reminderBefore: { hours: 24 },
        escalateTo: 'quality',
        escalateAfter: { workingDays: 1 },
        actions: ['approve', 'comment'],
      },
    ],
  }),
  // K-2: an order past a deadline goes back to the dispatcher, who re-dispatches it
  FlowDefinitionSchema.parse({
    kind: 'order-redispatch',
    version: 1,
    stages: [
      {
        key: 'redispatch',
        label: '重新派单',
        assignee: { kind: 'role', role: 'dispatcher' },
        deadline: { hours: 1 },
        actions: ['approve', 'comment', 'claim'],
      },
    ],
  }),
  // K-8: a fine per event, approved (or returned) by the fined person's direct lead
  FlowDefinitionSchema.parse({
    kind: 'service-fine',
    version: 1,
    stages: [
      {
        key: 'approve',
        label: '直接领导审批',
        assignee: { kind: 'role', role: 'team-lead' },
        deadline: { workingDays: 3 },
        actions: ['approve', 'return', 'comment'],
      },
    ],
  }),
  // K-9: the quality department reviews the month's scorecard results (a return recomputes them)
  FlowDefinitionSchema.parse({
    kind: 'scorecard-month',
    version: 1,
    stages: [
      {
        key: 'review',
        label: '质量管理部审核',
        assignee: { kind: 'role', role: 'quality' },
        deadline: { workingDays: 3 },
        reminderBefore: { hours: 4 },
        actions: ['approve', 'return', 'comment'],
      },
    ],
  }),
  // P-6 / P-7: an interview (yellow/red card, major incident) held by the named person, who records it
  FlowDefinitionSchema.parse({
    kind: 'interview',
    version: 1,
    stages: [
      {
        key: 'record',
        label: '约谈记录',
        assignee: { kind: 'role', role: 'branch-head' },
        deadline: { workingDays: 5 },
        actions: ['approve', 'comment'],
      },
    ],
  }),
  FlowDefinitionSchema.parse({
    kind: 'rectification',
    version: 1,
    stages: [
      {
        key: 'plan',
        label: '整改提交',
        assignee: { kind: 'role', role: 'team-lead' },
        actions: ['approve', 'comment', 'claim'],
      },
      {
        key: 'review',
        label: '故障分析会确认',
        assignee: { kind: 'role', role: 'manager' },
        actions: ['approve', 'reject', 'comment'],
        batchApprove: true,
      },
      {
        key: 'note',
        label: '内部整改说明',
        assignee: { kind: 'role', role: 'foreman' },
        actions: ['approve', 'comment'],
      },
    ],
  }),
  // S-6 team-lead review and S-8 committee vote of each star application (child cases pin the campaign's version)
  FlowDefinitionSchema.parse({
    kind: 'star-campaign',
    version: 1,
    stages: [
      {
        key: 'lead-review',
        label: '班组长审核推荐',
        assignee: { kind: 'role', role: 'team-lead' },
        actions: ['approve', 'reject', 'comment'],
      },
      {
        key: 'committee',
        label: '评委会投票',
        assignee: { kind: 'role', role: 'committee' },
        assignment: 'each',
        mode: { kind: 'majority', quorumFraction: 2 / 3 },
        actions: ['approve', 'reject', 'comment'],
      },
    ],
  }),
  // S-10 monthly star assessment: team leads enter the scores by the 5th of the next month
  FlowDefinitionSchema.parse({
    kind: 'star-review',
    version: 1,
    stages: [
      {
        // nominal deadline: the workflow sets the policy's absolute one (the 5th of the next month, S-10)
        key: 'scores',
        label: '星级月度考核评分',
        assignee: { kind: 'role', role: 'team-lead' },
        deadline: { workingDays: 5 },
        reminderBefore: { hours: 24 },
        escalateTo: 'admin',
        escalateAfter: { workingDays: 1 },
        actions: ['approve', 'comment', 'claim'],
      },
    ],
  }),
  // E-6 the repair star's 0.5 points: the performance committee votes (majority of the votes cast, two thirds voting)
  FlowDefinitionSchema.parse({
    kind: 'repair-star',
    version: 1,
    stages: [
      {
        key: 'committee',
        label: '绩效委员会审批',
        assignee: { kind: 'role', role: 'committee' },
        assignment: 'each',
        mode: { kind: 'majority', quorumFraction: 2 / 3 },
        deadline: { workingDays: 5 },
        reminderBefore: { hours: 24 },
        actions: ['approve', 'reject', 'comment'],
      },
    ],
  }),
];
