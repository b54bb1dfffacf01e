import type { ComponentType } from 'react';
import type { TaskView } from '@qf/contracts/cases';
import { RepairStarPanel, StarLeadReviewPanel, StarMonthlyReviewPanel, StarVotePanel } from '../stars/panels';
import { AppealDecisionPanel, AppealPanel, RulePanel, VerifyPanel } from '../complaints/panels';
import { SettlementApprovePanel, SettlementConfirmPanel } from '../settlements/DecisionPanels';
import { RectificationDecisionPanel } from '../rectifications/RectificationDecision';
import { InterviewPanel } from '../perception/InterviewPanel';
import { PerceptionReviewPanel } from '../perception/ReviewPanel';
import { ScorecardReviewPanel } from '../scorecards/ReviewPanel';
import { QuarterlyPanel } from '../quarterly/panels';
import { FinePanel, RedispatchPanel } from '../serviceOrders/panels';

/**
 * What is being decided on a task page ("待决事项"): one panel per `'<kind>:<stage>'`, rendered by TaskShow
 * between the case summary and the actions, so no one decides blind (issue 11).
 *
 * Owners of a process write their panel component in THEIR folder and add one import + one registry line here:
 *   import { AppealPanel } from '../complaints/AppealPanel';
 *   ...
 *   'complaint:appeal': AppealPanel,
 * A panel receives the task (TaskView, with `caseId`); it fetches what it needs (useGetOne('cases', …) or its own
 * resource) and shows it with labels, names (姓名（工号）) and amounts in 元 — never ids or raw JSON.
 */
export type DecisionPanel = ComponentType<{ task: TaskView }>;

export const decisionPanels: Record<string, DecisionPanel> = {
  // '<kind>:<stage>': Component,
  'star-application:lead-review': StarLeadReviewPanel,
  'star-application:committee': StarVotePanel,
  'star-review:scores': StarMonthlyReviewPanel,
  'repair-star:committee': RepairStarPanel,
  'complaint:verify': VerifyPanel,
  'complaint:rule': RulePanel,
  'complaint:appeal': AppealPanel,
  'complaint:appeal-decision': AppealDecisionPanel,
  'settlement:confirm': SettlementConfirmPanel,
  'settlement:approve': SettlementApprovePanel,
  'rectification:plan': RectificationDecisionPanel,
  'rectification:review': RectificationDecisionPanel,
  'rectification:note': RectificationDecisionPanel,
  'perception-month:review': PerceptionReviewPanel,
  'scorecard-month:review': ScorecardReviewPanel,
  'interview:record': InterviewPanel,
  'order-redispatch:redispatch': RedispatchPanel,
  'service-fine:approve': FinePanel,
  'quarterly-assessment:plan': QuarterlyPanel,
  'quarterly-assessment:collect': QuarterlyPanel,
  'quarterly-assessment:report': QuarterlyPanel,
  'quarterly-assessment:feedback': QuarterlyPanel,
};

export const decisionPanelFor = (task: Pick<TaskView, 'kind' | 'stage'>): DecisionPanel | undefined =>
  decisionPanels[`${task.kind}:${task.stage}`];
