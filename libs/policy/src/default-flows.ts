import { FlowDefinition, FlowDefinitionSchema } from './flow';
import { defaultPolicy } from './policy';

// The default flows live apart from the flow schema (issue 18, goal 4): no workflow reads them, and a module of the
// workflow bundle is evaluated again by every cached workflow (libs/contracts/src/lazy-schema.ts) — here the default
// policy and 13 parsed flows, ~0.5 MB per workflow. `@qf/policy` exports them as before.

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
