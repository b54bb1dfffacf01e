import { StarApplicationView, StarCampaignView } from '@qf/contracts';
import { StarApplicationRow, StarCampaignRow } from '@qf/persistence';
import { RequestUser } from '../auth/auth.decorators';
import { isStarStaff } from './star-access';

/** A campaign with its per-level counts as numbers and the Temporal link. */
export function toCampaignView(r: StarCampaignRow, workflowUrl: (workflowId: string) => string): StarCampaignView {
  const n = (x: unknown) => Number(x ?? 0);
  const counts = Object.fromEntries(
    ['1', '2', '3'].map((l) => [l, Object.fromEntries(Object.entries(r.counts?.[l] ?? {}).map(([k, v]) => [k, n(v)]))]),
  );
  return { ...r, counts: counts as StarCampaignView['counts'], temporalUrl: workflowUrl(r.workflowId) };
}

/** An application as the viewer may see it: exam results once published (staff always), S-2/S-5 facts for staff. */
export function toApplicationView(r: StarApplicationRow, user: RequestUser): StarApplicationView {
  const staff = isStarStaff(user);
  const own = r.employeeId === user.employeeId;
  const showExam = staff || (own && r.resultsPublished);
  const result = r.examResult ?? null;
  return {
    id: r.id,
    caseId: r.caseId,
    campaignId: r.campaignId,
    year: r.year,
    employeeId: r.employeeId,
    employeeCode: r.employeeCode,
    employeeName: r.employeeName,
    unitName: r.unitName,
    level: r.level,
    recommended: r.recommended,
    status: r.status,
    eligibilityNotes: r.eligibilityNotes ?? [],
    leadReason: r.leadReason,
    exam: showExam
      ? {
          scores: r.examScores ?? {},
          passedLevel: r.passedLevel ?? null,
          nextExam: result?.nextExam ?? (r.status === 'exam' && !result ? r.level : null),
          explanation: result?.explanation ?? '',
        }
      : null,
    committee: {
      members: r.members,
      votesCast: r.votesCast,
      approvals: r.approvals,
      myVote: r.myVote ?? null,
      canVote: !!r.canVote,
      approved: r.committeeResult?.approved ?? null,
      explanation: r.committeeResult?.explanation ?? null,
    },
    awardedLevel: r.awardedLevel ?? null,
    explanation: r.explanation ?? null,
    stage: r.stage,
    workflowId: r.workflowId,
    createdAt: r.createdAt,
    // S-2, S-5: what the team lead decides on (staff only)
    applicant: staff
      ? {
          hireDate: r.hireDate ?? null,
          jobType: r.jobType ?? '',
          currentLevel: r.currentLevel ?? 0,
          currentSince: r.currentSince ?? null,
        }
      : null,
    quota: staff
      ? {
          places: r.quotaPlaces ?? null,
          used: r.quotaUsed ?? 0,
          remaining: r.quotaPlaces == null ? null : Math.max(0, r.quotaPlaces - (r.quotaUsed ?? 0)),
        }
      : null,
  };
}
