import { Inject, Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { EmployeeInput, OrgUnitSchema, UserInput } from '@qf/contracts';
import {
  appendAudit,
  employeeRow,
  insertEmployee,
  insertOrgUnit,
  insertUser,
  updateEmployee,
  updateOrgUnit,
  updateUser,
} from '@qf/persistence';
import { RequestUser } from '../auth/auth.decorators';
import { SessionCache } from '../auth/session-cache';
import { badRequest, notFound } from '../common/errors';
import { isUuid } from '../common/ids';
import { importEmployees } from './employee-import';
import { OrgService } from './org.service';

export type OrgUnitInput = z.infer<typeof OrgUnitSchema>;

const hash = (password: string) => argon2.hash(password, { type: argon2.argon2id });

/** O-1 / O-2 write side: employees and org units (admin, HR), users and roles (admin), employee import. Every write is audited. */
@Injectable()
export class OrgAdminService {
  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    private readonly org: OrgService,
    private readonly sessions: SessionCache,
  ) {}

  private audit(user: RequestUser, action: string, entity: string, entityId: string, before: unknown, after: unknown) {
    return appendAudit(this.ds, {
      actor: { id: user.id, name: user.username },
      action,
      entity,
      entityId,
      before,
      after,
    });
  }

  async importEmployees(user: RequestUser, file?: { buffer: Buffer; originalname: string; mimetype: string }) {
    if (!file)
      throw badRequest(
        'send the file as multipart field "file"',
        [{ path: 'file', message: 'required', code: 'required' }],
        'import.file_required',
      );
    const imported = await importEmployees(this.ds, file, { id: user.id, name: user.username });
    this.sessions.clear(); // re-imported employees may have moved unit (their logins' row scoping)
    return imported;
  }

  /** A new employee (`id` undefined) or a change of one; an employee cannot report to themselves (O-1). */
  async saveEmployee(user: RequestUser, body: EmployeeInput, id?: string) {
    if (id !== undefined && !isUuid(id)) throw notFound('employee');
    if (id && (body.supervisorId === id || body.vpId === id))
      throw badRequest(
        'an employee cannot report to themselves (O-1)',
        [
          {
            path: body.supervisorId === id ? 'supervisorId' : 'vpId',
            message: 'self reference',
            rule: 'O-1',
            code: 'org.self_reference',
          },
        ],
        'org.self_report',
      );
    const before = id ? await employeeRow(this.ds, id) : null;
    if (id && !before) throw notFound('employee');
    const savedId = id ?? (await insertEmployee(this.ds, body));
    if (id) await updateEmployee(this.ds, id, body);
    if (id) this.sessions.clear(); // a login's unit (row scoping) is its employee's
    await this.audit(user, id ? 'employee.updated' : 'employee.created', 'employee', savedId, before, body);
    return { id: savedId, ...body };
  }

  async createUnit(user: RequestUser, body: OrgUnitInput) {
    const id = await insertOrgUnit(this.ds, body);
    await this.audit(user, 'org-unit.created', 'org-unit', id, null, body);
    return { id, ...body };
  }

  async updateUnit(user: RequestUser, id: string, body: OrgUnitInput) {
    if (!isUuid(id)) throw notFound('org unit');
    if (body.parentId === id)
      throw badRequest(
        'a unit cannot be its own parent',
        [{ path: 'parentId', message: 'self reference', code: 'org.self_reference' }],
        'org.self_parent',
      );
    const before = await this.org.unit(id);
    await updateOrgUnit(this.ds, id, body);
    await this.audit(user, 'org-unit.updated', 'org-unit', id, before, body);
    return { id, ...body };
  }

  async createUser(me: RequestUser, body: UserInput) {
    if (!body.password)
      throw badRequest(
        'a new user needs a password',
        [{ path: 'password', message: 'required', code: 'required' }],
        'user.password_required',
      );
    const id = await insertUser(this.ds, body, await hash(body.password));
    const { password: _omit, ...safe } = body;
    await this.audit(me, 'user.created', 'user', id, null, safe);
    return { id, ...safe };
  }

  /** Changing roles, deactivating or a new password revokes the user's tokens (token version). */
  async updateUser(me: RequestUser, id: string, body: UserInput) {
    const before = await this.org.user(id);
    await updateUser(this.ds, id, body, body.password ? await hash(body.password) : null);
    this.sessions.forget(id); // roles, activity, password (revoked tokens) or employee: refused or re-scoped at once
    const { password: _omit, ...safe } = body;
    await this.audit(me, 'user.updated', 'user', id, before, safe);
    return { id, ...safe };
  }
}
