import { Inject, Injectable, Logger } from '@nestjs/common';
import { ScheduleOptions, ScheduleOverlapPolicy } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { ScheduledStarReview, STAR_REVIEW_WORKFLOW, starReviewScheduleId } from '@qf/contracts';
import { Policy } from '@qf/policy';
import { PolicyScheduleKeeper } from '../temporal/schedules';
import { TemporalService } from '../temporal/temporal.module';

/** S-10: on the 1st of each month at 08:00 (policy time zone) the review of the month before starts. */
export function starReviewSchedule(policy: Policy, taskQueue: string): Omit<ScheduleOptions, 'scheduleId'> {
  return {
    spec: {
      calendars: [{ dayOfMonth: 1, hour: 8, minute: 0, comment: 'S-10 monthly star assessment of the month before' }],
      timezone: policy.calendar.timeZone,
    },
    action: {
      type: 'startWorkflow',
      workflowType: STAR_REVIEW_WORKFLOW,
      taskQueue,
      workflowId: starReviewScheduleId(taskQueue),
      args: [{} satisfies ScheduledStarReview],
    },
    // a review runs until its scores are in (past the 5th when late): runs may overlap; a missed month is started when back within a week
    policies: { overlap: ScheduleOverlapPolicy.ALLOW_ALL, catchupWindow: '7 days' },
    memo: { rule: 'S-10' },
  };
}

/** Keeps the monthly star review Schedule at api startup and when a policy is published (its time zone is the policy's). */
@Injectable()
export class StarReviewScheduleService extends PolicyScheduleKeeper {
  protected readonly log = new Logger('star-review-schedule');

  constructor(
    @Inject(DataSource) protected readonly ds: DataSource,
    protected readonly temporal: TemporalService,
  ) {
    super();
  }

  protected scheduleIdFor(taskQueue: string): string {
    return starReviewScheduleId(taskQueue);
  }

  protected options(policy: Policy, taskQueue: string): Omit<ScheduleOptions, 'scheduleId'> {
    return starReviewSchedule(policy, taskQueue);
  }
}
