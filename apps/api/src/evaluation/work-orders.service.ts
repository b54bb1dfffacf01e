import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { WorkOrderInput } from '@qf/contracts';
import {
  appendAudit,
  evaluationsOfOrder,
  existingOrderNos,
  findImportProgress,
  findWorkOrder,
  importCodes,
  insertWorkOrder,
  insertWorkOrders,
  isTeam,
  listWorkOrders,
  saveImportProgress,
} from '@qf/persistence';
import { RequestUser } from '../auth/auth.decorators';
import { badRequest, notFound } from '../common/errors';
import { readSheet, UploadedSheet } from '../common/sheet';
import { orderScope } from './order-scope';
import { parseImportRows } from './work-order-import';

const UUID = /^[0-9a-f-]{36}$/i;
/** rows per INSERT of an import (one set-based statement each, all in one transaction) */
const IMPORT_PART = 20000;

type Progress = (phase: string, processed: number, total: number, message?: string) => Promise<void>;

/** E-1: closed work orders — one by one or imported from a sheet — and their reading, scoped to the reader's units. */
@Injectable()
export class WorkOrdersService {
  constructor(@Inject(DataSource) private readonly ds: DataSource) {}

  async create(user: RequestUser, body: WorkOrderInput) {
    if (!(await isTeam(this.ds, body.teamUnitId)))
      throw badRequest('teamUnitId must name a team (E-1)', [
        { path: 'teamUnitId', message: 'not a team', rule: 'E-1' },
      ]);
    return this.ds.transaction(async (tx) => {
      const id = await insertWorkOrder(tx, {
        ...body,
        faultKey: body.faultKey ?? null,
        reportedAt: body.reportedAt ?? null,
      });
      await appendAudit(tx, {
        actor: { id: user.id, name: user.username },
        action: 'work-order.created',
        entity: 'work-order',
        entityId: id,
        after: body,
      });
      return { id, ...body };
    });
  }

  /** E-1 bulk: validates every row, then imports all in one transaction, or returns each bad row (400). */
  async import(user: RequestUser, file: UploadedSheet | undefined, importId?: string) {
    if (!file) throw badRequest('send the file as multipart field "file"', [{ path: 'file', message: 'required' }]);
    // optional client-chosen id: the console polls GET /api/imports/:id while the file is processed
    const id = importId && UUID.test(importId) ? importId : null;
    const progress: Progress = async (phase, processed, total, message) => {
      if (id) await saveImportProgress(this.ds, { id, kind: 'work-orders', phase, processed, total, message });
    };
    await progress('reading', 0, 0);
    try {
      return await this.importRows(user, file, progress, id);
    } catch (e) {
      await progress('failed', 0, 0, (e as Error).message);
      throw e;
    }
  }

  private async importRows(user: RequestUser, file: UploadedSheet, progress: Progress, importId: string | null) {
    const { ws, header } = await readSheet(file);
    const { rows, errors } = parseImportRows(ws, header, await importCodes(this.ds));
    if (!rows.length && !errors.length)
      throw badRequest('the file has no data rows', [{ path: 'file', message: 'no rows' }]);
    await progress('validating', rows.length, rows.length);
    if (errors.length)
      throw badRequest(`${new Set(errors.map((e) => e.path)).size} bad row(s): nothing was imported`, errors);
    const existing = await existingOrderNos(
      this.ds,
      rows.map((r) => r.orderNo),
    );
    if (existing.length)
      throw badRequest(
        `${existing.length} order(s) already imported: nothing was imported`,
        existing.slice(0, 1000).map((no) => ({ path: `orderNo ${no}`, message: 'already imported', rule: 'E-1' })),
      );
    await this.ds.transaction(async (tx) => {
      for (let i = 0; i < rows.length; i += IMPORT_PART) {
        await insertWorkOrders(tx, rows.slice(i, i + IMPORT_PART));
        await progress('inserting', Math.min(i + IMPORT_PART, rows.length), rows.length);
      }
      await appendAudit(tx, {
        actor: { id: user.id, name: user.username },
        action: 'work-orders.imported',
        entity: 'work-order',
        // the batch: the import's id when the client gave one, else the file
        entityId: importId ?? file.originalname,
        details: { file: file.originalname, importId, imported: rows.length },
      });
    });
    await progress('done', rows.length, rows.length);
    return { imported: rows.length };
  }

  /** Progress of an import started with an importId (phase, processed of total). */
  async importProgress(id: string) {
    const p = UUID.test(id) ? await findImportProgress(this.ds, id) : undefined;
    if (!p) throw notFound('import');
    return p;
  }

  list(user: RequestUser, orderBy: string, limit: number, offset: number) {
    return listWorkOrders(this.ds, { scope: orderScope(user), orderBy, limit, offset });
  }

  /** One closed order with its evaluations; an order outside the reader's units is not found (404). */
  async get(user: RequestUser, id: string) {
    const o = UUID.test(id) ? await findWorkOrder(this.ds, id, orderScope(user)) : undefined;
    if (!o) throw notFound('work order');
    return { ...o, evaluations: await evaluationsOfOrder(this.ds, id) };
  }
}
