import { Body, Controller, Get, HttpCode, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import {
  MarkNotificationsRead,
  MarkNotificationsReadSchema,
  NotificationPreferencesInput,
  NotificationPreferencesSchema,
} from '@qf/contracts';
import { CurrentUser, RequestUser } from '../auth/auth.decorators';
import { parseListQuery, sendList } from '../common/list-query';
import { ZodPipe } from '../common/zod.pipe';
import { NotificationsService } from './notifications.service';

/** The bell: every signed-in user's own notifications (to them or to one of their roles) and preferences. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller()
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  /** Mine, newest first; filter `unread`. */
  @Get('notifications')
  async list(
    @CurrentUser() user: RequestUser,
    @Query() q: Record<string, unknown>,
    @Res({ passthrough: true }) res: Response,
  ) {
    const lq = parseListQuery(q, { createdAt: 'n.created_at', id: 'n.id' });
    const { rows, total } = await this.notifications.list(user, lq.filter, lq);
    return sendList(res, 'notifications', rows, lq.offset, total);
  }

  @Get('notifications/unread-count')
  unreadCount(@CurrentUser() user: RequestUser) {
    return this.notifications.unreadCount(user);
  }

  @Post('notifications/read')
  @HttpCode(200)
  markRead(
    @CurrentUser() user: RequestUser,
    @Body(new ZodPipe(MarkNotificationsReadSchema)) body: MarkNotificationsRead,
  ) {
    return this.notifications.markRead(user, body);
  }

  @Get('notification-preferences/me')
  preferences(@CurrentUser() user: RequestUser) {
    return this.notifications.preferences(user);
  }

  @Put('notification-preferences/me')
  savePreferences(
    @CurrentUser() user: RequestUser,
    @Body(new ZodPipe(NotificationPreferencesSchema)) body: NotificationPreferencesInput,
  ) {
    return this.notifications.savePreferences(user, body);
  }
}
