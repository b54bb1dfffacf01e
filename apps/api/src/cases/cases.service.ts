import { Inject, Injectable } from '@nestjs/common';
import { WithStartWorkflowOperation, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { settledUpdate } from '@qf/contracts/messages';
import { DataSource } from 'typeorm';
import {
  CaseDetail,
  CaseKind,
  CaseState,
  CaseView,
  CaseWorkflow,
  CaseWorkflowInput,
  CaseWorkflowType,
} from '@qf/contracts';
import { FlowDefinitionSchema, PolicySchema, workflowCalendar } from '@qf/policy';
import {
  appendAudit,
  CaseFilter,
  caseById,
  caseByKey,
  caseRow,
  caseTasks,
  caseTimeline,
  flowVersionBody,
  listCases,
  listCaseViews,
  policyInEffect,
  policyVersionBody,
  publishedVersions,
  registerCase,
  resolveNames,
} from '@qf/persistence';
import { ORG_WIDE_ROLES, RequestUser, scopeOf } from '../auth/auth.decorators';
import { conflict, notFound } from '../common/errors';
import { isUuid } from '../common/ids';
import { TemporalService } from '../temporal/temporal.module';
import { caseNames, stageLabels, timelineEntries } from './case-detail';
import { scopedCaseData, toCaseView, toTaskView } from './case-views';
import { TasksService } from './tasks.service';

// the workflow errors' mapping is shared by every feature that sends a workflow an Update
export { mapWorkflowError } from './workflow-errors';

export interface StartCaseInput {
  kind: CaseKind;
  /** the case workflow to run (a name the compiler checks against the worker's workflows) */
  workflowType: CaseWorkflowType;
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
    private readonly tasks: TasksService,
  ) {}

  workflowIdFor(kind: string, businessKey: string): string {
    return `${kind}-${businessKey}`;
  }

  /**
   * Registers a case and starts its workflow with the newest published flow and the policy in effect, pinned
   * for the case's life. The business key is the workflow ID: registering the same key again returns the
   * existing case and starts nothing — to a caller who may see it; anyone else gets a 409 that tells nothing of it.
   */
  async start(input: StartCaseInput, user: RequestUser): Promise<{ created: boolean; case: CaseView }> {
    const { flow: flowRow, policy: policyRow } = await publishedVersions(this.ds, input.kind);
    if (!flowRow) throw conflict(`no published flow for ${input.kind}`, 'flow.none_published', { kind: input.kind });
    if (!policyRow) throw conflict('no policy version is in effect', 'policy.none_in_effect');
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
    const created = insertedId !== null;
    const row = (await caseByKey(this.ds, input.kind, input.businessKey, scopeOf(user)))!;
    if (!created && !row.visible) throw conflict('a case with this business key already exists', 'already_exists');
    if (created && input.onCreated) await input.onCreated(row.id);
    // an existing case keeps the versions it pinned when it was registered
    const policy = PolicySchema.parse(created ? policyRow.body : await policyVersionBody(this.ds, row.policy_version));
    const flow = created
      ? FlowDefinitionSchema.parse(flowRow.body)
      : await flowVersionBody(this.ds, input.kind, row.flow_version);
    const wfInput: CaseWorkflowInput = {
      caseId: row.id,
      kind: input.kind,
      businessKey: input.businessKey,
      initiatorUserId: row.created_by,
      policyVersion: row.policy_version,
      flowVersion: row.flow_version,
      flow,
      policy,
      calendar: workflowCalendar(policy),
      data: row.data,
    };
    // The case's own workflow (a case registered by a Schedule runs under the schedule's id). USE_EXISTING: a repeated
    // registration, or a retry after a crash between insert and start, starts nothing new while it runs; a finished
    // case is never run again (REJECT_DUPLICATE), and a closed case is not started at all. Started with the `settled`
    // Update (update-with-start): it answers once the case shows its first stage, so the answer names who it waits on.
    let settled: Promise<unknown> = Promise.resolve();
    if (created || row.status === 'open') {
      const client = await this.temporal.client();
      const start = new WithStartWorkflowOperation<CaseWorkflow>(input.workflowType, {
        workflowId: row.workflow_id,
        taskQueue: this.temporal.taskQueue,
        args: [wfInput],
        workflowIdConflictPolicy: 'USE_EXISTING',
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
      });
      // a case that ends without a stage, or has ended, answers as it stands (the wait below is bounded)
      settled = client.workflow
        .executeUpdateWithStart(settledUpdate, { startWorkflowOperation: start })
        .catch(() => undefined);
      try {
        await start.workflowHandle();
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
    // a process whose first stage needs long work (a month's gathering) answers with the case as registered
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([settled, new Promise((r) => (timer = setTimeout(r, 5000)))]);
    clearTimeout(timer);
    return { created, case: toCaseView((await caseRow(this.ds, row.id))!, this.temporalLink(user)) };
  }

  /** One page of the cases the user may see (`page`, or its parts as three arguments). */
  async list(
    user: RequestUser,
    filter: CaseFilter,
    pageOrOrderBy: { orderBy: string; limit: number; offset: number } | string,
    limit = 25,
    offset = 0,
  ): Promise<{ rows: CaseView[]; total: number }> {
    const page = typeof pageOrOrderBy === 'string' ? { orderBy: pageOrOrderBy, limit, offset } : pageOrOrderBy;
    // the months of `filter.month` are the organisation's (the policy's calendar time zone)
    const timeZone = filter.month ? (await policyInEffect(this.ds)).calendar.timeZone : 'UTC';
    const { rows, total } = await listCases(this.ds, scopeOf(user), filter, { ...page, timeZone });
    return {
      rows: rows.map((r) => scopedCaseData(toCaseView(r, this.temporalLink(user)), this.orgWide(user))),
      total,
    };
  }

  /**
   * One page of the cases the user may see as the JSON text of its CaseView array (issue 18: Postgres writes each row's
   * view, the api only joins them), for the list endpoint; the same rows and views as `list`.
   */
  async listJson(
    user: RequestUser,
    filter: CaseFilter,
    page: { orderBy: string; limit: number; offset: number },
  ): Promise<{ json: string; count: number; total: number }> {
    const timeZone = filter.month ? (await policyInEffect(this.ds)).calendar.timeZone : 'UTC';
    const { rows, total } = await listCaseViews(
      this.ds,
      scopeOf(user),
      filter,
      { ...page, timeZone },
      this.orgWide(user),
    );
    const link = this.temporalLink(user);
    // the view's text ends with its closing brace: the Temporal link goes in before it
    const views = rows.map(
      (r) => `${r.view.slice(0, -1)},"temporalUrl":${link ? JSON.stringify(link(r.workflow_id)) : 'null'}}`,
    );
    return { json: `[${views.join(',')}]`, count: rows.length, total };
  }

  /**
   * A case the user may see, with its tasks, 审批记录, the names of the people and categories it mentions and the flow
   * version it pinned (the case page draws its diagram from it, issue 17).
   */
  async get(user: RequestUser, id: string): Promise<CaseDetail & { flow: unknown }> {
    const r = isUuid(id) ? await caseById(this.ds, id, scopeOf(user)) : undefined;
    // missing and out of scope answer alike (no probing for what exists)
    if (!r || !r.visible) throw notFound('case');
    const [tasks, timeline, flow, pinned] = await Promise.all([
      caseTasks(this.ds, id),
      caseTimeline(this.ds, id),
      flowVersionBody(this.ds, r.kind, r.flow_version),
      policyVersionBody(this.ds, r.policy_version),
    ]);
    const entries = timelineEntries(timeline, stageLabels(flow, tasks));
    const view = scopedCaseData(toCaseView(r, this.temporalLink(user)), this.orgWide(user));
    const names = await resolveNames(this.ds, caseNames.ids(view, entries, r.created_by, tasks));
    caseNames.addCategories(names, pinned, [view.data, entries.map((e) => e.details)]);
    return { ...view, tasks: tasks.map((t) => toTaskView(t)), timeline: entries, names, flow: flow ?? null };
  }

  /** A human action on a task (TasksService.act), for the features that offer their own action endpoints. */
  act(user: RequestUser, taskId: string, body: unknown, idempotencyKey?: string): Promise<CaseState> {
    return this.tasks.act(user, taskId, body, idempotencyKey);
  }

  private orgWide(user: RequestUser): boolean {
    return user.roles.some((r) => ORG_WIDE_ROLES.includes(r));
  }

  /** Links into the Temporal Web UI for admins only (it can reset and terminate workflows). */
  temporalLink(user: RequestUser): ((workflowId: string) => string) | null {
    return user.roles.includes('admin') ? (w) => this.temporal.workflowUrl(w) : null;
  }
}
