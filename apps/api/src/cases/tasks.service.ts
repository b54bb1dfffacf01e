import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  ActUpdate,
  BatchApproveFailure,
  BatchApproveResult,
  BatchApproveSchema,
  CaseState,
  TaskActionSchema,
  TaskView,
} from '@qf/contracts';
import { actUpdate } from '@qf/contracts/messages';
import { listTasks, TaskFilter, taskById, taskStatus } from '@qf/persistence';
import { RequestUser, scopeOf } from '../auth/auth.decorators';
import { badRequest, conflict, forbidden, notFound, unavailable } from '../common/errors';
import { ErrorFilter } from '../common/error.filter';
import { ZodPipe } from '../common/zod.pipe';
import { isUuid } from '../common/ids';
import { TemporalService } from '../temporal/temporal.module';
import { toTaskView } from './case-views';
import { isTransientWorkflowError, mapWorkflowError } from './workflow-errors';

const ACTION = new ZodPipe(TaskActionSchema);
const BATCH = new ZodPipe(BatchApproveSchema);
const ERRORS = new ErrorFilter();
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
    if (filter.done !== undefined && filter.done !== 'mine')
      throw badRequest(
        'filter.done must be "mine"',
        [{ path: 'filter.done', message: 'one of mine', code: 'list.filter_one_of', params: { values: 'mine' } }],
        'list.malformed',
        { name: 'filter' },
      );
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

  /**
   * 批量同意 (issue 17): approves each task of one stage whose flow allows it (`batchApprove`) exactly as a single
   * approve (`act`: the same checks, Update and audit entry), one after the other. A task refused (decided by someone
   * else meanwhile, not one's own, not batchable…) is listed with its case title and the refusal's code; the others are
   * approved. 400 when the body is malformed or the tasks one may see belong to more than one stage.
   */
  async batchApprove(user: RequestUser, raw: unknown, idempotencyKey?: string): Promise<BatchApproveResult> {
    const body = BATCH.transform(raw);
    const ids = [...new Set(body.taskIds.map((id) => id.toLowerCase()))];
    const rows = new Map<string, Awaited<ReturnType<typeof taskById>>>();
    for (const id of ids) rows.set(id, await taskById(this.ds, id, scopeOf(user)));
    const stages = new Set([...rows.values()].filter((r) => r?.visible).map((r) => `${r!.kind}:${r!.stage}`));
    if (stages.size > 1)
      throw badRequest(
        'the tasks of a batch must belong to one stage',
        [{ path: 'taskIds', message: 'tasks of one stage', code: 'task.batch_mixed_stages' }],
        'task.batch_mixed_stages',
      );
    const done: string[] = [];
    const failed: BatchApproveFailure[] = [];
    for (const id of ids) {
      const t = rows.get(id);
      try {
        if (!t || !t.visible) throw notFound('task');
        if (t.batch_approve !== true)
          throw conflict('this stage is not approved in batches', 'task.batch_not_allowed', { stage: t.stage_label });
        const key = idempotencyKey ? `${idempotencyKey}:${id}` : undefined;
        await this.act(user, id, { action: 'approve', comment: body.comment }, key);
        done.push(id);
      } catch (e) {
        const { code, params } = ERRORS.bodyOf(e);
        failed.push({ taskId: id, caseTitle: t?.visible ? t.case_title : null, code: code ?? 'internal', params });
      }
    }
    return { done, failed };
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
