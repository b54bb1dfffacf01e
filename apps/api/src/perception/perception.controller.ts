import { Body, Controller, Get, Param, Post, Query, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { MonthSchema, RankingQuery, RankingQuerySchema, StartPerceptionMonthSchema } from '@qf/contracts';
import { CurrentUser, RequestUser, Roles } from '../auth/auth.decorators';
import { parseListQuery, sendList } from '../common/list-query';
import { ZodPipe } from '../common/zod.pipe';
import { UploadedSheet } from '../common/sheet';
import { PerceptionService } from './perception.service';

/** P-1…P-5: who sees the perception results (the month's people and units, with names). */
const READERS = ['quality', 'admin', 'leadership', 'hr', 'branch-head'] as const;

@ApiTags('perception')
@ApiBearerAuth()
@Roles(...READERS)
@Controller()
export class PerceptionController {
  constructor(private readonly perception: PerceptionService) {}

  /** Starts the month's run (201), or returns the month's existing one (200). */
  @Roles('quality', 'admin')
  @Post('perception-months')
  async start(
    @CurrentUser() user: RequestUser,
    @Body(new ZodPipe(StartPerceptionMonthSchema)) body: { month: string },
    @Res({ passthrough: true }) res: Response,
  ) {
    const r = await this.perception.start(user, body.month);
    res.status(r.created ? 201 : 200);
    return r.month;
  }

  @Get('perception-months')
  async list(@Query() q: Record<string, unknown>, @Res({ passthrough: true }) res: Response) {
    const lq = parseListQuery(q, { month: 'month', createdAt: 'month', id: 'month' });
    const { rows, total } = await this.perception.list(lq.limit, lq.offset);
    return sendList(
      res,
      'perception-months',
      rows.map((r) => ({ id: r.month, ...r })),
      lq.offset,
      total,
    );
  }

  @Get('perception-months/:month')
  month(@Param('month', new ZodPipe(MonthSchema)) month: string) {
    return this.perception.month(month);
  }

  /** P-1: one ranking (month, channel, level) with the year's trend of its level. */
  @Get('perception-rankings')
  ranking(@Query(new ZodPipe(RankingQuerySchema)) q: RankingQuery) {
    return this.perception.ranking(q);
  }

  /** Satisfaction figures from outside the product (xlsx/csv): every row valid, or nothing imported. */
  @Roles('quality', 'admin')
  @Post('satisfaction-scores/import')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: 20 * 1024 * 1024 } }))
  importScores(@CurrentUser() user: RequestUser, @UploadedFile() file?: UploadedSheet) {
    return this.perception.importScores(user, file);
  }
}
