import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { employeeById, listEmployees, listOrgUnits, listUsers, orgUnitById, userById } from '@qf/persistence';
import { RequestUser, scopeOf } from '../auth/auth.decorators';
import { notFound } from '../common/errors';
import { isUuid } from '../common/ids';

type Page = { orderBy: string; limit: number; offset: number };

/** Organisation master data (O-1), read side: org units, employees (row-scoped), users. */
@Injectable()
export class OrgService {
  constructor(@Inject(DataSource) private readonly ds: DataSource) {}

  units(filter: Record<string, unknown>, page: Page) {
    return listOrgUnits(this.ds, filter, page);
  }

  async unit(id: string) {
    const r = isUuid(id) ? await orgUnitById(this.ds, id) : undefined;
    if (!r) throw notFound('org unit');
    return r;
  }

  employees(user: RequestUser, filter: Record<string, unknown>, page: Page) {
    return listEmployees(this.ds, scopeOf(user), filter, page);
  }

  /** 404 alike for a missing employee and one out of the caller's scope. */
  async employee(user: RequestUser, id: string) {
    const r = isUuid(id) ? await employeeById(this.ds, id, scopeOf(user)) : undefined;
    if (!r) throw notFound('employee');
    return r;
  }

  users(page: Page) {
    return listUsers(this.ds, page);
  }

  async user(id: string) {
    const r = isUuid(id) ? await userById(this.ds, id) : undefined;
    if (!r) throw notFound('user');
    return r;
  }
}
