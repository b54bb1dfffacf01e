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

const CASE_SORT = {
  createdAt: 'c.created_at',
  updatedAt: 'c.updated_at',
  dueAt: 'c.due_at',
  title: 'c.title',
  status: 'c.status',
  id: 'c.id',
};

/** Complaints (C-1…C-13): registration starts the complaintLiability workflow; reads are case views. */
@ApiTags('complaints')
@ApiBearerAuth()
@Controller('complaints')
export class ComplaintsController {
  constructor(
    private readonly cases: CasesService,
    @Inject(DataSource) private readonly ds: DataSource,
  ) {}

  @Post()
  @Roles('verifier', 'ruling-lead', 'leadership', 'admin')
  @ApiBody({ schema: z.toJSONSchema(RegisterComplaintSchema, { io: 'input' }) as object })
  async register(
    @CurrentUser() user: RequestUser,
    @Body(new ZodPipe(RegisterComplaintSchema)) body: RegisterComplaintInput,
    @Res({ passthrough: true }) res: Response,
  ) {
    const [unit] = await this.ds.query(`SELECT id FROM org_units WHERE id = $1`, [body.unitId]);
    if (!unit)
      throw badRequest('unitId does not name an org unit (C-1)', [
        { path: 'unitId', message: 'unknown org unit', rule: 'C-1' },
      ]);
    if (body.employeeIds.length) {
      const found = await this.ds.query(`SELECT id FROM employees WHERE id = ANY($1::uuid[])`, [body.employeeIds]);
      const missing = body.employeeIds.filter((id) => !found.some((f: { id: string }) => f.id === id));
      if (missing.length)
        throw badRequest(
          'employeeIds name unknown employees (C-1)',
          missing.map((id) => ({ path: `employeeIds`, message: `unknown employee ${id}`, rule: 'C-1' })),
        );
    }
    // C-1: a complaint from a work order is keyed by its number, so registering it twice starts one case
    const businessKey = body.workOrderNo ? `${body.source}-${body.workOrderNo}` : randomUUID();
    const r = await this.cases.start(
      {
        kind: 'complaint',
        workflowType: 'complaintLiability',
        businessKey,
        title: `${body.customer}：${body.description.slice(0, 40)}`,
        data: { complaint: body },
        unitId: body.unitId,
        subjectEmployeeIds: body.employeeIds,
      },
      user,
    );
    res.status(r.created ? 201 : 200);
    return { ...r.case, complaint: body };
  }

  /**
   * Filters of the case list, plus `q` (工单号, customer, title, or the name / 工号 of an employee concerned or
   * accountable) and `employeeId` (concerned or accountable), both narrowed here to case ids.
   */
  @Get()
  async list(
    @CurrentUser() user: RequestUser,
    @Query() q: Record<string, unknown>,
    @Res({ passthrough: true }) res: Response,
  ) {
    const lq = parseListQuery(q, CASE_SORT);
    const { q: text, employeeId, ...filter } = lq.filter;
    const narrowed = await this.matching(
      typeof text === 'string' ? text.trim() : '',
      typeof employeeId === 'string' ? employeeId : '',
    );
    if (narrowed)
      filter.id = filter.id
        ? ([] as unknown[]).concat(filter.id).filter((x) => narrowed.includes(String(x)))
        : narrowed;
    const { rows, total } = await this.cases.list(
      user,
      { ...filter, kind: 'complaint' },
      lq.orderBy,
      lq.limit,
      lq.offset,
    );
    const people = await this.people(rows.flatMap((c) => employeeIdsOf(c.data)));
    return sendList(
      res,
      'complaints',
      rows.map((c) => ({ ...c, ...flatten(c.data), people: pick(people, employeeIdsOf(c.data)) })),
      lq.offset,
      total,
    );
  }

  /** Ids of the complaints a search names, or null without search; `['']` (no case) when nothing matches. */
  private async matching(text: string, employeeId: string): Promise<string[] | null> {
    if (!text && !employeeId) return null;
    const params: unknown[] = [];
    const where: string[] = [`c.kind = 'complaint'`];
    const concerns = (cond: string) =>
      `EXISTS (SELECT 1 FROM employees e WHERE ${cond} AND (e.id = ANY(c.subject_employee_ids)
         OR e.id::text IN (SELECT p->>'employeeId' FROM jsonb_array_elements(CASE WHEN jsonb_typeof(c.data->'ruling'->'persons') = 'array' THEN c.data->'ruling'->'persons' ELSE '[]'::jsonb END) p)))`;
    if (text) {
      params.push(`%${text.replace(/[\\%_]/g, (m) => `\\${m}`)}%`);
      const t = `$${params.length}`;
      where.push(`(c.title ILIKE ${t} OR c.business_key ILIKE ${t} OR c.data->'complaint'->>'workOrderNo' ILIKE ${t}
        OR c.data->'complaint'->>'customer' ILIKE ${t} OR ${concerns(`(e.name ILIKE ${t} OR e.code ILIKE ${t})`)})`);
    }
    if (employeeId) {
      if (!/^[0-9a-f-]{36}$/i.test(employeeId)) return [''];
      params.push(employeeId);
      where.push(concerns(`e.id = $${params.length}::uuid`));
    }
    const rows: { id: string }[] = await this.ds.query(`SELECT c.id FROM cases c WHERE ${where.join(' AND ')}`, params);
    return rows.length ? rows.map((r) => r.id) : [''];
  }

  /** 姓名 and 工号 of employees, by id (so pages show names, also to people who may not read other employees). */
  private async people(ids: string[]): Promise<Record<string, { name: string; code: string }>> {
    const wanted = [...new Set(ids.filter((id) => /^[0-9a-f-]{36}$/i.test(id)))];
    if (!wanted.length) return {};
    const rows: { id: string; name: string; code: string }[] = await this.ds.query(
      `SELECT id, name, code FROM employees WHERE id = ANY($1::uuid[])`,
      [wanted],
    );
    return Object.fromEntries(rows.map((r) => [r.id, { name: r.name, code: r.code }]));
  }

  @Get(':id')
  async get(@CurrentUser() user: RequestUser, @Param('id') id: string) {
    const c = await this.cases.get(user, id);
    const deductions = await this.ds.query(
      `SELECT l.id, l.employee_id AS "employeeId", e.name AS "employeeName", e.code AS "employeeCode", l.month, l.reason, l.points_x10 AS points,
              l.money_fen::float8 AS "moneyFen" FROM ledger_entries l
       JOIN employees e ON e.id = l.employee_id WHERE l.case_id = $1 ORDER BY e.name, l.reason`,
      [id],
    );
    const flat = flatten(c.data);
    // who appealed: the appeal stage records usernames; the page shows 姓名（工号）
    const usernames = flat.appeals.map((a) => a.by).filter((x): x is string => typeof x === 'string');
    const appellants: { username: string; name: string; code: string | null }[] = usernames.length
      ? await this.ds.query(
          `SELECT u.username, COALESCE(e.name, u.display_name) AS name, e.code FROM users u LEFT JOIN employees e ON e.id = u.employee_id
         WHERE u.username = ANY($1::text[])`,
          [usernames],
        )
      : [];
    const appeals = flat.appeals.map((a) => {
      const who = appellants.find((u) => u.username === a.by);
      return { ...a, byName: who ? (who.code ? `${who.name}（${who.code}）` : who.name) : null };
    });
    const [unit] = await this.ds.query(`SELECT name FROM org_units WHERE id::text = $1`, [String(flat.unitId ?? '')]);
    return {
      ...c,
      ...flat,
      appeals,
      unitName: unit?.name ?? null,
      people: await this.people(employeeIdsOf(c.data)),
      deductions,
    };
  }
}

type Appeal = { by?: unknown; reason?: unknown };
const asArray = (v: unknown): Record<string, unknown>[] =>
  Array.isArray(v) ? v.filter((x) => x && typeof x === 'object') : [];

/** Every employee a complaint names: concerned (C-1), accountable (C-3) and in an appeal decision (C-12). */
function employeeIdsOf(data: Record<string, unknown>): string[] {
  const complaint = (data.complaint ?? {}) as { employeeIds?: unknown };
  const ruling = (data.ruling ?? {}) as { persons?: unknown };
  const decision = (data.appealDecision ?? {}) as { points?: unknown };
  return [
    ...(Array.isArray(complaint.employeeIds) ? complaint.employeeIds : []),
    ...asArray(ruling.persons).map((p) => p.employeeId),
    ...asArray(decision.points).map((p) => p.employeeId),
  ].filter((x): x is string => typeof x === 'string');
}

const pick = <T>(all: Record<string, T>, ids: string[]): Record<string, T> =>
  Object.fromEntries(ids.filter((id) => all[id]).map((id) => [id, all[id]]));

function flatten(data: Record<string, unknown>): Record<string, unknown> & { appeals: Appeal[]; unitId?: unknown } {
  // registration fields also at the top level, for list columns and filters
  return {
    ...(data.complaint as Record<string, unknown>),
    complaint: data.complaint,
    verification: data.verification ?? null,
    ruling: data.ruling ?? null,
    appeals: (Array.isArray(data.appeals) ? data.appeals : []) as Appeal[],
    appealDecision: data.appealDecision ?? null,
  };
}

/** The points ledger (read-only): an employee sees their own rows; admin, HR and the process teams all. */
@ApiTags('deductions')
@ApiBearerAuth()
@Controller('deductions')
export class DeductionsController {
  constructor(@Inject(DataSource) private readonly ds: DataSource) {}

  @Get()
  async list(
    @CurrentUser() user: RequestUser,
    @Query() q: Record<string, unknown>,
    @Res({ passthrough: true }) res: Response,
  ) {
    const lq = parseListQuery(q, {
      createdAt: 'l.created_at',
      month: 'l.month',
      points: 'l.points_x10',
      id: 'l.id',
      employeeName: 'e.name',
    });
    const f = lq.filter;
    const params: unknown[] = [];
    const where = ['TRUE'];
    if (!seesAll(user)) {
      params.push(user.employeeId);
      where.push(`l.employee_id = $${params.length}`);
    }
    const add = (sql: string, v: unknown) => {
      if (typeof v === 'string' && v) {
        params.push(v);
        where.push(sql.replace('?', `$${params.length}`));
      }
    };
    add('l.employee_id::text = ?', f.employeeId);
    add('l.case_id::text = ?', f.caseId);
    add('l.month = ?', f.month);
    add('l.source = ?', f.source);
    // 姓名 or 工号 of the employee
    if (typeof f.q === 'string' && f.q.trim()) {
      params.push(`%${f.q.trim()}%`);
      where.push(`(e.name ILIKE $${params.length} OR e.code ILIKE $${params.length})`);
    }
    const sql = `FROM ledger_entries l JOIN employees e ON e.id = l.employee_id WHERE ${where.join(' AND ')}`;
    const [{ total }] = await this.ds.query(`SELECT count(*)::int AS total ${sql}`, params);
    const rows = await this.ds.query(
      `SELECT l.id, l.employee_id AS "employeeId", e.name AS "employeeName", e.code AS "employeeCode", l.month, l.case_id AS "caseId",
              (SELECT c.title FROM cases c WHERE c.id = l.case_id) AS "caseTitle", (SELECT c.kind FROM cases c WHERE c.id = l.case_id) AS "caseKind",
              l.source, l.reason, l.points_x10 AS points, l.money_fen::float8 AS "moneyFen", l.adjusts_id AS "adjustsId", l.created_at AS "createdAt"
       ${sql} ORDER BY ${lq.orderBy}, l.id LIMIT ${lq.limit} OFFSET ${lq.offset}`,
      params,
    );
    return sendList(res, 'deductions', rows, lq.offset, total);
  }
}
