import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { appendAudit, listOutbox, outboxById, OutboxRow, retryOutbox } from '@qf/persistence';
import { RequestUser } from '../auth/auth.decorators';
import { conflict, notFound } from '../common/errors';
import { Env, ENV } from '../config';

const isId = (id: string) => /^\d{1,18}$/.test(id);

/** The notification outbox for admins: each delivery's state, attempts and last error; a dead row is retried. */
@Injectable()
export class NotificationOutboxService {
  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    @Inject(ENV) private readonly env: Env,
  ) {}

  /** The webhook target's name for the screen (its address stays in the configuration). */
  private named = (r: OutboxRow) => ({
    ...r,
    targetName:
      r.channel === 'webhook' ? (this.env.NOTIFY_WEBHOOKS.find((t) => t.id === r.target)?.name ?? null) : null,
  });

  async list(filter: Record<string, unknown>, page: { orderBy: string; limit: number; offset: number }) {
    const { rows, total } = await listOutbox(this.ds, filter, page);
    return { rows: rows.map(this.named), total };
  }

  async get(id: string) {
    const row = isId(id) ? await outboxById(this.ds, id) : undefined;
    if (!row) throw notFound('outbox row');
    return this.named(row);
  }

  /** 404 for no such row, 409 for one already sent; else due again now with its attempts counted afresh. */
  async retry(user: RequestUser, id: string) {
    const before = await this.get(id);
    const row = await this.ds.transaction(async (tx) => {
      const r = await retryOutbox(tx, id);
      if (r)
        await appendAudit(tx, {
          actor: { id: user.id, name: user.username },
          action: 'notification.retried',
          entity: 'notification-outbox',
          entityId: id,
          before: { status: before.status, attempts: before.attempts, lastError: before.lastError },
          after: { status: r.status },
        });
      return r;
    });
    if (!row) throw conflict('the notification was already sent', 'notification.already_sent');
    return this.named(row);
  }
}
