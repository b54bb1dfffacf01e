import { Inject, Injectable } from '@nestjs/common';
import {
  WorkflowExecutionAlreadyStartedError,
  WorkflowUpdateFailedError,
  WorkflowNotFoundError,
} from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  ActUpdate,
  CaseDetail,
  CaseKind,
  CaseState,
  CaseView,
  CaseWorkflowInput,
  FAILURE,
  TaskActionInput,
  WORKFLOW_UPDATE_ACT,
} from '@qf/contracts';
import { FlowDefinitionSchema, PolicySchema } from '@qf/policy';
import { appendAudit, publishedVersions, registerCase } from '@qf/persistence';
import { RequestUser } from '../auth/auth.decorators';
import { ApiError, badRequest, conflict, forbidden, notFound } from '../common/errors';
import { TemporalService } from '../temporal/temporal.module';
import {
  CASE_COLUMNS,
  TASK_COLUMNS,
  userNameSql,
  collectUuids,
  resolveNames,
  toCaseView,
  toTaskView,
} from './case-views';
import { caseSearchSql } from './search';
import { caseScope, taskIsMine } from './scope';
import { HttpStatus } from '@nestjs/common';

export interface StartCaseInput {
  kind: CaseKind;
  workflowType: string;
  businessKey: string;
  title: string;
  data: Record<string, unknown>;
  unitId?: string | null;
  subjectEmployeeIds?: string[];
  /** runs once, after the case row exists and before its workflow starts (e.g. the process's own read model) */
  onCreated?: (caseId: string) => Promise<void>;
}

@Injectable()
export class CasesService {
  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    private readonly temporal: TemporalService,
  ) {}

  workflowIdFor(kind: string, businessKey: string): string {
    return `${kind}-${businessKey}`;
  }

  /**
   * Registers a case and starts its workflow with the newest published flow and the policy in effect, pinned
   * for the case's life. The business key is the workflow ID: registering the same key again returns the
   * existing case and starts nothing.
   */
  async start(input: StartCaseInput, user: RequestUser): Promise<{ created: boolean; case: CaseView }> {
    const { flow: flowRow, policy: policyRow } = await publishedVersions(this.ds, input.kind);
    if (!flowRow) throw conflict(`no published flow for ${input.kind}`);
    if (!policyRow) throw conflict('no policy version is in effect');
    const workflowId = this.workflowIdFor(input.kind, input.businessKey);
    const insertedId = await registerCase(this.ds, {
      kind: input.kind,
      businessKey: input.businessKey,
      title: input.title,
      workflowId,
      policyVersion: policyRow.version,
      flowVersion: flowRow.version,
      data: input.data,
      unitId: input.unitId,
      subjectEmployeeIds: input.subjectEmployeeIds,
      createdBy: user.id,
    });
    const [row] = await this.ds.query(`SELECT ${CASE_COLUMNS} FROM cases c WHERE kind = $1 AND business_key = $2`, [
      input.kind,
      input.businessKey,
    ]);
    const created = insertedId !== null;
    if (created && input.onCreated) await input.onCreated(row.id);
    // an existing case keeps the versions it pinned when it was registered
    const policy = PolicySchema.parse(
      created
        ? policyRow.body
        : (await this.ds.query(`SELECT body FROM policy_versions WHERE version = $1`, [row.policy_version]))[0].body,
    );
    const wfInput: CaseWorkflowInput = {
      caseId: row.id,
      kind: input.kind,
      businessKey: input.businessKey,
      initiatorUserId: row.created_by,
      policyVersion: row.policy_version,
      flowVersion: row.flow_version,
      flow: created ? FlowDefinitionSchema.parse(flowRow.body) : await this.flowBody(input.kind, row.flow_version),
      policy,
      calendar: {
        ...policy.calendar,
        holidays: [...policy.calendar.holidays],
        workingWeekdays: [...policy.calendar.workingWeekdays],
        extraWorkingDays: [...(policy.calendar.extraWorkingDays ?? [])],
      },
      data: row.data,
    };
    const client = await this.temporal.client();
    // The case's own workflow (a case registered by a Schedule runs under the schedule's id). USE_EXISTING: a repeated
    // registration, or a retry after a crash between insert and start, starts nothing new while it runs; a finished
    // case is never run again (REJECT_DUPLICATE), and a closed case is not started at all.
    if (created || row.status === 'open') {
      try {
        await client.workflow.start(input.workflowType, {
          workflowId: row.workflow_id,
          taskQueue: this.temporal.taskQueue,
          args: [wfInput],
          workflowIdConflictPolicy: 'USE_EXISTING',
          workflowIdReusePolicy: 'REJECT_DUPLICATE',
        });
      } catch (e) {
        if (!(e instanceof WorkflowExecutionAlreadyStartedError)) throw e;
      }
    }
    if (created) {
      await appendAudit(this.ds, {
        actor: { id: user.id, name: user.username },
        action: 'case.registered',
        entity: 'case',
        entityId: row.id,
        caseId: row.id,
        workflowId,
        after: { title: input.title, data: input.data },
        idempotencyKey: `register:${workflowId}`,
      });
    }
    return { created, case: await this.waitForStage(row.id, user) };
  }

  private async flowBody(kind: string, version: number): Promise<unknown> {
    const [r] = await this.ds.query(`SELECT body FROM flow_versions WHERE kind=$1 AND version=$2`, [kind, version]);
    return r.body;
  }

  /** Waits briefly for the workflow to settle in its first stage, so the caller sees who the case waits on. */
  private async waitForStage(id: string, user: RequestUser): Promise<CaseView> {
    const deadline = Date.now() + 5000;
    for (;;) {
      const [r] = await this.ds.query(`SELECT ${CASE_COLUMNS} FROM cases c WHERE id=$1`, [id]);
      if (r.stage || r.status !== 'open' || Date.now() > deadline) return toCaseView(r, this.temporalLink(user));
      await new Promise((res) => setTimeout(res, 100));
    }
  }

  async list(
    user: RequestUser,
    filter: Record<string, unknown>,
    orderBy: string,
    limit: number,
    offset: number,
  ): Promise<{ rows: CaseView[]; total: number }> {
    const params: unknown[] = [];
    const where = [caseScope(user, params)];
    const eq = (col: string, v: unknown) => {
      if (v !== undefined && v !== null && v !== '') {
        params.push(v);
        where.push(`${col} = $${params.length}`);
      }
    };
    eq('c.status', filter.status);
    eq('c.kind', filter.kind);
    eq('c.stage', filter.stage);
    if (filter.id) {
      params.push(([] as unknown[]).concat(filter.id));
      where.push(`c.id::text = ANY($${params.length}::text[])`);
    }
    const search = caseSearchSql(filter.q, params);
    if (search) where.push(search);
    if (filter.overdue === true) where.push(`c.status = 'open' AND c.due_at < now()`);
    eq('c.unit_id::text', filter.unitId);
    eq(`to_char(c.created_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM')`, filter.month);
    eq(`COALESCE(c.data->'ruling'->>'severity', c.data->'complaint'->>'severity')`, filter.severity);
    eq(`c.data->'complaint'->>'source'`, filter.source);
    const sql = `FROM cases c WHERE ${where.join(' AND ')}`;
    const [{ total }] = await this.ds.query(`SELECT count(*)::int AS total ${sql}`, params);
    const rows = await this.ds.query(
      `SELECT ${CASE_COLUMNS} ${sql} ORDER BY ${orderBy}, c.id LIMIT ${limit} OFFSET ${offset}`,
      params,
    );
    return { rows: rows.map((r: unknown) => toCaseView(r, this.temporalLink(user))), total };
  }

  /** A case the user may see: 404 when it does not exist, 403 when it is out of their scope. */
  async get(user: RequestUser, id: string): Promise<CaseDetail> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound('case');
    const params: unknown[] = [id];
    const scope = caseScope(user, params);
    const [r] = await this.ds.query(
      `SELECT ${CASE_COLUMNS}, (${scope}) AS visible FROM cases c WHERE c.id = $1`,
      params,
    );
    if (!r) throw notFound('case');
    if (!r.visible) throw forbidden('this case is outside your scope');
    const tasks = await this.ds.query(
      `SELECT ${TASK_COLUMNS} FROM tasks t JOIN cases c ON c.id = t.case_id WHERE t.case_id = $1 ORDER BY t.created_at, t.slot`,
      [id],
    );
    const timeline = await this.ds.query(
      `SELECT a.at, a.actor, a.actor_id, ${userNameSql('COALESCE(a.actor_id, (SELECT au.id FROM users au WHERE au.username = a.actor))')} AS actor_name, a.action, a.details->>'stage' AS stage, a.details
       FROM audit_log a WHERE a.case_id = $1 ORDER BY a.at, a.id`,
      [id],
    );
    const [flow] = await this.ds.query(`SELECT body FROM flow_versions WHERE kind = $1 AND version = $2`, [
      r.kind,
      r.flow_version,
    ]);
    const stageLabels: Record<string, string> = {};
    for (const st of (flow?.body?.stages ?? []) as { key?: string; label?: string }[])
      if (st.key && st.label) stageLabels[st.key] = st.label;
    for (const t of tasks) stageLabels[t.stage] ??= t.stage_label;
    const entries = timeline.map((t: any) => {
      const isAction =
        typeof t.action === 'string' && t.action.startsWith('task.') && t.details && typeof t.details === 'object';
      return {
        at: new Date(t.at).toISOString(),
        actor: t.actor,
        actorId: t.actor_id ?? null,
        actorName: t.actor_name ?? null,
        action: t.action,
        stage: t.stage,
        stageLabel: t.stage ? (stageLabels[t.stage] ?? null) : null,
        ...(isAction ? { comment: t.details.comment ?? null, data: t.details.data ?? null } : {}),
        details: t.details,
      };
    });
    const view = toCaseView(r, this.temporalLink(user));
    const names = await resolveNames(
      this.ds,
      collectUuids([
        view.data,
        view.waitingOn,
        entries.map((e: any) => e.details),
        r.created_by,
        tasks.map((t: any) => [t.assignee_user_id, t.claimed_by, t.decided_by]),
      ]),
    );
    // complaint category keys (C-4) named by the case's pinned policy
    const [pinned] = await this.ds.query(`SELECT body FROM policy_versions WHERE version = $1`, [r.policy_version]);
    const used = JSON.stringify([view.data, entries.map((e: any) => e.details)]);
    for (const sev of Object.values(
      (pinned?.body?.complaints?.severities ?? {}) as Record<string, { categories?: { key: string; label: string }[] }>,
    )) {
      for (const cat of sev.categories ?? []) if (used.includes(`"${cat.key}"`)) names[cat.key] = cat.label;
    }
    return { ...view, tasks: tasks.map((t: unknown) => toTaskView(t)), timeline: entries, names };
  }

  /** Links into the Temporal Web UI for admins only (it can reset and terminate workflows). */
  temporalLink(user: RequestUser): ((workflowId: string) => string) | null {
    return user.roles.includes('admin') ? (w) => this.temporal.workflowUrl(w) : null;
  }

  /**
   * A human action on a task: checked here (404, 403, 409) and again by the workflow's Update validator,
   * which serialises concurrent actors; the answer is the case's new state.
   */
  async act(user: RequestUser, taskId: string, body: TaskActionInput, requestId?: string): Promise<CaseState> {
    if (!/^[0-9a-f-]{36}$/i.test(taskId)) throw notFound('task');
    const params: unknown[] = [taskId];
    const mine = taskIsMine(user, params);
    const [t] = await this.ds.query(`SELECT t.*, (${mine}) AS mine FROM tasks t WHERE t.id = $1`, params);
    if (!t) throw notFound('task');
    if (!t.mine) {
      if (t.status !== 'open') throw conflict('the task has already been decided');
      throw forbidden(
        t.assignee_user_id ? 'the task is assigned to another person' : `the task needs role ${t.assignee_role}`,
      );
    }
    if (t.status !== 'open') throw conflict('the task has already been decided');
    const update: ActUpdate = {
      taskId,
      action: body.action,
      comment: body.comment,
      data: body.data,
      requestId: requestId ?? randomUUID(),
      actor: { userId: user.id, username: user.username, roles: user.roles, employeeId: user.employeeId },
    };
    const client = await this.temporal.client();
    try {
      return await client.workflow.getHandle(t.workflow_id).executeUpdate<CaseState, [ActUpdate]>(WORKFLOW_UPDATE_ACT, {
        args: [update],
        updateId: update.requestId,
      });
    } catch (e) {
      throw mapWorkflowError(e);
    }
  }
}

/** Maps a workflow's validator rejection to the api's status codes. */
export function mapWorkflowError(e: unknown): Error {
  if (e instanceof WorkflowNotFoundError) return conflict('the case is no longer running');
  const cause = e instanceof WorkflowUpdateFailedError ? e.cause : undefined;
  if (cause instanceof ApplicationFailure) {
    const details = (cause.details?.[0] as { path: string; message: string; rule?: string }[] | undefined) ?? undefined;
    switch (cause.type) {
      case FAILURE.badRequest:
        return badRequest(cause.message, details);
      case FAILURE.forbidden:
        return forbidden(cause.message);
      case FAILURE.conflict:
        return conflict(cause.message);
      case FAILURE.notFound:
        return new ApiError(HttpStatus.NOT_FOUND, cause.message);
    }
  }
  if ((e as Error)?.message?.includes('workflow execution already completed'))
    return conflict('the case is already closed');
  return e as Error;
}
