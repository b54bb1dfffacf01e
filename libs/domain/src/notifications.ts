/** Delivery of a notification's outbox row (issue 17): the retry policy and the webhook bodies. */

export interface DeliveryPolicy {
  /** attempts before a row is dead-lettered */
  maxAttempts: number;
  /** the wait after the first failed attempt; doubles with each further failure */
  backoffMs: number;
  /** the longest wait between two attempts */
  backoffMaxMs: number;
}

export type DeliveryOutcome =
  | { status: 'sent'; attempts: number }
  | { status: 'pending'; attempts: number; retryInMs: number }
  | { status: 'dead'; attempts: number };

/**
 * What an attempt leaves: sent; or, after a failure, another attempt after an exponential backoff
 * (backoffMs · 2^(attempts−1), at most backoffMaxMs); or dead (dead-lettered) once `maxAttempts` attempts failed.
 */
export function deliveryOutcome(previousAttempts: number, ok: boolean, policy: DeliveryPolicy): DeliveryOutcome {
  const attempts = previousAttempts + 1;
  if (ok) return { status: 'sent', attempts };
  if (attempts >= policy.maxAttempts) return { status: 'dead', attempts };
  const retryInMs = Math.min(policy.backoffMaxMs, policy.backoffMs * 2 ** (attempts - 1));
  return { status: 'pending', attempts, retryInMs };
}

export type WebhookFormat = 'json' | 'wecom' | 'dingtalk';

export interface WebhookMessage {
  id: string;
  kind: string;
  message: string;
  caseId: string | null;
  taskId: string | null;
  createdAt: string;
}

/**
 * The body a webhook target receives: WeCom and DingTalk group robots take a text message
 * (`{"msgtype":"text","text":{"content":…}}`); a generic target takes the notification as JSON.
 */
export function webhookBody(format: WebhookFormat, m: WebhookMessage, title: string): unknown {
  if (format === 'wecom' || format === 'dingtalk')
    return { msgtype: 'text', text: { content: `${title}\n${m.message}` } };
  return { ...m, title };
}
