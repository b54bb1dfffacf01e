import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { OpenRectificationInput } from '@qf/contracts';
import { evaluationScript } from '@qf/domain';
import {
  callbackOfRectification,
  dueMeeting,
  findRectification,
  insertRectification,
  isTeam,
  listRectifications,
  policyInEffect,
  RectificationFilter,
  rectificationSummary,
  withWaitingNames,
} from '@qf/persistence';
import { RequestUser } from '../auth/auth.decorators';
import { badRequest, notFound } from '../common/errors';
import { CasesService } from '../cases/cases.service';

/** Who sees the rectification board and the meetings. */
export const BOARD_ROLES = [
  'admin',
  'manager',
  'team-lead',
  'branch-head',
  'leadership',
  'dispatcher',
  'foreman',
] as const;

/** E-7, E-8, Q-2: opening rectifications (due at the next fault-analysis meeting), their board and pages. */
@Injectable()
export class RectificationsService {
  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    private readonly cases: CasesService,
  ) {}

  /** E-7 / Q-2: opens a rectification due before the next fault-analysis meeting (an internal note has no meeting). */
  async open(user: RequestUser, body: OpenRectificationInput): Promise<{ caseId: string; created: boolean }> {
    if (!(await isTeam(this.ds, body.teamUnitId)))
      throw badRequest('teamUnitId must name a team (E-7)', [
        { path: 'teamUnitId', message: 'not a team', rule: 'E-7' },
      ]);
    const m = body.internal ? null : await dueMeeting(this.ds, new Date().toISOString());
    const meetingId = m?.meetingId ?? null;
    const dueAt = m?.scheduledAt ?? null;
    const r = await this.cases.start(
      {
        kind: 'rectification',
        workflowType: 'rectification',
        businessKey: body.orderNo ? `${body.origin}-${body.internal ? 'note-' : ''}${body.orderNo}` : randomUUID(),
        title: `整改：${body.description.slice(0, 40)}`,
        data: { ...body, meetingId, dueAt },
        unitId: body.teamUnitId,
        onCreated: (caseId) =>
          insertRectification(this.ds, {
            caseId,
            origin: body.origin,
            internal: body.internal,
            orderNo: body.orderNo ?? null,
            description: body.description,
            teamUnitId: body.teamUnitId,
            meetingId,
            dueAt,
          }),
      },
      user,
    );
    return { caseId: r.case.id, created: r.created };
  }

  /** E-8: open, due this (local) week and overdue, in total and by team and branch. */
  async summary() {
    const s = await rectificationSummary(this.ds, (await policyInEffect(this.ds)).calendar.timeZone);
    return {
      open: s.open,
      dueThisWeek: s.dueThisWeek,
      overdue: s.overdue,
      byTeam: s.byTeam.map((x) => ({
        teamUnitId: x.id,
        teamName: x.name,
        branchName: x.branchName,
        open: x.open,
        overdue: x.overdue,
      })),
      byBranch: s.byBranch.map((x) => ({ branchId: x.id, branchName: x.name, open: x.open, overdue: x.overdue })),
    };
  }

  async list(filter: Record<string, unknown>, orderBy: string, limit: number, offset: number) {
    const f: RectificationFilter = {
      ...filter,
      overdue: filter.overdue === true,
      dueThisWeek: filter.dueThisWeek === true,
    };
    const timeZone = (await policyInEffect(this.ds)).calendar.timeZone;
    const { rows, total } = await listRectifications(this.ds, { filter: f, timeZone, orderBy, limit, offset });
    return { rows: await withWaitingNames(this.ds, rows), total };
  }

  async get(id: string) {
    const r = /^[0-9a-f-]{36}$/i.test(id) ? await findRectification(this.ds, id) : undefined;
    if (!r) throw notFound('rectification');
    const [named] = await withWaitingNames(this.ds, [r]);
    return { ...named, callback: await this.callbackOf(id) };
  }

  /**
   * E-7: the callback (or foreman self-evaluation) whose 不满意 opened this rectification: order, customer, repairer and
   * evaluator as 姓名（工号）, the scripted questions with the answers given and the note (from the answer's audit entry).
   */
  private async callbackOf(caseId: string) {
    const ev = await callbackOfRectification(this.ds, caseId);
    if (!ev) return null;
    const policy = await policyInEffect(this.ds);
    const given: Record<string, string> = ev.answer?.answers ?? {};
    const answers = evaluationScript(ev.kind, policy).map((q) => ({
      key: q.key,
      question: q.text,
      answer: given[q.key] ?? null,
    }));
    const { answer, ...rest } = ev;
    return { ...rest, answers, note: typeof answer?.note === 'string' ? answer.note : null };
  }
}
