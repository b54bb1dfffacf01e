import type { Queryable } from './queryable';

export interface CaseRow {
  kind: string;
  businessKey: string;
  title: string;
  workflowId: string;
  policyVersion: number;
  flowVersion: number | null;
  data: unknown;
  unitId?: string | null;
  subjectEmployeeIds?: string[];
  createdBy?: string | null;
}

/**
 * Inserts a case by its natural key (kind, business key). Returns the new id, or null when a case with that key
 * already exists (then nothing is written) — the one place a case row is created.
 */
export async function registerCase(q: Queryable, c: CaseRow): Promise<string | null> {
  const rows = await q.query(
    `INSERT INTO cases (kind, business_key, title, workflow_id, policy_version, flow_version, data, unit_id, subject_employee_ids, created_by, status)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,'open') ON CONFLICT (kind, business_key) DO NOTHING RETURNING id`,
    [
      c.kind,
      c.businessKey,
      c.title,
      c.workflowId,
      c.policyVersion,
      c.flowVersion,
      JSON.stringify(c.data),
      c.unitId ?? null,
      c.subjectEmployeeIds ?? [],
      c.createdBy ?? null,
    ],
  );
  return rows[0]?.id ?? null;
}
