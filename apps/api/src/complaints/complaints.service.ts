import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { RegisterComplaintInput } from '@qf/contracts';
import { validateComplaintRegistration } from '@qf/domain';
import {
  caseLedgerEntries,
  employeeNames,
  orgUnitExists,
  orgUnitName,
  policyInEffect,
  searchComplaintIds,
  unknownEmployeeIds,
  usersByUsername,
} from '@qf/persistence';
import { RequestUser } from '../auth/auth.decorators';
import { badRequest } from '../common/errors';
import { CasesService } from '../cases/cases.service';
import { employeeIdsOf, flatten, pick } from './complaint-views';

/** Complaints (C-1…C-13): registration starts the complaintLiability workflow; reads are case views. */
@Injectable()
export class ComplaintsService {
  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    private readonly cases: CasesService,
  ) {}

  /** C-1: checks the registration against the policy in effect and the org, then registers the case. */
  async register(user: RequestUser, body: RegisterComplaintInput) {
    const violations = validateComplaintRegistration(body, await policyInEffect(this.ds));
    if (violations.length) throw badRequest(violations.map((v) => v.message).join('; '), violations);
    if (!(await orgUnitExists(this.ds, body.unitId)))
      throw badRequest('unitId does not name an org unit (C-1)', [
        { path: 'unitId', message: 'unknown org unit', rule: 'C-1' },
      ]);
    const missing = await unknownEmployeeIds(this.ds, body.employeeIds);
    if (missing.length)
      throw badRequest(
        'employeeIds name unknown employees (C-1)',
        missing.map((id) => ({ path: `employeeIds`, message: `unknown employee ${id}`, rule: 'C-1' })),
      );
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
    return { created: r.created, complaint: { ...r.case, complaint: body } };
  }

  /**
   * The case list's filters plus `q` (工单号, customer, title, or the name / 工号 of an employee concerned or
   * accountable) and `employeeId` (concerned or accountable), both narrowed to case ids.
   */
  async list(user: RequestUser, filter: Record<string, unknown>, orderBy: string, limit: number, offset: number) {
    const { q: text, employeeId, ...rest } = filter;
    const narrowed = await searchComplaintIds(
      this.ds,
      typeof text === 'string' ? text.trim() : '',
      typeof employeeId === 'string' ? employeeId : '',
    );
    if (narrowed)
      rest.id = rest.id ? ([] as unknown[]).concat(rest.id).filter((x) => narrowed.includes(String(x))) : narrowed;
    const { rows, total } = await this.cases.list(user, { ...rest, kind: 'complaint' }, orderBy, limit, offset);
    const people = await employeeNames(
      this.ds,
      rows.flatMap((c) => employeeIdsOf(c.data)),
    );
    return {
      rows: rows.map((c) => ({ ...c, ...flatten(c.data), people: pick(people, employeeIdsOf(c.data)) })),
      total,
    };
  }

  /** A complaint's page: the case, its registration, verdict, ruling, appeals (by 姓名（工号）) and posted deductions. */
  async get(user: RequestUser, id: string) {
    const c = await this.cases.get(user, id);
    const flat = flatten(c.data);
    // who appealed: the appeal stage records login names; the page shows 姓名（工号）
    const appellants = await usersByUsername(
      this.ds,
      flat.appeals.map((a) => a.by).filter((x): x is string => typeof x === 'string'),
    );
    const appeals = flat.appeals.map((a) => {
      const who = appellants.find((u) => u.username === a.by);
      return { ...a, byName: who ? (who.code ? `${who.name}（${who.code}）` : who.name) : null };
    });
    return {
      ...c,
      ...flat,
      appeals,
      unitName: await orgUnitName(this.ds, String(flat.unitId ?? '')),
      people: await employeeNames(this.ds, employeeIdsOf(c.data)),
      deductions: await caseLedgerEntries(this.ds, id),
    };
  }
}
