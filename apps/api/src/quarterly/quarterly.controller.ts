import { Body, Controller, Get, Param, Post, Put, Query, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import {
  QuarterlyFindingInput,
  QuarterlyFindingSchema,
  QuarterlyPlanInput,
  QuarterlyPlanSchema,
  QuarterlyValuesInput,
  QuarterlyValuesSchema,
} from '@qf/contracts';
import { QUARTERLY_SORT } from '@qf/persistence';
import { CurrentUser, RequestUser, Roles } from '../auth/auth.decorators';
import { exportFormat, sendWorkbook } from '../common/export';
import { parseListQuery, sendList } from '../common/list-query';
import { UploadedSheet } from '../common/sheet';
import { ZodPipe } from '../common/zod.pipe';
import { QuarterlyCollectionService } from './quarterly-collection.service';
import { quarterlyWorkbook } from './quarterly-report';
import { QuarterlyService } from './quarterly.service';

/** who reads the quarterly plans and reports (unit heads read the results they acknowledge). */
const READERS = ['quality', 'admin', 'leadership', 'hr', 'branch-head', 'team-lead'] as const;

@ApiTags('quarterly-assessments')
@ApiBearerAuth()
@Roles(...READERS)
@Controller('quarterly-assessments')
export class QuarterlyController {
  constructor(
    private readonly plans: QuarterlyService,
    private readonly collection: QuarterlyCollectionService,
  ) {}

  @Roles('quality', 'admin')
  @Post()
  create(@CurrentUser() user: RequestUser, @Body(new ZodPipe(QuarterlyPlanSchema)) body: QuarterlyPlanInput) {
    return this.plans.create(user, body);
  }

  /** a unit head lists only the plans naming their unit (or one below it). */
  @Get()
  async list(
    @CurrentUser() user: RequestUser,
    @Query() q: Record<string, unknown>,
    @Res({ passthrough: true }) res: Response,
  ) {
    const lq = parseListQuery({ sort: '["period","DESC"]', ...q }, QUARTERLY_SORT);
    const { rows, total } = await this.plans.list(lq.filter, lq.orderBy, lq.limit, lq.offset, user);
    return sendList(res, 'quarterly-assessments', rows, lq.offset, total);
  }

  /** a unit head reads only their unit's rows; another unit's plan is 404. */
  @Get(':id')
  get(@CurrentUser() user: RequestUser, @Param('id') id: string) {
    return this.plans.get(id, user);
  }

  @Roles('quality', 'admin')
  @Put(':id')
  update(
    @CurrentUser() user: RequestUser,
    @Param('id') id: string,
    @Body(new ZodPipe(QuarterlyPlanSchema)) body: QuarterlyPlanInput,
  ) {
    return this.plans.update(user, id, body);
  }

  /** the draft goes to the quality department's lead for approval. */
  @Roles('quality', 'admin')
  @Post(':id/submit')
  submit(@CurrentUser() user: RequestUser, @Param('id') id: string) {
    return this.plans.submit(user, id);
  }

  @Roles('quality', 'admin')
  @Put(':id/values')
  values(
    @CurrentUser() user: RequestUser,
    @Param('id') id: string,
    @Body(new ZodPipe(QuarterlyValuesSchema)) body: QuarterlyValuesInput,
  ) {
    return this.collection.putValues(user, id, body);
  }

  @Roles('quality', 'admin')
  @Post(':id/values/import')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: 5 * 1024 * 1024 } }))
  importValues(@CurrentUser() user: RequestUser, @Param('id') id: string, @UploadedFile() file?: UploadedSheet) {
    return this.collection.importValues(user, id, file);
  }

  /** an internal review finding; it becomes a rectification when the report is issued. */
  @Roles('quality', 'admin')
  @Post(':id/findings')
  finding(
    @CurrentUser() user: RequestUser,
    @Param('id') id: string,
    @Body(new ZodPipe(QuarterlyFindingSchema)) body: QuarterlyFindingInput,
  ) {
    return this.collection.addFinding(user, id, body);
  }

  @Get(':id/export')
  async export(
    @CurrentUser() user: RequestUser,
    @Param('id') id: string,
    @Query('format') format: string | undefined,
    @Res() res: Response,
  ) {
    const f = exportFormat(format);
    const plan = await this.plans.get(id, user);
    await sendWorkbook(res, quarterlyWorkbook(plan), f, `quarterly-${plan.period}.${f}`);
  }
}
