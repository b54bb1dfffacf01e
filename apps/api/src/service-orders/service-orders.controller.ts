import { Body, Controller, Get, Param, Post, Put, Query, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import {
  CreateServiceOrderInput,
  CreateServiceOrderSchema,
  MoveServiceOrderInput,
  MoveServiceOrderSchema,
  TrackServiceOrderInput,
  TrackServiceOrderSchema,
} from '@qf/contracts';
import { SERVICE_ORDER_SORT } from '@qf/persistence';
import { CurrentUser, RequestUser, Roles } from '../auth/auth.decorators';
import { parseListQuery, sendList } from '../common/list-query';
import { UploadedSheet } from '../common/sheet';
import { ZodPipe } from '../common/zod.pipe';
import { ServiceOrderImportService } from './service-order-import.service';
import { ServiceOrdersService } from './service-orders.service';

/** K-1 / K-2: who works with service orders (team leads within their unit's subtree). */
const ORDER_ROLES = ['dispatcher', 'manager', 'team-lead', 'admin'] as const;

@ApiTags('service-orders')
@ApiBearerAuth()
@Roles(...ORDER_ROLES)
@Controller('service-orders')
export class ServiceOrdersController {
  constructor(
    private readonly orders: ServiceOrdersService,
    private readonly imports: ServiceOrderImportService,
  ) {}

  /** K-1: an order accepted at the hotline; its deadlines follow from its kind (K-2). */
  @Roles('dispatcher', 'manager', 'admin')
  @Post()
  create(@CurrentUser() user: RequestUser, @Body(new ZodPipe(CreateServiceOrderSchema)) body: CreateServiceOrderInput) {
    return this.orders.create(user, body);
  }

  /** K-1: orders from the call system (xlsx/csv): every row valid, or nothing imported. */
  @Roles('dispatcher', 'admin')
  @Post('import')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: 20 * 1024 * 1024 } }))
  import(@CurrentUser() user: RequestUser, @UploadedFile() file?: UploadedSheet) {
    return this.imports.import(user, file);
  }

  /** Filters: stage, unitId, kind, late, redispatched, open, month, q (工单号). */
  @Get()
  async list(
    @CurrentUser() user: RequestUser,
    @Query() q: Record<string, unknown>,
    @Res({ passthrough: true }) res: Response,
  ) {
    const lq = parseListQuery(q, SERVICE_ORDER_SORT);
    const { rows, total } = await this.orders.list(user, lq);
    return sendList(res, 'service-orders', rows, lq.offset, total);
  }

  @Get(':id')
  get(@CurrentUser() user: RequestUser, @Param('id') id: string) {
    return this.orders.get(user, id);
  }

  /** K-1: the order's next move (hotline → dispatch → handling → closed), recorded with who and when. */
  @Post(':id/moves')
  move(
    @CurrentUser() user: RequestUser,
    @Param('id') id: string,
    @Body(new ZodPipe(MoveServiceOrderSchema)) body: MoveServiceOrderInput,
  ) {
    return this.orders.move(user, id, body);
  }

  /** K-1: one of the four tracking lines (handler feedback, re-complaint, callback, QA sampling). */
  @Put(':id/tracking')
  track(
    @CurrentUser() user: RequestUser,
    @Param('id') id: string,
    @Body(new ZodPipe(TrackServiceOrderSchema)) body: TrackServiceOrderInput,
  ) {
    return this.orders.track(user, id, body);
  }
}
