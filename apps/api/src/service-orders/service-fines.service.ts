import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { FineCaseData, RegisterFineInput } from '@qf/contracts';
import { finesForEvent } from '@qf/domain';
import {
  appendAudit,
  fineById,
  FineScope,
  finePerson,
  insertFine,
  listFines,
  policyInEffect,
  searchPeople,
  serviceOrderById,
  setFineCase,
} from '@qf/persistence';
import { RequestUser, seesAll } from '../auth/auth.decorators';
import { CasesService } from '../cases/cases.service';
import { badRequest, notFound } from '../common/errors';
import { isUuid } from '../common/ids';
import { ServiceOrdersService } from './service-orders.service';

const KIND_ZH: Record<RegisterFineInput['kind'], string> = {
  'attitude-complaint': '服务态度投诉',
  'false-work-order': '虚假工单',
  'data-entry-error': '数据录入差错',
  'standards-not-followed': '未按规范执行',
};

/** The month now in the organisation's time zone (YYYY-MM): the month a fine is booked in. */
const currentMonth = (timeZone: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit' }).format(new Date()).slice(0, 7);

/** Fines a user may read: all (admin, HR, leadership, quality), else those they registered, are fined in, or decide. */
function fineScope(user: RequestUser): FineScope {
  return seesAll(user) || user.roles.includes('quality')
    ? { all: true }
    : { all: false, userId: user.id, employeeId: user.employeeId };
}

/** K-8: fines per event — registered by a supervisor within the policy's ranges, approved by the person's direct lead. */
@Injectable()
export class ServiceFinesService {
  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    private readonly cases: CasesService,
    private readonly orders: ServiceOrdersService,
  ) {}

  async register(user: RequestUser, body: RegisterFineInput) {
    const person = await finePerson(this.ds, body.employeeId);
    if (!person)
      throw badRequest('unknown employee', [{ path: 'employeeId', message: 'unknown employee', rule: 'K-8' }]);
    if (body.orderId && !(await serviceOrderById(this.ds, body.orderId, { all: true })))
      throw badRequest('unknown order', [{ path: 'orderId', message: 'unknown service order', rule: 'K-8' }]);
    const policy = await policyInEffect(this.ds);
    const r = finesForEvent(
      body.kind,
      { employeeId: person.employeeId, leadId: person.leadId },
      body.amountFen ?? null,
      policy,
    );
    if (r.violations.length)
      throw badRequest(
        r.violations[0].message,
        r.violations.map((v) => ({ ...v, path: v.path === 'leadId' ? 'employeeId' : v.path })),
      );
    if (!person.leadUserId)
      throw badRequest('the person has no direct lead who can approve the fine (K-8)', [
        { path: 'employeeId', message: 'no direct lead with a login', rule: 'K-8', code: 'kpi.lead_required' },
      ]);
    const amountFen = r.fines.find((f) => f.employeeId === person.employeeId)?.amountFen ?? 0;
    const leadFen =
      r.fines.find((f) => f.employeeId === person.leadId && f.employeeId !== person.employeeId)?.amountFen ?? 0;
    const month = currentMonth(policy.calendar.timeZone);
    const registeredByName = await this.orders.actorName(this.ds, user);
    const fineId = await this.ds.transaction(async (tx) => {
      const id = await insertFine(tx, {
        kind: body.kind,
        employeeId: person.employeeId,
        leadId: person.leadId,
        unitId: person.unitId,
        orderId: body.orderId ?? null,
        amountFen,
        leadFen,
        unitScoreDelta: r.unitScoreDelta,
        month,
        description: body.description,
        registeredBy: user.id,
      });
      await appendAudit(tx, {
        actor: { id: user.id, name: user.username },
        action: 'service-fine.registered',
        entity: 'service-fine',
        entityId: id,
        after: { ...body, amountFen, leadFen, unitScoreDelta: r.unitScoreDelta, month },
      });
      return id;
    });
    const data: FineCaseData = {
      fineId,
      kind: body.kind,
      employeeId: person.employeeId,
      employeeName: person.name,
      leadId: person.leadId,
      leadName: person.leadName,
      leadUserId: person.leadUserId,
      unitId: person.unitId,
      unitName: person.unitName,
      amountFen,
      leadFen,
      unitScoreDelta: r.unitScoreDelta,
      month,
      description: body.description,
      registeredByName,
    };
    await this.cases.start(
      {
        kind: 'service-fine',
        workflowType: 'serviceFine',
        businessKey: fineId,
        title: `违规罚款：${person.name}（${KIND_ZH[body.kind]}）`,
        data: data as unknown as Record<string, unknown>,
        unitId: person.unitId,
        subjectEmployeeIds: [person.employeeId, ...(person.leadId ? [person.leadId] : [])],
        onCreated: (caseId) => setFineCase(this.ds, fineId, caseId),
      },
      user,
    );
    return this.get(user, fineId);
  }

  people(text: string) {
    return searchPeople(this.ds, text);
  }

  list(user: RequestUser, o: { filter: Record<string, unknown>; orderBy: string; limit: number; offset: number }) {
    return listFines(this.ds, { ...o, scope: fineScope(user) });
  }

  async get(user: RequestUser, id: string) {
    const f = isUuid(id) ? await fineById(this.ds, id, fineScope(user)) : undefined;
    if (!f) throw notFound('service fine');
    return f;
  }
}
