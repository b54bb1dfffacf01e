import type { Queryable } from '../core/queryable';
import { selectPage, Where } from '../core/list-page';

/** The recipient as people are shown: 姓名（工号）, or the login's display name without an employee. */
const RECIPIENT = `CASE WHEN u.id IS NULL THEN NULL WHEN e.code IS NULL THEN u.display_name ELSE e.name || '（' || e.code || '）' END`;

/** An outbox row as the dispatcher delivers it: the channel, the target, and the notification's content. */
export interface OutboxDelivery {
  id: string;
  channel: 'email' | 'webhook';
  target: string;
  idempotencyKey: string;
  attempts: number;
  notificationId: string;
  kind: string;
  message: string;
  caseId: string | null;
  taskId: string | null;
  createdAt: string;
  recipientName: string | null;
}

/**
 * Claims the next due row of the given channels in the caller's transaction (`FOR UPDATE SKIP LOCKED`: two
 * dispatchers never take the same row). The row stays locked until the transaction completes with `completeOutbox`.
 */
export async function claimDueOutbox(
  tx: Queryable,
  channels: readonly string[],
  webhookTargets: readonly string[],
): Promise<OutboxDelivery | undefined> {
  const [row] = await tx.query(
    `WITH next AS (
       SELECT id FROM notification_outbox
       WHERE status = 'pending' AND next_attempt_at <= now() AND channel = ANY($1::text[])
         AND (channel <> 'webhook' OR target = ANY($2::text[]))
       ORDER BY next_attempt_at, id LIMIT 1 FOR UPDATE SKIP LOCKED
     )
     SELECT o.id::text AS id, o.channel, o.target, o.idempotency_key AS "idempotencyKey", o.attempts,
            n.id::text AS "notificationId", n.kind, n.message, n.case_id AS "caseId", n.task_id AS "taskId",
            n.created_at AS "createdAt", ${RECIPIENT} AS "recipientName"
     FROM next JOIN notification_outbox o ON o.id = next.id JOIN notifications n ON n.id = o.notification_id
     LEFT JOIN users u ON u.id = o.user_id LEFT JOIN employees e ON e.id = u.employee_id`,
    [channels, webhookTargets],
  );
  return row;
}

/** Records an attempt's outcome on a claimed row (in the claim's transaction): sent, pending again later, or dead. */
export async function completeOutbox(
  tx: Queryable,
  id: string,
  o: { status: 'sent' | 'pending' | 'dead'; attempts: number; retryInMs?: number; error?: string | null },
): Promise<void> {
  await tx.query(
    `UPDATE notification_outbox SET status = $2, attempts = $3,
       next_attempt_at = CASE WHEN $2 = 'pending' THEN now() + make_interval(secs => $4::double precision / 1000) ELSE next_attempt_at END,
       last_error = CASE WHEN $2 = 'sent' THEN last_error ELSE $5 END,
       sent_at = CASE WHEN $2 = 'sent' THEN now() ELSE NULL END, updated_at = now()
     WHERE id = $1`,
    [id, o.status, o.attempts, o.retryInMs ?? 0, o.error ?? null],
  );
}

export interface OutboxRow {
  id: string;
  channel: string;
  target: string;
  status: string;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: string;
  sentAt: string | null;
  createdAt: string;
  updatedAt: string;
  notificationId: string;
  kind: string;
  message: string;
  caseId: string | null;
  recipient: string | null;
}

const OUTBOX_COLUMNS = `o.id::text AS id, o.channel, o.target, o.status, o.attempts, o.last_error AS "lastError",
  o.next_attempt_at AS "nextAttemptAt", o.sent_at AS "sentAt", o.created_at AS "createdAt", o.updated_at AS "updatedAt",
  n.id::text AS "notificationId", n.kind, n.message, n.case_id AS "caseId",
  ${RECIPIENT} AS recipient`;
const OUTBOX_FROM = `FROM notification_outbox o JOIN notifications n ON n.id = o.notification_id
  LEFT JOIN users u ON u.id = o.user_id LEFT JOIN employees e ON e.id = u.employee_id`;

/** The outbox for admins: filters status, channel, notificationId, id. */
export async function listOutbox(
  q: Queryable,
  filter: Record<string, unknown>,
  page: { orderBy: string; limit: number; offset: number },
): Promise<{ rows: OutboxRow[]; total: number }> {
  const w = new Where()
    .eq('o.status', filter.status)
    .eq('o.channel', filter.channel)
    .eq('o.notification_id::text', filter.notificationId)
    .anyOf('o.id', filter.id);
  return selectPage<OutboxRow>(q, {
    columns: OUTBOX_COLUMNS,
    from: OUTBOX_FROM,
    where: w,
    orderBy: page.orderBy,
    tieBreaker: 'o.id DESC',
    limit: page.limit,
    offset: page.offset,
  });
}

export async function outboxById(q: Queryable, id: string): Promise<OutboxRow | undefined> {
  const [row] = await q.query(`SELECT ${OUTBOX_COLUMNS} ${OUTBOX_FROM} WHERE o.id = $1::bigint`, [id]);
  return row;
}

/**
 * An admin's retry: a dead (or still pending) row is due again now with a fresh count of attempts. A sent row is
 * never sent again (returns undefined: a 409 for the caller).
 */
export async function retryOutbox(q: Queryable, id: string): Promise<OutboxRow | undefined> {
  const rows = await q.query(
    `WITH u AS (UPDATE notification_outbox SET status = 'pending', attempts = 0, next_attempt_at = now(), updated_at = now()
       WHERE id = $1::bigint AND status <> 'sent' RETURNING id) SELECT id FROM u`,
    [id],
  );
  return rows.length ? outboxById(q, id) : undefined;
}
