import nodemailer from 'nodemailer';
import type { Env, WebhookTarget } from '@qf/contracts';
import { webhookBody } from '@qf/domain';
import type { OutboxDelivery } from '@qf/persistence';
import { dingtalkSignedUrl } from './dingtalk-sign';

/** What a notification's kind is called in a mail's subject and a robot message's first line. */
const KIND_TITLE: Record<string, string> = {
  task: '新待办',
  reminder: '到期提醒',
  overdue: '超期通知',
  escalation: '升级通知',
  notice: '通知',
  'evaluation-results': '回访评价结果',
};
export const titleOf = (kind: string) => `【质量管理】${KIND_TITLE[kind] ?? '通知'}`;

/** Sends one outbox row; throws with a short reason when the channel refuses it. */
export type Deliver = (row: OutboxDelivery) => Promise<void>;

/**
 * The channels this process can deliver: e-mail through SMTP (nodemailer) when SMTP_URL is set, and the webhook targets
 * of NOTIFY_WEBHOOKS (generic JSON POST, WeCom or DingTalk robot text). The idempotency key travels as the webhook's
 * `Idempotency-Key` header and as the mail's Message-ID, so a receiver can drop a repeat.
 */
export function createDelivery(env: Env): {
  channels: string[];
  webhookTargets: string[];
  deliver: Deliver;
  close: () => void;
} {
  const mailer = env.SMTP_URL ? nodemailer.createTransport(env.SMTP_URL) : null;
  const targets = new Map<string, WebhookTarget>(env.NOTIFY_WEBHOOKS.map((t) => [t.id, t]));
  const timeout = env.NOTIFY_TIMEOUT_MS;

  async function email(row: OutboxDelivery): Promise<void> {
    if (!mailer) throw new Error('SMTP 未配置');
    const greeting = row.recipientName ? `${row.recipientName}，您好：\n\n` : '';
    await mailer.sendMail({
      from: env.SMTP_FROM,
      to: row.target,
      subject: titleOf(row.kind),
      text: `${greeting}${row.message}\n`,
      messageId: `<${row.idempotencyKey.replace(/[^A-Za-z0-9.-]/g, '.')}@qualityflow>`,
      headers: { 'Idempotency-Key': row.idempotencyKey },
    });
  }

  async function webhook(row: OutboxDelivery): Promise<void> {
    const target = targets.get(row.target);
    if (!target) throw new Error(`未配置的推送目标 ${row.target}`);
    const body = webhookBody(
      target.format,
      {
        id: row.notificationId,
        kind: row.kind,
        message: row.message,
        caseId: row.caseId,
        taskId: row.taskId,
        createdAt: new Date(row.createdAt).toISOString(),
      },
      titleOf(row.kind),
    );
    // a DingTalk robot secured by 加签 is signed per request (its timestamp must be within the hour)
    const url =
      target.format === 'dingtalk' && target.secret ? dingtalkSignedUrl(target.url, target.secret) : target.url;
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': row.idempotencyKey },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeout),
    });
    const text = await res.text().catch(() => '');
    if (!res.ok) throw new Error(`HTTP ${res.status}${text ? `: ${text.slice(0, 200)}` : ''}`);
    if (target.format !== 'json') {
      // the robots answer 200 with {"errcode":…,"errmsg":…}; anything but errcode 0 is a refusal
      const answer = safeJson(text) as { errcode?: number; errmsg?: string } | null;
      if (answer && typeof answer.errcode === 'number' && answer.errcode !== 0)
        throw new Error(`errcode ${answer.errcode}: ${answer.errmsg ?? ''}`.trim());
    }
  }

  return {
    channels: mailer ? ['email', 'webhook'] : ['webhook'],
    webhookTargets: [...targets.keys()],
    deliver: (row) => (row.channel === 'email' ? email(row) : webhook(row)),
    close: () => mailer?.close(),
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
