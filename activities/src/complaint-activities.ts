import { DataSource } from 'typeorm';
import { ComplaintActivities } from '@qf/contracts';
import { bookLedgerEntries } from '@qf/persistence';

/** Complaint activities: idempotent by natural key (case + employee + reason for the ledger). */
export function createComplaintActivities(ds: DataSource): ComplaintActivities {
  return {
    async usersOfEmployees(employeeIds) {
      if (!employeeIds.length) return [];
      return ds.query(
        `SELECT employee_id AS "employeeId", id AS "userId" FROM users WHERE active AND employee_id = ANY($1::uuid[]) ORDER BY username`,
        [employeeIds],
      );
    },

    async publishNotice({ caseId, workflowId, notice }) {
      await ds.transaction(async (tx) => {
        const rows = await tx.query(
          `INSERT INTO notices (case_id, workflow_id, body) VALUES ($1,$2,$3) ON CONFLICT (case_id) DO NOTHING RETURNING case_id`,
          [caseId, workflowId, JSON.stringify(notice)],
        );
        if (rows.length) {
          await tx.query(
            `INSERT INTO audit_log (actor, action, entity, entity_id, case_id, workflow_id, after, idempotency_key)
             VALUES ('system','notice.published','notice',$1::text,$1::uuid,$2,$3,$4) ON CONFLICT (idempotency_key) DO NOTHING`,
            [caseId, workflowId, JSON.stringify(notice), `notice:${caseId}`],
          );
        }
      });
    },

    async postLedger({ caseId, workflowId, source, month, lines }) {
      return ds.transaction(async (tx) => {
        const posted = await bookLedgerEntries(tx, {
          caseId,
          workflowId,
          source,
          month,
          lines: lines.map((l) => ({
            employeeId: l.employeeId,
            reason: l.reason,
            pointsX10: l.points,
            severity: l.severity,
          })),
        });
        await tx.query(
          `INSERT INTO audit_log (actor, action, entity, entity_id, case_id, workflow_id, after, idempotency_key)
           VALUES ('system','ledger.posted','case',$1::text,$1::uuid,$2,$3,$4) ON CONFLICT (idempotency_key) DO NOTHING`,
          [caseId, workflowId, JSON.stringify({ month, lines }), `ledger:${caseId}`],
        );
        return posted;
      });
    },
  };
}
