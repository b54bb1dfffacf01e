import type { Queryable } from '../core/queryable';

/** A user's delivery preferences: the bell always; e-mail and webhook targets as they choose. */
export interface NotificationPreferences {
  email: string | null;
  channels: string[];
  webhookTargets: string[];
}

export async function preferencesOf(q: Queryable, userId: string): Promise<NotificationPreferences> {
  const [row] = await q.query(
    `SELECT email, channels, webhook_targets AS "webhookTargets" FROM notification_preferences WHERE user_id = $1`,
    [userId],
  );
  return row ?? { email: null, channels: [], webhookTargets: [] };
}

/** Replaces the user's preferences; returns the ones before (for the audit). */
export async function savePreferences(
  q: Queryable,
  userId: string,
  p: NotificationPreferences,
): Promise<NotificationPreferences> {
  const before = await preferencesOf(q, userId);
  await q.query(
    `INSERT INTO notification_preferences (user_id, email, channels, webhook_targets) VALUES ($1, $2, $3, $4)
     ON CONFLICT (user_id) DO UPDATE SET email = $2, channels = $3, webhook_targets = $4, updated_at = now()`,
    [userId, p.email, p.channels, p.webhookTargets],
  );
  return before;
}
