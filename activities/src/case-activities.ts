import { DataSource } from 'typeorm';
import { ApplicationFailure } from '@temporalio/activity';
import {
  CaseActivities,
  FAILURE,
  NotifyInput,
  OpenStageInput,
  OpenTasksInput,
  RecordActionInput,
  RecordClosingActionInput,
  SyncCaseInput,
  TaskRef,
} from '@qf/contracts';
import { appendAudit, Queryable, recordNotifications } from '@qf/persistence';

/** The case's read model (status, stage, who it waits on) and its audit entry. */
async function syncCaseIn(tx: Queryable, input: SyncCaseInput): Promise<void> {
  const updated = await tx.query(
    `UPDATE cases SET status=$2, stage=$3, outcome=$4, waiting_on=$5, waiting_since=$6, due_at=$7, data=$8, updated_at=now()
     WHERE id=$1 RETURNING workflow_id`,
    [
      input.caseId,
      input.status,
      input.stage,
      input.outcome,
      JSON.stringify(input.waitingOn),
      input.waitingSince,
      input.dueAt,
      JSON.stringify(input.data),
    ],
  );
  // TypeORM answers an UPDATE with [rows, rowCount]
  if (updated[1] === 0)
    throw ApplicationFailure.create({
      type: FAILURE.notFound,
      message: `case ${input.caseId} not found`,
      nonRetryable: true,
    });
  if (input.audit)
    await appendAudit(tx, {
      actor: input.audit.actor ?? { name: 'system' },
      action: input.audit.action,
      entity: 'case',
      entityId: input.caseId,
      caseId: input.caseId,
      workflowId: updated[0][0].workflow_id,
      after: { status: input.status, stage: input.stage, outcome: input.outcome, dueAt: input.dueAt },
      details: input.audit.details,
      idempotencyKey: input.audit.key,
    });
}

/** A human action on a task: its audit entry and the task row; recorded once per request id. */
async function recordActionIn(tx: Queryable, input: RecordActionInput): Promise<void> {
  const [before] = await tx.query(`SELECT status, decision, assignee_user_id, claimed_by FROM tasks WHERE id=$1`, [
    input.taskId,
  ]);
  const inserted = await appendAudit(tx, {
    actor: { id: input.actor.userId, name: input.actor.username },
    action: `task.${input.action}`,
    entity: 'task',
    entityId: input.taskId,
    caseId: input.caseId,
    workflowId: input.workflowId,
    before: before ?? null,
    after: input.task,
    details: { stage: input.stage, comment: input.comment ?? null, data: input.data ?? null },
    idempotencyKey: `action:${input.requestId}`,
  });
  if (!inserted) return; // already recorded by an earlier attempt
  await tx.query(
    `UPDATE tasks SET status=$2, decision=COALESCE($3, decision),
       decided_by=CASE WHEN $3::text IS NULL THEN decided_by ELSE $4::uuid END,
       decided_at=CASE WHEN $3::text IS NULL THEN decided_at ELSE now() END,
       assignee_user_id=COALESCE($5, assignee_user_id), claimed_by=$6
     WHERE id=$1`,
    [
      input.taskId,
      input.task.status,
      input.task.decision,
      input.actor.userId,
      input.task.assigneeUserId ?? null,
      input.task.claimedBy ?? null,
    ],
  );
}

/** Cancels the tasks of a stage still open (the stage was decided); returns how many. */
async function closeStageIn(
  q: Queryable,
  { workflowId, stage, round }: { workflowId: string; stage: string; round: number },
): Promise<number> {
  const [, count] = await q.query(
    `UPDATE tasks SET status='cancelled' WHERE workflow_id=$1 AND stage=$2 AND round=$3 AND status='open'`,
    [workflowId, stage, round],
  );
  return count;
}

/**
 * A stage's tasks (idempotent by workflow + stage + round + slot) and, in the same transaction, a notification to each
 * assignee (the login, or the role's holders): the task, its case and the people it is about, in words.
 */
async function openStageTasksIn(tx: Queryable, input: OpenTasksInput): Promise<TaskRef[]> {
  for (const a of input.assignees) {
    await tx.query(
      `INSERT INTO tasks (case_id, workflow_id, stage, stage_label, round, slot, assignee_role, assignee_user_id, allowed_actions, due_at)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10) ON CONFLICT (workflow_id, stage, round, slot) DO NOTHING`,
      [
        input.caseId,
        input.workflowId,
        input.stage,
        input.stageLabel,
        input.round,
        a.slot,
        a.role,
        a.userId,
        input.allowedActions,
        input.dueAt,
      ],
    );
  }
  const rows = await tx.query(
    `SELECT id, assignee_role AS role, assignee_user_id AS "userId", slot FROM tasks
     WHERE workflow_id=$1 AND stage=$2 AND round=$3 AND slot = ANY($4::int[]) ORDER BY slot`,
    [input.workflowId, input.stage, input.round, input.assignees.map((a) => a.slot)],
  );
  const notes: { id: string; role: string | null; userId: string | null; message: string }[] = await tx.query(
    `SELECT t.id, t.assignee_role AS role, t.assignee_user_id AS "userId",
            '新待办「' || t.stage_label || '」：' || c.title || COALESCE('（涉及 ' || (
              SELECT string_agg(e.name || '（' || e.code || '）', '、' ORDER BY e.code) FROM employees e
              WHERE e.id = ANY(c.subject_employee_ids)) || '）', '') AS message
     FROM tasks t JOIN cases c ON c.id = t.case_id WHERE t.id = ANY($1::uuid[])`,
    [rows.map((r: TaskRef) => r.id)],
  );
  await recordNotifications(
    tx,
    notes.map(({ id, role, userId, message }) => ({
      key: `task:${id}:assigned`,
      kind: 'task',
      caseId: input.caseId,
      taskId: id,
      role,
      userId,
      message,
    })),
  );
  return rows;
}

/**
 * Activities of the stage engine. Each write is idempotent by a natural key (workflow + stage + round + slot,
 * or the action's request id), so a retry after a crash never records twice.
 */
export function createCaseActivities(ds: DataSource): CaseActivities {
  return {
    async syncCase(input: SyncCaseInput): Promise<void> {
      await ds.transaction((tx) => syncCaseIn(tx, input));
    },

    async roleHolders(role): Promise<string[]> {
      const rows = await ds.query(`SELECT id FROM users WHERE active AND $1 = ANY(roles) ORDER BY username`, [role]);
      return rows.map((r: { id: string }) => r.id);
    },

    /** The active team-lead logins whose employee belongs to `unitId` (a team's own lead). */
    async teamLeadsOf(unitId: string): Promise<string[]> {
      const rows = await ds.query(
        `SELECT u.id FROM users u JOIN employees e ON e.id = u.employee_id
         WHERE u.active AND 'team-lead' = ANY(u.roles) AND e.unit_id = $1 ORDER BY u.username`,
        [unitId],
      );
      return rows.map((r: { id: string }) => r.id);
    },

    async openStageTasks(input: OpenTasksInput): Promise<TaskRef[]> {
      return ds.transaction((tx) => openStageTasksIn(tx, input));
    },

    /** A stage opened: its tasks and the case's read model, one transaction and one activity instead of two (issue 18). */
    async openStage(input: OpenStageInput): Promise<TaskRef[]> {
      return ds.transaction(async (tx) => {
        const refs = await openStageTasksIn(tx, input.tasks);
        await syncCaseIn(tx, input.sync);
        return refs;
      });
    },

    async recordAction(input: RecordActionInput): Promise<void> {
      await ds.transaction((tx) => recordActionIn(tx, input));
    },

    async closeStage(input): Promise<number> {
      return closeStageIn(ds, input);
    },

    /** One approve that decides its stage: one transaction and one activity instead of three (issue 18). */
    async recordClosingAction(input: RecordClosingActionInput): Promise<void> {
      await ds.transaction(async (tx) => {
        await recordActionIn(tx, input.action);
        await closeStageIn(tx, input.close);
        await syncCaseIn(tx, input.sync);
      });
    },

    async notify(input: NotifyInput): Promise<void> {
      await ds.transaction(async (tx) => {
        const rows = await recordNotifications(tx, [input]);
        if (rows.length)
          await appendAudit(tx, {
            actor: { name: 'system' },
            action: `notify.${input.kind}`,
            entity: 'task',
            entityId: input.taskId,
            caseId: input.caseId,
            workflowId: input.workflowId,
            details: { role: input.role, userId: input.userId, message: input.message },
            idempotencyKey: `notify:${input.key}`,
          });
      });
    },
  };
}
