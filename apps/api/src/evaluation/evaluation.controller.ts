import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { z } from 'zod';
import { AnswerEvaluationSchema, AssignEvaluationsSchema } from '@qf/contracts';
import { EVALUATION_SORT } from '@qf/persistence';
import { CurrentUser, RequestUser, Roles } from '../auth/auth.decorators';
import { parseListQuery, sendList } from '../common/list-query';
import { ZodPipe } from '../common/zod.pipe';
import { EvaluationService } from './evaluation.service';
import { ORDER_ROLES } from './order-scope';

/** E-2…E-4, E-7: daily sampling and assignment, the evaluations, answering one. */
@ApiTags('evaluation')
@ApiBearerAuth()
@Roles(...ORDER_ROLES)
@Controller('evaluations')
export class EvaluationController {
  constructor(private readonly evaluations: EvaluationService) {}

  /** E-1/E-2/E-4: samples and assigns the orders closed on `date`; idempotent by date. */
  @Roles('admin', 'manager', 'dispatcher')
  @Post('assign')
  @HttpCode(200)
  assign(
    @CurrentUser() user: RequestUser,
    @Body(new ZodPipe(AssignEvaluationsSchema)) body: z.infer<typeof AssignEvaluationsSchema>,
  ) {
    return this.evaluations.assign(user, body);
  }

  /** The evaluations of the reader's units and those assigned to them (all of them for admins and managers). */
  @Get()
  async list(
    @CurrentUser() user: RequestUser,
    @Query() q: Record<string, unknown>,
    @Res({ passthrough: true }) res: Response,
  ) {
    const lq = parseListQuery({ sort: '["dueAt","ASC"]', ...q }, EVALUATION_SORT);
    const { rows, total } = await this.evaluations.list(user, lq.filter, lq.orderBy, lq.limit, lq.offset);
    return sendList(res, 'evaluations', rows, lq.offset, total);
  }

  /** The caller's unanswered evaluations (callbacks of dispatchers and managers, foremen's self-evaluations): their 待办 beside the inbox's tasks. */
  @Get('pending-count')
  pendingCount(@CurrentUser() user: RequestUser) {
    return this.evaluations.pendingCount(user);
  }

  /** E-3: one choice of three with its score; a dissatisfied callback opens a rectification (E-7). */
  @Post(':id/answer')
  @HttpCode(200)
  answer(
    @CurrentUser() user: RequestUser,
    @Param('id') id: string,
    @Body(new ZodPipe(AnswerEvaluationSchema)) body: z.infer<typeof AnswerEvaluationSchema>,
  ) {
    return this.evaluations.answer(user, id, body);
  }
}
