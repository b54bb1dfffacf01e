import {
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  Param,
  Post,
  Put,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import * as argon2 from 'argon2';
import { DataSource } from 'typeorm';
import { EmployeeInput, EmployeeSchema, OrgUnitSchema, UserInput, UserSchema } from '@qf/contracts';
import { CurrentUser, RequestUser, Roles } from '../auth/auth.decorators';
import { badRequest, notFound } from '../common/errors';
import { ZodPipe } from '../common/zod.pipe';
import { importEmployees } from './employee-import';
import { z } from 'zod';

const uuid = (id: string, what: string) => {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound(what);
};

async function audit(
  ds: DataSource,
  user: RequestUser,
  action: string,
  entity: string,
  entityId: string,
  before: unknown,
  after: unknown,
) {
  await ds.query(
    `INSERT INTO audit_log (actor_id, actor, action, entity, entity_id, before, after) VALUES ($1,$2,$3,$4,$5,$6,$7)`,
    [user.id, user.username, action, entity, entityId, JSON.stringify(before ?? null), JSON.stringify(after ?? null)],
  );
}

/** O-1 / O-2 write side: employees and org units (admin, HR), users and roles (admin), employee import. */
@ApiTags('org')
@ApiBearerAuth()
@Controller()
export class OrgAdminController {
  constructor(@Inject(DataSource) private readonly ds: DataSource) {}

  @Roles('admin', 'hr')
  @Post('employees/import')
  @HttpCode(200)
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: 50 * 1024 * 1024 } }))
  async import(
    @CurrentUser() user: RequestUser,
    @UploadedFile() file?: { buffer: Buffer; originalname: string; mimetype: string },
  ) {
    if (!file) throw badRequest('send the file as multipart field "file"', [{ path: 'file', message: 'required' }]);
    const r = await importEmployees(this.ds, file);
    await audit(this.ds, user, 'employees.import', 'employee', file.originalname, null, r);
    return r;
  }

  private async saveEmployee(user: RequestUser, body: EmployeeInput, id?: string) {
    const params = [
      body.code,
      body.name,
      body.unitId,
      body.post,
      body.postBonusFen,
      body.hireDate ?? null,
      body.jobType,
      body.employmentType,
      body.supervisorId ?? null,
      body.vpId ?? null,
    ];
    const [before] = id ? await this.ds.query(`SELECT * FROM employees WHERE id = $1`, [id]) : [null];
    if (id && !before) throw notFound('employee');
    const [row] = id
      ? (
          await this.ds.query(
            `UPDATE employees SET code=$1, name=$2, unit_id=$3, post=$4, post_bonus_fen=$5, hire_date=$6, job_type=$7, employment_type=$8, supervisor_id=$9, vp_id=$10, updated_at=now() WHERE id=$11 RETURNING id`,
            [...params, id],
          )
        )[0]
      : await this.ds.query(
          `INSERT INTO employees (code, name, unit_id, post, post_bonus_fen, hire_date, job_type, employment_type, supervisor_id, vp_id) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10) RETURNING id`,
          params,
        );
    await audit(this.ds, user, id ? 'employee.updated' : 'employee.created', 'employee', row.id, before, body);
    return { id: row.id, ...body };
  }

  @Roles('admin', 'hr')
  @Post('employees')
  createEmployee(@CurrentUser() user: RequestUser, @Body(new ZodPipe(EmployeeSchema)) body: EmployeeInput) {
    return this.saveEmployee(user, body);
  }

  @Roles('admin', 'hr')
  @Put('employees/:id')
  updateEmployee(
    @CurrentUser() user: RequestUser,
    @Param('id') id: string,
    @Body(new ZodPipe(EmployeeSchema)) body: EmployeeInput,
  ) {
    uuid(id, 'employee');
    if (body.supervisorId === id || body.vpId === id)
      throw badRequest('an employee cannot report to themselves (O-1)', [
        { path: body.supervisorId === id ? 'supervisorId' : 'vpId', message: 'self reference', rule: 'O-1' },
      ]);
    return this.saveEmployee(user, body, id);
  }

  @Get('org-units/:id')
  async unit(@Param('id') id: string) {
    uuid(id, 'org unit');
    const [r] = await this.ds.query(
      `SELECT id, parent_id AS "parentId", code, name, kind FROM org_units WHERE id = $1`,
      [id],
    );
    if (!r) throw notFound('org unit');
    return r;
  }

  @Roles('admin')
  @Post('org-units')
  async createUnit(
    @CurrentUser() user: RequestUser,
    @Body(new ZodPipe(OrgUnitSchema)) body: z.infer<typeof OrgUnitSchema>,
  ) {
    const [r] = await this.ds.query(
      `INSERT INTO org_units (code, name, kind, parent_id) VALUES ($1,$2,$3,$4) RETURNING id`,
      [body.code, body.name, body.kind, body.parentId ?? null],
    );
    await audit(this.ds, user, 'org-unit.created', 'org-unit', r.id, null, body);
    return { id: r.id, ...body };
  }

  @Roles('admin')
  @Put('org-units/:id')
  async updateUnit(
    @CurrentUser() user: RequestUser,
    @Param('id') id: string,
    @Body(new ZodPipe(OrgUnitSchema)) body: z.infer<typeof OrgUnitSchema>,
  ) {
    uuid(id, 'org unit');
    if (body.parentId === id)
      throw badRequest('a unit cannot be its own parent', [{ path: 'parentId', message: 'self reference' }]);
    const before = await this.unit(id);
    await this.ds.query(`UPDATE org_units SET code=$2, name=$3, kind=$4, parent_id=$5 WHERE id=$1`, [
      id,
      body.code,
      body.name,
      body.kind,
      body.parentId ?? null,
    ]);
    await audit(this.ds, user, 'org-unit.updated', 'org-unit', id, before, body);
    return { id, ...body };
  }

  @Roles('admin')
  @Get('users/:id')
  async user(@Param('id') id: string) {
    uuid(id, 'user');
    const [r] = await this.ds.query(
      `SELECT id, username, display_name AS "displayName", roles, employee_id AS "employeeId", active FROM users WHERE id = $1`,
      [id],
    );
    if (!r) throw notFound('user');
    return r;
  }

  @Roles('admin')
  @Post('users')
  async createUser(@CurrentUser() me: RequestUser, @Body(new ZodPipe(UserSchema)) body: UserInput) {
    if (!body.password) throw badRequest('a new user needs a password', [{ path: 'password', message: 'required' }]);
    const hash = await argon2.hash(body.password, { type: argon2.argon2id });
    const [r] = await this.ds.query(
      `INSERT INTO users (username, display_name, password_hash, roles, employee_id, active) VALUES ($1,$2,$3,$4,$5,$6) RETURNING id`,
      [body.username, body.displayName, hash, body.roles, body.employeeId ?? null, body.active],
    );
    const { password: _omit, ...safe } = body;
    await audit(this.ds, me, 'user.created', 'user', r.id, null, safe);
    return { id: r.id, ...safe };
  }

  /** Changing roles, deactivating or a new password revokes the user's tokens (token version). */
  @Roles('admin')
  @Put('users/:id')
  async updateUser(
    @CurrentUser() me: RequestUser,
    @Param('id') id: string,
    @Body(new ZodPipe(UserSchema)) body: UserInput,
  ) {
    const before = await this.user(id);
    const hash = body.password ? await argon2.hash(body.password, { type: argon2.argon2id }) : null;
    await this.ds.query(
      `UPDATE users SET username=$2, display_name=$3, roles=$4, employee_id=$5, active=$6, password_hash=COALESCE($7, password_hash),
         token_version = token_version + CASE WHEN $7::text IS NOT NULL OR roles <> $4::text[] OR active <> $6 THEN 1 ELSE 0 END WHERE id=$1`,
      [id, body.username, body.displayName, body.roles, body.employeeId ?? null, body.active, hash],
    );
    const { password: _omit, ...safe } = body;
    await audit(this.ds, me, 'user.updated', 'user', id, before, safe);
    return { id, ...safe };
  }
}
