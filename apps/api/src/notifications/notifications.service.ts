import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { MarkNotificationsRead, NotificationPreferencesInput } from '@qf/contracts';
import {
  appendAudit,
  listMyNotifications,
  markNotificationsRead,
  preferencesOf,
  savePreferences,
  unreadNotificationCount,
} from '@qf/persistence';
import { RequestUser, scopeOf } from '../auth/auth.decorators';
import { badRequest } from '../common/errors';
import { Env, ENV } from '../config';

/** The bell (a user's notifications and their read state) and the user's own delivery preferences (issue 17). */
@Injectable()
export class NotificationsService {
  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    @Inject(ENV) private readonly env: Env,
  ) {}

  list(user: RequestUser, filter: Record<string, unknown>, page: { orderBy: string; limit: number; offset: number }) {
    return listMyNotifications(this.ds, scopeOf(user), filter, page);
  }

  async unreadCount(user: RequestUser): Promise<{ count: number }> {
    return { count: await unreadNotificationCount(this.ds, scopeOf(user)) };
  }

  /** Marks the given notifications (only the user's own: others' ids are ignored) or all of them read. */
  async markRead(user: RequestUser, body: MarkNotificationsRead): Promise<{ marked: number; unread: number }> {
    return this.ds.transaction(async (tx) => {
      const ids = 'ids' in body ? body.ids : null;
      const marked = await markNotificationsRead(tx, scopeOf(user), ids);
      if (marked.length)
        await appendAudit(tx, {
          actor: { id: user.id, name: user.username },
          action: 'notification.read',
          entity: 'user',
          entityId: user.id,
          details: { notifications: marked.length, all: ids === null },
        });
      return { marked: marked.length, unread: await unreadNotificationCount(tx, scopeOf(user)) };
    });
  }

  private answer(p: { email: string | null; channels: string[]; webhookTargets: string[] }) {
    return {
      ...p,
      availableTargets: this.env.NOTIFY_WEBHOOKS.map(({ id, name, format }) => ({ id, name, format })),
      emailEnabled: !!this.env.SMTP_URL,
    };
  }

  async preferences(user: RequestUser) {
    return this.answer(await preferencesOf(this.ds, user.id));
  }

  /** Saves the user's own preferences: e-mail needs an address; webhook targets must be configured ones. */
  async savePreferences(user: RequestUser, body: NotificationPreferencesInput) {
    const known = new Set(this.env.NOTIFY_WEBHOOKS.map((t) => t.id));
    const unknown = body.webhookTargets.findIndex((t) => !known.has(t));
    if (unknown >= 0)
      throw badRequest(`no webhook target ${body.webhookTargets[unknown]}`, [
        { path: `webhookTargets.${unknown}`, message: 'not a configured target', code: 'notification.unknown_target' },
      ]);
    if (body.channels.includes('email') && !body.email)
      throw badRequest('e-mail needs an address', [
        { path: 'email', message: 'required for the e-mail channel', code: 'notification.email_required' },
      ]);
    const email = body.email ? body.email.trim() : null;
    const next = { email, channels: body.channels, webhookTargets: body.webhookTargets };
    await this.ds.transaction(async (tx) => {
      const before = await savePreferences(tx, user.id, next);
      await appendAudit(tx, {
        actor: { id: user.id, name: user.username },
        action: 'notification.preferences',
        entity: 'user',
        entityId: user.id,
        before,
        after: next,
      });
    });
    return this.answer(next);
  }
}
