import { Inject, Injectable, Logger } from '@nestjs/common';
import { ScheduleOptions, ScheduleOverlapPolicy } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { DAILY_EVALUATION_WORKFLOW, DailyEvaluationInput, dailyEvaluationScheduleId } from '@qf/contracts';
import { dailyAssignmentTime } from '@qf/domain';
import { Policy } from '@qf/policy';
import { TemporalService } from '../temporal/temporal.module';
import { PolicyScheduleKeeper } from '../temporal/schedules';

/** The Schedule's spec, action and policies for the policy in effect (E-2: each day at the policy's local time). */
export function dailyEvaluationSchedule(policy: Policy, taskQueue: string): Omit<ScheduleOptions, 'scheduleId'> {
  const t = dailyAssignmentTime(policy);
  const scheduleId = dailyEvaluationScheduleId(taskQueue);
  return {
    spec: {
      calendars: [{ hour: t.hour, minute: t.minute, comment: 'E-2 daily sampling and assignment' }],
      timezone: t.timeZone,
    },
    action: {
      type: 'startWorkflow',
      workflowType: DAILY_EVALUATION_WORKFLOW,
      taskQueue,
      workflowId: scheduleId,
      args: [{} satisfies DailyEvaluationInput],
    },
    // a run lives until the end of the next day (E-4 reminders), so runs overlap; a missed day is run when back within a day
    policies: { overlap: ScheduleOverlapPolicy.ALLOW_ALL, catchupWindow: '1 day' },
    memo: { rule: 'E-2, E-4' },
  };
}

/**
 * Keeps the Temporal Schedule of the daily evaluation assignment at api startup and when a policy is published:
 * idempotent — an existing schedule is updated to the policy's time and this process's task queue.
 */
@Injectable()
export class EvaluationScheduleService extends PolicyScheduleKeeper {
  protected readonly log = new Logger('evaluation-schedule');

  constructor(
    @Inject(DataSource) protected readonly ds: DataSource,
    protected readonly temporal: TemporalService,
  ) {
    super();
  }

  protected scheduleIdFor(taskQueue: string): string {
    return dailyEvaluationScheduleId(taskQueue);
  }

  protected options(policy: Policy, taskQueue: string): Omit<ScheduleOptions, 'scheduleId'> {
    return dailyEvaluationSchedule(policy, taskQueue);
  }
}
