import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { z } from 'zod';
import { EmployeeAwardSchema, JuneExamSchema, StarDemoteSchema } from '@qf/contracts';
import { CurrentUser, RequestUser, Roles } from '../auth/auth.decorators';
import { parseListQuery, sendList } from '../common/list-query';
import { ZodPipe } from '../common/zod.pipe';
import { STAR_STAFF_ROLES } from './star-access';
import { StarHoldersService } from './star-holders.service';

/** S-2, S-4, S-11, S-12: star holders, their history, the June exam, company awards. */
@ApiTags('stars')
@ApiBearerAuth()
@Controller()
export class StarHoldersController {
  constructor(private readonly holders: StarHoldersService) {}

  @Roles(...STAR_STAFF_ROLES, 'employee')
  @Get('star-holders')
  async list(
    @CurrentUser() user: RequestUser,
    @Query() q: Record<string, unknown>,
    @Res({ passthrough: true }) res: Response,
  ) {
    const lq = parseListQuery(
      { sort: '["level","DESC"]', ...q },
      { level: 'h.level', since: 'h.since', employeeName: 'e.name' },
    );
    const { rows, total } = await this.holders.holders(user, lq.filter, lq);
    return sendList(res, 'star-holders', rows, lq.offset, total);
  }

  @Roles(...STAR_STAFF_ROLES, 'employee')
  @Get('star-history')
  async history(
    @CurrentUser() user: RequestUser,
    @Query() q: Record<string, unknown>,
    @Res({ passthrough: true }) res: Response,
  ) {
    const lq = parseListQuery({ sort: '["at","DESC"]', ...q }, { at: 'h.at', effectiveFrom: 'h.effective_from' });
    const { rows, total } = await this.holders.history(user, lq.filter, lq);
    return sendList(res, 'star-history', rows, lq.offset, total);
  }

  /** S-11 the committee demotes or revokes at once, with a ground and a reason. */
  @Roles('committee', 'admin')
  @Post('star-holders/:employeeId/demote')
  @HttpCode(200)
  demote(
    @CurrentUser() user: RequestUser,
    @Param('employeeId') employeeId: string,
    @Body(new ZodPipe(StarDemoteSchema)) body: z.infer<typeof StarDemoteSchema>,
  ) {
    return this.holders.demote(user, employeeId, body);
  }

  /** S-4, S-12: the June comprehensive exam sets the second-half pay factor; a low score or a lost rank lowers the star. */
  @Roles('admin', 'hr')
  @Post('star-june-exams')
  @HttpCode(200)
  juneExams(@CurrentUser() user: RequestUser, @Body(new ZodPipe(JuneExamSchema)) body: z.infer<typeof JuneExamSchema>) {
    return this.holders.juneExams(user, body);
  }

  /** S-2: company awards and "advanced individual" titles, which open the direct path to 2 stars in their year. */
  @Roles('admin', 'hr')
  @Post('employee-awards')
  async addAward(
    @CurrentUser() user: RequestUser,
    @Body(new ZodPipe(EmployeeAwardSchema)) body: z.infer<typeof EmployeeAwardSchema>,
    @Res({ passthrough: true }) res: Response,
  ) {
    const r = await this.holders.addAward(user, body);
    res.status(r.created ? 201 : 200);
    return r.award;
  }

  @Roles(...STAR_STAFF_ROLES, 'employee')
  @Get('employee-awards')
  async awards(
    @CurrentUser() user: RequestUser,
    @Query() q: Record<string, unknown>,
    @Res({ passthrough: true }) res: Response,
  ) {
    const lq = parseListQuery({ sort: '["year","DESC"]', ...q }, { year: 'a.year', employeeName: 'e.name' });
    const { rows, total } = await this.holders.awards(user, lq.filter, lq);
    return sendList(res, 'employee-awards', rows, lq.offset, total);
  }
}
