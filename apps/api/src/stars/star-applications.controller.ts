import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { z } from 'zod';
import {
  StarApplyInput,
  StarApplySchema,
  StarExamScoreSchema,
  StarReviewDecisionSchema,
  StarVoteSchema,
} from '@qf/contracts';
import { CurrentUser, RequestUser, Roles } from '../auth/auth.decorators';
import { parseListQuery, sendList } from '../common/list-query';
import { ZodPipe } from '../common/zod.pipe';
import { STAR_STAFF_ROLES } from './star-access';
import { StarApplicationsService } from './star-applications.service';

/** S-2…S-8: star applications. */
@ApiTags('stars')
@ApiBearerAuth()
@Controller()
export class StarApplicationsController {
  constructor(private readonly applications: StarApplicationsService) {}

  @Roles(...STAR_STAFF_ROLES, 'employee')
  @Post('star-applications')
  async apply(
    @CurrentUser() user: RequestUser,
    @Body(new ZodPipe(StarApplySchema)) body: StarApplyInput,
    @Res({ passthrough: true }) res: Response,
  ) {
    const r = await this.applications.apply(user, body);
    res.status(r.created ? 201 : 200);
    return r.application;
  }

  @Roles(...STAR_STAFF_ROLES, 'employee')
  @Get('star-applications')
  async list(
    @CurrentUser() user: RequestUser,
    @Query() q: Record<string, unknown>,
    @Res({ passthrough: true }) res: Response,
  ) {
    const lq = parseListQuery(q, {
      createdAt: 'a.created_at',
      level: 'a.level',
      status: 'a.status',
      employeeName: 'e.name',
    });
    const { rows, total } = await this.applications.list(user, lq.filter, lq);
    return sendList(res, 'star-applications', rows, lq.offset, total);
  }

  @Roles(...STAR_STAFF_ROLES, 'employee')
  @Get('star-applications/:id')
  get(@CurrentUser() user: RequestUser, @Param('id') id: string) {
    return this.applications.get(user, id);
  }

  /** S-6 review by the team lead; S-5 a recommendation beyond the level's quota is refused. */
  @Roles('team-lead', 'admin')
  @Post('star-applications/:id/review')
  @HttpCode(200)
  review(
    @CurrentUser() user: RequestUser,
    @Param('id') id: string,
    @Body(new ZodPipe(StarReviewDecisionSchema)) body: z.infer<typeof StarReviewDecisionSchema>,
  ) {
    return this.applications.review(user, id, body);
  }

  /** S-7 one exam score; the next exam of the cascade is named in the answer. */
  @Roles('admin', 'hr')
  @Post('star-applications/:id/exam')
  @HttpCode(200)
  exam(
    @CurrentUser() user: RequestUser,
    @Param('id') id: string,
    @Body(new ZodPipe(StarExamScoreSchema)) body: z.infer<typeof StarExamScoreSchema>,
  ) {
    return this.applications.exam(user, id, body);
  }

  /** S-8 a committee member's vote (changeable until the vote closes); members of the candidate's team are refused. */
  @Roles('committee')
  @Post('star-applications/:id/vote')
  @HttpCode(200)
  vote(
    @CurrentUser() user: RequestUser,
    @Param('id') id: string,
    @Body(new ZodPipe(StarVoteSchema)) body: z.infer<typeof StarVoteSchema>,
  ) {
    return this.applications.vote(user, id, body.approve);
  }
}
