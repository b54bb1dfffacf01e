import { Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Client, ScheduleAlreadyRunning, ScheduleOptions } from '@temporalio/client';

/** Creates a Temporal Schedule, or updates an existing one to these spec, action and policies (its paused state is kept). */
export async function upsertSchedule(
  client: Client,
  scheduleId: string,
  opts: Omit<ScheduleOptions, 'scheduleId'>,
): Promise<{ scheduleId: string; created: boolean }> {
  try {
    await client.schedule.create({ scheduleId, ...opts });
    return { scheduleId, created: true };
  } catch (e) {
    if (!(e instanceof ScheduleAlreadyRunning)) throw e;
  }
  await client.schedule.getHandle(scheduleId).update((prev) => ({
    spec: opts.spec,
    action: opts.action,
    policies: { ...prev.policies, ...opts.policies },
    state: prev.state,
  }));
  return { scheduleId, created: false };
}

/**
 * Keeps one schedule in place from api startup: `ensure()` at bootstrap; Temporal unreachable at startup is not
 * fatal, it is retried every 30 s.
 */
export abstract class ScheduleKeeper implements OnApplicationBootstrap, OnApplicationShutdown {
  protected abstract readonly log: Logger;
  private retry?: NodeJS.Timeout;

  abstract ensure(): Promise<{ scheduleId: string; created: boolean }>;

  async onApplicationBootstrap(): Promise<void> {
    await this.ensure().catch((e) => {
      this.log.warn(`schedule not ensured (${(e as Error).message}); retrying in 30 s`);
      this.retryLater();
    });
  }

  private retryLater(): void {
    this.retry = setTimeout(() => {
      this.retry = undefined;
      this.ensure().catch(() => this.retryLater());
    }, 30_000);
    this.retry.unref();
  }

  onApplicationShutdown(): void {
    if (this.retry) clearTimeout(this.retry);
  }
}
