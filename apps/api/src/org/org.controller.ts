import { Controller, Get, Inject, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { DataSource } from 'typeorm';
import { CurrentUser, RequestUser, Roles } from '../auth/auth.decorators';
import { employeeScope } from '../cases/scope';
import { notFound } from '../common/errors';
import { parseListQuery, sendList } from '../common/list-query';

const EMP_COLS = `e.id, e.code, e.name, e.unit_id AS "unitId", e.post, e.post_bonus_fen AS "postBonusFen", to_char(e.hire_date,'YYYY-MM-DD') AS "hireDate",
  e.job_type AS "jobType", e.employment_type AS "employmentType", e.supervisor_id AS "supervisorId", e.vp_id AS "vpId"`;

/** Organisation master data (O-1): read side. */
@ApiTags('org')
@ApiBearerAuth()
@Controller()
export class OrgController {
  constructor(@Inject(DataSource) private readonly ds: DataSource) {}

  @Get('org-units')
  async units(@Query() q: Record<string, unknown>, @Res({ passthrough: true }) res: Response) {
    const lq = parseListQuery({ sort: '["code","ASC"]', ...q }, { code: 'code', name: 'name', kind: 'kind', id: 'id' });
    const params: unknown[] = [];
    const where = ['TRUE'];
    if (lq.filter.id) {
      params.push(([] as unknown[]).concat(lq.filter.id));
      where.push(`id::text = ANY($${params.length}::text[])`);
    }
    if (typeof lq.filter.kind === 'string') {
      params.push(lq.filter.kind);
      where.push(`kind = $${params.length}`);
    }
    const [{ total }] = await this.ds.query(
      `SELECT count(*)::int AS total FROM org_units WHERE ${where.join(' AND ')}`,
      params,
    );
    const rows = await this.ds.query(
      `SELECT id, parent_id AS "parentId", code, name, kind FROM org_units WHERE ${where.join(' AND ')} ORDER BY ${lq.orderBy} LIMIT ${lq.limit} OFFSET ${lq.offset}`,
      params,
    );
    return sendList(res, 'org-units', rows, lq.offset, total);
  }

  /** Employees: admin, HR and the process teams see all; others see themselves (row scoping). */
  @Get('employees')
  async employees(
    @CurrentUser() user: RequestUser,
    @Query() q: Record<string, unknown>,
    @Res({ passthrough: true }) res: Response,
  ) {
    const lq = parseListQuery(
      { sort: '["code","ASC"]', ...q },
      {
        code: 'e.code',
        name: 'e.name',
        id: 'e.id',
        post: 'e.post',
        postBonusFen: 'e.post_bonus_fen',
        hireDate: 'e.hire_date',
        jobType: 'e.job_type',
        employmentType: 'e.employment_type',
        unitId: '(SELECT su.name FROM org_units su WHERE su.id = e.unit_id)',
      },
    );
    const params: unknown[] = [];
    const where = ['TRUE'];
    where.push(employeeScope(user, params));
    if (lq.filter.id) {
      params.push(([] as unknown[]).concat(lq.filter.id));
      where.push(`e.id::text = ANY($${params.length}::text[])`);
    }
    if (typeof lq.filter.unitId === 'string') {
      params.push(lq.filter.unitId);
      where.push(`e.unit_id::text = $${params.length}`);
    }
    if (typeof lq.filter.q === 'string') {
      params.push(`%${lq.filter.q}%`);
      where.push(`(e.name ILIKE $${params.length} OR e.code ILIKE $${params.length})`);
    }
    const sql = `FROM employees e WHERE ${where.join(' AND ')}`;
    const [{ total }] = await this.ds.query(`SELECT count(*)::int AS total ${sql}`, params);
    const rows = await this.ds.query(
      `SELECT ${EMP_COLS} ${sql} ORDER BY ${lq.orderBy} LIMIT ${lq.limit} OFFSET ${lq.offset}`,
      params,
    );
    return sendList(res, 'employees', rows, lq.offset, total);
  }

  @Get('employees/:id')
  async employee(@CurrentUser() user: RequestUser, @Param('id') id: string) {
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound('employee');
    const params: unknown[] = [id];
    const [r] = await this.ds.query(
      `SELECT ${EMP_COLS} FROM employees e WHERE e.id = $1 AND ${employeeScope(user, params)}`,
      params,
    );
    if (!r) throw notFound('employee');
    return r;
  }

  @Roles('admin')
  @Get('users')
  async users(@Query() q: Record<string, unknown>, @Res({ passthrough: true }) res: Response) {
    const lq = parseListQuery(
      { sort: '["username","ASC"]', ...q },
      { username: 'username', displayName: 'display_name', active: 'active', id: 'id' },
    );
    const [{ total }] = await this.ds.query(`SELECT count(*)::int AS total FROM users`);
    const rows = await this.ds.query(
      `SELECT id, username, display_name AS "displayName", roles, employee_id AS "employeeId", active FROM users ORDER BY ${lq.orderBy} LIMIT ${lq.limit} OFFSET ${lq.offset}`,
    );
    return sendList(res, 'users', rows, lq.offset, total);
  }
}
