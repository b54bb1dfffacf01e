import { TestWorkflowEnvironment } from '@temporalio/testing';
import { randomUUID } from 'node:crypto';
import {
  CaseState,
  RuleNote,
  StarActivities,
  StarApplicationData,
  StarApplicationPatch,
  StarPhase,
} from '@qf/contracts';
import { localDate } from '@qf/domain';
import { DEFAULT_FLOWS, defaultPolicy } from '@qf/policy';
import {
  actor,
  caseInput,
  maybeRecordHistory,
  RecordingActivities,
  testWorker,
  timeSkippingEnv,
} from '../test/harness';

const flow = DEFAULT_FLOWS.find((f) => f.kind === 'star-campaign')!;

/** Star activities in memory on top of the recorded case activities. */
class StarFakes extends RecordingActivities implements StarActivities {
  phases: { phase: StarPhase; at: number }[] = [];
  patches: StarApplicationPatch[] = [];
  awards: Parameters<StarActivities['awardStar']>[0][] = [];
  childWorkflowId = '';
  constructor(private readonly env: TestWorkflowEnvironment) {
    super();
  }
  async snapshotStarHeadcount() {
    return 47;
  }
  async saveStarCampaign(i: { phase?: StarPhase }) {
    if (i.phase && this.phases.at(-1)?.phase !== i.phase)
      this.phases.push({ phase: i.phase, at: await this.env.currentTimeMs() });
  }
  async checkStarEligibility() {
    return {
      existingApplicationId: null,
      existingLevel: null,
      ok: true,
      violations: [] as RuleNote[],
      notes: [] as RuleNote[],
      unitId: 'hotline',
      employeeName: '客服',
    };
  }
  async createStarApplication(i: Parameters<StarActivities['createStarApplication']>[0]) {
    const data: StarApplicationData = {
      applicationId: `app-${i.employeeId}`,
      campaignId: i.campaignId,
      year: i.year,
      employeeId: i.employeeId,
      employeeName: i.employeeName,
      unitId: i.unitId,
      level: i.level,
      recommended: i.recommended,
      ceremonyDate: i.ceremonyDate,
      phase: 'application',
    };
    this.childWorkflowId = `star-application-${i.year}-${i.employeeId}-${randomUUID().slice(0, 4)}`;
    return { applicationId: data.applicationId, workflowId: this.childWorkflowId, data };
  }
  async updateStarApplication(p: StarApplicationPatch) {
    this.patches.push(p);
  }
  async claimStarRecommendation() {
    return { ok: true, quota: 4, used: 1 };
  }
  async starCommitteeMembers() {
    return { eligible: ['c1', 'c2', 'c3', 'c4', 'c5'], conflicted: [] };
  }
  async awardStar(i: Parameters<StarActivities['awardStar']>[0]) {
    this.awards.push(i);
  }
  async starReviewHolders() {
    return [];
  }
  async applyStarReview() {
    return { rows: 0, payFen: 0, changed: 0 };
  }
  async registerStarReview(i: { month?: string }) {
    return { skipped: 'not used here', month: i.month ?? '' };
  }
}

describe('star campaign (time-skipping)', () => {
  let env: TestWorkflowEnvironment;
  beforeAll(async () => {
    env = await timeSkippingEnv();
  });
  afterAll(async () => {
    await env?.teardown();
  });
  const waitFor = async (cond: () => boolean) => {
    while (!cond()) await new Promise((r) => setTimeout(r, 20));
  };

  it('S-1 the phases move at their start dates without an admin; S-8 the vote stays open until the award phase; S-9 the award follows', async () => {
    const acts = new StarFakes(env);
    const policy = defaultPolicy();
    const now = await env.currentTimeMs();
    const day = (d: number) => localDate(new Date(now + d * 86400_000).toISOString(), policy.calendar.timeZone);
    const year = Number(day(0).slice(0, 4));
    const starts = { application: day(0), exam: day(10), committee: day(20), award: day(30) };
    const taskQueue = `tq-${randomUUID()}`;
    const worker = await testWorker(env, acts, taskQueue);
    const result = await worker.runUntil(async () => {
      const h = await env.client.workflow.start('starCampaign', {
        taskQueue,
        workflowId: `star-campaign-${randomUUID()}`,
        args: [
          caseInput(flow, {
            kind: 'star-campaign',
            policy,
            data: { campaignId: 'camp', year, starts, ceremonyDate: day(31), awardsFinishBy: day(40) },
          }),
        ],
      });
      await waitFor(() => acts.phases.length === 1);
      const applied = await h.executeUpdate<{ applicationId: string }, [unknown]>('starApply', {
        args: [{ employeeId: 'e1', level: 2, recommended: false, actor: actor('agent', ['employee']) }],
      });
      expect(applied.applicationId).toBe('app-e1');
      await waitFor(() => acts.tasks.some((t) => t.stage === 'lead-review'));
      const appHandle = env.client.workflow.getHandle(acts.childWorkflowId);
      const act = (taskId: string, userId: string, roles: string[], action = 'approve') =>
        appHandle.executeUpdate<CaseState, [unknown]>('act', {
          args: [{ taskId, action, actor: actor(userId, roles), requestId: randomUUID() }],
        });
      await act(acts.tasks.find((t) => t.stage === 'lead-review')!.id, 'lead', ['team-lead']);
      // nobody advances: the exam phase starts at its date
      await env.sleep('11 days');
      await waitFor(() => acts.phases.some((p) => p.phase === 'exam'));
      expect(acts.phases.find((p) => p.phase === 'exam')!.at).toBeGreaterThanOrEqual(
        Date.parse(`${starts.exam}T00:00:00+08:00`),
      );
      await appHandle.executeUpdate('starExam', { args: [{ level: 2, score: 90, actor: actor('admin', ['admin']) }] });
      await env.sleep('10 days');
      await waitFor(() => acts.tasks.filter((t) => t.stage === 'committee').length === 5);
      // everyone votes, one changes the vote: the stage stays open until the award phase
      for (const t of acts.tasks.filter((x) => x.stage === 'committee')) await act(t.id, t.userId!, ['committee']);
      const changed = await act(acts.tasks.filter((x) => x.stage === 'committee')[0].id, 'c1', ['committee'], 'reject');
      expect(changed.stage).toBe('committee');
      await env.sleep('11 days');
      const r = (await h.result()) as CaseState;
      await maybeRecordHistory(h, 'star-campaign-S-1');
      await maybeRecordHistory(appHandle, 'star-application-S-8');
      return r;
    });
    expect(result.outcome).toBe('closed');
    expect(acts.phases.map((p) => p.phase)).toEqual(['application', 'exam', 'committee', 'award', 'closed']);
    expect(acts.awards).toEqual([
      expect.objectContaining({
        employeeId: 'e1',
        level: 2,
        bonus: expect.objectContaining({ amountFen: 50000, month: day(31).slice(0, 7) }),
        ceremonyDate: day(31),
      }),
    ]);
    expect(
      acts.patches.find((p) => p.committee && (p.committee as { approvals: number }).approvals === 4),
    ).toBeTruthy();
  });
});
