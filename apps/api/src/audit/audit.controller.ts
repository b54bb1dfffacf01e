import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { Roles } from '../auth/auth.decorators';
import { parseListQuery, sendList } from '../common/list-query';
import { AuditService } from './audit.service';

/** Append-only audit entries; searchable by admins (per case they show on the case page). */
@ApiTags('audit')
@ApiBearerAuth()
@Roles('admin')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  /** Filters: caseId, actor (login name, 姓名 or 工号), workflowId, action (prefix), from, to. */
  @Get()
  async list(@Query() q: Record<string, unknown>, @Res({ passthrough: true }) res: Response) {
    const lq = parseListQuery(
      { sort: '["at","DESC"]', ...q },
      { at: 'a.at', id: 'a.id', action: 'a.action', actor: 'a.actor' },
    );
    const { rows, total } = await this.audit.list(lq.filter, lq);
    return sendList(res, 'audit', rows, lq.offset, total);
  }
}
