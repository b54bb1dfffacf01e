import { Inject, Injectable, Logger } from '@nestjs/common';
import { Client, ScheduleOptions, ScheduleOverlapPolicy } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { SCORECARD_MONTH_WORKFLOW, ScheduledScorecardMonth, scorecardScheduleId } from '@qf/contracts';
import { policyInEffect } from '@qf/persistence';
import { Policy } from '@qf/policy';
import { ScheduleKeeper, upsertSchedule } from '../temporal/schedules';
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

@Injectable()
export class ScorecardScheduleService extends ScheduleKeeper {
  protected readonly log = new Logger('scorecard-schedule');

  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    private readonly temporal: TemporalService,
  ) {
    super();
  }

  async ensure(): Promise<{ scheduleId: string; created: boolean }> {
    const client: Client = await this.temporal.client();
    const r = await upsertSchedule(
      client,
      scorecardScheduleId(this.temporal.taskQueue),
      scorecardSchedule(await policyInEffect(this.ds), this.temporal.taskQueue),
    );
    this.log.log(`${r.created ? 'created' : 'updated'} schedule ${r.scheduleId}`);
    return r;
  }
}
