import { Module } from '@nestjs/common';
import { NotificationOutboxController } from './notification-outbox.controller';
import { NotificationOutboxService } from './notification-outbox.service';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';

/** Notifications reach people (issue 17): the bell, the user's delivery preferences, the outbox for admins. */
@Module({
  controllers: [NotificationsController, NotificationOutboxController],
  providers: [NotificationsService, NotificationOutboxService],
})
export class NotificationsModule {}
