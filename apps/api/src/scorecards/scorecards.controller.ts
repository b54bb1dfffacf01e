import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
  Res,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { MonthSchema, StartScorecardMonthSchema } from '@qf/contracts';
import { CurrentUser, RequestUser, Roles } from '../auth/auth.decorators';
import { parseListQuery, sendList } from '../common/list-query';
import { ZodPipe } from '../common/zod.pipe';
import { UploadedSheet } from '../common/sheet';
import { ScorecardsService } from './scorecards.service';

/** K-9: who sees the month's scorecard results (units and people, with names). */
const READERS = ['quality', 'admin', 'leadership', 'hr', 'branch-head'] as const;

@ApiTags('scorecards')
@ApiBearerAuth()
@Roles(...READERS)
@Controller()
export class ScorecardsController {
  constructor(private readonly scorecards: ScorecardsService) {}

  /** Starts the month's run (201), or returns the month's existing one (200). */
  @Roles('quality', 'admin')
  @Post('scorecard-months')
  async start(
    @CurrentUser() user: RequestUser,
    @Body(new ZodPipe(StartScorecardMonthSchema)) body: { month: string },
    @Res({ passthrough: true }) res: Response,
  ) {
    const r = await this.scorecards.start(user, body.month);
    res.status(r.created ? 201 : 200);
    return r.month;
  }

  @Get('scorecard-months')
  async list(@Query() q: Record<string, unknown>, @Res({ passthrough: true }) res: Response) {
    const lq = parseListQuery(q, { month: 'month', createdAt: 'month', id: 'month' });
    const { rows, total } = await this.scorecards.list(lq.limit, lq.offset);
    return sendList(
      res,
      'scorecard-months',
      rows.map((r) => ({ id: r.month, ...r })),
      lq.offset,
      total,
    );
  }

  @Get('scorecard-months/:month')
  month(@Param('month', new ZodPipe(MonthSchema)) month: string) {
    return this.scorecards.month(month);
  }

  /** Indicator values from outside the product (xlsx/csv): every row valid, or nothing imported; progress by importId. */
  @Roles('quality', 'admin')
  @Post('kpi-values/import')
  @HttpCode(200)
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: 20 * 1024 * 1024 } }))
  importValues(
    @CurrentUser() user: RequestUser,
    @UploadedFile() file?: UploadedSheet,
    @Body('importId') importId?: string,
  ) {
    return this.scorecards.importValues(user, file, importId);
  }
}
