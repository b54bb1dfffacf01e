import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { CurrentUser, RequestUser, Roles } from '../auth/auth.decorators';
import { parseListQuery, sendList } from '../common/list-query';
import { FlowDraftInput, FlowsService } from './flows.service';

/** Flow definitions per process kind: drafts (admins), published versions (everyone). */
@ApiTags('flows')
@ApiBearerAuth()
@Controller('flows')
export class FlowsController {
  constructor(private readonly flows: FlowsService) {}

  @Get()
  async list(
    @CurrentUser() user: RequestUser,
    @Query() q: Record<string, unknown>,
    @Res({ passthrough: true }) res: Response,
  ) {
    const lq = parseListQuery(
      { sort: '["kind","ASC"]', ...q },
      { kind: 'kind, version', version: 'version', status: 'status' },
    );
    const { rows, total } = await this.flows.list(user, lq.filter, lq);
    return sendList(res, 'flows', rows, lq.offset, total);
  }

  @Get(':id')
  get(@CurrentUser() user: RequestUser, @Param('id') id: string) {
    return this.flows.get(user, id);
  }

  /** A new draft: the next version of the kind, validated by the flow schema (400 naming each field). */
  @Roles('admin')
  @Post()
  create(@CurrentUser() user: RequestUser, @Body() body: FlowDraftInput) {
    return this.flows.create(user, body);
  }

  @Roles('admin')
  @Put(':id')
  update(@CurrentUser() user: RequestUser, @Param('id') id: string, @Body() body: FlowDraftInput) {
    return this.flows.update(user, id, body);
  }

  @Roles('admin')
  @Post(':id/publish')
  @HttpCode(200)
  publish(@CurrentUser() user: RequestUser, @Param('id') id: string) {
    return this.flows.publish(user, id);
  }

  /** Deletes a draft (204); a published version is immutable (409). */
  @Roles('admin')
  @Delete(':id')
  @HttpCode(204)
  remove(@CurrentUser() user: RequestUser, @Param('id') id: string) {
    return this.flows.remove(user, id);
  }
}
