import { z } from 'zod';
import { ResDate, ResDateTime, ResJson, ResMonth, ResUuid, WaitingOnSchema } from './common';
import { ResultWhySchema } from '../result-why';
import { CaseDetailResponseSchema, CaseViewResponseSchema } from './core';

const People = z.record(z.string(), z.looseObject({ name: z.string(), code: z.string() }));
const Num = z.number();

// ------------------------------------------------------------------------------------------------ complaints (C-*)
/** A complaint in the list: the case, its registration fields flattened, the employees it names. */
export const ComplaintListItemResponseSchema = CaseViewResponseSchema.extend({
  complaint: ResJson,
  verification: ResJson,
  ruling: ResJson,
  appeals: z.array(ResJson),
  appealDecision: ResJson,
  people: People,
});
export const ComplaintRegisteredResponseSchema = CaseViewResponseSchema.extend({ complaint: ResJson });
export const ComplaintDetailResponseSchema = CaseDetailResponseSchema.extend({
  complaint: ResJson,
  verification: ResJson,
  ruling: ResJson,
  appeals: z.array(z.looseObject({ byName: z.string().nullable() })),
  appealDecision: ResJson,
  unitName: z.string().nullable(),
  people: People,
  deductions: z.array(
    z.looseObject({
      id: z.union([z.string(), Num]),
      employeeId: ResUuid,
      employeeName: z.string(),
      employeeCode: z.string(),
      month: ResMonth,
      reason: z.string().nullable(),
      points: Num,
      moneyFen: Num.nullable(),
    }),
  ),
});
export const DeductionResponseSchema = z.looseObject({
  id: z.union([z.string(), Num]),
  employeeId: ResUuid,
  employeeName: z.string(),
  employeeCode: z.string(),
  month: ResMonth,
  caseId: ResUuid.nullable(),
  caseTitle: z.string().nullable(),
  caseKind: z.string().nullable(),
  source: z.string().nullable(),
  reason: z.string().nullable(),
  points: Num,
  // money entries only (star award bonus, star pay); a points entry has none
  moneyFen: Num.nullable(),
  adjustsId: z.union([z.string(), Num]).nullable(),
  createdAt: ResDateTime,
});
export const NoticeResponseSchema = z.looseObject({
  id: ResUuid,
  caseId: ResUuid,
  workflowId: z.string(),
  body: ResJson,
  publishedAt: ResDateTime,
  title: z.string(),
  people: People,
});

// ------------------------------------------------------------------------------------------------ settlements (H-*)
const SettlementCommon = {
  id: ResUuid,
  month: ResMonth,
  status: z.string(),
  totals: ResJson,
  caseId: ResUuid.nullable(),
  policyVersion: z.number().int().nullable(),
  createdAt: ResDateTime,
  lockedAt: ResDateTime.nullable(),
  stage: z.string().nullable(),
  waitingOn: z.array(WaitingOnSchema).nullable(),
  dueAt: ResDateTime.nullable(),
};
export const SettlementResponseSchema = z.looseObject(SettlementCommon);
export const SettlementBranchResponseSchema = z.looseObject({
  branchId: ResUuid.nullable(),
  branchName: z.string(),
  employees: Num,
  points: Num,
  moneyFen: Num,
  p4: Num,
  p5: Num,
  taskId: ResUuid.nullable(),
  confirmed: z.boolean().nullable(),
});
export const SettlementDetailResponseSchema = z.looseObject({
  ...SettlementCommon,
  branches: z.array(SettlementBranchResponseSchema),
});
export const SettlementByTaskResponseSchema = SettlementDetailResponseSchema.extend({
  taskStage: z.string(),
  taskRound: Num.nullable(),
  taskBranchId: ResUuid.nullable(),
});
/** issue 16/18: the facts a rule counted — its cases listed, or named by the ledger group they come from and counted */
const WhyFactsSchema = z.looseObject({
  caseIds: z.array(ResUuid).optional(),
  caseNos: z.array(z.string()).optional(),
  counts: z.record(z.string(), z.number()).optional(),
  ledgerCases: z.looseObject({ group: z.string(), count: Num }).optional(),
  /** one row's why: the entries found in the group when they differ from the count the rule stored */
  casesFound: Num.optional(),
});
export const SettlementRowResponseSchema = z.looseObject({
  id: ResUuid,
  employeeId: ResUuid,
  code: z.string(),
  name: z.string(),
  displayName: z.string(),
  branchId: ResUuid.nullable(),
  points: Num,
  moneyFen: Num,
  bonusFen: Num.nullable(),
  starPayFen: Num.nullable(),
  /** K-5/K-8 fines of the month (fen): deducted as a line of their own, not as points (H-1) */
  finesFen: Num,
  grade: z.string().nullable(),
  sourceCaseList: z.array(z.looseObject({ id: ResUuid, title: z.string() })),
  /** issue 16: the rules behind the row's money, fines, grade and flags: parameters, counted facts, policy version */
  why: z.array(
    z.looseObject({
      rule: z.string(),
      on: z.enum(['money', 'fines', 'grade', 'suspension', 'exit', 'training']),
      params: z.record(z.string(), z.union([z.string(), z.number()])),
      facts: WhyFactsSchema,
      policyVersion: z.number().int().nullable(),
    }),
  ),
  reasons: z.array(
    z.looseObject({ rule: z.string().optional(), message: z.string(), messageZh: z.string().optional() }),
  ),
});

/** issue 18: one row's why with the cases each rule counted (ids and numbers), read when a person opens the row */
export const SettlementRowWhyResponseSchema = z.looseObject({
  employeeId: ResUuid,
  why: SettlementRowResponseSchema.shape.why,
});

// ------------------------------------------------------------------------------------------- rectifications (E-7, Q-2)
export const RectificationResponseSchema = z.looseObject({
  id: ResUuid,
  caseId: ResUuid,
  origin: z.string(),
  internal: z.boolean(),
  orderNo: z.string().nullable(),
  description: z.string(),
  teamUnitId: ResUuid,
  teamName: z.string(),
  branchId: ResUuid.nullable(),
  branchName: z.string().nullable(),
  meetingId: ResUuid.nullable(),
  meetingTitle: z.string().nullable(),
  meetingAt: ResDateTime.nullable(),
  dueAt: ResDateTime.nullable(),
  status: z.string(),
  overdue: z.boolean(),
  late: z.boolean(),
  openedAt: ResDateTime,
  submittedAt: ResDateTime.nullable(),
  waitingOn: z.array(WaitingOnSchema).nullable(),
  waitingSince: ResDateTime.nullable(),
  stage: z.string().nullable(),
});
export const RectificationDetailResponseSchema = RectificationResponseSchema.extend({
  plan: ResJson,
  callback: z
    .looseObject({
      id: ResUuid,
      kind: z.string(),
      answers: z.array(z.looseObject({ key: z.string(), question: z.string(), answer: z.string().nullable() })),
      note: z.string().nullable(),
    })
    .nullable(),
});
const Counts = { open: Num, overdue: Num };
export const RectificationSummaryResponseSchema = z.looseObject({
  ...Counts,
  dueThisWeek: Num,
  byTeam: z.array(
    z.looseObject({ teamUnitId: ResUuid, teamName: z.string(), branchName: z.string().nullable(), ...Counts }),
  ),
  byBranch: z.array(z.looseObject({ branchId: ResUuid.nullable(), branchName: z.string().nullable(), ...Counts })),
});
export const MeetingResponseSchema = z.looseObject({
  id: ResUuid,
  title: z.string(),
  scheduledAt: ResDateTime,
  createdAt: ResDateTime,
  openCount: Num,
});
export const MeetingSavedResponseSchema = MeetingResponseSchema.extend({
  movedOpenRectifications: Num.optional(),
});

// ------------------------------------------------------------------------------------------------- evaluation (E-*)
export const WorkOrderResponseSchema = z.looseObject({
  id: ResUuid,
  orderNo: z.string(),
  faultKey: z.string().nullable().optional(),
  repeatReport: z.boolean(),
  source: z.string(),
  repairerId: ResUuid,
  teamUnitId: ResUuid,
  reporter: z.string(),
  reportedAt: ResDateTime.nullable().optional(),
  closedAt: ResDateTime,
});
export const WorkOrderListItemResponseSchema = WorkOrderResponseSchema.extend({
  repairerName: z.string(),
  teamName: z.string().nullable(),
});
export const WorkOrderDetailResponseSchema = WorkOrderListItemResponseSchema.extend({
  evaluations: z.array(
    z.looseObject({
      id: ResUuid,
      kind: z.string(),
      evaluatorName: z.string().nullable(),
      evaluateOn: ResDate,
      dueAt: ResDateTime.nullable(),
      choice: z.string().nullable(),
      score: Num.nullable(),
      answeredAt: ResDateTime.nullable(),
      rectificationCaseId: ResUuid.nullable(),
      overdue: z.boolean().nullable(),
    }),
  ),
});
export const ImportProgressResponseSchema = z.looseObject({
  id: ResUuid,
  kind: z.string(),
  phase: z.string(),
  processed: Num,
  total: Num,
  message: z.string().nullable(),
  updatedAt: ResDateTime,
});
const Assigned = z.looseObject({ foreman: Num, dispatcher: Num, manager: Num });
export const AssignEvaluationsResponseSchema = z.looseObject({
  date: ResDate,
  seed: z.string(),
  orders: Num,
  evaluated: Num,
  assigned: Assigned,
  skipped: z.array(z.looseObject({ orderNo: z.string(), reason: z.string() })),
  skippedTotal: Num,
});
export const EvaluationResponseSchema = z.looseObject({
  id: ResUuid,
  orderId: ResUuid,
  orderNo: z.string(),
  repairerId: ResUuid,
  repairerName: z.string(),
  teamUnitId: ResUuid,
  teamName: z.string().nullable(),
  kind: z.string(),
  evaluatorUserId: ResUuid.nullable(),
  evaluatorName: z.string().nullable(),
  evaluateOn: ResDate,
  dueAt: ResDateTime.nullable(),
  choice: z.string().nullable(),
  score: Num.nullable(),
  answeredAt: ResDateTime.nullable(),
  rectificationCaseId: ResUuid.nullable(),
  overdue: z.boolean().nullable(),
  explanation: ResJson,
  script: z.array(ResJson),
  choices: z.array(z.looseObject({ choice: z.string(), score: Num })),
});
export const PendingEvaluationsResponseSchema = z.looseObject({ pending: Num, overdue: Num });
export const EvaluationAnsweredResponseSchema = z.looseObject({
  id: ResUuid,
  choice: z.enum(['satisfied', 'basic', 'dissatisfied']),
  score: Num,
  rectificationCaseId: ResUuid.nullable(),
});
export const MonthScoresResponseSchema = z.looseObject({
  month: ResMonth,
  repairers: z.array(z.looseObject({ repairerId: ResUuid, name: z.string(), total: Num, why: ResultWhySchema })),
  repairStarCase: z.looseObject({ id: ResUuid, status: z.string() }).nullable(),
});

// ------------------------------------------------------------------------------------------------- perception (P-*)
export const PerceptionMonthResponseSchema = z.looseObject({
  month: ResMonth,
  status: z.string(),
  summary: ResJson,
  round: Num,
  caseId: ResUuid.nullable(),
  stage: z.string().nullable(),
  computedAt: ResDateTime.nullable(),
  postedAt: ResDateTime.nullable(),
});
export const PerceptionMonthDetailResponseSchema = PerceptionMonthResponseSchema.extend({
  id: ResMonth,
  people: z.array(
    z.looseObject({
      employeeId: ResUuid,
      name: z.string(),
      unitName: z.string().nullable(),
      channel: z.string(),
      score: Num.nullable(),
      pointsX10: Num.nullable(),
      grade: z.string().nullable(),
      training: z.boolean(),
    }),
  ),
  units: z.array(
    z.looseObject({ unitId: ResUuid, name: z.string(), kind: z.string(), channel: z.string(), scope: z.string() }),
  ),
});
export const SatisfactionRankingResponseSchema = z.looseObject({
  month: ResMonth,
  channel: z.string(),
  scope: z.string(),
  rows: z.array(
    z.looseObject({
      subjectId: ResUuid,
      name: z.string().nullable(),
      score: Num,
      sample: Num,
      rank: Num,
      ranked: Num,
    }),
  ),
  trend: z.array(z.looseObject({ month: ResMonth, average: Num, subjects: Num })),
});
