import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { CreateCaseInput, CreateCaseSchema, REVIEW_CASE_STARTERS } from '@qf/contracts';
import { CurrentUser, RequestUser, Roles } from '../auth/auth.decorators';
import { parseListQuery, sendListJson } from '../common/list-query';
import { ZodPipe } from '../common/zod.pipe';
import { CasesService } from './cases.service';

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
    const { json, count, total } = await this.cases.listJson(user, lq.filter, lq);
    return sendListJson(res, 'cases', json, count, lq.offset, total);
  }

  @Get(':id')
  get(@CurrentUser() user: RequestUser, @Param('id') id: string) {
    return this.cases.get(user, id);
  }

  /** A minimal generic approval case (kind "review"), carried by the reviewCase workflow; it waits on the leadership. */
  @Post()
  @Roles(...REVIEW_CASE_STARTERS)
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
