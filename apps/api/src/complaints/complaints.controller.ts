import { Body, Controller, Get, Inject, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { RegisterComplaintInput, RegisterComplaintSchema } from '@qf/contracts';
import { CurrentUser, RequestUser, Roles, seesAll } from '../auth/auth.decorators';
import { badRequest } from '../common/errors';
import { parseListQuery, sendList } from '../common/list-query';
import { ZodPipe } from '../common/zod.pipe';
import { CasesService } from '../cases/cases.service';

const CASE_SORT = { createdAt: 'c.created_at', updatedAt: 'c.updated_at', dueAt: 'c.due_at', title: 'c.title', status: 'c.status', id: 'c.id' };

/** Complaints (C-1…C-13): registration starts the complaintLiability workflow; reads are case views. */
@ApiTags('complaints')
@ApiBearerAuth()
@Controller('complaints')
export class ComplaintsController {
  constructor(private readonly cases: CasesService, @Inject(DataSource) private readonly ds: DataSource) {}

  @Post()
  @Roles('verifier', 'ruling-lead', 'leadership', 'admin')
  @ApiBody({ schema: z.toJSONSchema(RegisterComplaintSchema, { io: 'input' }) as object })
  async register(@CurrentUser() user: RequestUser, @Body(new ZodPipe(RegisterComplaintSchema)) body: RegisterComplaintInput, @Res({ passthrough: true }) res: Response) {
    const [unit] = await this.ds.query(`SELECT id FROM org_units WHERE id = $1`, [body.unitId]);
    if (!unit) throw badRequest('unitId does not name an org unit (C-1)', [{ path: 'unitId', message: 'unknown org unit', rule: 'C-1' }]);
    if (body.employeeIds.length) {
      const found = await this.ds.query(`SELECT id FROM employees WHERE id = ANY($1::uuid[])`, [body.employeeIds]);
      const missing = body.employeeIds.filter((id) => !found.some((f: { id: string }) => f.id === id));
      if (missing.length) throw badRequest('employeeIds name unknown employees (C-1)', missing.map((id) => ({ path: `employeeIds`, message: `unknown employee ${id}`, rule: 'C-1' })));
    }
    // C-1: a complaint from a work order is keyed by its number, so registering it twice starts one case
    const businessKey = body.workOrderNo ? `${body.source}-${body.workOrderNo}` : randomUUID();
    const r = await this.cases.start({
      kind: 'complaint', workflowType: 'complaintLiability', businessKey,
      title: `${body.customer}：${body.description.slice(0, 40)}`,
      data: { complaint: body }, unitId: body.unitId, subjectEmployeeIds: body.employeeIds,
    }, user);
    res.status(r.created ? 201 : 200);
    return { ...r.case, complaint: body };
  }

  @Get()
  async list(@CurrentUser() user: RequestUser, @Query() q: Record<string, unknown>, @Res({ passthrough: true }) res: Response) {
    const lq = parseListQuery(q, CASE_SORT);
    const { rows, total } = await this.cases.list(user, { ...lq.filter, kind: 'complaint' }, lq.orderBy, lq.limit, lq.offset);
    return sendList(res, 'complaints', rows.map((c) => ({ ...c, ...flatten(c.data) })), lq.offset, total);
  }

  @Get(':id')
  async get(@CurrentUser() user: RequestUser, @Param('id') id: string) {
    const c = await this.cases.get(user, id);
    const deductions = await this.ds.query(
      `SELECT l.id, l.employee_id AS "employeeId", e.name AS "employeeName", l.month, l.reason, l.points_x10 AS points FROM ledger_entries l
       JOIN employees e ON e.id = l.employee_id WHERE l.case_id = $1 ORDER BY e.name, l.reason`, [id]);
    return { ...c, ...flatten(c.data), deductions };
  }
}

function flatten(data: Record<string, unknown>) {
  // registration fields also at the top level, for list columns and filters
  return { ...(data.complaint as object), complaint: data.complaint, verification: data.verification ?? null, ruling: data.ruling ?? null, appeals: data.appeals ?? [], appealDecision: data.appealDecision ?? null };
}

/** The points ledger (read-only): an employee sees their own rows; admin, HR and the process teams all. */
@ApiTags('deductions')
@ApiBearerAuth()
@Controller('deductions')
export class DeductionsController {
  constructor(@Inject(DataSource) private readonly ds: DataSource) {}

  @Get()
  async list(@CurrentUser() user: RequestUser, @Query() q: Record<string, unknown>, @Res({ passthrough: true }) res: Response) {
    const lq = parseListQuery(q, { createdAt: 'l.created_at', month: 'l.month', points: 'l.points_x10', id: 'l.id', employeeName: 'e.name' });
    const f = lq.filter;
    const params: unknown[] = [];
    const where = ['TRUE'];
    if (!seesAll(user)) { params.push(user.employeeId); where.push(`l.employee_id = $${params.length}`); }
    const add = (sql: string, v: unknown) => { if (typeof v === 'string' && v) { params.push(v); where.push(sql.replace('?', `$${params.length}`)); } };
    add('l.employee_id::text = ?', f.employeeId);
    add('l.case_id::text = ?', f.caseId);
    add('l.month = ?', f.month);
    add('l.source = ?', f.source);
    const sql = `FROM ledger_entries l JOIN employees e ON e.id = l.employee_id WHERE ${where.join(' AND ')}`;
    const [{ total }] = await this.ds.query(`SELECT count(*)::int AS total ${sql}`, params);
    const rows = await this.ds.query(
      `SELECT l.id, l.employee_id AS "employeeId", e.name AS "employeeName", l.month, l.case_id AS "caseId", l.source, l.reason,
              l.points_x10 AS points, l.money_fen::float8 AS "moneyFen", l.adjusts_id AS "adjustsId", l.created_at AS "createdAt"
       ${sql} ORDER BY ${lq.orderBy}, l.id LIMIT ${lq.limit} OFFSET ${lq.offset}`, params);
    return sendList(res, 'deductions', rows, lq.offset, total);
  }
}
