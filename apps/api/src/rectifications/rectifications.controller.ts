import { Body, Controller, Get, Inject, Logger, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { MeetingSchema, OpenRectificationInput, OpenRectificationSchema, SIGNAL_MEETING_CHANGED } from '@qf/contracts';
import { evaluationScript } from '@qf/domain';
import { policyInEffect } from '@qf/persistence';
import { CurrentUser, RequestUser, Roles } from '../auth/auth.decorators';
import { badRequest, notFound } from '../common/errors';
import { parseListQuery, sendList } from '../common/list-query';
import { ZodPipe } from '../common/zod.pipe';
import { CasesService } from '../cases/cases.service';
import { TemporalService } from '../temporal/temporal.module';
import { withWaitingNames } from './waiting-names';

const BOARD_ROLES = ['admin', 'manager', 'team-lead', 'branch-head', 'leadership', 'dispatcher', 'foreman'] as const;
/**
 * E-8, the one definition of overdue (board cards, rows and the filter alike): not yet confirmed, and either past its
 * meeting while open or submitted after it (the workflow's flag). A confirmed item submitted late is `late`, not overdue.
 */
const OVERDUE_SQL = `(r.status <> 'confirmed' AND (r.overdue OR (r.status = 'open' AND r.due_at < now())))`;
const LATE_SQL = `(r.submitted_at IS NOT NULL AND r.due_at IS NOT NULL AND r.submitted_at > r.due_at)`;
const DUE_THIS_WEEK_SQL = `(r.status = 'open' AND r.due_at >= date_trunc('week', now() AT TIME ZONE 'Asia/Shanghai') AT TIME ZONE 'Asia/Shanghai'
  AND r.due_at < (date_trunc('week', now() AT TIME ZONE 'Asia/Shanghai') + interval '7 days') AT TIME ZONE 'Asia/Shanghai')`;
const RECT_COLUMNS = `r.case_id AS id, r.case_id AS "caseId", r.origin, r.internal, r.order_no AS "orderNo", r.description, r.team_unit_id AS "teamUnitId",
  t.name AS "teamName", b.id AS "branchId", b.name AS "branchName", r.meeting_id AS "meetingId", m.title AS "meetingTitle", m.scheduled_at AS "meetingAt", r.due_at AS "dueAt",
  r.status, ${OVERDUE_SQL} AS overdue, ${LATE_SQL} AS late, r.opened_at AS "openedAt", r.submitted_at AS "submittedAt",
  c.waiting_on AS "waitingOn", c.waiting_since AS "waitingSince", c.stage`;
const RECT_FROM = `FROM rectifications r JOIN cases c ON c.id = r.case_id JOIN org_units t ON t.id = r.team_unit_id
  LEFT JOIN org_units b ON b.id = t.parent_id AND b.kind = 'branch' LEFT JOIN meetings m ON m.id = r.meeting_id`;

/** E-7 / Q-2: opens a rectification due before the next fault-analysis meeting (an internal note has no meeting). */
export async function openRectification(
  ds: DataSource,
  cases: CasesService,
  user: RequestUser,
  body: OpenRectificationInput,
): Promise<{ caseId: string; created: boolean }> {
  const [team] = await ds.query(`SELECT id, kind FROM org_units WHERE id = $1`, [body.teamUnitId]);
  if (!team || team.kind !== 'team')
    throw badRequest('teamUnitId must name a team (E-7)', [{ path: 'teamUnitId', message: 'not a team', rule: 'E-7' }]);
  const [m] = await ds.query(
    `SELECT id, scheduled_at FROM meetings WHERE scheduled_at > now() ORDER BY scheduled_at LIMIT 1`,
  );
  const meetingId = body.internal ? null : (m?.id ?? null);
  const dueAt = body.internal || !m ? null : new Date(m.scheduled_at).toISOString();
  const r = await cases.start(
    {
      kind: 'rectification',
      workflowType: 'rectification',
      businessKey: body.orderNo ? `${body.origin}-${body.internal ? 'note-' : ''}${body.orderNo}` : randomUUID(),
      title: `整改：${body.description.slice(0, 40)}`,
      data: { ...body, meetingId, dueAt },
      unitId: body.teamUnitId,
      onCreated: (caseId) =>
        ds.query(
          `INSERT INTO rectifications (case_id, origin, internal, order_no, description, team_unit_id, meeting_id, due_at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8)`,
          [
            caseId,
            body.origin,
            body.internal,
            body.orderNo ?? null,
            body.description,
            body.teamUnitId,
            meetingId,
            dueAt,
          ],
        ),
    },
    user,
  );
  return { caseId: r.case.id, created: r.created };
}

/** E-7, E-8, Q-2: rectifications and their board. */
@ApiTags('rectifications')
@ApiBearerAuth()
@Roles(...BOARD_ROLES)
@Controller('rectifications')
export class RectificationsController {
  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    private readonly cases: CasesService,
  ) {}

  @Roles('admin', 'manager', 'dispatcher', 'foreman')
  @Post()
  async open(
    @CurrentUser() user: RequestUser,
    @Body(new ZodPipe(OpenRectificationSchema)) body: OpenRectificationInput,
    @Res({ passthrough: true }) res: Response,
  ) {
    const r = await openRectification(this.ds, this.cases, user, body);
    res.status(r.created ? 201 : 200);
    return this.get(r.caseId);
  }

  @Get('summary')
  async summary() {
    const [totals] = await this.ds.query(
      `SELECT count(*) FILTER (WHERE r.status = 'open')::int AS open,
              count(*) FILTER (WHERE ${DUE_THIS_WEEK_SQL})::int AS "dueThisWeek",
              count(*) FILTER (WHERE ${OVERDUE_SQL})::int AS overdue
       FROM rectifications r`,
    );
    const group = (idCol: string, nameCol: string, extra = '') =>
      this.ds.query(
        `SELECT ${idCol} AS id, ${nameCol} AS name ${extra}, count(*) FILTER (WHERE r.status = 'open')::int AS open,
              count(*) FILTER (WHERE ${OVERDUE_SQL})::int AS overdue
       ${RECT_FROM} GROUP BY 1, 2 ${extra ? ', 3' : ''} ORDER BY 2`,
      );
    const byTeam = (await group('t.id', 't.name', ', b.name AS "branchName"')).map((x: any) => ({
      teamUnitId: x.id,
      teamName: x.name,
      branchName: x.branchName,
      open: x.open,
      overdue: x.overdue,
    }));
    const byBranch = (await group('b.id', 'b.name')).map((x: any) => ({
      branchId: x.id,
      branchName: x.name,
      open: x.open,
      overdue: x.overdue,
    }));
    return { ...totals, byTeam, byBranch };
  }

  @Get()
  async list(@Query() q: Record<string, unknown>, @Res({ passthrough: true }) res: Response) {
    const lq = parseListQuery(
      { sort: '["dueAt","ASC"]', ...q },
      { dueAt: 'r.due_at', openedAt: 'r.opened_at', status: 'r.status', id: 'r.case_id' },
    );
    const f = lq.filter;
    const params: unknown[] = [];
    const where = ['TRUE'];
    const eq = (col: string, v: unknown) => {
      if (typeof v === 'string' && v) {
        params.push(v);
        where.push(`${col} = $${params.length}`);
      }
    };
    eq('r.status', f.status);
    eq('r.team_unit_id::text', f.teamUnitId);
    eq('b.id::text', f.branchId);
    eq('r.origin', f.origin);
    if (f.overdue === true) where.push(OVERDUE_SQL);
    if (f.dueThisWeek === true) where.push(DUE_THIS_WEEK_SQL);
    const [{ total }] = await this.ds.query(
      `SELECT count(*)::int AS total ${RECT_FROM} WHERE ${where.join(' AND ')}`,
      params,
    );
    const rows = await this.ds.query(
      `SELECT ${RECT_COLUMNS} ${RECT_FROM} WHERE ${where.join(' AND ')} ORDER BY ${lq.orderBy} NULLS LAST, r.case_id LIMIT ${lq.limit} OFFSET ${lq.offset}`,
      params,
    );
    return sendList(res, 'rectifications', await withWaitingNames(this.ds, rows), lq.offset, total);
  }

  @Get(':id')
  async get(@Param('id') id: string) {
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound('rectification');
    const [r] = await this.ds.query(
      `SELECT ${RECT_COLUMNS}, c.data->'plan' AS plan ${RECT_FROM} WHERE r.case_id = $1`,
      [id],
    );
    if (!r) throw notFound('rectification');
    const [named] = await withWaitingNames(this.ds, [r]);
    return { ...named, callback: await this.callbackOf(id) };
  }

  /**
   * E-7: the callback (or foreman self-evaluation) whose 不满意 opened this rectification: order, customer, repairer and
   * evaluator as 姓名（工号）, the scripted questions with the answers given and the note (from the answer's audit entry).
   */
  private async callbackOf(caseId: string) {
    const [ev] = await this.ds.query(
      `SELECT ev.id, ev.kind, ev.choice, ev.score, ev.answered_at AS "answeredAt", ev.evaluate_on::text AS "evaluateOn", w.order_no AS "orderNo", w.reporter,
              w.closed_at AS "closedAt", e.name || '（' || e.code || '）' AS "repairerName",
              COALESCE(ae.name || '（' || ae.code || '）', au.display_name) AS "evaluatorName",
              (SELECT a.after FROM audit_log a WHERE a.entity = 'evaluation' AND a.entity_id = ev.id::text AND a.action = 'evaluation.answered' ORDER BY a.id DESC LIMIT 1) AS answer
       FROM evaluations ev JOIN work_orders w ON w.id = ev.order_id JOIN employees e ON e.id = w.repairer_id
       LEFT JOIN users au ON au.id = ev.answered_by LEFT JOIN employees ae ON ae.id = au.employee_id
       WHERE ev.rectification_case_id = $1 ORDER BY ev.answered_at DESC NULLS LAST LIMIT 1`,
      [caseId],
    );
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

/** Fault-analysis meetings: moving one signals every open rectification tied to it (its timer is re-armed). */
@ApiTags('meetings')
@ApiBearerAuth()
@Roles(...BOARD_ROLES)
@Controller('meetings')
export class MeetingsController {
  private readonly log = new Logger('meetings');
  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    private readonly temporal: TemporalService,
  ) {}

  private async signalOpen(
    where: string,
    params: unknown[],
    meeting: { id: string; scheduledAt: string },
  ): Promise<number> {
    const rows = await this.ds.query(
      `SELECT c.workflow_id FROM rectifications r JOIN cases c ON c.id = r.case_id WHERE r.status = 'open' AND NOT r.internal AND ${where}`,
      params,
    );
    const client = await this.temporal.client();
    for (const r of rows) {
      await client.workflow
        .getHandle(r.workflow_id)
        .signal(SIGNAL_MEETING_CHANGED, { meetingId: meeting.id, scheduledAt: meeting.scheduledAt })
        .catch((e) => this.log.warn(`signal to ${r.workflow_id} failed: ${(e as Error).message}`));
    }
    return rows.length;
  }

  @Get()
  async list(@Query() q: Record<string, unknown>, @Res({ passthrough: true }) res: Response) {
    const lq = parseListQuery(
      { sort: '["scheduledAt","ASC"]', ...q },
      { scheduledAt: 'm.scheduled_at', title: 'm.title' },
    );
    const [{ total }] = await this.ds.query(`SELECT count(*)::int AS total FROM meetings`);
    const rows = await this.ds.query(
      `SELECT m.id, m.title, m.scheduled_at AS "scheduledAt", m.created_at AS "createdAt",
              (SELECT count(*)::int FROM rectifications r WHERE r.meeting_id = m.id AND r.status = 'open') AS "openCount"
       FROM meetings m ORDER BY ${lq.orderBy} LIMIT ${lq.limit} OFFSET ${lq.offset}`,
    );
    return sendList(res, 'meetings', rows, lq.offset, total);
  }

  @Get(':id')
  async get(@Param('id') id: string) {
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound('meeting');
    const [m] = await this.ds.query(
      `SELECT id, title, scheduled_at AS "scheduledAt", created_at AS "createdAt",
              (SELECT count(*)::int FROM rectifications r WHERE r.meeting_id = m.id AND r.status = 'open') AS "openCount"
       FROM meetings m WHERE id = $1`,
      [id],
    );
    if (!m) throw notFound('meeting');
    return m;
  }

  @Roles('admin', 'manager')
  @Post()
  async create(
    @CurrentUser() user: RequestUser,
    @Body(new ZodPipe(MeetingSchema)) body: z.infer<typeof MeetingSchema>,
  ) {
    const [m] = await this.ds.query(`INSERT INTO meetings (title, scheduled_at) VALUES ($1, $2) RETURNING id`, [
      body.title,
      body.scheduledAt,
    ]);
    const at = new Date(body.scheduledAt).toISOString();
    // open items without a meeting take the first one scheduled (the workflow decides)
    await this.signalOpen('r.meeting_id IS NULL', [], { id: m.id, scheduledAt: at });
    await this.ds.query(
      `INSERT INTO audit_log (actor_id, actor, action, entity, entity_id, after) VALUES ($1,$2,'meeting.created','meeting',$3,$4)`,
      [user.id, user.username, m.id, JSON.stringify(body)],
    );
    return { id: m.id, title: body.title, scheduledAt: at };
  }

  @Roles('admin', 'manager')
  @Put(':id')
  async move(
    @CurrentUser() user: RequestUser,
    @Param('id') id: string,
    @Body(new ZodPipe(MeetingSchema)) body: z.infer<typeof MeetingSchema>,
  ) {
    const before = await this.get(id);
    const at = new Date(body.scheduledAt).toISOString();
    await this.ds.query(`UPDATE meetings SET title = $2, scheduled_at = $3 WHERE id = $1`, [id, body.title, at]);
    const moved = await this.signalOpen('r.meeting_id = $1', [id], { id, scheduledAt: at });
    await this.ds.query(
      `INSERT INTO audit_log (actor_id, actor, action, entity, entity_id, before, after, details) VALUES ($1,$2,'meeting.moved','meeting',$3,$4,$5,$6)`,
      [
        user.id,
        user.username,
        id,
        JSON.stringify(before),
        JSON.stringify(body),
        JSON.stringify({ openRectifications: moved }),
      ],
    );
    return { id, title: body.title, scheduledAt: at, movedOpenRectifications: moved };
  }
}
