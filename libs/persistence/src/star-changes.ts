import { appendAudit } from './core/audit';
import type { Queryable } from './core/queryable';

/** Writes a change of star (S-9 award, S-10/S-11/S-12 lowering, S-11 committee demotion) and its history row, once. */
export async function changeStar(
  tx: Queryable,
  change: {
    employeeId: string;
    toLevel: number;
    effectiveFrom: string;
    kind: 'award' | 'lowered' | 'revoked' | 'demoted';
    reason: string;
    rule: string;
    actor: string;
    /** the user who made the change (an api request); none for a process */
    actorId?: string | null;
    ref: string;
    key: string;
  },
): Promise<boolean> {
  const [holder] = await tx.query(`SELECT level FROM star_holders WHERE employee_id = $1 FOR UPDATE`, [
    change.employeeId,
  ]);
  const fromLevel = holder?.level ?? 0;
  const inserted = await tx.query(
    `INSERT INTO star_history (employee_id, effective_from, from_level, to_level, kind, reason, rule, actor, ref, idempotency_key)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10) ON CONFLICT (idempotency_key) DO NOTHING RETURNING id`,
    [
      change.employeeId,
      change.effectiveFrom,
      fromLevel,
      change.toLevel,
      change.kind,
      change.reason,
      change.rule,
      change.actor,
      change.ref,
      change.key,
    ],
  );
  if (!inserted.length) return false;
  if (change.toLevel <= 0) await tx.query(`DELETE FROM star_holders WHERE employee_id = $1`, [change.employeeId]);
  else {
    await tx.query(
      `INSERT INTO star_holders (employee_id, level, since) VALUES ($1,$2,$3)
       ON CONFLICT (employee_id) DO UPDATE SET level = EXCLUDED.level, since = EXCLUDED.since, updated_at = now()`,
      [change.employeeId, change.toLevel, change.effectiveFrom],
    );
  }
  await appendAudit(tx, {
    actor: { id: change.actorId ?? null, name: change.actor },
    action: `star.${change.kind}`,
    entity: 'employee',
    entityId: change.employeeId,
    after: { ...change, fromLevel },
    idempotencyKey: `star:${change.key}`,
  });
  return true;
}
