import type { MyNotification } from '@qf/contracts';
import type { Queryable } from '../core/queryable';
import { selectPage, Where } from '../core/list-page';
import { caseScope, type ScopeUser } from '../cases/scope';

/** One notification: to a login (`userId`), or to every active holder of `role` when no login is named. */
export interface NotificationInput {
  /** natural key: the same key twice records one notification (a retried activity notifies once) */
  key: string;
  kind: string;
  caseId?: string | null;
  taskId?: string | null;
  role?: string | null;
  userId?: string | null;
  message: string;
}

/**
 * The ONE way a notification is recorded: the notification rows and, in the same transaction (pass the caller's
 * `tx`), one outbox row per channel its recipients chose — an e-mail to each recipient with an address and e-mail on,
 * one POST per chosen webhook target (a target several recipients chose gets the message once). Idempotent by key;
 * returns the ids of the notifications recorded now (none for keys already recorded).
 */
export async function recordNotifications(q: Queryable, items: readonly NotificationInput[]): Promise<string[]> {
  if (!items.length) return [];
  const col = <T>(f: (n: NotificationInput) => T) => items.map(f);
  const rows: { id: string }[] = await q.query(
    `INSERT INTO notifications (idempotency_key, kind, case_id, task_id, role, user_id, message)
     SELECT * FROM unnest($1::text[], $2::text[], $3::uuid[], $4::uuid[], $5::text[], $6::uuid[], $7::text[])
     ON CONFLICT (idempotency_key) DO NOTHING RETURNING id`,
    [
      col((n) => n.key),
      col((n) => n.kind),
      col((n) => n.caseId ?? null),
      col((n) => n.taskId ?? null),
      col((n) => n.role ?? null),
      col((n) => n.userId ?? null),
      col((n) => n.message),
    ],
  );
  const ids = rows.map((r) => String(r.id));
  if (ids.length)
    await q.query(
      `WITH rcpt AS (
         SELECT n.id AS nid, n.idempotency_key AS nkey, u.id AS uid, p.email, p.channels, p.webhook_targets
         FROM notifications n
         JOIN users u ON u.active AND (u.id = n.user_id OR (n.user_id IS NULL AND n.role = ANY(u.roles)))
         JOIN notification_preferences p ON p.user_id = u.id
         WHERE n.id = ANY($1::bigint[])
       ), hooks AS (
         SELECT DISTINCT ON (r.nid, t) r.nid, r.nkey, r.uid, t AS target
         FROM rcpt r CROSS JOIN LATERAL unnest(r.webhook_targets) t
         WHERE 'webhook' = ANY(r.channels) ORDER BY r.nid, t, r.uid
       )
       INSERT INTO notification_outbox (notification_id, user_id, channel, target, idempotency_key)
       SELECT nid, uid, 'email', email, nkey || ':email:' || uid FROM rcpt
         WHERE 'email' = ANY(channels) AND coalesce(email, '') <> ''
       UNION ALL
       SELECT nid, uid, 'webhook', target, nkey || ':webhook:' || target FROM hooks
       ON CONFLICT (idempotency_key) DO NOTHING`,
      [ids],
    );
  return ids;
}

/** SQL: the notifications `n` that are the user's — to them, or to one of their roles (a case's only when in scope). */
export function notificationIsMine(user: ScopeUser, w: Where): string {
  const [u, r] = [w.param(user.id), w.param(user.roles)];
  return `(n.user_id = ${u} OR (n.user_id IS NULL AND n.role = ANY(${r}::text[])
    AND (n.case_id IS NULL OR EXISTS (SELECT 1 FROM cases c WHERE c.id = n.case_id AND ${caseScope(user, w)}))))`;
}

/** A row of the bell's list (the api answers it as is). */
export type MyNotificationRow = MyNotification;

/** The user's notifications (a page in the caller's order); `unread` keeps those not yet read. */
export async function listMyNotifications(
  q: Queryable,
  user: ScopeUser,
  filter: { unread?: unknown },
  page: { orderBy: string; limit: number; offset: number },
): Promise<{ rows: MyNotificationRow[]; total: number }> {
  const w = new Where();
  w.and(notificationIsMine(user, w));
  const me = w.param(user.id);
  if (filter.unread === true || filter.unread === 'true') w.and('r.read_at IS NULL');
  return selectPage<MyNotificationRow>(q, {
    columns: `n.id::text AS id, n.kind, n.message, n.case_id AS "caseId", n.task_id AS "taskId",
      n.created_at AS "createdAt", (r.read_at IS NOT NULL) AS read`,
    from: `FROM notifications n LEFT JOIN notification_reads r ON r.notification_id = n.id AND r.user_id = ${me}`,
    where: w,
    orderBy: page.orderBy,
    tieBreaker: 'n.id DESC',
    limit: page.limit,
    offset: page.offset,
  });
}

export async function unreadNotificationCount(q: Queryable, user: ScopeUser): Promise<number> {
  const w = new Where();
  w.and(notificationIsMine(user, w));
  const me = w.param(user.id);
  const [{ n }] = await q.query(
    `SELECT count(*)::int AS n FROM notifications n
     WHERE ${w.sql} AND NOT EXISTS (SELECT 1 FROM notification_reads r WHERE r.notification_id = n.id AND r.user_id = ${me})`,
    w.params,
  );
  return n;
}

/**
 * Marks the user's notifications read: the ones in `ids`, or all of them (`ids` null). Only the user's own count;
 * returns the ids marked now (already read ones are left as they were).
 */
export async function markNotificationsRead(
  q: Queryable,
  user: ScopeUser,
  ids: readonly string[] | null,
): Promise<string[]> {
  const w = new Where();
  w.and(notificationIsMine(user, w));
  const me = w.param(user.id);
  if (ids) w.and(`n.id = ANY(${w.param(ids)}::bigint[])`);
  const rows: { id: string }[] = await q.query(
    `INSERT INTO notification_reads (user_id, notification_id)
     SELECT ${me}::uuid, n.id FROM notifications n WHERE ${w.sql}
     ON CONFLICT DO NOTHING RETURNING notification_id::text AS id`,
    w.params,
  );
  return rows.map((r) => r.id);
}

/** Whether the notification exists and is the user's (404 otherwise). */
export async function notificationVisible(q: Queryable, user: ScopeUser, id: string): Promise<boolean> {
  const w = new Where();
  w.and(notificationIsMine(user, w));
  const rows = await q.query(
    `SELECT 1 FROM notifications n WHERE ${w.sql} AND n.id = ${w.param(id)}::bigint`,
    w.params,
  );
  return rows.length > 0;
}
