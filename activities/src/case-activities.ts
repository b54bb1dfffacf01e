import { DataSource } from 'typeorm';
import { ApplicationFailure } from '@temporalio/activity';
import {
  CaseActivities,
  FAILURE,
  NotifyInput,
  OpenTasksInput,
  RecordActionInput,
  SyncCaseInput,
  TaskRef,
} from '@qf/contracts';

/**
 * Activities of the stage engine. Each write is idempotent by a natural key (workflow + stage + round + slot,
 * or the action's request id), so a retry after a crash never records twice.
 */
export function createCaseActivities(ds: DataSource): CaseActivities {
  return {
    async syncCase(input: SyncCaseInput): Promise<void> {
      await ds.transaction(async (tx) => {
        const updated = await tx.query(
          `UPDATE cases SET status=$2, stage=$3, outcome=$4, waiting_on=$5, waiting_since=$6, due_at=$7, data=$8, updated_at=now()
           WHERE id=$1 RETURNING id`,
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
        if (input.audit) {
          await tx.query(
            `INSERT INTO audit_log (actor, action, entity, entity_id, case_id, workflow_id, after, details, idempotency_key)
             SELECT $1, $2, 'case', $3::text, $3::uuid, c.workflow_id, $4, $5, $6 FROM cases c WHERE c.id = $3::uuid
             ON CONFLICT (idempotency_key) DO NOTHING`,
            [
              input.audit.actor ?? 'system',
              input.audit.action,
              input.caseId,
              JSON.stringify({ status: input.status, stage: input.stage, outcome: input.outcome, dueAt: input.dueAt }),
              input.audit.details === undefined ? null : JSON.stringify(input.audit.details),
              input.audit.key,
            ],
          );
        }
      });
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
      for (const a of input.assignees) {
        await ds.query(
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
      const rows = await ds.query(
        `SELECT id, assignee_role AS role, assignee_user_id AS "userId", slot FROM tasks
         WHERE workflow_id=$1 AND stage=$2 AND round=$3 AND slot = ANY($4::int[]) ORDER BY slot`,
        [input.workflowId, input.stage, input.round, input.assignees.map((a) => a.slot)],
      );
      return rows;
    },

    async recordAction(input: RecordActionInput): Promise<void> {
      await ds.transaction(async (tx) => {
        const [before] = await tx.query(
          `SELECT status, decision, assignee_user_id, claimed_by FROM tasks WHERE id=$1`,
          [input.taskId],
        );
        const inserted = await tx.query(
          `INSERT INTO audit_log (actor_id, actor, action, entity, entity_id, case_id, workflow_id, before, after, details, idempotency_key)
           VALUES ($1,$2,$3,'task',$4,$5,$6,$7,$8,$9,$10) ON CONFLICT (idempotency_key) DO NOTHING RETURNING id`,
          [
            input.actor.userId,
            input.actor.username,
            `task.${input.action}`,
            input.taskId,
            input.caseId,
            input.workflowId,
            JSON.stringify(before ?? null),
            JSON.stringify(input.task),
            JSON.stringify({ stage: input.stage, comment: input.comment ?? null, data: input.data ?? null }),
            `action:${input.requestId}`,
          ],
        );
        if (!inserted.length) return; // already recorded by an earlier attempt
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
      });
    },

    async closeStage({ workflowId, stage, round }): Promise<number> {
      const [, count] = await ds.query(
        `UPDATE tasks SET status='cancelled' WHERE workflow_id=$1 AND stage=$2 AND round=$3 AND status='open'`,
        [workflowId, stage, round],
      );
      return count;
    },

    async notify(input: NotifyInput): Promise<void> {
      await ds.transaction(async (tx) => {
        const rows = await tx.query(
          `INSERT INTO notifications (idempotency_key, kind, case_id, task_id, role, user_id, message)
           VALUES ($1,$2,$3,$4,$5,$6,$7) ON CONFLICT (idempotency_key) DO NOTHING RETURNING id`,
          [input.key, input.kind, input.caseId, input.taskId, input.role, input.userId, input.message],
        );
        if (rows.length) {
          await tx.query(
            `INSERT INTO audit_log (actor, action, entity, entity_id, case_id, workflow_id, details, idempotency_key)
             VALUES ('system', $1, 'task', $2, $3, $4, $5, $6) ON CONFLICT (idempotency_key) DO NOTHING`,
            [
              `notify.${input.kind}`,
              input.taskId,
              input.caseId,
              input.workflowId,
              JSON.stringify({ role: input.role, userId: input.userId, message: input.message }),
              `notify:${input.key}`,
            ],
          );
        }
      });
    },
  };
}
