import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { CurrentUser, RequestUser, Roles } from '../auth/auth.decorators';
import { parseListQuery, sendList } from '../common/list-query';
import { PoliciesService, PolicyDraftInput } from './policies.service';

/** Policy versions (every number of RULES.md): drafts (admins), published versions (everyone), the one in effect, diff. */
@ApiTags('policies')
@ApiBearerAuth()
@Controller('policies')
export class PoliciesController {
  constructor(private readonly policies: PoliciesService) {}

  @Get()
  async list(
    @CurrentUser() user: RequestUser,
    @Query() q: Record<string, unknown>,
    @Res({ passthrough: true }) res: Response,
  ) {
    const lq = parseListQuery({ sort: '["version","DESC"]', ...q }, { version: 'version', status: 'status' });
    const { rows, total } = await this.policies.list(user, lq);
    return sendList(res, 'policies', rows, lq.offset, total);
  }

  /** The published policy in effect today (what new cases pin). */
  @Get('current')
  current() {
    return this.policies.current();
  }

  @Get(':id')
  get(@CurrentUser() user: RequestUser, @Param('id') id: string) {
    return this.policies.get(user, id);
  }

  @Get(':id/diff/:other')
  diff(@CurrentUser() user: RequestUser, @Param('id') id: string, @Param('other') other: string) {
    return this.policies.diff(user, id, other);
  }

  /** A new draft: `{body}` (the whole policy) or `{from: version}` (a copy), with label, description, effectiveFrom. */
  @Roles('admin')
  @Post()
  create(@CurrentUser() user: RequestUser, @Body() body: PolicyDraftInput) {
    return this.policies.create(user, body);
  }

  @Roles('admin')
  @Put(':id')
  update(@CurrentUser() user: RequestUser, @Param('id') id: string, @Body() body: PolicyDraftInput) {
    return this.policies.update(user, id, body);
  }

  @Roles('admin')
  @Post(':id/publish')
  @HttpCode(200)
  publish(@CurrentUser() user: RequestUser, @Param('id') id: string) {
    return this.policies.publish(user, id);
  }

  /** Deletes a draft (204); a published version is immutable (409). */
  @Roles('admin')
  @Delete(':id')
  @HttpCode(204)
  remove(@CurrentUser() user: RequestUser, @Param('id') id: string) {
    return this.policies.remove(user, id);
  }
}
