import type { Queryable } from '../core/queryable';
import { selectPage, Where } from '../core/list-page';
import { updatedRows } from './service-orders.repository';

const NAME = (a: string) => `${a}.name || '（' || ${a}.code || '）'`;

/** K-8: the person fined and their direct lead: the team lead of their unit (a login), else the supervisor named in org. */
export async function finePerson(
  q: Queryable,
  employeeId: string,
): Promise<{
  employeeId: string;
  name: string;
  unitId: string;
  unitName: string;
  leadId: string | null;
  leadName: string | null;
  leadUserId: string | null;
} | null> {
  const [r] = await q.query(
    `WITH p AS (SELECT e.*, COALESCE(
         (SELECT le.id FROM employees le JOIN users lu ON lu.employee_id = le.id AND lu.active
          WHERE le.unit_id = e.unit_id AND le.id <> e.id AND 'team-lead' = ANY(lu.roles) ORDER BY le.code LIMIT 1),
         e.supervisor_id) AS lead_id
       FROM employees e WHERE e.id = $1)
     SELECT p.id AS "employeeId", ${NAME('p')} AS name, p.unit_id AS "unitId", o.name AS "unitName", p.lead_id AS "leadId",
            (SELECT ${NAME('l')} FROM employees l WHERE l.id = p.lead_id) AS "leadName",
            (SELECT u.id FROM users u WHERE u.employee_id = p.lead_id AND u.active ORDER BY u.username LIMIT 1) AS "leadUserId"
     FROM p JOIN org_units o ON o.id = p.unit_id`,
    [employeeId],
  );
  return r ?? null;
}

export interface NewFine {
  kind: string;
  employeeId: string;
  leadId: string | null;
  unitId: string | null;
  orderId: string | null;
  amountFen: number;
  leadFen: number;
  unitScoreDelta: number;
  month: string;
  description: string;
  registeredBy: string;
}

export async function insertFine(q: Queryable, f: NewFine): Promise<string> {
  const [r] = await q.query(
    `INSERT INTO service_fines (kind, employee_id, lead_id, unit_id, order_id, amount_fen, lead_fen, unit_score_delta, month, description, registered_by)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11) RETURNING id`,
    [
      f.kind,
      f.employeeId,
      f.leadId,
      f.unitId,
      f.orderId,
      f.amountFen,
      f.leadFen,
      f.unitScoreDelta,
      f.month,
      f.description,
      f.registeredBy,
    ],
  );
  return r.id;
}

export async function setFineCase(q: Queryable, fineId: string, caseId: string): Promise<void> {
  await q.query(`UPDATE service_fines SET case_id = $2 WHERE id = $1 AND case_id IS NULL`, [fineId, caseId]);
}

/** K-8: the lead's decision, once: returns the fine when this call decided it, null when it was decided before. */
export interface DecidedFine {
  employeeId: string;
  leadId: string | null;
  unitId: string | null;
  amountFen: number;
  leadFen: number;
  /** K-8: the unit's organisational score change (−1 for a false work order) */
  unitScoreDelta: number;
  month: string;
  kind: string;
}

export async function decideFine(
  q: Queryable,
  fineId: string,
  status: 'approved' | 'returned',
): Promise<DecidedFine | null> {
  const [r] = updatedRows<DecidedFine>(
    await q.query(
      `UPDATE service_fines SET status = $2, decided_at = now() WHERE id = $1 AND status = 'pending'
     RETURNING employee_id AS "employeeId", lead_id AS "leadId", unit_id AS "unitId", amount_fen::float8 AS "amountFen",
       lead_fen::float8 AS "leadFen", unit_score_delta::float8 AS "unitScoreDelta", month, kind`,
      [fineId, status],
    ),
  );
  return r ?? null;
}

export interface FineRow {
  id: string;
  kind: string;
  employeeId: string;
  employeeName: string;
  leadName: string | null;
  unitId: string | null;
  unitName: string | null;
  orderNo: string | null;
  amountFen: number;
  leadFen: number;
  unitScoreDelta: number;
  month: string;
  description: string;
  status: string;
  caseId: string | null;
  registeredByName: string | null;
  createdAt: Date;
  decidedAt: Date | null;
}

const FINE_COLUMNS = `f.id, f.kind, f.employee_id AS "employeeId", ${NAME('e')} AS "employeeName",
  (SELECT ${NAME('l')} FROM employees l WHERE l.id = f.lead_id) AS "leadName", f.unit_id AS "unitId", o.name AS "unitName",
  (SELECT so.order_no FROM service_orders so WHERE so.id = f.order_id) AS "orderNo", f.amount_fen::float8 AS "amountFen",
  f.lead_fen::float8 AS "leadFen", f.unit_score_delta::float8 AS "unitScoreDelta", f.month, f.description, f.status,
  f.case_id AS "caseId", COALESCE((SELECT ${NAME('re')} FROM employees re WHERE re.id = ru.employee_id), ru.display_name) AS "registeredByName",
  f.created_at AS "createdAt", f.decided_at AS "decidedAt"`;
const FINE_FROM = `FROM service_fines f JOIN employees e ON e.id = f.employee_id LEFT JOIN org_units o ON o.id = f.unit_id
  LEFT JOIN users ru ON ru.id = f.registered_by`;

export const FINE_SORT = {
  createdAt: 'f.created_at',
  id: 'f.id',
  month: 'f.month',
  amountFen: 'f.amount_fen',
  kind: 'f.kind',
  leadFen: 'f.lead_fen',
  status: 'f.status',
};

/** Who reads fines: all (admin, quality, HR), or those they registered, are fined in, or decide (lead). */
export type FineScope = { all: true } | { all: false; userId: string; employeeId: string | null };

function fineScopeSql(scope: FineScope, w: Where): string | null {
  if (scope.all) return null;
  const u = w.param(scope.userId);
  const e = w.param(scope.employeeId);
  return `(f.registered_by = ${u} OR f.employee_id = ${e}::uuid OR f.lead_id = ${e}::uuid)`;
}

export async function fineById(q: Queryable, id: string, scope: FineScope): Promise<FineRow | undefined> {
  const w = new Where();
  w.and(`f.id = ${w.param(id)}`).and(fineScopeSql(scope, w));
  const [r] = await q.query(`SELECT ${FINE_COLUMNS} ${FINE_FROM} WHERE ${w.sql}`, w.params);
  return r;
}

export async function listFines(
  q: Queryable,
  o: { scope: FineScope; filter: Record<string, unknown>; orderBy: string; limit: number; offset: number },
): Promise<{ rows: FineRow[]; total: number }> {
  const f = o.filter;
  const text = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
  const w = new Where();
  w.and(fineScopeSql(o.scope, w))
    .eq('f.status', text(f.status))
    .eq('f.kind', text(f.kind))
    .eq('f.month', text(f.month))
    .anyOf('f.id', f.id);
  const emp = text(f.employeeId);
  if (emp) w.and(/^[0-9a-f-]{36}$/i.test(emp) ? `f.employee_id = ${w.param(emp)}::uuid` : 'FALSE');
  return selectPage<FineRow>(q, {
    columns: FINE_COLUMNS,
    from: FINE_FROM,
    where: w,
    orderBy: o.orderBy,
    tieBreaker: 'f.id',
    limit: o.limit,
    offset: o.offset,
  });
}
