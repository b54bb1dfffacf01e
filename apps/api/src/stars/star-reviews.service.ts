import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { StarMonthlyScore } from '@qf/contracts';
import {
  findStarReview,
  linkStarReviewCase,
  openStarScoresTask,
  starReviewPage,
  starReviewScores,
  upsertStarReview,
} from '@qf/persistence';
import { RequestUser } from '../auth/auth.decorators';
import { CasesService } from '../cases/cases.service';
import { TasksService } from '../cases/tasks.service';
import { conflict, notFound } from '../common/errors';
import { assertUuid } from './star-access';

/** S-10: the monthly star review (started by its Schedule, or by HR for a month). */
@Injectable()
export class StarReviewsService {
  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    private readonly cases: CasesService,
    private readonly tasks: TasksService,
  ) {}

  async start(user: RequestUser, month: string) {
    const review = await upsertStarReview(this.ds, randomUUID(), month);
    const r = await this.cases.start(
      {
        kind: 'star-review',
        workflowType: 'starMonthlyReview',
        businessKey: month,
        title: `${month} 星级月度考核`,
        data: { reviewId: review.id, month },
      },
      user,
    );
    await linkStarReviewCase(this.ds, review.id, r.case.id);
    return { created: review.created, review: await this.get(review.id) };
  }

  list(page: { orderBy: string; limit: number; offset: number }) {
    return starReviewPage(this.ds, page);
  }

  async get(id: string) {
    assertUuid(id, 'review');
    const r = await findStarReview(this.ds, id);
    if (!r) throw notFound('review');
    return { ...r, rows: await starReviewScores(this.ds, r.month, r.status) };
  }

  /** S-10 the team lead submits the month's scores (one per star holder; a veto needs its reason). */
  async submitScores(user: RequestUser, id: string, scores: StarMonthlyScore[]) {
    const r = await this.get(id);
    const taskId = await openStarScoresTask(this.ds, r.caseId);
    if (!taskId) throw conflict(`the ${r.month} star review is not waiting for scores`);
    await this.tasks.act(user, taskId, { action: 'approve', data: { scores } });
    return this.get(id);
  }
}
