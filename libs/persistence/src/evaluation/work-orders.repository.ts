import type { Queryable } from '../core/queryable';
import { selectPage, Where } from '../core/list-page';
import { orderScopeSql, OrderScope } from './scope';

/** E-1: a closed work order as stored (ids resolved). */
export interface NewWorkOrder {
  orderNo: string;
  faultKey: string | null;
  repeatReport: boolean;
  source: string;
  repairerId: string;
  teamUnitId: string;
  reporter: string;
  reportedAt: string | null;
  closedAt: string;
}

export interface WorkOrderRow {
  id: string;
  orderNo: string;
  faultKey: string | null;
  repeatReport: boolean;
  source: string;
  repairerId: string;
  repairerName: string;
  teamUnitId: string;
  teamName: string | null;
  reporter: string;
  reportedAt: Date | null;
  closedAt: Date;
}

export interface ImportProgressRow {
  id: string;
  kind: string;
  phase: string;
  processed: number;
  total: number;
  message: string | null;
  updatedAt: Date;
}

/** The sortable fields of the work-order list and their columns. */
export const WORK_ORDER_SORT = { closedAt: 'w.closed_at', orderNo: 'w.order_no' };

const COLUMNS = `w.id, w.order_no AS "orderNo", w.fault_key AS "faultKey", w.repeat_report AS "repeatReport", w.source,
  w.repairer_id AS "repairerId", e.name || '（' || e.code || '）' AS "repairerName", w.team_unit_id AS "teamUnitId",
  t.name AS "teamName", w.reporter, w.reported_at AS "reportedAt", w.closed_at AS "closedAt"`;
const FROM = `FROM work_orders w JOIN employees e ON e.id = w.repairer_id LEFT JOIN org_units t ON t.id = w.team_unit_id`;
const INSERT_COLUMNS = `order_no, fault_key, repeat_report, source, repairer_id, team_unit_id, reporter, reported_at, closed_at`;

/** Whether the unit exists and is a team (E-1, E-7: orders and rectifications belong to a team). */
export async function isTeam(q: Queryable, unitId: string): Promise<boolean> {
  const [u] = await q.query(`SELECT kind FROM org_units WHERE id = $1`, [unitId]);
  return u?.kind === 'team';
}

export async function insertWorkOrder(q: Queryable, o: NewWorkOrder): Promise<string> {
  const [r] = await q.query(
    `INSERT INTO work_orders (${INSERT_COLUMNS}) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9) RETURNING id`,
    [o.orderNo, o.faultKey, o.repeatReport, o.source, o.repairerId, o.teamUnitId, o.reporter, o.reportedAt, o.closedAt],
  );
  return r.id;
}

/** E-1 bulk: one set-based statement for many orders (call it inside a transaction, in parts of some 20,000). */
export async function insertWorkOrders(q: Queryable, rows: readonly NewWorkOrder[]): Promise<void> {
  const col = <K extends keyof NewWorkOrder>(k: K) => rows.map((r) => r[k]);
  await q.query(
    `INSERT INTO work_orders (${INSERT_COLUMNS})
     SELECT * FROM unnest($1::text[], $2::text[], $3::bool[], $4::text[], $5::uuid[], $6::uuid[], $7::text[], $8::timestamptz[], $9::timestamptz[])`,
    [
      col('orderNo'),
      col('faultKey'),
      col('repeatReport'),
      col('source'),
      col('repairerId'),
      col('teamUnitId'),
      col('reporter'),
      col('reportedAt'),
      col('closedAt'),
    ],
  );
}

/** The codes an import names, resolved: employee code → id, team code → id. */
export async function importCodes(
  q: Queryable,
): Promise<{ employees: Map<string, string>; teams: Map<string, string> }> {
  const employees = new Map<string, string>(
    (await q.query(`SELECT code, id FROM employees`)).map((e: { code: string; id: string }) => [e.code, e.id]),
  );
  const teams = new Map<string, string>(
    (await q.query(`SELECT code, id FROM org_units WHERE kind = 'team'`)).map((t: { code: string; id: string }) => [
      t.code,
      t.id,
    ]),
  );
  return { employees, teams };
}

/** The order numbers of the list that are already stored. */
export async function existingOrderNos(q: Queryable, orderNos: readonly string[]): Promise<string[]> {
  return (await q.query(`SELECT order_no FROM work_orders WHERE order_no = ANY($1::text[])`, [orderNos])).map(
    (r: { order_no: string }) => r.order_no,
  );
}

/** Records an import's phase (the console polls it by the client-chosen id). */
export async function saveImportProgress(
  q: Queryable,
  p: { id: string; kind: string; phase: string; processed: number; total: number; message?: string | null },
): Promise<void> {
  await q.query(
    `INSERT INTO import_progress (id, kind, phase, processed, total, message) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (id) DO UPDATE SET phase = $3, processed = $4, total = $5, message = $6, updated_at = now()`,
    [p.id, p.kind, p.phase, p.processed, p.total, p.message ?? null],
  );
}

export async function findImportProgress(q: Queryable, id: string): Promise<ImportProgressRow | undefined> {
  const [p] = await q.query(
    `SELECT id, kind, phase, processed, total, message, updated_at AS "updatedAt" FROM import_progress WHERE id = $1`,
    [id],
  );
  return p;
}

/** One page of closed orders the reader may see. */
export async function listWorkOrders(
  q: Queryable,
  o: { scope: OrderScope; orderBy: string; limit: number; offset: number },
): Promise<{ rows: WorkOrderRow[]; total: number }> {
  const where = new Where();
  where.and(orderScopeSql(o.scope, where));
  return selectPage<WorkOrderRow>(q, {
    columns: COLUMNS,
    from: FROM,
    where,
    orderBy: o.orderBy,
    tieBreaker: 'w.id',
    limit: o.limit,
    offset: o.offset,
  });
}

/** One closed order, when the reader may see it. */
export async function findWorkOrder(q: Queryable, id: string, scope: OrderScope): Promise<WorkOrderRow | undefined> {
  const where = new Where();
  where.and(`w.id = ${where.param(id)}`).and(orderScopeSql(scope, where));
  const [o] = await q.query(`SELECT ${COLUMNS} ${FROM} WHERE ${where.sql}`, where.params);
  return o;
}
