import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  SERVICE_ORDER_IMPORT_HEADERS,
  SERVICE_ORDER_KIND_ZH,
  ServiceOrderImportRow,
  ServiceOrderImportRowSchema,
} from '@qf/contracts';
import {
  appendAudit,
  existingServiceOrderNos,
  insertServiceOrder,
  insertServiceOrderMove,
  policyInEffect,
  ServiceOrderStage,
  subjectIdsByCode,
} from '@qf/persistence';
import { RequestUser } from '../auth/auth.decorators';
import { badRequest } from '../common/errors';
import { readImportSheet, UploadedSheet } from '../common/sheet';
import { ServiceOrdersService } from './service-orders.service';

/** Times without an offset in the call system's export are local (the organisation's +08:00). */
const withOffset = (v: unknown) =>
  typeof v === 'string' && /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2})?$/.test(v.trim())
    ? `${v.trim().replace(' ', 'T')}${v.trim().length === 16 ? ':00' : ''}+08:00`
    : v;

/** K-1: orders from the call system (xlsx/csv): every row valid, or nothing imported, with each bad row named. */
@Injectable()
export class ServiceOrderImportService {
  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    private readonly orders: ServiceOrdersService,
  ) {}

  async import(user: RequestUser, file: UploadedSheet | undefined) {
    if (!file) throw badRequest('a file is required', [{ path: 'file', message: 'required' }]);
    const { rows, errors } = await readImportSheet<ServiceOrderImportRow>(file, {
      headers: SERVICE_ORDER_IMPORT_HEADERS,
      required: ['orderNo', 'kind', 'unitCode', 'acceptedAt'],
      schema: ServiceOrderImportRowSchema,
      rule: 'K-1',
      normalize: (rec) => {
        rec.kind = SERVICE_ORDER_KIND_ZH[rec.kind as string] ?? rec.kind;
        for (const k of ['acceptedAt', 'respondedAt', 'closedAt'])
          if (rec[k] === '') delete rec[k];
          else rec[k] = withOffset(rec[k]);
        if (rec.handlerCode === '') delete rec.handlerCode;
      },
    });
    const ids = await subjectIdsByCode(this.ds, {
      person: rows.flatMap((r) => (r.handlerCode ? [r.handlerCode] : [])),
      unit: rows.map((r) => r.unitCode),
    });
    const existing = new Set(
      await existingServiceOrderNos(
        this.ds,
        rows.map((r) => r.orderNo),
      ),
    );
    const seen = new Set<string>();
    const bad = (line: number, field: string, message: string, code: string, params: Record<string, string>) =>
      errors.push({ path: `row ${line}.${field}`, message, code, params, rule: 'K-1' });
    for (const r of rows) {
      if (!ids.unit.get(r.unitCode))
        bad(r.line, 'unitCode', `unknown unit ${r.unitCode}`, 'import.unknown_code', { code: r.unitCode });
      if (r.handlerCode && !ids.person.get(r.handlerCode))
        bad(r.line, 'handlerCode', `unknown employee ${r.handlerCode}`, 'import.unknown_code', { code: r.handlerCode });
      if (existing.has(r.orderNo) || seen.has(r.orderNo))
        bad(r.line, 'orderNo', `order ${r.orderNo} exists`, 'import.duplicate_row', { code: r.orderNo });
      seen.add(r.orderNo);
    }
    if (errors.length) throw badRequest(`${errors.length} bad rows: nothing was imported`, errors.slice(0, 200));
    const policy = await policyInEffect(this.ds);
    return this.ds.transaction(async (tx) => {
      const actorName = await this.orders.actorName(tx, user);
      for (const r of rows) {
        const acceptedAt = new Date(r.acceptedAt).toISOString();
        const d = this.orders.deadlines(r.kind, acceptedAt, policy);
        const stage: ServiceOrderStage = r.closedAt
          ? 'closed'
          : r.respondedAt || r.handlerCode
            ? 'handling'
            : 'dispatch';
        const id = (await insertServiceOrder(tx, {
          orderNo: r.orderNo,
          kind: r.kind,
          stage,
          unitId: ids.unit.get(r.unitCode)!.id,
          handlerId: r.handlerCode ? ids.person.get(r.handlerCode)! : null,
          acceptedAt,
          respondedAt: r.respondedAt ? new Date(r.respondedAt).toISOString() : null,
          closedAt: r.closedAt ? new Date(r.closedAt).toISOString() : null,
          respondDueAt: d.respondBy,
          completeDueAt: d.completeBy,
        }))!;
        await insertServiceOrderMove(tx, {
          orderId: id,
          fromStage: null,
          toStage: stage,
          actorUserId: user.id,
          actorName,
          note: `呼叫系统导入（${file.originalname}）`,
        });
      }
      await appendAudit(tx, {
        actor: { id: user.id, name: user.username },
        action: 'service-order.imported',
        entity: 'service-order',
        entityId: file.originalname,
        after: { rows: rows.length },
      });
      return { imported: rows.length };
    });
  }
}
