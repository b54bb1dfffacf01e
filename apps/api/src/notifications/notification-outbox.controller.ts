import { Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { CurrentUser, RequestUser, Roles } from '../auth/auth.decorators';
import { parseListQuery, sendList } from '../common/list-query';
import { NotificationOutboxService } from './notification-outbox.service';

const OUTBOX_SORT = {
  id: 'o.id',
  status: 'o.status',
  attempts: 'o.attempts',
  createdAt: 'o.created_at',
  updatedAt: 'o.updated_at',
  nextAttemptAt: 'o.next_attempt_at',
};

/** Admins watch the notification deliveries (状态、尝试次数、最后错误) and retry a dead-lettered one. */
@ApiTags('notifications')
@ApiBearerAuth()
@Roles('admin')
@Controller('notification-outbox')
export class NotificationOutboxController {
  constructor(private readonly outbox: NotificationOutboxService) {}

  /** Filters: status (pending, sent, dead), channel (email, webhook), notificationId. */
  @Get()
  async list(@Query() q: Record<string, unknown>, @Res({ passthrough: true }) res: Response) {
    const lq = parseListQuery(q, OUTBOX_SORT);
    const { rows, total } = await this.outbox.list(lq.filter, lq);
    return sendList(res, 'notification-outbox', rows, lq.offset, total);
  }

  @Get(':id')
  get(@Param('id') id: string) {
    return this.outbox.get(id);
  }

  @Post(':id/retry')
  @HttpCode(200)
  retry(@CurrentUser() user: RequestUser, @Param('id') id: string) {
    return this.outbox.retry(user, id);
  }
}
