import * as C from '@qf/contracts';
import { json, list, OperationDoc } from './shared';

/** Notifications reach people (issue 17): the bell, one's delivery preferences, the outbox for admins. */
export const NOTIFICATION_OPERATIONS: Record<string, OperationDoc> = {
  'GET /api/notifications': {
    summary: "The user's notifications (to them or one of their roles), newest first, with their read state",
    list: ['unread'],
    ok: { 200: list(C.NotificationResponseSchema) },
  },
  'GET /api/notifications/unread-count': {
    summary: "How many of the user's notifications are unread (the bell)",
    ok: { 200: json(C.UnreadCountResponseSchema) },
  },
  'POST /api/notifications/read': {
    summary: "Mark some (ids) or all of the user's notifications read",
    body: C.MarkNotificationsReadSchema,
    ok: { 200: json(C.MarkReadResponseSchema) },
  },
  'GET /api/notification-preferences/me': {
    summary: "The user's delivery preferences (e-mail, webhook targets) and the targets configured",
    ok: { 200: json(C.NotificationPreferencesResponseSchema) },
  },
  'PUT /api/notification-preferences/me': {
    summary: "Save the user's own delivery preferences",
    body: C.NotificationPreferencesSchema,
    ok: { 200: json(C.NotificationPreferencesResponseSchema) },
  },
  'GET /api/notification-outbox': {
    summary: 'Notification deliveries: status, attempts, last error (admin)',
    list: ['status', 'channel', 'notificationId', 'id'],
    ok: { 200: list(C.OutboxRowResponseSchema) },
  },
  'GET /api/notification-outbox/{id}': {
    summary: 'A notification delivery (admin)',
    params: { id: 'int' },
    ok: { 200: json(C.OutboxRowResponseSchema) },
  },
  'POST /api/notification-outbox/{id}/retry': {
    summary: 'Deliver a dead-lettered (or pending) notification again now, attempts counted afresh (admin)',
    params: { id: 'int' },
    ok: { 200: json(C.OutboxRowResponseSchema) },
  },
};
