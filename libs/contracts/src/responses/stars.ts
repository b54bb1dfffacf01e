import { z } from 'zod';
import { ResultWhySchema } from '../result-why';
import { ResDate, ResDateTime, ResJson, ResMonth, ResUuid } from './common';

const Num = z.number();
const Level = z.union([z.literal(1), z.literal(2), z.literal(3)]);

export const StarCampaignResponseSchema = z.looseObject({
  id: ResUuid,
  year: z.number().int(),
  phase: z.enum(['application', 'exam', 'committee', 'award', 'closed']),
  starts: z.looseObject({ application: ResDate, exam: ResDate, committee: ResDate, award: ResDate }),
  ceremonyDate: ResDate,
  awardsFinishBy: ResDate,
  headcount: Num.nullable(),
  quotas: z.record(z.string(), Num).nullable(),
  counts: z.record(z.string(), z.record(z.string(), Num)),
  resultsPublished: z.boolean(),
  caseId: ResUuid,
  workflowId: z.string(),
  temporalUrl: z.string().nullable(),
  createdAt: ResDateTime,
});
export const StarApplicationResponseSchema = z.looseObject({
  id: ResUuid,
  caseId: ResUuid,
  campaignId: ResUuid,
  year: z.number().int(),
  employeeId: ResUuid,
  employeeCode: z.string(),
  employeeName: z.string(),
  unitName: z.string().nullable(),
  level: Level,
  recommended: z.boolean(),
  status: z.string(),
  eligibilityNotes: z.array(ResJson),
  leadReason: z.string().nullable(),
  exam: z.looseObject({ scores: z.record(z.string(), Num) }).nullable(),
  committee: z.looseObject({ members: Num, votesCast: Num }).nullable(),
});
export const CommitteeBallotsResponseSchema = z.looseObject({
  caseId: ResUuid,
  open: z.boolean(),
  members: Num,
  approve: Num,
  reject: Num,
  notVoted: Num,
  myVote: z.enum(['approve', 'reject']).nullable(),
  ballots: z.array(
    z.looseObject({
      userId: ResUuid.nullable(),
      voter: z.string(),
      vote: z.enum(['approve', 'reject']).nullable(),
      at: ResDateTime.nullable(),
      mine: z.boolean(),
    }),
  ),
});
export const RepairStarResponseSchema = z.looseObject({
  caseId: ResUuid,
  month: ResMonth,
  status: z.string(),
  outcome: z.string().nullable(),
  nominees: z.array(
    z.looseObject({
      employeeId: ResUuid,
      name: z.string().nullable(),
      code: z.string().nullable(),
      teamName: z.string().nullable(),
      count: Num.nullable(),
      average: Num.nullable(),
      volumeBonus: Num.nullable(),
      total: Num.nullable(),
    }),
  ),
  points: Num,
  bookMonth: ResMonth,
});
export const StarHolderResponseSchema = z.looseObject({
  id: ResUuid,
  employeeId: ResUuid,
  employeeCode: z.string(),
  employeeName: z.string(),
  unitName: z.string().nullable(),
  level: Level,
  since: z.string(),
  payFactorPercent: Num.nullable(),
});
export const StarHistoryResponseSchema = z.looseObject({
  id: z.string(),
  employeeId: ResUuid,
  employeeName: z.string(),
  employeeCode: z.string().optional(),
  at: ResDateTime,
  effectiveFrom: ResDate.nullable(),
  fromLevel: Num,
  toLevel: Num,
  kind: z.string(),
  reason: z.string().nullable(),
  rule: z.string().nullable(),
});
export const StarDemotedResponseSchema = z.looseObject({ employeeId: ResUuid, level: Num });
export const JuneExamsResponseSchema = z.looseObject({ results: Num, changes: z.array(ResJson) });
export const EmployeeAwardResponseSchema = z.looseObject({
  id: z.string(),
  employeeId: ResUuid,
  employeeName: z.string().optional(),
  employeeCode: z.string().optional(),
  kind: z.string(),
  year: z.number().int(),
});
export const ExamImportResponseSchema = z.looseObject({ imported: Num, rejected: z.array(ResJson) });
const StarReviewCommon = {
  id: ResUuid,
  month: ResMonth,
  status: z.string(),
  caseId: ResUuid.nullable(),
  dueAt: ResDateTime.nullable(),
  stage: z.string().nullable(),
  workflowId: z.string().nullable(),
};
export const StarReviewResponseSchema = z.looseObject(StarReviewCommon);
export const StarReviewDetailResponseSchema = z.looseObject({
  ...StarReviewCommon,
  rows: z.array(
    z.looseObject({
      employeeId: ResUuid,
      employeeCode: z.string(),
      employeeName: z.string(),
      level: Num.nullable(),
      score: Num.nullable(),
      why: ResultWhySchema.nullable(),
    }),
  ),
});
