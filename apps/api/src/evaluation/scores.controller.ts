import { Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { CurrentUser, RequestUser, Roles } from '../auth/auth.decorators';
import { ORDER_ROLES } from './order-scope';
import { ScoresService } from './scores.service';

/** E-5 / E-6: the month's repairer scores, the repair star and best team; the star to the committee. */
@ApiTags('evaluation')
@ApiBearerAuth()
@Roles(...ORDER_ROLES)
@Controller('scores')
export class ScoresController {
  constructor(private readonly scores: ScoresService) {}

  /** E-5 / E-6: month-to-date repairer scores (two parts), team ranking, repair star and best team; the star's committee case. */
  @Get()
  get(@Query('month') month: string) {
    return this.scores.scores(month);
  }

  /** E-6: the repair star of a finished month to the performance committee; one case per month (again: 200, that case). */
  @Roles('admin', 'manager')
  @Post(':month/repair-star')
  async sendRepairStar(
    @CurrentUser() user: RequestUser,
    @Param('month') month: string,
    @Res({ passthrough: true }) res: Response,
  ) {
    const r = await this.scores.sendRepairStar(user, month);
    res.status(r.created ? 201 : 200);
    return r.case;
  }
}
