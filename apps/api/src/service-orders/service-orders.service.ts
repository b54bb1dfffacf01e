import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CreateServiceOrderInput, MoveServiceOrderInput, TrackServiceOrderInput } from '@qf/contracts';
import { nextOrderStage, orderDeadlines, OrderStage } from '@qf/domain';
import {
  appendAudit,
  insertServiceOrder,
  insertServiceOrderMove,
  lockServiceOrder,
  namedPerson,
  policyInEffect,
  Queryable,
  serviceOrderById,
  serviceOrderMoves,
  ServiceOrderKind,
  ServiceOrderScope,
  ServiceOrderStage,
  serviceOrderTracking,
  unitName,
  updateServiceOrderStage,
  upsertServiceOrderTracking,
  listServiceOrders,
} from '@qf/persistence';
import { Policy } from '@qf/policy';
import { RequestUser, seesAll } from '../auth/auth.decorators';
import { badRequest, conflict, notFound } from '../common/errors';
import { isUuid } from '../common/ids';

const DOMAIN_KIND = { ordinary: 'ordinary', vip_fault: 'vip-fault', vip_activation: 'vip-activation' } as const;
const TO_DOMAIN: Record<ServiceOrderStage, OrderStage> = {
  hotline: 'hotline',
  dispatch: 'dispatch',
  handling: 'handling-unit',
  closed: 'closed',
};

/** Service orders a user may read: dispatchers, managers and the see-all roles all; team leads their unit's subtree. */
export function serviceOrderScope(user: RequestUser): ServiceOrderScope {
  return seesAll(user) || user.roles.includes('manager') || user.roles.includes('dispatcher')
    ? { all: true }
    : { all: false, unitId: user.unitId };
}

/** K-1 work orders: created at the hotline, moved stage by stage with who and when, tracked on four lines. */
@Injectable()
export class ServiceOrdersService {
  constructor(@Inject(DataSource) private readonly ds: DataSource) {}

  /** K-2: the order's response and completion deadlines by its kind, from the policy in effect. */
  deadlines(kind: ServiceOrderKind, acceptedAt: string, policy: Policy) {
    return orderDeadlines(DOMAIN_KIND[kind], acceptedAt, policy);
  }

  /** The actor of a move as people read it: 姓名（工号）, or the login's display name. */
  async actorName(q: Queryable, user: RequestUser): Promise<string> {
    return (user.employeeId ? (await namedPerson(q, user.employeeId))?.name : null) ?? user.displayName;
  }

  async create(user: RequestUser, body: CreateServiceOrderInput) {
    if (!(await unitName(this.ds, body.unitId)))
      throw badRequest('unknown unit', [{ path: 'unitId', message: 'unknown unit', rule: 'K-1' }]);
    const acceptedAt = body.acceptedAt ? new Date(body.acceptedAt).toISOString() : new Date().toISOString();
    const d = this.deadlines(body.kind, acceptedAt, await policyInEffect(this.ds));
    const id = await this.ds.transaction(async (tx) => {
      const id = await insertServiceOrder(tx, {
        orderNo: body.orderNo,
        kind: body.kind,
        stage: 'hotline',
        unitId: body.unitId,
        handlerId: null,
        acceptedAt,
        respondedAt: null,
        closedAt: null,
        respondDueAt: d.respondBy,
        completeDueAt: d.completeBy,
      });
      if (!id) throw conflict(`order ${body.orderNo} exists`, 'service_order.exists', { orderNo: body.orderNo });
      await insertServiceOrderMove(tx, {
        orderId: id,
        fromStage: null,
        toStage: 'hotline',
        actorUserId: user.id,
        actorName: await this.actorName(tx, user),
        at: acceptedAt,
        note: body.note ?? null,
      });
      await appendAudit(tx, {
        actor: { id: user.id, name: user.username },
        action: 'service-order.created',
        entity: 'service-order',
        entityId: id,
        after: { ...body, acceptedAt, respondDueAt: d.respondBy, completeDueAt: d.completeBy },
      });
      return id;
    });
    return this.get(user, id);
  }

  /** K-1: the next stage only (hotline → dispatch → handling → closed); anything else is a 409. */
  async move(user: RequestUser, id: string, body: MoveServiceOrderInput) {
    await this.get(user, id);
    if (body.unitId && !(await unitName(this.ds, body.unitId)))
      throw badRequest('unknown unit', [{ path: 'unitId', message: 'unknown unit', rule: 'K-1' }]);
    if (body.handlerId && !(await namedPerson(this.ds, body.handlerId)))
      throw badRequest('unknown handler', [{ path: 'handlerId', message: 'unknown employee', rule: 'K-1' }]);
    await this.ds.transaction(async (tx) => {
      const o = (await lockServiceOrder(tx, id))!;
      const next = nextOrderStage(TO_DOMAIN[o.stage]);
      if (next !== TO_DOMAIN[body.to])
        throw conflict(
          `order ${o.orderNo} is at ${o.stage}: it cannot move to ${body.to} (K-1)`,
          'service_order.stage',
          {
            stage: o.stage,
            to: body.to,
          },
        );
      const now = new Date().toISOString();
      const to = {
        stage: body.to,
        unitId: body.unitId ?? o.unitId,
        handlerId: body.handlerId ?? o.handlerId,
        respondedAt: body.to === 'handling' ? now : null,
        closedAt: body.to === 'closed' ? now : null,
      };
      await updateServiceOrderStage(tx, id, to);
      await insertServiceOrderMove(tx, {
        orderId: id,
        fromStage: o.stage,
        toStage: body.to,
        actorUserId: user.id,
        actorName: await this.actorName(tx, user),
        at: now,
        note: body.note ?? null,
      });
      await appendAudit(tx, {
        actor: { id: user.id, name: user.username },
        action: 'service-order.moved',
        entity: 'service-order',
        entityId: id,
        before: { stage: o.stage, unitId: o.unitId, handlerId: o.handlerId },
        after: to,
      });
    });
    return this.get(user, id);
  }

  /** K-1: records one of the four tracking lines (a new value replaces the line's earlier one). */
  async track(user: RequestUser, id: string, body: TrackServiceOrderInput) {
    await this.get(user, id);
    await this.ds.transaction(async (tx) => {
      await upsertServiceOrderTracking(tx, { orderId: id, line: body.line, value: body.value, recordedBy: user.id });
      await appendAudit(tx, {
        actor: { id: user.id, name: user.username },
        action: 'service-order.tracked',
        entity: 'service-order',
        entityId: id,
        after: body,
      });
    });
    return this.get(user, id);
  }

  list(user: RequestUser, o: { filter: Record<string, unknown>; orderBy: string; limit: number; offset: number }) {
    return listServiceOrders(this.ds, { ...o, scope: serviceOrderScope(user) });
  }

  /** One order with its moves and tracking lines; 404 when missing or out of the reader's scope. */
  async get(user: RequestUser, id: string) {
    const o = isUuid(id) ? await serviceOrderById(this.ds, id, serviceOrderScope(user)) : undefined;
    if (!o) throw notFound('service order');
    const [moves, tracking] = await Promise.all([serviceOrderMoves(this.ds, id), serviceOrderTracking(this.ds, id)]);
    return { ...o, moves, tracking };
  }
}
