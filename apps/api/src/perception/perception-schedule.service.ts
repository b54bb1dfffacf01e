import { Inject, Injectable, Logger } from '@nestjs/common';
import { ScheduleOptions, ScheduleOverlapPolicy } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { PERCEPTION_MONTH_WORKFLOW, perceptionMonthScheduleId, ScheduledPerceptionMonth } from '@qf/contracts';
import { perceptionMonthRun } from '@qf/domain';
import { Policy } from '@qf/policy';
import { PolicyScheduleKeeper } from '../temporal/schedules';
import { TemporalService } from '../temporal/temporal.module';

/** P-1…P-5: on the policy's day of each month at its local time, the perception month of the month before starts. */
export function perceptionMonthSchedule(policy: Policy, taskQueue: string): Omit<ScheduleOptions, 'scheduleId'> {
  const t = perceptionMonthRun(policy);
  return {
    spec: {
      calendars: [
        {
          dayOfMonth: t.dayOfMonth,
          hour: t.hour,
          minute: t.minute,
          comment: 'P-1…P-5 perception month of the month before',
        },
      ],
      timezone: t.timeZone,
    },
    action: {
      type: 'startWorkflow',
      workflowType: PERCEPTION_MONTH_WORKFLOW,
      taskQueue,
      workflowId: perceptionMonthScheduleId(taskQueue),
      args: [{} satisfies ScheduledPerceptionMonth],
    },
    // a month's run waits for the quality department's review (days): runs may overlap; a missed month is started when back within a week
    policies: { overlap: ScheduleOverlapPolicy.ALLOW_ALL, catchupWindow: '7 days' },
    memo: { rule: 'P-1…P-5' },
  };
}

/**
 * Keeps the monthly perception Schedule at api startup and when a policy is published (its day and time are the
 * policy's): idempotent — an existing schedule is updated to the policy in effect and this process's task queue.
 */
@Injectable()
export class PerceptionScheduleService extends PolicyScheduleKeeper {
  protected readonly log = new Logger('perception-schedule');

  constructor(
    @Inject(DataSource) protected readonly ds: DataSource,
    protected readonly temporal: TemporalService,
  ) {
    super();
  }

  protected scheduleIdFor(taskQueue: string): string {
    return perceptionMonthScheduleId(taskQueue);
  }

  protected options(policy: Policy, taskQueue: string): Omit<ScheduleOptions, 'scheduleId'> {
    return perceptionMonthSchedule(policy, taskQueue);
  }
}
