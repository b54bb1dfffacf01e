import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { z } from 'zod';
import { RegisterComplaintInput, RegisterComplaintSchema } from '@qf/contracts';
import { CurrentUser, RequestUser, Roles } from '../auth/auth.decorators';
import { parseListQuery, sendList } from '../common/list-query';
import { ZodPipe } from '../common/zod.pipe';
import { ComplaintsService } from './complaints.service';

const CASE_SORT = {
  createdAt: 'c.created_at',
  updatedAt: 'c.updated_at',
  dueAt: 'c.due_at',
  title: 'c.title',
  status: 'c.status',
  id: 'c.id',
};

/** Complaints (C-1…C-13): registration starts the complaintLiability workflow; reads are case views. */
@ApiTags('complaints')
@ApiBearerAuth()
@Controller('complaints')
export class ComplaintsController {
  constructor(private readonly complaints: ComplaintsService) {}

  @Post()
  @Roles('verifier', 'ruling-lead', 'leadership', 'admin')
  @ApiBody({ schema: z.toJSONSchema(RegisterComplaintSchema, { io: 'input' }) as object })
  async register(
    @CurrentUser() user: RequestUser,
    @Body(new ZodPipe(RegisterComplaintSchema)) body: RegisterComplaintInput,
    @Res({ passthrough: true }) res: Response,
  ) {
    const r = await this.complaints.register(user, body);
    res.status(r.created ? 201 : 200);
    return r.complaint;
  }

  /** Filters of the case list, plus `q` (工单号, customer, title, employee 姓名 / 工号) and `employeeId`. */
  @Get()
  async list(
    @CurrentUser() user: RequestUser,
    @Query() q: Record<string, unknown>,
    @Res({ passthrough: true }) res: Response,
  ) {
    const lq = parseListQuery(q, CASE_SORT);
    const { rows, total } = await this.complaints.list(user, lq.filter, lq.orderBy, lq.limit, lq.offset);
    return sendList(res, 'complaints', rows, lq.offset, total);
  }

  @Get(':id')
  get(@CurrentUser() user: RequestUser, @Param('id') id: string) {
    return this.complaints.get(user, id);
  }
}
