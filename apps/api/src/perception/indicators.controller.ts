import { Body, Controller, Get, Param, Post, Query, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  IncidentInput,
  IncidentSchema,
  IndicatorBoardQuerySchema,
  IndicatorRankingQuerySchema,
  PeopleSearchQuerySchema,
} from '@qf/contracts';
import { CurrentUser, RequestUser, Roles } from '../auth/auth.decorators';
import { ZodPipe } from '../common/zod.pipe';
import { UploadedSheet } from '../common/sheet';
import { IndicatorsService } from './indicators.service';
import { InterviewsService } from './interviews.service';

/** P-6 / P-7: who sees the indicator cards, the incidents and the interviews. */
const READERS = ['quality', 'admin', 'leadership', 'hr', 'branch-head'] as const;

@ApiTags('perception')
@ApiBearerAuth()
@Roles(...READERS)
@Controller()
export class IndicatorsController {
  constructor(
    private readonly indicators: IndicatorsService,
    private readonly interviews: InterviewsService,
  ) {}

  /** P-6: monthly indicator results per unit (xlsx/csv): every row valid, or nothing imported; then the cards. */
  @Roles('quality', 'admin')
  @Post('indicator-results/import')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: 20 * 1024 * 1024 } }))
  importResults(@CurrentUser() user: RequestUser, @UploadedFile() file?: UploadedSheet) {
    return this.indicators.importResults(user, file);
  }

  /** P-6: a month's units ranked by the indicators they met. */
  @Get('indicator-rankings')
  ranking(@Query(new ZodPipe(IndicatorRankingQuerySchema)) q: { month: string }) {
    return this.indicators.ranking(q.month);
  }

  /** P-6: the year's units ranked by failing months and the organisational score posted against them. */
  @Get('indicator-year-rankings')
  yearRanking(@Query(new ZodPipe(IndicatorBoardQuerySchema)) q: { year: number }) {
    return this.indicators.yearRanking(q.year);
  }

  /** P-6: the year's failing months per unit with their cards, deductions, notices and interviews. */
  @Get('indicator-cards')
  board(@Query(new ZodPipe(IndicatorBoardQuerySchema)) q: { year: number }) {
    return this.indicators.board(q.year);
  }

  /** P-7: a major service incident; it orders the written-explanation interview of the department head. */
  @Roles('quality', 'admin')
  @Post('incidents')
  registerIncident(@CurrentUser() user: RequestUser, @Body(new ZodPipe(IncidentSchema)) body: IncidentInput) {
    return this.interviews.registerIncident(user, body);
  }

  /** P-7: people to name as the responsible department head, by name or 工号. */
  @Roles('quality', 'admin')
  @Get('incident-heads')
  people(@Query(new ZodPipe(PeopleSearchQuerySchema)) q: { q: string }) {
    return this.interviews.people(q.q);
  }

  /** An interview with its record (any user who may see the case reads it through the case; this is the register). */
  @Roles(...READERS, 'employee')
  @Get('interviews/:caseId')
  interview(@Param('caseId') caseId: string) {
    return this.interviews.interview(caseId);
  }
}
