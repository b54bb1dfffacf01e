import type { Queryable } from '../core/queryable';
import { selectPage, Where } from '../core/list-page';

/** K-1: the kinds, stages and tracking lines of a service work order as stored. */
export type ServiceOrderKind = 'ordinary' | 'vip_fault' | 'vip_activation';
export type ServiceOrderStage = 'hotline' | 'dispatch' | 'handling' | 'closed';
export type TrackingLine = 'handler_feedback' | 're_complaint' | 'callback' | 'qa_sampling';

/** Who reads service orders: everything (admin, dispatchers, managers), or a unit's subtree (team leads). */
export type ServiceOrderScope = { all: true } | { all: false; unitId: string | null };

const subtree = (unitParam: string) =>
  `(WITH RECURSIVE sub AS (SELECT id FROM org_units WHERE id = ${unitParam}::uuid
     UNION ALL SELECT u.id FROM org_units u JOIN sub ON u.parent_id = sub.id) SELECT id FROM sub)`;

function scopeSql(scope: ServiceOrderScope, w: Where): string | null {
  if (scope.all) return null;
  if (!scope.unitId) return 'FALSE';
  return `o.unit_id IN ${subtree(w.param(scope.unitId))}`;
}

export interface NewServiceOrder {
  orderNo: string;
  kind: ServiceOrderKind;
  stage: ServiceOrderStage;
  unitId: string;
  handlerId: string | null;
  acceptedAt: string;
  respondedAt: string | null;
  closedAt: string | null;
  respondDueAt: string;
  completeDueAt: string;
}

export interface ServiceOrderRow {
  id: string;
  orderNo: string;
  kind: ServiceOrderKind;
  stage: ServiceOrderStage;
  unitId: string;
  unitName: string;
  handlerId: string | null;
  /** 姓名（工号） */
  handlerName: string | null;
  acceptedAt: Date;
  respondedAt: Date | null;
  closedAt: Date | null;
  respondDueAt: Date;
  completeDueAt: Date;
  lateRespondAt: Date | null;
  lateCompleteAt: Date | null;
  late: boolean;
  redispatchCount: number;
  createdAt: Date;
}

export interface ServiceOrderMove {
  id: string;
  fromStage: ServiceOrderStage | null;
  toStage: ServiceOrderStage;
  actorUserId: string | null;
  actorName: string;
  at: Date;
  note: string | null;
}

export interface ServiceOrderTrackingRow {
  line: TrackingLine;
  value: string;
  recordedBy: string | null;
  recordedByName: string | null;
  recordedAt: Date;
}

const COLUMNS = `o.id, o.order_no AS "orderNo", o.kind, o.stage, o.unit_id AS "unitId", u.name AS "unitName",
  o.handler_id AS "handlerId", CASE WHEN h.id IS NULL THEN NULL ELSE h.name || '（' || h.code || '）' END AS "handlerName",
  o.accepted_at AS "acceptedAt", o.responded_at AS "respondedAt", o.closed_at AS "closedAt",
  o.respond_due_at AS "respondDueAt", o.complete_due_at AS "completeDueAt", o.late_respond_at AS "lateRespondAt",
  o.late_complete_at AS "lateCompleteAt", (o.late_respond_at IS NOT NULL OR o.late_complete_at IS NOT NULL) AS late,
  o.redispatch_count AS "redispatchCount", o.created_at AS "createdAt"`;
const FROM = `FROM service_orders o JOIN org_units u ON u.id = o.unit_id LEFT JOIN employees h ON h.id = o.handler_id`;

/** The sortable fields of the service-order list and their columns. */
export const SERVICE_ORDER_SORT = {
  createdAt: 'o.created_at',
  id: 'o.id',
  acceptedAt: 'o.accepted_at',
  orderNo: 'o.order_no',
  kind: 'o.kind',
  respondDueAt: 'o.respond_due_at',
  completeDueAt: 'o.complete_due_at',
  redispatchCount: 'o.redispatch_count',
};

/** K-1: inserts one order (its deadlines already computed, K-2); null when the order number exists. */
export async function insertServiceOrder(q: Queryable, o: NewServiceOrder): Promise<string | null> {
  const rows = await q.query(
    `INSERT INTO service_orders (order_no, kind, stage, unit_id, handler_id, accepted_at, responded_at, closed_at, respond_due_at, complete_due_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10) ON CONFLICT (order_no) DO NOTHING RETURNING id`,
    [
      o.orderNo,
      o.kind,
      o.stage,
      o.unitId,
      o.handlerId,
      o.acceptedAt,
      o.respondedAt,
      o.closedAt,
      o.respondDueAt,
      o.completeDueAt,
    ],
  );
  return rows[0]?.id ?? null;
}

/** The order numbers of `orderNos` that exist already (an import refuses them). */
export async function existingServiceOrderNos(q: Queryable, orderNos: string[]): Promise<string[]> {
  if (!orderNos.length) return [];
  const rows = await q.query(`SELECT order_no FROM service_orders WHERE order_no = ANY($1::text[])`, [orderNos]);
  return rows.map((r: { order_no: string }) => r.order_no);
}

/** One order the reader may see (undefined when missing or out of scope). */
export async function serviceOrderById(
  q: Queryable,
  id: string,
  scope: ServiceOrderScope,
): Promise<ServiceOrderRow | undefined> {
  const w = new Where();
  w.and(`o.id = ${w.param(id)}`).and(scopeSql(scope, w));
  const [r] = await q.query(`SELECT ${COLUMNS} ${FROM} WHERE ${w.sql}`, w.params);
  return r;
}

/** The order's row locked for a move (`SELECT … FOR UPDATE`). */
export async function lockServiceOrder(q: Queryable, id: string): Promise<ServiceOrderRow | undefined> {
  const [r] = await q.query(
    `SELECT ${COLUMNS} FROM service_orders o JOIN org_units u ON u.id = o.unit_id LEFT JOIN employees h ON h.id = o.handler_id
     WHERE o.id = $1 FOR UPDATE OF o`,
    [id],
  );
  return r;
}

/** K-1: the order's stage (and handling unit/handler, response and close times) after a move. */
export async function updateServiceOrderStage(
  q: Queryable,
  id: string,
  s: {
    stage: ServiceOrderStage;
    unitId: string;
    handlerId: string | null;
    respondedAt: string | null;
    closedAt: string | null;
  },
): Promise<void> {
  await q.query(
    `UPDATE service_orders SET stage = $2, unit_id = $3, handler_id = $4,
       responded_at = COALESCE(responded_at, $5::timestamptz), closed_at = COALESCE(closed_at, $6::timestamptz) WHERE id = $1`,
    [id, s.stage, s.unitId, s.handlerId, s.respondedAt, s.closedAt],
  );
}

/** K-2: a re-dispatch is done: the order counts one more re-dispatch (and may go to another unit/handler). */
export async function markServiceOrderRedispatched(
  q: Queryable,
  id: string,
  to: { unitId: string | null; handlerId: string | null },
): Promise<void> {
  await q.query(
    `UPDATE service_orders SET redispatch_count = redispatch_count + 1, unit_id = COALESCE($2::uuid, unit_id),
       handler_id = COALESCE($3::uuid, handler_id) WHERE id = $1`,
    [id, to.unitId, to.handlerId],
  );
}

/** K-1: one move of an order, with who and when. */
export async function insertServiceOrderMove(
  q: Queryable,
  m: {
    orderId: string;
    fromStage: ServiceOrderStage | null;
    toStage: ServiceOrderStage;
    actorUserId: string | null;
    actorName: string;
    at?: string | null;
    note?: string | null;
  },
): Promise<void> {
  await q.query(
    `INSERT INTO service_order_moves (order_id, from_stage, to_stage, actor_user_id, actor_name, at, note)
     VALUES ($1,$2,$3,$4,$5,COALESCE($6::timestamptz, now()),$7)`,
    [m.orderId, m.fromStage, m.toStage, m.actorUserId, m.actorName, m.at ?? null, m.note ?? null],
  );
}

export async function serviceOrderMoves(q: Queryable, orderId: string): Promise<ServiceOrderMove[]> {
  return q.query(
    `SELECT id::text, from_stage AS "fromStage", to_stage AS "toStage", actor_user_id AS "actorUserId",
            actor_name AS "actorName", at, note FROM service_order_moves WHERE order_id = $1 ORDER BY at, id`,
    [orderId],
  );
}

/** K-1: records (or replaces) one of the order's four tracking lines. */
export async function upsertServiceOrderTracking(
  q: Queryable,
  t: { orderId: string; line: TrackingLine; value: string; recordedBy: string | null },
): Promise<void> {
  await q.query(
    `INSERT INTO service_order_tracking (order_id, line, value, recorded_by, recorded_at) VALUES ($1,$2,$3,$4,now())
     ON CONFLICT (order_id, line) DO UPDATE SET value = EXCLUDED.value, recorded_by = EXCLUDED.recorded_by, recorded_at = now()`,
    [t.orderId, t.line, t.value, t.recordedBy],
  );
}

export async function serviceOrderTracking(q: Queryable, orderId: string): Promise<ServiceOrderTrackingRow[]> {
  return q.query(
    `SELECT t.line, t.value, t.recorded_by AS "recordedBy",
            COALESCE((SELECT e.name || '（' || e.code || '）' FROM employees e WHERE e.id = us.employee_id), us.display_name) AS "recordedByName",
            t.recorded_at AS "recordedAt"
     FROM service_order_tracking t LEFT JOIN users us ON us.id = t.recorded_by WHERE t.order_id = $1 ORDER BY t.line`,
    [orderId],
  );
}

/**
 * One page of orders the reader may see. Filters: stage, unitId, kind, late (true/false), redispatched (true),
 * open (true: not closed), month (YYYY-MM of acceptance), q (工单号).
 */
export async function listServiceOrders(
  q: Queryable,
  o: { scope: ServiceOrderScope; filter: Record<string, unknown>; orderBy: string; limit: number; offset: number },
): Promise<{ rows: ServiceOrderRow[]; total: number }> {
  const f = o.filter;
  const text = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
  const bool = (v: unknown) => (v === true || v === 'true' ? true : v === false || v === 'false' ? false : undefined);
  const w = new Where();
  w.and(scopeSql(o.scope, w)).eq('o.stage', text(f.stage)).eq('o.kind', text(f.kind)).anyOf('o.id', f.id);
  const unit = text(f.unitId);
  if (unit && /^[0-9a-f-]{36}$/i.test(unit)) w.and(`o.unit_id = ${w.param(unit)}::uuid`);
  else if (unit) w.and('FALSE');
  const late = bool(f.late);
  if (late !== undefined)
    w.and(`(o.late_respond_at IS NOT NULL OR o.late_complete_at IS NOT NULL) = ${late ? 'TRUE' : 'FALSE'}`);
  if (bool(f.redispatched)) w.and('o.redispatch_count > 0');
  if (bool(f.open)) w.and(`o.stage <> 'closed'`);
  const month = text(f.month);
  if (month) w.and(`to_char(o.accepted_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') = ${w.param(month)}`);
  if (typeof f.q === 'string' && f.q.trim())
    w.and(`o.order_no ILIKE ${w.param(`%${f.q.trim().replace(/[\\%_]/g, (m) => `\\${m}`)}%`)}`);
  return selectPage<ServiceOrderRow>(q, {
    columns: COLUMNS,
    from: FROM,
    where: w,
    orderBy: o.orderBy,
    tieBreaker: 'o.id',
    limit: o.limit,
    offset: o.offset,
  });
}

/** An order the deadline scan flagged just now (K-2). */
export interface FlaggedServiceOrder {
  id: string;
  orderNo: string;
  kind: ServiceOrderKind;
  unitId: string;
  unitName: string;
  handlerId: string | null;
  acceptedAt: Date;
  respondedAt: Date | null;
  closedAt: Date | null;
  respondDueAt: Date;
  completeDueAt: Date;
  /** this scan set late_respond_at */
  respondFlagged: boolean;
  /** this scan set late_complete_at */
  completeFlagged: boolean;
}

/**
 * K-2: the set-based deadline scan — ONE statement flags every order whose response or completion deadline passed
 * before `now` and that is not flagged yet (open, or done after the deadline), and returns what it flagged. Idempotent:
 * a second scan (or a concurrent one: the row lock re-checks the condition) flags nothing twice. The two partial
 * indexes hold only unflagged orders, so the scan reads the due ones, not the month's history.
 */
export async function flagLateServiceOrders(q: Queryable, now: string): Promise<FlaggedServiceOrder[]> {
  const respondDue = `(o.late_respond_at IS NULL AND (o.responded_at IS NULL OR o.responded_at > o.respond_due_at) AND o.respond_due_at < $1::timestamptz)`;
  const completeDue = `(o.late_complete_at IS NULL AND (o.closed_at IS NULL OR o.closed_at > o.complete_due_at) AND o.complete_due_at < $1::timestamptz)`;
  return updatedRows(
    await q.query(
      `UPDATE service_orders o SET
       late_respond_at = CASE WHEN ${respondDue} THEN $1::timestamptz ELSE o.late_respond_at END,
       late_complete_at = CASE WHEN ${completeDue} THEN $1::timestamptz ELSE o.late_complete_at END
     FROM org_units u
     WHERE u.id = o.unit_id AND (${respondDue} OR ${completeDue})
     RETURNING o.id, o.order_no AS "orderNo", o.kind, o.unit_id AS "unitId", u.name AS "unitName", o.handler_id AS "handlerId",
       o.accepted_at AS "acceptedAt", o.responded_at AS "respondedAt", o.closed_at AS "closedAt",
       o.respond_due_at AS "respondDueAt", o.complete_due_at AS "completeDueAt",
       COALESCE(o.late_respond_at = $1::timestamptz, false) AS "respondFlagged",
       COALESCE(o.late_complete_at = $1::timestamptz, false) AS "completeFlagged"`,
      [now],
    ),
  );
}

/**
 * K-2: the orders one scan flagged (its `now`), by order number after `after`, at most `limit`: the re-dispatch cases
 * are opened batch by batch after the flags are committed.
 */
export async function serviceOrdersFlaggedAt(
  q: Queryable,
  now: string,
  after: string,
  limit: number,
): Promise<FlaggedServiceOrder[]> {
  return q.query(
    `SELECT o.id, o.order_no AS "orderNo", o.kind, o.unit_id AS "unitId", u.name AS "unitName", o.handler_id AS "handlerId",
       o.accepted_at AS "acceptedAt", o.responded_at AS "respondedAt", o.closed_at AS "closedAt",
       o.respond_due_at AS "respondDueAt", o.complete_due_at AS "completeDueAt",
       COALESCE(o.late_respond_at = $1::timestamptz, false) AS "respondFlagged",
       COALESCE(o.late_complete_at = $1::timestamptz, false) AS "completeFlagged"
     FROM service_orders o JOIN org_units u ON u.id = o.unit_id
     WHERE (o.late_respond_at = $1::timestamptz OR o.late_complete_at = $1::timestamptz) AND o.order_no > $2
     ORDER BY o.order_no LIMIT $3`,
    [now, after, limit],
  );
}

/** The rows of an `UPDATE … RETURNING` (TypeORM's postgres driver answers `[rows, affected]` for an UPDATE). */
export function updatedRows<T>(r: unknown): T[] {
  return (Array.isArray(r) && Array.isArray(r[0]) ? r[0] : r) as T[];
}

/** K-2: late orders per handling unit in a month (acceptance month, Asia/Shanghai) — what counts against a unit. */
export async function lateServiceOrdersByUnit(
  q: Queryable,
  month: string,
): Promise<{ unitId: string; orders: number; late: number; lateRespond: number; lateComplete: number }[]> {
  return q.query(
    `SELECT unit_id AS "unitId", count(*)::int AS orders,
            count(*) FILTER (WHERE late_respond_at IS NOT NULL OR late_complete_at IS NOT NULL)::int AS late,
            count(*) FILTER (WHERE late_respond_at IS NOT NULL)::int AS "lateRespond",
            count(*) FILTER (WHERE late_complete_at IS NOT NULL)::int AS "lateComplete"
     FROM service_orders WHERE to_char(accepted_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') = $1 GROUP BY unit_id`,
    [month],
  );
}
