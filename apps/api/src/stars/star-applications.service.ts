import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { StarApplicationView, StarApplyInput, StarApplyUpdate, StarExamUpdate } from '@qf/contracts';
import { starApplyUpdate, starExamUpdate } from '@qf/contracts/messages';
import { recommendationPlace, validateTeamLeadReview } from '@qf/domain';
import {
  findStarApplication,
  openCommitteeTask,
  openLeadReviewTask,
  starApplicationPage,
  StarApplicationFilter,
  starCampaignForApplication,
  starRecommendationStanding,
  starVoteTarget,
} from '@qf/persistence';
import { RequestUser, scopeOf } from '../auth/auth.decorators';
import { TasksService } from '../cases/tasks.service';
import { badRequest, conflict, forbidden, notFound } from '../common/errors';
import { TemporalService } from '../temporal/temporal.module';
import { assertUuid, isStarStaff, ownEmployeeOnly, starUpdate } from './star-access';
import { toApplicationView } from './star-views';

const actorOf = (user: RequestUser) => ({ userId: user.id, username: user.username });

/** S-2…S-8: applications — applying, the team lead's review, exam scores, the committee's vote. */
@Injectable()
export class StarApplicationsService {
  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    private readonly tasks: TasksService,
    private readonly temporal: TemporalService,
  ) {}

  /** S-1, S-2, S-6: an agent applies, or their team lead nominates them; the campaign's workflow checks eligibility. */
  async apply(
    user: RequestUser,
    body: StarApplyInput,
  ): Promise<{ created: boolean; application: StarApplicationView }> {
    const employeeId = body.employeeId ?? user.employeeId;
    if (!employeeId)
      throw badRequest('your login has no employee record; name the employee', [
        { path: 'employeeId', message: 'required' },
      ]);
    const lead = user.roles.includes('team-lead') || user.roles.includes('admin');
    if (employeeId !== user.employeeId && !lead) throw forbidden('only a team lead nominates someone else (S-6)');
    if (body.recommended && !lead)
      throw badRequest('only a team lead recommends an agent as outstanding (S-2)', [
        { path: 'recommended', message: 'team lead only', rule: 'S-2' },
      ]);
    const c = await starCampaignForApplication(this.ds, body.campaignId);
    if (!c) throw conflict('no star campaign is open for applications (S-1)');
    const update: StarApplyUpdate = {
      employeeId,
      level: body.level,
      recommended: body.recommended,
      actor: actorOf(user),
    };
    const r = await starUpdate(this.temporal, c.workflowId, (h, updateId) =>
      h.executeUpdate(starApplyUpdate, { args: [update], updateId }),
    );
    return { created: r.created, application: await this.get(user, r.applicationId) };
  }

  async list(
    user: RequestUser,
    filter: Record<string, unknown>,
    page: { orderBy: string; limit: number; offset: number },
  ) {
    const f: StarApplicationFilter = {
      // an agent sees their own applications only
      employeeOnly: filter.mine === true ? (user.employeeId ?? null) : ownEmployeeOnly(user),
      campaignId: filter.campaignId,
      status: filter.status,
      level: filter.level,
      employeeId: filter.employeeId,
      voting: filter.voting === true,
      id: filter.id,
    };
    const { rows, total } = await starApplicationPage(this.ds, user.id, f, page);
    return { rows: rows.map((r) => toApplicationView(r, user)), total };
  }

  async get(user: RequestUser, id: string): Promise<StarApplicationView> {
    assertUuid(id, 'application');
    const r = await findStarApplication(this.ds, id, user.id);
    if (!r) throw notFound('application');
    if (!isStarStaff(user) && r.employeeId !== user.employeeId)
      throw forbidden('this application is outside your scope');
    return toApplicationView(r, user);
  }

  /** S-6 review by the team lead; S-5 a recommendation beyond the level's quota is refused before it is made. */
  async review(user: RequestUser, id: string, body: { decision: 'approve' | 'reject'; reason?: string | null }) {
    const app = await this.get(user, id);
    const violations = validateTeamLeadReview(body);
    if (violations.length) throw badRequest(violations[0].message, violations);
    const task = await openLeadReviewTask(this.ds, id, scopeOf(user));
    if (!task) throw conflict(`the application is not waiting for a team lead's review (status ${app.status})`);
    if (body.decision === 'approve') {
      const standing = await starRecommendationStanding(this.ds, {
        campaignId: app.campaignId,
        level: app.level,
        applicationId: id,
      });
      const place = recommendationPlace(standing);
      if (!place.ok)
        throw conflict(
          `the recommendation quota of ${place.quota} place(s) for ${app.level} star(s) is used: ${place.used} already recommended (S-5)`,
        );
    }
    // S-6: the applicant's own team lead reviews (a lead who sees the application but not the task: 403)
    if (!task.mine) throw forbidden('the task is assigned to another person');
    await this.tasks.act(user, task.id, { action: body.decision, comment: body.reason ?? undefined });
    return this.get(user, id);
  }

  /** S-7 one exam score; the next exam of the cascade is named in the answer. */
  async exam(user: RequestUser, id: string, body: { level: 1 | 2 | 3; score: number }) {
    const app = await this.get(user, id);
    const exam: StarExamUpdate = { level: body.level, score: body.score, actor: actorOf(user) };
    await starUpdate(this.temporal, app.workflowId, (h, updateId) =>
      h.executeUpdate(starExamUpdate, { args: [exam], updateId }),
    );
    return this.get(user, id);
  }

  /** S-8 a committee member's vote (changeable until the vote closes); members of the candidate's team are refused. */
  async vote(user: RequestUser, id: string, approve: boolean) {
    assertUuid(id, 'application');
    const target = await starVoteTarget(this.ds, id);
    if (!target) throw notFound('application');
    if (target.status !== 'committee')
      throw conflict(`the vote on this candidate is not open (status ${target.status}) (S-8)`);
    const taskId = await openCommitteeTask(this.ds, id, user.id);
    if (!taskId) {
      const conflicted = (target.conflicted ?? []).includes(user.id) || (user.unitId && user.unitId === target.unitId);
      if (conflicted)
        throw forbidden("conflict of interest: a member of the candidate's own team may not vote on them (S-8)");
      throw conflict('you have no open vote on this candidate (S-8)');
    }
    await this.tasks.act(user, taskId, { action: approve ? 'approve' : 'reject' });
    return this.get(user, id);
  }
}
