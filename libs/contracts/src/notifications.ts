import { z } from 'zod';
import { ResDateTime, ResUuid } from './responses/common';

/** Delivery channels a user may choose beside the bell (issue 17). */
export const NotificationChannelSchema = z.enum(['email', 'webhook']);

/** PUT /api/notification-preferences/me: the user's own delivery preferences. */
export const NotificationPreferencesSchema = z
  .object({
    email: z.email().max(200).nullable().default(null),
    channels: z
      .array(NotificationChannelSchema)
      .max(2)
      .refine((cs) => new Set(cs).size === cs.length, { message: 'channels must not repeat' })
      .default([]),
    /** ids of the webhook targets the admin configured (NOTIFY_WEBHOOKS) */
    webhookTargets: z
      .array(z.string().min(1).max(40))
      .max(20)
      .refine((ts) => new Set(ts).size === ts.length, { message: 'webhookTargets must not repeat' })
      .default([]),
  })
  .strict();
export type NotificationPreferencesInput = z.infer<typeof NotificationPreferencesSchema>;

/** POST /api/notifications/read: the ids to mark read, or every notification of the user with `all`. */
export const MarkNotificationsReadSchema = z.union([
  z
    .object({
      ids: z
        .array(z.string().regex(/^\d{1,18}$/))
        .min(1)
        .max(500),
    })
    .strict(),
  z.object({ all: z.literal(true) }).strict(),
]);
export type MarkNotificationsRead = z.infer<typeof MarkNotificationsReadSchema>;

// ------------------------------------------------------------------------------------------------ responses
export const NotificationResponseSchema = z.looseObject({
  id: z.string(),
  kind: z.string(),
  message: z.string(),
  caseId: ResUuid.nullable(),
  taskId: ResUuid.nullable(),
  createdAt: ResDateTime,
  read: z.boolean(),
});
/** One of the user's notifications as GET /api/notifications lists it. */
export type MyNotification = z.infer<typeof NotificationResponseSchema>;
export const UnreadCountResponseSchema = z.looseObject({ count: z.number().int() });
export const MarkReadResponseSchema = z.looseObject({ marked: z.number().int(), unread: z.number().int() });
export const NotificationPreferencesResponseSchema = z.looseObject({
  email: z.string().nullable(),
  channels: z.array(NotificationChannelSchema),
  webhookTargets: z.array(z.string()),
  /** the targets the admin configured (their addresses are never shown) */
  availableTargets: z.array(z.looseObject({ id: z.string(), name: z.string(), format: z.string() })),
  emailEnabled: z.boolean(),
});
export const OutboxRowResponseSchema = z.looseObject({
  id: z.string(),
  channel: NotificationChannelSchema,
  target: z.string(),
  targetName: z.string().nullable(),
  status: z.enum(['pending', 'sent', 'dead']),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  nextAttemptAt: ResDateTime,
  sentAt: ResDateTime.nullable(),
  createdAt: ResDateTime,
  updatedAt: ResDateTime,
  notificationId: z.string(),
  kind: z.string(),
  message: z.string(),
  caseId: ResUuid.nullable(),
  recipient: z.string().nullable(),
});
