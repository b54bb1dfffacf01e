import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { IncidentInput, InterviewCaseData } from '@qf/contracts';
import { majorIncidentActions } from '@qf/domain';
import {
  appendAudit,
  cardPeople,
  getInterview,
  insertIncident,
  insertInterview,
  interviewCaseData,
  namedPerson,
  NamedPerson,
  policyInEffect,
  searchPeople,
  setIncidentCase,
  unitName,
} from '@qf/persistence';
import { RequestUser } from '../auth/auth.decorators';
import { CasesService } from '../cases/cases.service';
import { badRequest, notFound } from '../common/errors';

/** Interviews (P-6 cards, P-7 major incidents): each one a case for the named person, with its record kept. */
@Injectable()
export class InterviewsService {
  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    private readonly cases: CasesService,
  ) {}

  /** P-6 / P-7: an interview case for the named person, due the policy's interview working days after it is ordered. */
  async order(
    user: RequestUser,
    i: {
      businessKey: string;
      title: string;
      person: NamedPerson | null;
      data: Pick<InterviewCaseData, 'origin' | 'unitId' | 'unitName' | 'month' | 'card' | 'incidentId' | 'reason'>;
      branchId: string | null;
      policy: Awaited<ReturnType<typeof policyInEffect>>;
    },
  ): Promise<string> {
    const data = interviewCaseData(i, i.policy);
    const r = await this.cases.start(
      {
        kind: 'interview',
        workflowType: 'interview',
        businessKey: i.businessKey,
        title: i.title,
        data: data as unknown as Record<string, unknown>,
        unitId: i.branchId ?? data.unitId,
        subjectEmployeeIds: data.intervieweeId ? [data.intervieweeId] : [],
        onCreated: (caseId) =>
          insertInterview(this.ds, {
            caseId,
            origin: data.origin,
            unitId: data.unitId,
            month: data.month ?? null,
            incidentId: data.incidentId ?? null,
            intervieweeId: data.intervieweeId,
            reason: data.reason,
            dueAt: data.dueAt,
          }),
      },
      user,
    );
    return r.case.id;
  }

  /** P-7: a major service incident orders a written-explanation interview of the responsible department head. */
  async registerIncident(user: RequestUser, body: IncidentInput) {
    const [unit, head] = await Promise.all([
      unitName(this.ds, body.unitId),
      namedPerson(this.ds, body.departmentHeadId),
    ]);
    const bad = [
      ...(unit ? [] : [{ path: 'unitId', message: 'unknown unit', rule: 'P-7' }]),
      ...(head ? [] : [{ path: 'departmentHeadId', message: 'unknown employee', rule: 'P-7' }]),
    ];
    if (bad.length) throw badRequest('unknown unit or department head', bad);
    const incidentId = await this.ds.transaction(async (tx) => {
      const id = await insertIncident(tx, { ...body, createdBy: user.id });
      await appendAudit(tx, {
        actor: { id: user.id, name: user.username },
        action: 'incident.registered',
        entity: 'incident',
        entityId: id,
        after: body,
      });
      return id;
    });
    let caseId: string | null = null;
    for (const a of majorIncidentActions({ major: body.major, departmentHeadId: body.departmentHeadId })) {
      const people = await cardPeople(this.ds, body.unitId);
      caseId = await this.order(user, {
        businessKey: `incident-${incidentId}`,
        title: `书面说明约谈：${head!.name}（${body.title.slice(0, 40)}）`,
        person: head,
        data: {
          origin: 'major-incident',
          unitId: body.unitId,
          unitName: unit!,
          incidentId,
          reason: `重大服务事件「${body.title}」：约谈责任部门负责人 ${head!.name}，书面说明（${a.rule}）`,
        },
        branchId: people.branchId,
        policy: await policyInEffect(this.ds),
      });
      await setIncidentCase(this.ds, incidentId, caseId);
    }
    return { id: incidentId, caseId };
  }

  /** P-7: candidates for the responsible department head (the quality department names anyone in the company). */
  people(text: string) {
    return searchPeople(this.ds, text);
  }

  async interview(caseId: string) {
    const r = /^[0-9a-f-]{36}$/i.test(caseId) ? await getInterview(this.ds, caseId) : null;
    if (!r) throw notFound('interview');
    return r;
  }
}
