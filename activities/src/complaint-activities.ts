import { DataSource } from 'typeorm';
import { ComplaintActivities } from '@qf/contracts';
import { appendAudit, bookLedgerEntries, insertNotice, usersOfEmployees } from '@qf/persistence';

/** Complaint activities: idempotent by natural key (case + employee + reason for the ledger). */
export function createComplaintActivities(ds: DataSource): ComplaintActivities {
  return {
    async usersOfEmployees(employeeIds) {
      return usersOfEmployees(ds, employeeIds);
    },

    /** C-11: the named notice, once per case. */
    async publishNotice({ caseId, workflowId, notice }) {
      await ds.transaction(async (tx) => {
        if (await insertNotice(tx, { caseId, workflowId, notice }))
          await appendAudit(tx, {
            actor: { name: 'system' },
            action: 'notice.published',
            entity: 'notice',
            entityId: caseId,
            caseId,
            workflowId,
            after: notice,
            idempotencyKey: `notice:${caseId}`,
          });
      });
    },

    /** C-12 / H-2: the ruling's deductions, once; a locked month's go to the next open month. */
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
        await appendAudit(tx, {
          actor: { name: 'system' },
          action: 'ledger.posted',
          entity: 'case',
          entityId: caseId,
          caseId,
          workflowId,
          after: { month, lines },
          idempotencyKey: `ledger:${caseId}`,
        });
        return posted;
      });
    },
  };
}
