import { Inject, Injectable, Logger } from '@nestjs/common';
import { ScheduleOptions, ScheduleOverlapPolicy } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { SCORECARD_MONTH_WORKFLOW, ScheduledScorecardMonth, scorecardScheduleId } from '@qf/contracts';
import { Policy } from '@qf/policy';
import { PolicyScheduleKeeper } from '../temporal/schedules';
import { TemporalService } from '../temporal/temporal.module';

/** K-9: on the policy's day of each month at 08:30 (policy time zone) the scorecards of the month before are computed. */
export function scorecardSchedule(policy: Policy, taskQueue: string): Omit<ScheduleOptions, 'scheduleId'> {
  return {
    spec: {
      calendars: [
        { dayOfMonth: policy.kpi.scorecardRunDay, hour: 8, minute: 30, comment: 'K-9 scorecards of the month before' },
      ],
      timezone: policy.calendar.timeZone,
    },
    action: {
      type: 'startWorkflow',
      workflowType: SCORECARD_MONTH_WORKFLOW,
      taskQueue,
      workflowId: scorecardScheduleId(taskQueue),
      args: [{} satisfies ScheduledScorecardMonth],
    },
    // a month waits for its review: runs may overlap; a missed month is started when back within a week
    policies: { overlap: ScheduleOverlapPolicy.ALLOW_ALL, catchupWindow: '7 days' },
    memo: { rule: 'K-9' },
  };
}

/**
 * Keeps the monthly scorecard Schedule at api startup and when a policy is published (its run day and time zone are the
 * policy's): idempotent — an existing schedule is updated to the policy in effect and this process's task queue.
 */
@Injectable()
export class ScorecardScheduleService extends PolicyScheduleKeeper {
  protected readonly log = new Logger('scorecard-schedule');

  constructor(
    @Inject(DataSource) protected readonly ds: DataSource,
    protected readonly temporal: TemporalService,
  ) {
    super();
  }

  protected scheduleIdFor(taskQueue: string): string {
    return scorecardScheduleId(taskQueue);
  }

  protected options(policy: Policy, taskQueue: string): Omit<ScheduleOptions, 'scheduleId'> {
    return scorecardSchedule(policy, taskQueue);
  }
}
