import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { NOTICE_SORT } from '@qf/persistence';
import { Roles } from '../auth/auth.decorators';
import { exportFormat, sendWorkbook } from '../common/export';
import { parseListQuery, sendList } from '../common/list-query';
import { NoticesService } from './notices.service';

/** C-11 named notices of liable complaints: list and xlsx export for the verification team and leadership. */
@ApiTags('notices')
@ApiBearerAuth()
@Roles('verifier', 'ruling-lead', 'leadership', 'admin', 'hr')
@Controller('notices')
export class NoticesController {
  constructor(private readonly notices: NoticesService) {}

  @Get()
  async list(@Query() q: Record<string, unknown>, @Res({ passthrough: true }) res: Response) {
    const lq = parseListQuery({ sort: '["publishedAt","DESC"]', ...q }, NOTICE_SORT);
    const { rows, total } = await this.notices.list(lq.orderBy, lq.limit, lq.offset);
    return sendList(res, 'notices', rows, lq.offset, total);
  }

  @Get('export')
  async export(@Query('format') format: string | undefined, @Res() res: Response) {
    const f = exportFormat(format);
    await sendWorkbook(res, await this.notices.workbook(), f, `notices.${f}`);
  }
}
