import { Body, Controller, Get, Headers, HttpCode, Inject, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { CreateCaseInput, CreateCaseSchema, TaskActionInput, TaskActionSchema } from '@qf/contracts';
import { CurrentUser, RequestUser } from '../auth/auth.decorators';
import { parseListQuery, sendList } from '../common/list-query';
import { ZodPipe } from '../common/zod.pipe';
import { TASK_COLUMNS, toTaskView } from './case-views';
import { CasesService } from './cases.service';
import { caseScope, taskIsMine } from './scope';
import { caseSearchSql } from './search';
import { forbidden, notFound } from '../common/errors';

const CASE_SORT = {
  createdAt: 'c.created_at',
  updatedAt: 'c.updated_at',
  dueAt: 'c.due_at',
  title: 'c.title',
  status: 'c.status',
  kind: 'c.kind',
  businessKey: 'c.business_key',
  id: 'c.id',
};
const TASK_SORT = {
  createdAt: 't.created_at',
  dueAt: 't.due_at',
  stage: 't.stage',
  status: 't.status',
  kind: 'c.kind',
  caseTitle: 'c.title',
  id: 't.id',
};

@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases')
export class CasesController {
  constructor(private readonly cases: CasesService) {}

  @Get()
  async list(
    @CurrentUser() user: RequestUser,
    @Query() q: Record<string, unknown>,
    @Res({ passthrough: true }) res: Response,
  ) {
    const lq = parseListQuery(q, CASE_SORT);
    const { rows, total } = await this.cases.list(user, lq.filter, lq.orderBy, lq.limit, lq.offset);
    return sendList(res, 'cases', rows, lq.offset, total);
  }

  @Get(':id')
  get(@CurrentUser() user: RequestUser, @Param('id') id: string) {
    return this.cases.get(user, id);
  }

  /** A minimal generic approval case (kind "review"), carried by the reviewCase workflow. */
  @Post()
  @ApiBody({ schema: z.toJSONSchema(CreateCaseSchema, { io: 'input' }) as object })
  async create(
    @CurrentUser() user: RequestUser,
    @Body(new ZodPipe(CreateCaseSchema)) body: CreateCaseInput,
    @Res({ passthrough: true }) res: Response,
  ) {
    const r = await this.cases.start(
      {
        kind: 'review',
        workflowType: 'reviewCase',
        businessKey: body.businessKey ?? randomUUID(),
        title: body.title,
        data: { description: body.description },
      },
      user,
    );
    res.status(r.created ? 201 : 200);
    return r.case;
  }
}

@ApiTags('tasks')
@ApiBearerAuth()
@Controller('tasks')
export class TasksController {
  constructor(
    private readonly cases: CasesService,
    @Inject(DataSource) private readonly ds: DataSource,
  ) {}

  /** Filters: mine (assigned to me or my roles), overdue, status, caseId, role, kind, q (工单号, customer, employee name or 工号, title). */
  @Get()
  async list(
    @CurrentUser() user: RequestUser,
    @Query() q: Record<string, unknown>,
    @Res({ passthrough: true }) res: Response,
  ) {
    const lq = parseListQuery(q, TASK_SORT);
    const f = lq.filter;
    const params: unknown[] = [];
    const where = [caseScope(user, params)];
    if (f.mine === true) where.push(taskIsMine(user, params));
    if (f.overdue === true) where.push(`t.status = 'open' AND t.due_at < now()`);
    if (typeof f.status === 'string') {
      params.push(f.status);
      where.push(`t.status = $${params.length}`);
    }
    if (typeof f.caseId === 'string') {
      params.push(f.caseId);
      where.push(`t.case_id::text = $${params.length}`);
    }
    if (typeof f.role === 'string') {
      params.push(f.role);
      where.push(`t.assignee_role = $${params.length}`);
    }
    if (typeof f.kind === 'string') {
      params.push(f.kind);
      where.push(`c.kind = $${params.length}`);
    }
    const search = caseSearchSql(f.q, params);
    if (search) where.push(search);
    if (f.id) {
      params.push(([] as unknown[]).concat(f.id));
      where.push(`t.id::text = ANY($${params.length}::text[])`);
    }
    const sql = `FROM tasks t JOIN cases c ON c.id = t.case_id WHERE ${where.join(' AND ')}`;
    const [{ total }] = await this.ds.query(`SELECT count(*)::int AS total ${sql}`, params);
    const rows = await this.ds.query(
      `SELECT ${TASK_COLUMNS} ${sql} ORDER BY ${lq.orderBy}, t.id LIMIT ${lq.limit} OFFSET ${lq.offset}`,
      params,
    );
    return sendList(
      res,
      'tasks',
      rows.map((r: unknown) => toTaskView(r)),
      lq.offset,
      total,
    );
  }

  @Get(':id')
  async get(@CurrentUser() user: RequestUser, @Param('id') id: string) {
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound('task');
    const params: unknown[] = [id];
    const scope = caseScope(user, params);
    const [r] = await this.ds.query(
      `SELECT ${TASK_COLUMNS}, (${scope}) AS visible FROM tasks t JOIN cases c ON c.id = t.case_id WHERE t.id = $1`,
      params,
    );
    if (!r) throw notFound('task');
    if (!r.visible) throw forbidden('this task is outside your scope');
    return toTaskView(r);
  }

  /** 200 with the case's new state; 409 when the task is no longer actionable. */
  @Post(':id/actions')
  @HttpCode(200)
  @ApiBody({ schema: z.toJSONSchema(TaskActionSchema) as object })
  act(
    @CurrentUser() user: RequestUser,
    @Param('id') id: string,
    @Body(new ZodPipe(TaskActionSchema)) body: TaskActionInput,
    @Headers('idempotency-key') key?: string,
  ) {
    return this.cases.act(user, id, body, key && key.length <= 100 ? `${user.id}:${key}` : undefined);
  }
}
