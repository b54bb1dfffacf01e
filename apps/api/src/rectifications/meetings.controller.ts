import { Body, Controller, Get, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { z } from 'zod';
import { MeetingSchema } from '@qf/contracts';
import { MEETING_SORT } from '@qf/persistence';
import { CurrentUser, RequestUser, Roles } from '../auth/auth.decorators';
import { parseListQuery, sendList } from '../common/list-query';
import { ZodPipe } from '../common/zod.pipe';
import { MeetingsService } from './meetings.service';
import { BOARD_ROLES } from './rectifications.service';

/** Fault-analysis meetings: moving one signals every open rectification tied to it (its timer is re-armed). */
@ApiTags('meetings')
@ApiBearerAuth()
@Roles(...BOARD_ROLES)
@Controller('meetings')
export class MeetingsController {
  constructor(private readonly meetings: MeetingsService) {}

  @Get()
  async list(@Query() q: Record<string, unknown>, @Res({ passthrough: true }) res: Response) {
    const lq = parseListQuery({ sort: '["scheduledAt","ASC"]', ...q }, MEETING_SORT);
    const { rows, total } = await this.meetings.list(lq.orderBy, lq.limit, lq.offset);
    return sendList(res, 'meetings', rows, lq.offset, total);
  }

  @Get(':id')
  get(@Param('id') id: string) {
    return this.meetings.get(id);
  }

  @Roles('admin', 'manager')
  @Post()
  create(@CurrentUser() user: RequestUser, @Body(new ZodPipe(MeetingSchema)) body: z.infer<typeof MeetingSchema>) {
    return this.meetings.create(user, body);
  }

  @Roles('admin', 'manager')
  @Put(':id')
  move(
    @CurrentUser() user: RequestUser,
    @Param('id') id: string,
    @Body(new ZodPipe(MeetingSchema)) body: z.infer<typeof MeetingSchema>,
  ) {
    return this.meetings.move(user, id, body);
  }
}
