import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { z } from 'zod';
import { MonthSchema } from '@qf/contracts';
import { SETTLEMENT_ROW_SORT, SETTLEMENT_SORT } from '@qf/persistence';
import { CurrentUser, RequestUser, Roles } from '../auth/auth.decorators';
import { exportFormat, sendWorkbook } from '../common/export';
import { parseListQuery, sendList } from '../common/list-query';
import { ZodPipe } from '../common/zod.pipe';
import { SettlementsService } from './settlements.service';

const StartSettlementSchema = z.object({ month: MonthSchema });

/** H-1…H-3: the month's close. One settlement per month; branch heads see their branch's rows and totals. */
@ApiTags('settlements')
@ApiBearerAuth()
@Roles('hr', 'admin', 'branch-head', 'leadership')
@Controller('settlements')
export class SettlementsController {
  constructor(private readonly settlements: SettlementsService) {}

  /** Starts the month's close once the month is over; a second start returns the existing settlement (200). */
  @Roles('hr', 'admin')
  @Post()
  async start(
    @CurrentUser() user: RequestUser,
    @Body(new ZodPipe(StartSettlementSchema)) body: { month: string },
    @Res({ passthrough: true }) res: Response,
  ) {
    const r = await this.settlements.start(user, body.month);
    res.status(r.created ? 201 : 200);
    return this.settlements.get(user, r.id);
  }

  @Get()
  async list(
    @CurrentUser() user: RequestUser,
    @Query() q: Record<string, unknown>,
    @Res({ passthrough: true }) res: Response,
  ) {
    const lq = parseListQuery({ sort: '["month","DESC"]', ...q }, SETTLEMENT_SORT);
    const { rows, total } = await this.settlements.list(user, lq.orderBy, lq.limit, lq.offset);
    return sendList(res, 'settlements', rows, lq.offset, total);
  }

  @Get(':id')
  get(@CurrentUser() user: RequestUser, @Param('id') id: string) {
    return this.settlements.get(user, id);
  }

  @Get('by-task/:taskId')
  byTask(@CurrentUser() user: RequestUser, @Param('taskId') taskId: string) {
    return this.settlements.byTask(user, taskId);
  }

  /** Per-employee rows (with source cases); branch heads see their branch only. */
  @Get(':id/rows')
  async rows(
    @CurrentUser() user: RequestUser,
    @Param('id') id: string,
    @Query() q: Record<string, unknown>,
    @Res({ passthrough: true }) res: Response,
  ) {
    const lq = parseListQuery({ sort: '["points","DESC"]', ...q }, SETTLEMENT_ROW_SORT);
    const { rows, total } = await this.settlements.rows(user, id, lq.filter, lq.orderBy, lq.limit, lq.offset);
    return sendList(res, 'settlement-rows', rows, lq.offset, total);
  }

  /** Issue 18: one row's why with the counted cases by number (read when a person opens the row). */
  @Get(':id/rows/:employeeId/why')
  rowWhy(@CurrentUser() user: RequestUser, @Param('id') id: string, @Param('employeeId') employeeId: string) {
    return this.settlements.rowWhy(user, id, employeeId);
  }

  /** H-3: one row per employee for payroll, Chinese headers. */
  @Roles('hr', 'admin')
  @Get(':id/export')
  async export(
    @CurrentUser() user: RequestUser,
    @Param('id') id: string,
    @Query('format') format: string | undefined,
    @Res() res: Response,
  ) {
    const f = exportFormat(format);
    const { month, workbook } = await this.settlements.payroll(user, id);
    await sendWorkbook(res, workbook, f, `settlement-${month}.${f}`);
  }
}
