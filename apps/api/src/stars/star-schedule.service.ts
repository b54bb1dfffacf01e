import { Inject, Injectable, Logger } from '@nestjs/common';
import { Client, ScheduleOptions, ScheduleOverlapPolicy } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { ScheduledStarReview, STAR_REVIEW_WORKFLOW, starReviewScheduleId } from '@qf/contracts';
import { policyInEffect } from '@qf/persistence';
import { Policy } from '@qf/policy';
import { ScheduleKeeper, upsertSchedule } from '../temporal/schedules';
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

export async function ensureStarReviewSchedule(
  client: Client,
  policy: Policy,
  taskQueue: string,
): Promise<{ scheduleId: string; created: boolean }> {
  return upsertSchedule(client, starReviewScheduleId(taskQueue), starReviewSchedule(policy, taskQueue));
}

@Injectable()
export class StarReviewScheduleService extends ScheduleKeeper {
  protected readonly log = new Logger('star-review-schedule');

  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    private readonly temporal: TemporalService,
  ) {
    super();
  }

  async ensure(): Promise<{ scheduleId: string; created: boolean }> {
    const r = await ensureStarReviewSchedule(
      await this.temporal.client(),
      await policyInEffect(this.ds),
      this.temporal.taskQueue,
    );
    this.log.log(`${r.created ? 'created' : 'updated'} schedule ${r.scheduleId}`);
    return r;
  }
}
