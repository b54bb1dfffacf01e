import { TestWorkflowEnvironment } from '@temporalio/testing';
import { WorkflowHandle } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import { Worker } from '@temporalio/worker';
import {
  CaseActivities,
  CaseState,
  CaseWorkflowInput,
  LedgerLine,
  NotifyInput,
  OpenStageInput,
  OpenTasksInput,
  RecordActionInput,
  RecordClosingActionInput,
  TaskActionName,
  TaskRef,
} from '@qf/contracts';
import { actUpdate } from '@qf/contracts/messages';
import { FlowDefinition } from '@qf/policy';
import { temporalTestServerPath } from '../../infra/dev/temporal';
import { workflowBundle } from '../../apps/worker/src/worker';

/** Activities recorded in memory: the workflow layer tests orchestration, not Postgres (covered by e2e). */
export class RecordingActivities implements CaseActivities {
  tasks: (TaskRef & { stage: string; round: number })[] = [];
  actions: RecordActionInput[] = [];
  notes: NotifyInput[] = [];
  states: string[] = [];
  constructor(private readonly holders: Record<string, string[]> = {}) {}
  async syncCase(i: Parameters<CaseActivities['syncCase']>[0]) {
    this.states.push(`${i.status}:${i.stage ?? '-'}:${i.outcome ?? '-'}`);
  }
  async roleHolders(role: string) {
    return this.holders[role] ?? [];
  }
  /** team-lead logins per unit id */
  leads: Record<string, string[]> = {};
  async teamLeadsOf(unitId: string) {
    return this.leads[unitId] ?? [];
  }
  async openStageTasks(i: OpenTasksInput) {
    return i.assignees.map((a) => {
      const id = `${i.stage}:${i.round}:${a.slot}`;
      let t = this.tasks.find((x) => x.id === id);
      if (!t) {
        t = { id, role: a.role, userId: a.userId, slot: a.slot, stage: i.stage, round: i.round };
        this.tasks.push(t);
      }
      return { id: t.id, role: t.role, userId: t.userId, slot: t.slot };
    });
  }
  async openStage(i: OpenStageInput) {
    const refs = await this.openStageTasks(i.tasks);
    await this.syncCase(i.sync);
    return refs;
  }
  async recordAction(i: RecordActionInput) {
    this.actions.push(i);
  }
  async closeStage() {
    return 0;
  }
  async recordClosingAction(i: RecordClosingActionInput) {
    await this.recordAction(i.action);
    await this.closeStage();
    await this.syncCase(i.sync);
  }
  async notify(i: NotifyInput) {
    this.notes.push(i);
  }
  // complaint activities
  logins: Record<string, string> = {};
  notices: unknown[] = [];
  posted: { month: string; lines: LedgerLine[] }[] = [];
  async usersOfEmployees(ids: string[]) {
    return ids.filter((id) => this.logins[id]).map((id) => ({ employeeId: id, userId: this.logins[id] }));
  }
  async publishNotice(i: { notice: unknown }) {
    this.notices.push(i.notice);
  }
  async postLedger(i: { month: string; lines: LedgerLine[] }) {
    this.posted.push({ month: i.month, lines: i.lines });
    return i.lines.length;
  }
  // rectification activities
  meetings: { meetingId: string; scheduledAt: string }[] = [];
  rectUpdates: Record<string, unknown>[] = [];
  async nextMeeting(after: string) {
    return (
      this.meetings
        .filter((m) => m.scheduledAt > after)
        .sort((a, b) => a.scheduledAt.localeCompare(b.scheduledAt))[0] ?? null
    );
  }
  async updateRectification(i: Record<string, unknown>) {
    this.rectUpdates.push(i);
  }
}

export const SHANGHAI = { timeZone: 'Asia/Shanghai', holidays: [] as string[], workingWeekdays: [1, 2, 3, 4, 5] };

export function caseInput(flow: FlowDefinition, over: Partial<CaseWorkflowInput> = {}): CaseWorkflowInput {
  return {
    caseId: 'case-1',
    kind: 'review',
    businessKey: 'k1',
    initiatorUserId: 'u-init',
    policyVersion: 1,
    flowVersion: flow.version,
    flow,
    calendar: SHANGHAI,
    data: {},
    ...over,
  };
}

export async function timeSkippingEnv(): Promise<TestWorkflowEnvironment> {
  return TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: temporalTestServerPath() } },
  });
}

export async function testWorker(
  env: TestWorkflowEnvironment,
  acts: CaseActivities,
  taskQueue: string,
): Promise<Worker> {
  // the SDK registers own properties only: bind the class's methods into a plain object
  // (walking the prototype chain, so a subclass of RecordingActivities registers both its own and the inherited ones)
  const names = new Set<string>();
  for (let p = Object.getPrototypeOf(acts); p && p !== Object.prototype; p = Object.getPrototypeOf(p)) {
    for (const k of Object.getOwnPropertyNames(p)) if (k !== 'constructor') names.add(k);
  }
  const activities = Object.fromEntries(
    [...names].map((k) => [k, (acts as unknown as Record<string, (...a: unknown[]) => unknown>)[k].bind(acts)]),
  );
  return Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowBundle: await workflowBundle(),
    activities,
  });
}

export const actor = (userId: string, roles: string[]) => ({ userId, username: userId, roles: roles as never[] });

/** A person's action on a task through the shared `act` Update definition (the api's call, typed the same way). */
export function actAs(
  h: WorkflowHandle,
  taskId: string,
  userId: string,
  roles: string[],
  data?: unknown,
  action = 'approve',
  comment?: string,
): Promise<CaseState> {
  return h.executeUpdate(actUpdate, {
    args: [
      {
        taskId,
        action: action as TaskActionName,
        actor: actor(userId, roles),
        requestId: randomUUID(),
        data: data as Record<string, unknown> | undefined,
        comment,
      },
    ],
  });
}

export const waitFor = async (cond: () => boolean): Promise<void> => {
  while (!cond()) await new Promise((r) => setTimeout(r, 20));
};

/**
 * With QF_RECORD_HISTORIES=1 a test saves its workflow's history under workflows/test/histories, which the
 * replay test replays against the current code: a change that would break running cases fails CI.
 */
export async function maybeRecordHistory(
  h: { fetchHistory: () => Promise<unknown>; workflowId: string },
  name: string,
): Promise<void> {
  if (!process.env.QF_RECORD_HISTORIES) return;
  const { writeFileSync } = await import('node:fs');
  const path = await import('node:path');
  const { temporal } = await import('@temporalio/proto');
  const history = await h.fetchHistory();
  writeFileSync(
    path.join(__dirname, 'histories', `${name}.bin`),
    temporal.api.history.v1.History.encode(history as never).finish(),
  );
}
