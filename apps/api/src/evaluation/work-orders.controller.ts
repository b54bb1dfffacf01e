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
import { WorkOrderInput, WorkOrderSchema } from '@qf/contracts';
import { WORK_ORDER_SORT } from '@qf/persistence';
import { CurrentUser, RequestUser, Roles } from '../auth/auth.decorators';
import { parseListQuery, sendList } from '../common/list-query';
import { ZodPipe } from '../common/zod.pipe';
import { ORDER_ROLES } from './order-scope';
import { WorkOrdersService } from './work-orders.service';

/** E-1: closed work orders (one by one, or imported from a sheet with progress) and their pages. */
@ApiTags('evaluation')
@ApiBearerAuth()
@Roles(...ORDER_ROLES)
@Controller()
export class WorkOrdersController {
  constructor(private readonly orders: WorkOrdersService) {}

  @Roles('admin', 'dispatcher', 'manager')
  @Post('work-orders')
  create(@CurrentUser() user: RequestUser, @Body(new ZodPipe(WorkOrderSchema)) body: WorkOrderInput) {
    return this.orders.create(user, body);
  }

  /** E-1 bulk: validates every row, then imports all in one set-based statement, or returns each bad row. */
  @Roles('admin', 'dispatcher', 'manager')
  @Post('work-orders/import')
  @HttpCode(200)
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: 200 * 1024 * 1024 } }))
  import(
    @CurrentUser() user: RequestUser,
    @UploadedFile() file?: { buffer: Buffer; originalname: string },
    @Body('importId') importId?: string,
  ) {
    return this.orders.import(user, file, importId);
  }

  /** Progress of an import started with an importId (phase, processed of total). */
  @Get('imports/:id')
  importProgress(@Param('id') id: string) {
    return this.orders.importProgress(id);
  }

  /** The closed orders of the reader's units (all of them for admins and managers). */
  @Get('work-orders')
  async list(
    @CurrentUser() user: RequestUser,
    @Query() q: Record<string, unknown>,
    @Res({ passthrough: true }) res: Response,
  ) {
    const lq = parseListQuery({ sort: '["closedAt","DESC"]', ...q }, WORK_ORDER_SORT);
    const { rows, total } = await this.orders.list(user, lq.orderBy, lq.limit, lq.offset);
    return sendList(res, 'work-orders', rows, lq.offset, total);
  }

  /** One closed order with its evaluations (kind, evaluator 姓名（工号）, due, result, the rectification it opened). */
  @Get('work-orders/:id')
  get(@CurrentUser() user: RequestUser, @Param('id') id: string) {
    return this.orders.get(user, id);
  }
}
