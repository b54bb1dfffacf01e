import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { PeopleSearchQuerySchema, RegisterFineInput, RegisterFineSchema } from '@qf/contracts';
import { FINE_SORT } from '@qf/persistence';
import { CurrentUser, RequestUser, Roles } from '../auth/auth.decorators';
import { parseListQuery, sendList } from '../common/list-query';
import { ZodPipe } from '../common/zod.pipe';
import { ServiceFinesService } from './service-fines.service';

/** K-8: who registers fines (supervisors) and who reads them (also the fined person's lead, in the inbox). */
const FINE_READERS = ['team-lead', 'manager', 'quality', 'branch-head', 'hr', 'admin'] as const;

@ApiTags('service-fines')
@ApiBearerAuth()
@Roles(...FINE_READERS)
@Controller('service-fines')
export class ServiceFinesController {
  constructor(private readonly fines: ServiceFinesService) {}

  /** K-8: a fine per event within the policy's range; the person's direct lead approves it (a task). */
  @Roles('team-lead', 'manager', 'quality', 'branch-head', 'admin')
  @Post()
  register(@CurrentUser() user: RequestUser, @Body(new ZodPipe(RegisterFineSchema)) body: RegisterFineInput) {
    return this.fines.register(user, body);
  }

  /** People to fine or to hand an order to, by name or 工号 (姓名（工号）). */
  @Roles('team-lead', 'manager', 'quality', 'branch-head', 'dispatcher', 'admin')
  @Get('people')
  people(@Query(new ZodPipe(PeopleSearchQuerySchema)) q: { q: string }) {
    return this.fines.people(q.q);
  }

  /** Filters: status, kind, month, employeeId. */
  @Get()
  async list(
    @CurrentUser() user: RequestUser,
    @Query() q: Record<string, unknown>,
    @Res({ passthrough: true }) res: Response,
  ) {
    const lq = parseListQuery(q, FINE_SORT);
    const { rows, total } = await this.fines.list(user, lq);
    return sendList(res, 'service-fines', rows, lq.offset, total);
  }

  @Get(':id')
  get(@CurrentUser() user: RequestUser, @Param('id') id: string) {
    return this.fines.get(user, id);
  }
}
