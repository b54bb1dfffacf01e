import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ActUpdate, CaseState, TaskActionSchema, TaskView } from '@qf/contracts';
import { actUpdate } from '@qf/contracts/messages';
import { listTasks, TaskFilter, taskById, taskStatus } from '@qf/persistence';
import { RequestUser, scopeOf } from '../auth/auth.decorators';
import { conflict, forbidden, notFound, unavailable } from '../common/errors';
import { ZodPipe } from '../common/zod.pipe';
import { isUuid } from '../common/ids';
import { TemporalService } from '../temporal/temporal.module';
import { toTaskView } from './case-views';
import { isTransientWorkflowError, mapWorkflowError } from './workflow-errors';

const ACTION = new ZodPipe(TaskActionSchema);
/** how long an action waits for an earlier action on the same task (in this process) before answering 503 */
const QUEUE_WAIT_MS = 20_000;

@Injectable()
export class TasksService {
  /** per task, the action of this process in flight: actions on one task go to the workflow one at a time */
  private readonly inFlight = new Map<string, Promise<unknown>>();

  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    private readonly temporal: TemporalService,
  ) {}

  async list(user: RequestUser, filter: TaskFilter, page: { orderBy: string; limit: number; offset: number }) {
    const { rows, total } = await listTasks(this.ds, scopeOf(user), filter, page);
    return { rows: rows.map((r) => toTaskView(r)), total };
  }

  /** A task of a case the user may see; 404 alike for a missing task and one out of scope (no probing). */
  async get(user: RequestUser, id: string): Promise<TaskView> {
    const r = isUuid(id) ? await taskById(this.ds, id, scopeOf(user)) : undefined;
    if (!r || !r.visible) throw notFound('task');
    return toTaskView(r);
  }

  /**
   * A human action on a task. Who may act is checked before what they send: 404 (missing or out of scope), 403 (not
   * theirs), 409 (decided), then 400 for the body; the workflow's Update validator checks again and serialises
   * concurrent actors. Actions on one task wait for each other in this process, so a storm of identical requests
   * reaches the workflow once and the rest see the decided task (409). A transient Temporal failure is a 409 when the
   * task was decided meanwhile, else a 503 with Retry-After — never a 500.
   */
  async act(user: RequestUser, taskId: string, raw: unknown, idempotencyKey?: string): Promise<CaseState> {
    if (!isUuid(taskId)) throw notFound('task');
    const release = await this.queue(taskId);
    try {
      const t = await taskById(this.ds, taskId, scopeOf(user));
      if (!t || !t.visible) throw notFound('task');
      if (t.status !== 'open') throw conflict('the task has already been decided', 'task.decided');
      if (!t.mine)
        throw t.assignee_user_id
          ? forbidden('the task is assigned to another person', 'task.assigned_to_other')
          : forbidden(`the task needs role ${t.assignee_role}`, 'task.needs_role', { role: t.assignee_role });
      const body = ACTION.transform(raw);
      const update: ActUpdate = {
        taskId,
        action: body.action,
        comment: body.comment,
        data: body.data,
        requestId: idempotencyKey ? `${user.id}:${idempotencyKey}` : randomUUID(),
        actor: { userId: user.id, username: user.username, roles: user.roles, employeeId: user.employeeId },
      };
      const client = await this.temporal.client();
      try {
        return await client.workflow
          .getHandle(t.workflow_id)
          .executeUpdate(actUpdate, { args: [update], updateId: update.requestId });
      } catch (e) {
        const mapped = mapWorkflowError(e);
        if (mapped !== e || !isTransientWorkflowError(e)) throw mapped;
        if ((await taskStatus(this.ds, taskId)) !== 'open')
          throw conflict('the task has already been decided', 'task.decided');
        throw unavailable('the workflow is busy: try again', 'unavailable');
      }
    } finally {
      release();
    }
  }

  /** Waits for the actions in flight on this task (bounded), then holds the task until `release`. */
  private async queue(taskId: string): Promise<() => void> {
    const deadline = Date.now() + QUEUE_WAIT_MS;
    for (let ahead = this.inFlight.get(taskId); ahead; ahead = this.inFlight.get(taskId)) {
      const left = deadline - Date.now();
      if (left <= 0) throw unavailable('another action on this task is in progress: try again', 'unavailable');
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([ahead, new Promise((r) => (timer = setTimeout(r, left)))]).catch(() => undefined);
      clearTimeout(timer);
    }
    let done!: () => void;
    const mine = new Promise<void>((r) => (done = r));
    this.inFlight.set(taskId, mine);
    return () => {
      if (this.inFlight.get(taskId) === mine) this.inFlight.delete(taskId);
      done();
    };
  }
}
