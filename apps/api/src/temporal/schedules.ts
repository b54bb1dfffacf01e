import { Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Client, ScheduleAlreadyRunning, ScheduleOptions } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { policyInEffect } from '@qf/persistence';
import { Policy } from '@qf/policy';
import { TemporalService } from './temporal.module';

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

/**
 * A {@link ScheduleKeeper} whose schedule follows the policy in effect (its day and time): `ensure()` creates or updates
 * the schedule `scheduleIdFor(taskQueue)` to `options(policy, taskQueue)` — at startup and when a policy is published.
 */
export abstract class PolicyScheduleKeeper extends ScheduleKeeper {
  protected abstract readonly ds: DataSource;
  protected abstract readonly temporal: TemporalService;
  protected abstract scheduleIdFor(taskQueue: string): string;
  protected abstract options(policy: Policy, taskQueue: string): Omit<ScheduleOptions, 'scheduleId'>;

  async ensure(): Promise<{ scheduleId: string; created: boolean }> {
    const queue = this.temporal.taskQueue;
    const policy = await policyInEffect(this.ds);
    const r = await upsertSchedule(
      await this.temporal.client(),
      this.scheduleIdFor(queue),
      this.options(policy, queue),
    );
    this.log.log(`${r.created ? 'created' : 'updated'} schedule ${r.scheduleId}`);
    return r;
  }
}
