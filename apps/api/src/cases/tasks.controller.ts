import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { z } from 'zod';
import { BatchApproveSchema, TaskActionSchema } from '@qf/contracts';
import { CurrentUser, RequestUser } from '../auth/auth.decorators';
import { parseListQuery, sendList } from '../common/list-query';
import { TasksService } from './tasks.service';

const TASK_SORT = {
  createdAt: 't.created_at',
  dueAt: 't.due_at',
  stage: 't.stage',
  status: 't.status',
  kind: 'c.kind',
  caseTitle: 'c.title',
  id: 't.id',
  decidedAt: 't.decided_at',
};

@ApiTags('tasks')
@ApiBearerAuth()
@Controller('tasks')
export class TasksController {
  constructor(private readonly tasks: TasksService) {}

  /** Filters: mine (assigned to me or my roles), done: 'mine' (decided by me: 已办), overdue, status, caseId, role, kind, q (工单号, customer, employee name or 工号, title). */
  @Get()
  async list(
    @CurrentUser() user: RequestUser,
    @Query() q: Record<string, unknown>,
    @Res({ passthrough: true }) res: Response,
  ) {
    const lq = parseListQuery(q, TASK_SORT);
    const { rows, total } = await this.tasks.list(user, lq.filter, lq);
    return sendList(res, 'tasks', rows, lq.offset, total);
  }

  /**
   * 批量同意: approves several open tasks of one stage whose flow allows it, each as a single approve; answers which
   * were approved and, per refused task, its case title and the refusal's code and params (issue 17).
   */
  @Post('batch')
  @HttpCode(200)
  @ApiBody({ schema: z.toJSONSchema(BatchApproveSchema) as object })
  batch(@CurrentUser() user: RequestUser, @Body() body: unknown, @Headers('idempotency-key') key?: string) {
    return this.tasks.batchApprove(user, body, key && key.length <= 60 ? key : undefined);
  }

  @Get(':id')
  get(@CurrentUser() user: RequestUser, @Param('id') id: string) {
    return this.tasks.get(user, id);
  }

  /**
   * 200 with the case's new state; 404 for a task one may not see, 403 when it is not one's own, 409 when it is no
   * longer actionable, then 400 for a malformed body (checked in that order); 503 with Retry-After when Temporal is busy.
   */
  @Post(':id/actions')
  @HttpCode(200)
  @ApiBody({ schema: z.toJSONSchema(TaskActionSchema) as object })
  act(
    @CurrentUser() user: RequestUser,
    @Param('id') id: string,
    @Body() body: unknown,
    @Headers('idempotency-key') key?: string,
  ) {
    return this.tasks.act(user, id, body, key && key.length <= 100 ? key : undefined);
  }
}
