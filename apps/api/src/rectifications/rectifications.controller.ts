import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { OpenRectificationInput, OpenRectificationSchema } from '@qf/contracts';
import { RECTIFICATION_SORT } from '@qf/persistence';
import { CurrentUser, RequestUser, Roles } from '../auth/auth.decorators';
import { parseListQuery, sendList } from '../common/list-query';
import { ZodPipe } from '../common/zod.pipe';
import { BOARD_ROLES, RectificationsService } from './rectifications.service';

/** E-7, E-8, Q-2: rectifications and their board. */
@ApiTags('rectifications')
@ApiBearerAuth()
@Roles(...BOARD_ROLES)
@Controller('rectifications')
export class RectificationsController {
  constructor(private readonly rectifications: RectificationsService) {}

  @Roles('admin', 'manager', 'dispatcher', 'foreman')
  @Post()
  async open(
    @CurrentUser() user: RequestUser,
    @Body(new ZodPipe(OpenRectificationSchema)) body: OpenRectificationInput,
    @Res({ passthrough: true }) res: Response,
  ) {
    const r = await this.rectifications.open(user, body);
    res.status(r.created ? 201 : 200);
    return this.rectifications.get(r.caseId);
  }

  @Get('summary')
  summary() {
    return this.rectifications.summary();
  }

  @Get()
  async list(@Query() q: Record<string, unknown>, @Res({ passthrough: true }) res: Response) {
    const lq = parseListQuery({ sort: '["dueAt","ASC"]', ...q }, RECTIFICATION_SORT);
    const { rows, total } = await this.rectifications.list(lq.filter, lq.orderBy, lq.limit, lq.offset);
    return sendList(res, 'rectifications', rows, lq.offset, total);
  }

  @Get(':id')
  get(@Param('id') id: string) {
    return this.rectifications.get(id);
  }
}
