import { Inject, Injectable, Logger } from '@nestjs/common';
import { ScheduleOptions, ScheduleOverlapPolicy } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { QUARTERLY_DRAFT_WORKFLOW, quarterlyDraftScheduleId, ScheduledQuarterlyDraft } from '@qf/contracts';
import { Policy } from '@qf/policy';
import { PolicyScheduleKeeper } from '../temporal/schedules';
import { TemporalService } from '../temporal/temporal.module';

/** on the 1st of a quarter's last month (09:00 local) the next quarter's plan is drafted from the latest one. */
export function quarterlyDraftSchedule(policy: Policy, taskQueue: string): Omit<ScheduleOptions, 'scheduleId'> {
  return {
    spec: {
      calendars: [
        {
          month: ['MARCH', 'JUNE', 'SEPTEMBER', 'DECEMBER'],
          dayOfMonth: 1,
          hour: 9,
          minute: 0,
          comment: "Q-1 the next quarter's assessment plan, drafted from the latest one",
        },
      ],
      timezone: policy.calendar.timeZone,
    },
    action: {
      type: 'startWorkflow',
      workflowType: QUARTERLY_DRAFT_WORKFLOW,
      taskQueue,
      workflowId: quarterlyDraftScheduleId(taskQueue),
      args: [{} satisfies ScheduledQuarterlyDraft],
    },
    // the draft is one insert, idempotent by period: a missed run is made up within a month
    policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '30 days' },
    memo: { rule: 'Q-1' },
  };
}

@Injectable()
export class QuarterlyScheduleService extends PolicyScheduleKeeper {
  protected readonly log = new Logger('quarterly-schedule');

  constructor(
    @Inject(DataSource) protected readonly ds: DataSource,
    protected readonly temporal: TemporalService,
  ) {
    super();
  }

  protected scheduleIdFor(taskQueue: string): string {
    return quarterlyDraftScheduleId(taskQueue);
  }

  protected options(policy: Policy, taskQueue: string): Omit<ScheduleOptions, 'scheduleId'> {
    return quarterlyDraftSchedule(policy, taskQueue);
  }
}
