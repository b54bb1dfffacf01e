import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { LEDGER_SORT } from '@qf/persistence';
import { CurrentUser, RequestUser } from '../auth/auth.decorators';
import { parseListQuery, sendList } from '../common/list-query';
import { DeductionsService } from './deductions.service';

/** The points ledger (read-only): an employee sees their own rows; admin, HR and the process teams all. */
@ApiTags('deductions')
@ApiBearerAuth()
@Controller('deductions')
export class DeductionsController {
  constructor(private readonly deductions: DeductionsService) {}

  @Get()
  async list(
    @CurrentUser() user: RequestUser,
    @Query() q: Record<string, unknown>,
    @Res({ passthrough: true }) res: Response,
  ) {
    const lq = parseListQuery(q, LEDGER_SORT);
    const { rows, total } = await this.deductions.list(user, lq.filter, lq.orderBy, lq.limit, lq.offset);
    return sendList(res, 'deductions', rows, lq.offset, total);
  }
}
