import { Injectable, Logger } from '@nestjs/common';
import { ScheduleOverlapPolicy } from '@temporalio/client';
import { SERVICE_ORDER_SCAN_WORKFLOW, serviceOrderScanScheduleId } from '@qf/contracts';
import { TemporalService } from '../temporal/temporal.module';
import { ScheduleKeeper, upsertSchedule } from '../temporal/schedules';

/** K-2: how often the deadline scan runs — an order is flagged at most this long (plus one scan) after its deadline. */
export const SERVICE_ORDER_SCAN_SECONDS = 20;

/**
 * K-2: keeps the Temporal Schedule of the set-based deadline scan (every 20 s; a scan still running makes the next one
 * skip, so scans never pile up).
 */
@Injectable()
export class ServiceOrderScheduleService extends ScheduleKeeper {
  protected readonly log = new Logger('service-order-deadline-scan');

  constructor(private readonly temporal: TemporalService) {
    super();
  }

  async ensure(): Promise<{ scheduleId: string; created: boolean }> {
    const taskQueue = this.temporal.taskQueue;
    const scheduleId = serviceOrderScanScheduleId(taskQueue);
    if (!this.temporal.env.SERVICE_ORDER_SCAN) {
      this.log.log(`no schedule ${scheduleId}: SERVICE_ORDER_SCAN is off`);
      return { scheduleId, created: false };
    }
    const r = await upsertSchedule(await this.temporal.client(), scheduleId, {
      spec: { intervals: [{ every: `${SERVICE_ORDER_SCAN_SECONDS}s` }] },
      action: {
        type: 'startWorkflow',
        workflowType: SERVICE_ORDER_SCAN_WORKFLOW,
        taskQueue,
        workflowId: scheduleId,
        args: [],
      },
      policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 minute' },
      memo: { rule: 'K-2' },
    });
    this.log.log(`${r.created ? 'created' : 'updated'} schedule ${r.scheduleId}`);
    return r;
  }
}
