import type { Queryable } from './queryable';

/** One row of the append-only audit log (the table's trigger refuses UPDATE and DELETE). */
export interface AuditEntry {
  /** who acted: a user (id and login name) or a process ('system', 'api', 'schedule') */
  actor: { id?: string | null; name: string };
  /** dotted event name, e.g. `case.registered`, `meeting.moved` */
  action: string;
  /** the kind of record acted on, e.g. `case`, `meeting`, `employee` */
  entity: string;
  entityId?: string | null;
  caseId?: string | null;
  workflowId?: string | null;
  before?: unknown;
  after?: unknown;
  details?: unknown;
  /** a natural key: the same key twice writes one row (a retried activity or a double click audits once) */
  idempotencyKey?: string | null;
}

const json = (v: unknown) => (v === undefined ? null : JSON.stringify(v));

/** Appends one audit row; returns false when a row with the same idempotency key already exists. */
export async function appendAudit(q: Queryable, e: AuditEntry): Promise<boolean> {
  const rows = await q.query(
    `INSERT INTO audit_log (actor_id, actor, action, entity, entity_id, case_id, workflow_id, before, after, details, idempotency_key)
     VALUES ($1,$2,$3,$4,$5,$6::uuid,$7,$8,$9,$10,$11) ON CONFLICT (idempotency_key) DO NOTHING RETURNING id`,
    [
      e.actor.id ?? null,
      e.actor.name,
      e.action,
      e.entity,
      e.entityId ?? null,
      e.caseId ?? null,
      e.workflowId ?? null,
      json(e.before),
      json(e.after),
      json(e.details),
      e.idempotencyKey ?? null,
    ],
  );
  return rows.length > 0;
}
