import { condition, getExternalWorkflowHandle, setHandler, workflowInfo } from '@temporalio/workflow';
import {
  CaseActivities,
  CaseState,
  CaseWorkflowInput,
  FAILURE,
  StarActivities,
  StarApplicationData,
  StarApplicationStatus,
  StarAwardSignal,
  StarPhase,
} from '@qf/contracts';
import { FlowDefinitionSchema, PolicySchema } from '@qf/policy';
import {
  awardBonusLine,
  committeeOutcome,
  examCascade,
  ExamCascadeResult,
  StarLevel,
  validateTeamLeadReview,
} from '@qf/domain';
import { CaseRuntime } from './engine/case-runtime';
import { activities } from './engine/activities';
import { reject } from './engine/reject';
import { stageOf } from './engine/stage-of';
import { starAwardSignal, starCommitteeResultSignal, starExamUpdate, starPhaseSignal } from '@qf/contracts/messages';

const acts = activities<StarActivities & Pick<CaseActivities, 'teamLeadsOf'>>();

const PHASES: StarPhase[] = ['application', 'exam', 'committee', 'award', 'closed'];

/** The last vote of each member (a changed vote replaces the earlier one). */
/**
 * starApplication (S-2…S-9), a child of starCampaign: the team lead reviews (S-6) within the recommendation
 * quota (S-5); exam scores are entered in the exam phase down the cascade (S-7); a candidate who passed is voted
 * on by the committee until the committee phase ends (S-8); the campaign then says whether the quota leaves
 * room; an award makes the star effective from the ceremony date and posts the bonus to the ledger (S-9).
 */
export async function starApplication(input: CaseWorkflowInput): Promise<CaseState> {
  const flow = FlowDefinitionSchema.parse(input.flow);
  const policy = PolicySchema.parse(input.policy ?? {});
  const stage = (key: string) => stageOf(flow, key);
  const data = input.data as unknown as StarApplicationData;
  const rt = new CaseRuntime(input);
  const applicationId = data.applicationId;

  let phase: StarPhase = data.phase;
  const reached = (p: StarPhase) => PHASES.indexOf(phase) >= PHASES.indexOf(p);
  let award: StarAwardSignal | null = null;
  setHandler(starPhaseSignal, (s) => {
    if (PHASES.indexOf(s.phase) > PHASES.indexOf(phase)) phase = s.phase;
  });
  setHandler(starAwardSignal, (a) => {
    award = a;
  });

  let status: StarApplicationStatus = 'lead-review';
  const scores: Partial<Record<StarLevel, number>> = {};
  let cascade: ExamCascadeResult = examCascade({}, data.level, policy);
  const setStatus = async (next: StarApplicationStatus, patch: Record<string, unknown> = {}, explanation?: string) => {
    status = next;
    rt.state.data = { ...rt.state.data, status, ...(explanation ? { explanation } : {}) };
    await acts.updateStarApplication({
      applicationId,
      status,
      ...patch,
      ...(explanation !== undefined ? { explanation } : {}),
    });
    // outside a stage the case shows its status as the place it waits in
    if (next !== 'lead-review' && next !== 'committee')
      Object.assign(rt.state, { stage: next, waitingOn: [], waitingSince: rt.nowIso(), dueAt: null });
    await rt.sync(`star.${next}`, { status: next, ...(explanation ? { explanation } : {}) });
  };
  const close = async (next: StarApplicationStatus, explanation: string, patch: Record<string, unknown> = {}) => {
    await setStatus(next, patch, explanation);
    return rt.finish('closed', next, { explanation });
  };

  setHandler(
    starExamUpdate,
    async (u) => {
      scores[u.level] = u.score;
      cascade = examCascade(scores, data.level, policy);
      const exam = {
        scores: { ...scores },
        passedLevel: cascade.level,
        nextExam: cascade.nextExam,
        explanation: cascade.explanation,
        steps: cascade.steps,
      };
      rt.state.data = { ...rt.state.data, exam };
      await acts.updateStarApplication({
        applicationId,
        examScores: { ...scores },
        examResult: exam,
        passedLevel: cascade.level,
      });
      await rt.sync(
        'star.exam.scored',
        { level: u.level, score: u.score, by: u.actor.username, result: cascade.explanation },
        u.actor,
      );
      return rt.state;
    },
    {
      validator: (u) => {
        if (status === 'lead-review')
          reject(FAILURE.conflict, "the application waits for the team lead's review (S-6)");
        if (status !== 'exam') reject(FAILURE.conflict, `no exam is open for this application (status ${status})`);
        if (phase !== 'exam')
          reject(
            FAILURE.conflict,
            `exam scores are entered in the exam phase; the campaign is in its ${phase} phase (S-7)`,
          );
        if (cascade.nextExam === null) reject(FAILURE.conflict, `the exam cascade is finished: ${cascade.explanation}`);
        if (u.level !== cascade.nextExam) {
          const message = `the next exam for this candidate is the ${cascade.nextExam}-star exam (S-7)`;
          reject(FAILURE.badRequest, message, [{ path: 'level', message, rule: 'S-7' }]);
        }
        if (typeof u.score !== 'number' || !(u.score >= 0 && u.score <= 100)) {
          reject(FAILURE.badRequest, 'score must be a number from 0 to 100', [
            { path: 'score', message: 'must be 0–100', rule: 'S-7' },
          ]);
        }
      },
    },
  );

  // S-6 team-lead review (the lead of the agent's own team; the role pool when the team has none)
  await setStatus('lead-review');
  const leads = await acts.teamLeadsOf(data.unitId);
  const review = await rt.runStage(stage('lead-review'), {
    round: 1,
    assignees: leads.length ? leads.map((userId) => ({ role: 'team-lead' as const, userId })) : undefined,
    validate: (u) =>
      validateTeamLeadReview({ decision: u.action === 'reject' ? 'reject' : 'approve', reason: u.comment }).map(
        (v) => ({ ...v, path: 'comment' }),
      ),
    closeWhen: () => reached('committee'),
  });
  const leadDecision = review.decisions.filter((d) => d.action === 'approve' || d.action === 'reject').at(-1);
  if (review.outcome !== 'approved') {
    return close(
      'lead-rejected',
      leadDecision
        ? `rejected by the team lead: ${leadDecision.comment ?? ''} (S-6)`
        : 'not reviewed before the committee phase (S-6)',
      { leadApproved: false, leadReason: leadDecision?.comment ?? null },
    );
  }
  // S-5: the recommendation counts against the level's quota (atomically across the campaign)
  const claim = await acts.claimStarRecommendation({ campaignId: data.campaignId, applicationId, level: data.level });
  if (!claim.ok) {
    return close(
      'quota-refused',
      `the recommendation quota of ${claim.quota} place(s) for ${data.level} star(s) is used (${claim.used}) (S-5)`,
      { leadReason: leadDecision?.comment ?? null },
    );
  }
  await setStatus('exam', { leadReason: leadDecision?.comment ?? null });

  // S-7 exam cascade: scores arrive as Updates in the exam phase; the committee phase ends the exams
  await condition(() => reached('committee'));
  if (cascade.level === null) {
    return close(
      'exam-failed',
      cascade.steps.length ? cascade.explanation : 'no exam score was entered before the committee phase (S-7)',
    );
  }
  const passedLevel = cascade.level;
  const examScore = scores[passedLevel]!;

  // S-8 committee vote: every member (except the candidate's own team, when the policy says so) votes; the vote
  // stays open, votes changeable, until the committee phase ends
  await setStatus('committee');
  const members = await acts.starCommitteeMembers({
    unitId: data.unitId,
    excludeOwnTeam: policy.stars.committee.excludeOwnTeam,
  });
  rt.state.data = { ...rt.state.data, committee: { members: members.eligible.length, conflicted: members.conflicted } };
  const vote = await rt.runStage(stage('committee'), {
    round: 1,
    assignees: members.eligible.map((userId) => ({ role: 'committee' as const, userId })),
    closeWhen: () => reached('award'),
  });
  // S-8: each member's last vote counts; quorum and majority of the votes cast (the quota is the campaign's)
  const [decision] = committeeOutcome(
    vote.decisions
      .filter((d) => d.action === 'approve' || d.action === 'reject')
      .map((d) => ({ memberId: d.userId, candidateId: applicationId, approve: d.action === 'approve' })),
    members.eligible,
    1,
    { [applicationId]: examScore },
    policy,
  ).decisions;
  const { votesCast, approvals } = decision;
  const committee = { members: members.eligible.length, votesCast, approvals, approved: decision.approved };
  await setStatus('awaiting-award', { committee });
  const parent = workflowInfo().parent;
  if (parent) {
    await getExternalWorkflowHandle(parent.workflowId).signal(starCommitteeResultSignal, {
      applicationId,
      employeeName: data.employeeName,
      level: passedLevel,
      examScore,
      approved: committee.approved,
      approvals,
      votesCast,
    });
  }

  // S-8 quota allocation by the campaign, then S-9 award
  await condition(() => award !== null);
  const decided = award as unknown as StarAwardSignal;
  const committeeWithReason = { ...committee, explanation: decided.explanation };
  if (!decided.awarded) return close('not-awarded', decided.explanation, { committee: committeeWithReason });
  await acts.updateStarApplication({ applicationId, committee: committeeWithReason });
  await acts.awardStar({
    applicationId,
    workflowId: rt.workflowId,
    employeeId: data.employeeId,
    level: passedLevel,
    ceremonyDate: data.ceremonyDate,
    bonus: awardBonusLine(data.employeeId, passedLevel, data.ceremonyDate, policy),
    year: data.year,
  });
  return close(
    'awarded',
    `awarded ${passedLevel} star(s), effective ${data.ceremonyDate} (S-9); ${decided.explanation}`,
    { awardedLevel: passedLevel },
  );
}
