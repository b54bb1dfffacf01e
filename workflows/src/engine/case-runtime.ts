import { condition, patched, setHandler, workflowInfo } from '@temporalio/workflow';
import {
  ActUpdate,
  ActUpdateSchema,
  CaseActivities,
  CaseState,
  CaseWorkflowInput,
  FAILURE,
  OpenTasksInput,
  RecordActionInput,
  Role,
  ROLE_NAMES_ZH,
  SyncCaseInput,
  TaskActionName,
  TaskRef,
  WaitingOn,
  zodIssueDetail,
} from '@qf/contracts';
import { actUpdate, settledUpdate, stateQuery } from '@qf/contracts/messages';
import { FlowDuration, StageDef, StageOutcome, Vote, decideStage } from '@qf/policy';
import { addWorkingDays } from '@qf/domain';
import { activities, localActivities } from './activities';
import { reject, RuleViolation } from './reject';

export type { RuleViolation } from './reject';

// The engine's writes (tasks, the case's read model and audit): local activities in cases started since issue 18's
// change, activities in cases recorded before it (their histories replay as recorded). A person's action is always
// recorded by an activity: see `recordsActions`.
const remoteActs = activities<CaseActivities>();
const localActs = localActivities<CaseActivities>();

export interface StageOptions {
  round: number;
  /** explicit assignees (relations resolved by the process workflow); default from the stage's assignee role */
  assignees?: { role: Role | null; userId: string | null }[];
  /** process-specific check of a decision's data (approve/reject); violations reject the Update with 400 */
  validate?: (u: ActUpdate, decisions: StageDecision[]) => RuleViolation[];
  /** close the stage with this outcome when its deadline passes (e.g. an appeal window that lapses) */
  closeAtDeadline?: 'approved' | 'rejected';
  /** override of the definition's deadline (e.g. from the pinned policy) */
  deadline?: FlowDuration;
  /** an absolute deadline (ISO), e.g. "by the 5th of next month"; wins over `deadline` */
  dueAt?: string;
  /**
   * closes the stage from outside when this turns true (e.g. the committee vote closes with its phase): a
   * majority stage then stays open until it does (votes changeable) and is decided on the votes cast; a stage
   * nobody decided closes as rejected.
   */
  closeWhen?: () => boolean;
}

export interface StageDecision {
  userId: string;
  username: string;
  action: TaskActionName;
  comment?: string;
  data?: Record<string, unknown>;
}
export interface StageResult {
  outcome: Exclude<StageOutcome, 'pending'> | 'returned' | 'withdrawn';
  decisions: StageDecision[];
}

interface TaskState extends TaskRef {
  status: 'open' | 'done' | 'cancelled';
  claimedBy: string | null;
}
interface StageRun {
  def: StageDef;
  opts: StageOptions;
  tasks: Map<string, TaskState>;
  votes: Map<string, Vote>;
  decisions: StageDecision[];
  closed: boolean;
  result?: StageResult;
  /** the action that closed the stage, recorded by the stage together with its close (one activity) */
  closingAction?: RecordActionInput;
}

/**
 * The stage engine shared by every process: runs a stage from its definition, accepts human actions
 * as the `act` Update (validated: payload, stage, task, person, role), counts decisions by mode, and
 * raises reminders and escalation on timers over the working-day calendar.
 */
export class CaseRuntime {
  readonly state: CaseState;
  private current: StageRun | null = null;
  /**
   * Task rows being written: between the activity that inserts them and the workflow taking its result, a client can
   * already see a task the workflow does not know yet (a worker crash makes that window long). An action on it is
   * accepted provisionally and checked by the handler once the tasks are open, instead of being refused as "closed".
   */
  private opening = 0;
  /** a stage is being opened: from its task rows until its `stage.opened` record (the state a client is answered with) */
  private stageOpening = false;
  /** the read model shows a stage or the end (see `sync`) */
  private settled = false;
  private seq = 0;
  /** bumped whenever the case settles in a new place (stage opened, waiting, finished) */
  private epoch = 0;
  private readonly acts: typeof remoteActs;
  /**
   * Records a person's action (and the stage close it causes): an activity, scheduled by the workflow task that accepts
   * the Update, so the acceptance is in the history before the action's rows are written. A local activity would run
   * inside that workflow task: a worker killed before it completes would leave the task decided in the database and
   * the action unknown to the workflow (lost, if its client stopped retrying). The writes that follow — the next
   * stage's tasks, the case's read model — are local activities of the next workflow task.
   */
  private readonly recordsActions = remoteActs;
  /**
   * Issue 18: a case started since this change takes every change below under this one patch. Each patch records a
   * marker and has the SDK upsert the TemporalChangeVersion search attribute (a visibility write on the server): one
   * per case instead of three or four. Histories recorded before replay through each change's own patch.
   */
  private readonly latest: boolean;

  constructor(private readonly input: CaseWorkflowInput) {
    this.latest = patched('qf-case-runtime-2026-12');
    this.acts = this.latest || patched('qf-case-writes-as-local-activities') ? localActs : remoteActs;
    this.state = {
      caseId: input.caseId,
      kind: input.kind,
      status: 'open',
      stage: null,
      outcome: null,
      waitingOn: [],
      waitingSince: null,
      dueAt: null,
      data: { ...input.data },
    };
    setHandler(stateQuery, () => this.state);
    setHandler(settledUpdate, async () => {
      await condition(() => this.settled);
      return this.state;
    });
    setHandler(actUpdate, (u) => this.onAct(u), { validator: (u) => this.validate(u) });
  }

  get workflowId(): string {
    return workflowInfo().workflowId;
  }

  nowIso(): string {
    return new Date(Date.now()).toISOString();
  }

  dueFrom(startIso: string, d: FlowDuration | undefined): string | null {
    if (!d) return null;
    let t = startIso;
    if (d.workingDays) t = addWorkingDays(t, d.workingDays, this.input.calendar);
    if (d.hours) t = new Date(Date.parse(t) + d.hours * 3_600_000).toISOString();
    return t;
  }

  /** The read model and its audit entry; `actor`: the user whose request (an Update) made the change. */
  async sync(action: string, details?: unknown, actor?: { userId: string; username: string }): Promise<void> {
    await this.acts.syncCase(this.syncInput(action, details, actor));
    this.synced(action);
  }

  /** After the read model was written: it shows a stage (who the case waits on) or the end, so `settled` answers. */
  private synced(action: string): void {
    if (this.state.stage !== null || this.state.status !== 'open') this.settled = true;
    if (action !== 'stage.closed') this.epoch++;
  }

  /** The case's read model as it stands, with its audit entry (numbered in the order of the case's changes). */
  private syncInput(action: string, details?: unknown, actor?: { userId: string; username: string }): SyncCaseInput {
    return {
      caseId: this.input.caseId,
      status: this.state.status,
      stage: this.state.stage,
      outcome: this.state.outcome,
      waitingOn: this.state.waitingOn,
      waitingSince: this.state.waitingSince,
      dueAt: this.state.dueAt,
      data: this.state.data,
      audit: {
        key: `${this.workflowId}:${++this.seq}:${action}`,
        action,
        details,
        actor: actor ? { id: actor.userId, name: actor.username } : null,
      },
    };
  }

  /** A wait outside any stage (e.g. an appeal window nobody can act in), visible on the case. */
  async waitUntil(iso: string, action: string, details?: unknown): Promise<void> {
    Object.assign(this.state, { stage: action, waitingOn: [], waitingSince: this.nowIso(), dueAt: iso });
    await this.sync(action, details);
    await condition(() => false, Math.max(1, Date.parse(iso) - Date.now()));
  }

  async finish(status: 'closed' | 'cancelled', outcome: string, details?: unknown): Promise<CaseState> {
    Object.assign(this.state, { status, outcome, stage: null, waitingOn: [], waitingSince: null, dueAt: null });
    await this.sync(`case.${outcome}`, details);
    return this.state;
  }

  async runStage(def: StageDef, opts: StageOptions): Promise<StageResult> {
    const openedAt = this.nowIso();
    const dueAt = opts.dueAt ?? this.dueFrom(openedAt, opts.deadline ?? def.deadline);
    let assignees = opts.assignees;
    if (!assignees) {
      if (def.assignee.kind !== 'role')
        throw new Error(`stage ${def.key}: relation assignees must be resolved by the process`);
      const role = def.assignee.role;
      assignees =
        def.assignment === 'each'
          ? (await this.acts.roleHolders(role)).map((userId) => ({ role, userId }))
          : [{ role, userId: null }];
    }
    this.stageOpening = true;
    const slots = assignees.map((a, slot) => ({ ...a, slot }));
    const opened = { stage: def.key, round: opts.round, dueAt };
    // Issue 18: the stage's tasks and the case's `stage.opened` state are one local activity and one transaction.
    // Histories recorded before ran openStageTasks, then syncCase (and older ones as activities: they keep that).
    let synced: WaitingOn[] | null = null;
    let refs: TaskRef[];
    if (this.acts === localActs && (this.latest || patched('qf-stage-open-in-one-write'))) {
      synced = slots.map((a) => (a.userId ? { userId: a.userId } : { role: a.role! }));
      Object.assign(this.state, { stage: def.key, waitingOn: synced, waitingSince: openedAt, dueAt });
      refs = await this.openTasks(def, opts.round, slots, dueAt, this.syncInput('stage.opened', opened));
    } else refs = await this.openTasks(def, opts.round, slots, dueAt);
    const run: StageRun = {
      def,
      opts,
      tasks: new Map(refs.map((r) => [r.id, { ...r, status: 'open' as const, claimedBy: null }])),
      votes: new Map(),
      decisions: [],
      closed: false,
    };
    this.current = run;
    const closeWhen = opts.closeWhen;
    if (closeWhen) {
      void condition(() => run.closed || closeWhen()).then(() => {
        if (run.closed) return;
        const outcome = decideStage(this.mode(run), [...run.votes.values()], this.eligible(run), true);
        this.closeWith(run, outcome === 'pending' ? 'rejected' : outcome);
      });
    }
    const waitingOn = this.waitingOn(run);
    Object.assign(this.state, { stage: def.key, waitingOn, waitingSince: openedAt, dueAt });
    // written with the tasks, unless the tasks found differ from the ones asked for (then the state is written again)
    if (synced && JSON.stringify(synced) === JSON.stringify(waitingOn)) this.synced('stage.opened');
    else await this.sync('stage.opened', opened);
    this.stageOpening = false;

    await this.watchDeadlines(run, openedAt, dueAt);
    const close = { workflowId: this.workflowId, stage: def.key, round: opts.round };
    const result = run.result!;
    const closed = { stage: def.key, round: opts.round, outcome: result.outcome };
    if (run.closingAction) {
      // closed by a person's action: the action, the stage's close and the case's state in one activity (issue 18)
      this.current = null;
      await this.recordsActions.recordClosingAction({
        action: run.closingAction,
        close,
        sync: this.syncInput('stage.closed', closed),
      });
    } else {
      await this.acts.closeStage(close);
      this.current = null;
      await this.sync('stage.closed', closed);
    }
    return result;
  }

  private waitingOn(run: StageRun): WaitingOn[] {
    return [...run.tasks.values()]
      .filter((t) => t.status === 'open')
      .map((t) => (t.userId ? { userId: t.userId } : { role: t.role! }));
  }

  /** A pool stage needing several distinct approvers (e.g. two verifiers) decides when all of them approved. */
  private mode(run: StageRun) {
    return run.def.assignment === 'pool' && run.def.required > 1 && run.def.mode.kind === 'one'
      ? { kind: 'all' as const }
      : run.def.mode;
  }

  private eligible(run: StageRun): number {
    return run.def.assignment === 'each' ? run.tasks.size : run.def.required;
  }

  /** Reminder before the deadline, overdue notice at it, escalation after the grace period. */
  private async watchDeadlines(run: StageRun, openedAt: string, dueAt: string | null): Promise<void> {
    const until = (iso: string) => condition(() => run.closed, Math.max(1, Date.parse(iso) - Date.now()));
    if (dueAt) {
      const remindAt = run.def.reminderBefore
        ? new Date(
            Date.parse(dueAt) - (Date.parse(this.dueFrom(openedAt, run.def.reminderBefore)!) - Date.parse(openedAt)),
          ).toISOString()
        : null;
      if (remindAt && Date.parse(remindAt) > Date.now() && !(await until(remindAt)))
        await this.notifyOpen(run, 'reminder', `「${run.def.label}」将于 ${dueAt} 到期`);
      if (!run.closed && !(await until(dueAt))) {
        if (run.opts.closeAtDeadline) this.closeWith(run, run.opts.closeAtDeadline);
        else if (run.def.mode.kind === 'majority')
          this.closeWith(run, decideStage(run.def.mode, [...run.votes.values()], this.eligible(run), true));
        else await this.notifyOpen(run, 'overdue', `「${run.def.label}」已超期（期限 ${dueAt}）`);
      }
      if (!run.closed && run.def.escalateTo) {
        const escalateAt = this.dueFrom(dueAt, run.def.escalateAfter) ?? dueAt;
        if (!(await until(escalateAt))) await this.escalate(run, run.def.escalateTo);
      }
    }
    await condition(() => run.closed);
  }

  private async notifyOpen(run: StageRun, kind: 'reminder' | 'overdue', message: string): Promise<void> {
    for (const t of run.tasks.values()) {
      if (t.status !== 'open') continue;
      await this.acts.notify({
        key: `${this.workflowId}:${t.id}:${kind}`,
        kind,
        caseId: this.input.caseId,
        workflowId: this.workflowId,
        taskId: t.id,
        role: t.role,
        userId: t.userId,
        message,
      });
    }
  }

  private async escalate(run: StageRun, role: Role): Promise<void> {
    const ref = await this.addTask(run, { slot: 100 + run.tasks.size, role, userId: null }, null);
    await this.acts.notify({
      key: `${this.workflowId}:${run.def.key}:${run.opts.round}:escalation`,
      kind: 'escalation',
      caseId: this.input.caseId,
      workflowId: this.workflowId,
      taskId: ref.id,
      role,
      userId: null,
      message: `「${run.def.label}」超期未办，已升级至${ROLE_NAMES_ZH[role] ?? '上级'}`,
    });
    this.state.waitingOn = this.waitingOn(run);
    await this.sync('stage.escalated', { stage: run.def.key, to: role });
  }

  private closeWith(run: StageRun, outcome: StageOutcome | 'returned' | 'withdrawn'): void {
    if (outcome === 'pending') return;
    run.closed = true;
    run.result = { outcome, decisions: run.decisions };
  }

  private async openTasks(
    def: StageDef,
    round: number,
    assignees: OpenTasksInput['assignees'],
    dueAt: string | null,
    sync?: SyncCaseInput,
  ): Promise<TaskRef[]> {
    this.opening++;
    try {
      const tasks = {
        caseId: this.input.caseId,
        workflowId: this.workflowId,
        stage: def.key,
        stageLabel: def.label,
        round,
        assignees,
        allowedActions: def.actions,
        dueAt,
      };
      return await (sync ? this.acts.openStage({ tasks, sync }) : this.acts.openStageTasks(tasks));
    } finally {
      this.opening--;
    }
  }

  /** One more task in an open stage (an escalation, an added signer). */
  private async addTask(run: StageRun, assignee: OpenTasksInput['assignees'][number], dueAt: string | null) {
    const [ref] = await this.openTasks(run.def, run.opts.round, [assignee], dueAt);
    run.tasks.set(ref.id, { ...ref, status: 'open', claimedBy: null });
    return ref;
  }

  /** Update validator: runs before the action is accepted; a throw rejects it with nothing recorded. */
  private validate(raw: ActUpdate): void {
    const parsed = ActUpdateSchema.safeParse(raw);
    if (!parsed.success) {
      reject(
        FAILURE.badRequest,
        'malformed action',
        parsed.error.issues.map((i) => zodIssueDetail(i)),
      );
    }
    const u = parsed.data;
    const run = this.current;
    if ((this.opening > 0 || this.stageOpening) && this.state.status === 'open' && !run?.tasks.has(u.taskId)) return; // checked by the handler once open
    if (this.state.status !== 'open' || !run || run.closed)
      reject(FAILURE.conflict, 'this stage is closed: the task can no longer be acted on');
    const task = run.tasks.get(u.taskId);
    if (!task) reject(FAILURE.conflict, 'the task is not part of the current stage');
    if (task.status !== 'open') reject(FAILURE.conflict, 'the task has already been decided');
    const mine = task.userId ? task.userId === u.actor.userId : u.actor.roles.includes(task.role!);
    if (!mine)
      reject(
        FAILURE.forbidden,
        task.userId ? 'the task is assigned to another person' : `the task needs role ${task.role}`,
      );
    if (task.claimedBy && task.claimedBy !== u.actor.userId && u.action !== 'comment')
      reject(FAILURE.conflict, 'the task is claimed by another person');
    if (u.action !== 'claim' && !run.def.actions.includes(u.action))
      reject(FAILURE.badRequest, `action ${u.action} is not allowed at stage ${run.def.key}`);
    if (
      (u.action === 'approve' || u.action === 'reject') &&
      run.def.mode.kind !== 'majority' &&
      run.votes.has(u.actor.userId)
    ) {
      reject(FAILURE.conflict, 'you have already decided at this stage; another person must decide');
    }
    if ((u.action === 'delegate' || u.action === 'add-signer') && typeof u.data?.userId !== 'string') {
      reject(FAILURE.badRequest, `${u.action} needs data.userId`, [{ path: 'data.userId', message: 'required' }]);
    }
    if (u.action === 'withdraw' && u.actor.userId !== this.input.initiatorUserId)
      reject(FAILURE.forbidden, 'only the initiator may withdraw the case');
    if (u.action === 'return' && !u.comment)
      reject(FAILURE.badRequest, 'returning needs a comment', [{ path: 'comment', message: 'required' }]);
    const decides = u.action === 'approve' || u.action === 'reject';
    const violations = decides && run.opts.validate ? run.opts.validate(u, run.decisions) : [];
    if (violations.length) reject(FAILURE.badRequest, violations.map((v) => v.message).join('; '), violations);
  }

  /** Update handler: state changes happen synchronously (serialising concurrent actors), then the record. */
  private async onAct(u: ActUpdate): Promise<CaseState> {
    if (
      (!this.current?.tasks.has(u.taskId) || this.stageOpening) &&
      (this.latest || patched('qf-act-waits-for-open-stage'))
    ) {
      // accepted while its stage was being opened: wait until it is open and recorded, then apply the full check
      // (a throw fails this action only); older histories, recorded before this wait existed, replay without it
      await condition(() => this.opening === 0 && !this.stageOpening);
      this.validate(u);
    }
    const run = this.current!;
    const task = run.tasks.get(u.taskId)!;
    const decision = u.action === 'approve' || u.action === 'reject' ? (u.action as Vote) : null;
    switch (u.action) {
      case 'claim':
        task.claimedBy = u.actor.userId;
        break;
      case 'delegate':
        task.userId = String(u.data!.userId);
        task.claimedBy = null;
        break;
      case 'return':
      case 'withdraw':
        this.closeWith(run, u.action === 'return' ? 'returned' : 'withdrawn');
        run.decisions.push({
          userId: u.actor.userId,
          username: u.actor.username,
          action: u.action,
          comment: u.comment,
        });
        break;
      case 'approve':
      case 'reject': {
        run.votes.set(u.actor.userId, decision!);
        run.decisions.push({
          userId: u.actor.userId,
          username: u.actor.username,
          action: u.action,
          comment: u.comment,
          data: u.data,
        });
        // a vote closed from outside (closeWhen) stays open, votes changeable, even once everyone has voted
        const heldOpen = run.def.mode.kind === 'majority' && !!run.opts.closeWhen;
        const outcome = heldOpen ? 'pending' : decideStage(this.mode(run), [...run.votes.values()], this.eligible(run));
        const keepOpen = run.def.mode.kind === 'majority' || (run.def.assignment === 'pool' && outcome === 'pending');
        if (!keepOpen) task.status = 'done';
        this.closeWith(run, outcome);
        break;
      }
      default:
        break;
    }
    let added: TaskRef | undefined;
    if (u.action === 'add-signer') {
      const slot = 200 + run.tasks.size;
      added = { id: `pending-${slot}`, role: null, userId: String(u.data!.userId), slot };
    }
    if (run.closed)
      for (const t of run.tasks.values())
        if (t.status === 'open' && run.def.mode.kind !== 'majority') t.status = t === task ? 'done' : 'cancelled';
    const record: RecordActionInput = {
      caseId: this.input.caseId,
      workflowId: this.workflowId,
      stage: run.def.key,
      requestId: u.requestId,
      taskId: u.taskId,
      actor: u.actor,
      action: u.action,
      comment: u.comment,
      data: u.data,
      task: { status: task.status, decision, assigneeUserId: task.userId, claimedBy: task.claimedBy },
    };
    // An action that closes its stage is recorded by the stage with its close (runStage): one activity and one
    // transaction instead of three. Histories recorded before this ran recordAction here, closeStage and syncCase there.
    if (run.closed && !added && (this.latest || patched('qf-closing-action-in-one-activity')))
      run.closingAction = record;
    else await this.recordsActions.recordAction(record);
    if (added) {
      await this.addTask(run, { slot: added.slot, role: null, userId: added.userId }, this.state.dueAt);
    }
    if (run.closed) {
      // Answer with the case as it stands after the stage moved on (next stage, a wait, or the end).
      const epoch = this.epoch;
      await condition(() => this.epoch !== epoch);
    } else {
      this.state.waitingOn = this.waitingOn(run);
    }
    return this.state;
  }
}
