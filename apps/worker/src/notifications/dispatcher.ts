import { DataSource } from 'typeorm';
import type { Env } from '@qf/contracts';
import { deliveryOutcome, type DeliveryPolicy } from '@qf/domain';
import { claimDueOutbox, completeOutbox } from '@qf/persistence';
import { createDelivery, type Deliver } from './deliver';

export interface Dispatcher {
  /** delivers every row due now (one at a time) and returns how many were attempted */
  drain: () => Promise<number>;
  stop: () => Promise<void>;
}

/**
 * The notification dispatcher: a loop in the worker process (not a Temporal schedule — the outbox table already is the
 * durable queue with its own attempts and backoff, so a workflow would only duplicate that state in its history, and
 * several workers share the table safely through row locks). Each row is claimed with `FOR UPDATE SKIP LOCKED`,
 * delivered while its lock is held, and marked sent (or due again later, or dead) in the claim's own transaction:
 * a crash before the commit leaves the row pending for another try, and no two dispatchers send the same row.
 */
export function startNotificationDispatcher(ds: DataSource, env: Env): Dispatcher {
  const delivery = createDelivery(env);
  const policy: DeliveryPolicy = {
    maxAttempts: env.NOTIFY_MAX_ATTEMPTS,
    backoffMs: env.NOTIFY_BACKOFF_MS,
    backoffMaxMs: env.NOTIFY_BACKOFF_MAX_MS,
  };
  let stopped = false;
  let wake: (() => void) | null = null;

  const drain = async (): Promise<number> => {
    let n = 0;
    while (!stopped && (await deliverOne(ds, delivery.channels, delivery.webhookTargets, delivery.deliver, policy)))
      n++;
    return n;
  };

  const loop = (async () => {
    while (!stopped) {
      try {
        await drain();
      } catch (e) {
        if (!stopped) console.warn(`notification dispatcher: ${e instanceof Error ? e.message : e}`);
      }
      if (stopped) break;
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, env.NOTIFY_POLL_MS);
        wake = () => {
          clearTimeout(t);
          resolve();
        };
      });
      wake = null;
    }
  })();

  return {
    drain,
    async stop() {
      stopped = true;
      (wake as (() => void) | null)?.();
      await loop;
      delivery.close();
    },
  };
}

async function deliverOne(
  ds: DataSource,
  channels: string[],
  webhookTargets: string[],
  deliver: Deliver,
  policy: DeliveryPolicy,
): Promise<boolean> {
  return ds.transaction(async (tx) => {
    const row = await claimDueOutbox(tx, channels, webhookTargets);
    if (!row) return false;
    let error: string | null = null;
    try {
      await deliver(row);
    } catch (e) {
      error = (e instanceof Error ? e.message : String(e)).slice(0, 500) || '发送失败';
    }
    const outcome = deliveryOutcome(row.attempts, error === null, policy);
    await completeOutbox(tx, row.id, {
      status: outcome.status,
      attempts: outcome.attempts,
      retryInMs: outcome.status === 'pending' ? outcome.retryInMs : 0,
      error,
    });
    return true;
  });
}
