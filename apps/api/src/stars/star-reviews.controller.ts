import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { z } from 'zod';
import { StarScoresSchema, StartStarReviewSchema } from '@qf/contracts';
import { CurrentUser, RequestUser, Roles } from '../auth/auth.decorators';
import { parseListQuery, sendList } from '../common/list-query';
import { ZodPipe } from '../common/zod.pipe';
import { STAR_STAFF_ROLES } from './star-access';
import { StarReviewsService } from './star-reviews.service';

/** S-10: the monthly star review. */
@ApiTags('stars')
@ApiBearerAuth()
@Controller()
export class StarReviewsController {
  constructor(private readonly reviews: StarReviewsService) {}

  @Roles('admin', 'hr')
  @Post('star-reviews')
  async start(
    @CurrentUser() user: RequestUser,
    @Body(new ZodPipe(StartStarReviewSchema)) body: { month: string },
    @Res({ passthrough: true }) res: Response,
  ) {
    const r = await this.reviews.start(user, body.month);
    res.status(r.created ? 201 : 200);
    return r.review;
  }

  @Roles(...STAR_STAFF_ROLES)
  @Get('star-reviews')
  async list(@Query() q: Record<string, unknown>, @Res({ passthrough: true }) res: Response) {
    const lq = parseListQuery({ sort: '["month","DESC"]', ...q }, { month: 'r.month', createdAt: 'r.created_at' });
    const { rows, total } = await this.reviews.list(lq);
    return sendList(res, 'star-reviews', rows, lq.offset, total);
  }

  @Roles(...STAR_STAFF_ROLES)
  @Get('star-reviews/:id')
  get(@Param('id') id: string) {
    return this.reviews.get(id);
  }

  /** S-10 the team lead submits the month's scores (one per star holder; a veto needs its reason). */
  @Roles('team-lead', 'admin')
  @Post('star-reviews/:id/scores')
  @HttpCode(200)
  scores(
    @CurrentUser() user: RequestUser,
    @Param('id') id: string,
    @Body(new ZodPipe(StarScoresSchema)) body: z.infer<typeof StarScoresSchema>,
  ) {
    return this.reviews.submitScores(user, id, body.scores);
  }
}
