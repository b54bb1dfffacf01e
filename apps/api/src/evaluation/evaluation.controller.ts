import {
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  Param,
  Post,
  Query,
  Res,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import {
  AnswerEvaluationSchema,
  ApiErrorDetail,
  AssignEvaluationsSchema,
  MonthSchema,
  RepairStarCaseData,
  WORK_ORDER_IMPORT_COLUMNS,
  WorkOrderImportRowSchema,
  WorkOrderInput,
  WorkOrderSchema,
} from '@qf/contracts';
import { evaluationScript, localMonth, monthlyWinners, repairerMonthlyScore, scoreForChoice } from '@qf/domain';
import { Policy } from '@qf/policy';
import { assignEvaluationsForDate, policyInEffect } from '@qf/persistence';
import { CurrentUser, RequestUser, Roles } from '../auth/auth.decorators';
import { badRequest, conflict, forbidden, notFound } from '../common/errors';
import { parseListQuery, sendList } from '../common/list-query';
import { ZodPipe } from '../common/zod.pipe';
import { readSheet } from '../common/sheet';
import { CasesService } from '../cases/cases.service';
import { openRectification } from '../rectifications/rectifications.controller';

const ORDER_ROLES = ['admin', 'dispatcher', 'manager', 'foreman', 'team-lead'] as const;

const KIND_ZH: Record<string, string> = { foreman: '工长自评', dispatcher: '调度回访', manager: '管理人员回访' };

/**
 * E-2 in a Chinese sentence with names: why this order was sampled to this evaluator. The numbers come from the rule's
 * own record (libs/domain sampleCallbacks' explanation, kept as `explanationRule`); ids are replaced by 姓名（工号）.
 */
export function explainSampling(
  r: {
    kind: string;
    orderNo: string;
    teamName: string | null;
    closedAt: string | Date;
    repairerName: string;
    evaluatorName: string | null;
    seed: string | null;
    explanationRule: string | null;
  },
  managerPercent: number,
  timeZone: string,
): string {
  const day = new Date(r.closedAt).toLocaleDateString('zh-CN', { timeZone, month: 'long', day: 'numeric' });
  const team = r.teamName ?? '本班组';
  const who = r.evaluatorName ?? '（待分配）';
  if (r.kind === 'foreman')
    return `工长${who}对${team}${day}关闭的每张可评价工单进行自评，工单 ${r.orderNo} 是其中之一（E-2）。`;
  const m = /has (\d+) of (\d+) orders; (\d+) of the (\d+) manager callbacks \((\d+)%\)/.exec(r.explanationRule ?? '');
  const kind = KIND_ZH[r.kind] ?? r.kind;
  if (!m) return `工单 ${r.orderNo}（${team}，${day}关闭）抽中为${kind}，按轮转分配给${who}（E-2）。`;
  const [, own, total, share, managers, pct] = m;
  return (
    `${team}${day}共关闭 ${total} 张可评价工单，其中维修人员${r.repairerName}有 ${own} 张。按 ${pct || managerPercent}% 的比例，当日 ${managers} 张由管理人员回访，` +
    `按最大余数法分给该维修人员 ${share} 张，其余由调度回访。工单 ${r.orderNo} 经随机抽取（种子 ${r.seed ?? '—'}）为${kind}，按轮转分配给${who}；工长同时对其自评（E-2）。`
  );
}

/** E-1…E-6: closed work orders, daily sampling and assignment, evaluations, repairer scores. */
@ApiTags('evaluation')
@ApiBearerAuth()
@Roles(...ORDER_ROLES)
@Controller()
export class EvaluationController {
  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    private readonly cases: CasesService,
  ) {}

  @Roles('admin', 'dispatcher', 'manager')
  @Post('work-orders')
  async create(@Body(new ZodPipe(WorkOrderSchema)) body: WorkOrderInput) {
    const [team] = await this.ds.query(`SELECT kind FROM org_units WHERE id = $1`, [body.teamUnitId]);
    if (team?.kind !== 'team')
      throw badRequest('teamUnitId must name a team (E-1)', [
        { path: 'teamUnitId', message: 'not a team', rule: 'E-1' },
      ]);
    const [r] = await this.ds.query(
      `INSERT INTO work_orders (order_no, fault_key, repeat_report, source, repairer_id, team_unit_id, reporter, reported_at, closed_at)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9) RETURNING id`,
      [
        body.orderNo,
        body.faultKey ?? null,
        body.repeatReport,
        body.source,
        body.repairerId,
        body.teamUnitId,
        body.reporter,
        body.reportedAt ?? null,
        body.closedAt,
      ],
    );
    return { id: r.id, ...body };
  }

  /** E-1 bulk: validates every row, then imports all in one set-based statement, or returns each bad row. */
  @Roles('admin', 'dispatcher', 'manager')
  @Post('work-orders/import')
  @HttpCode(200)
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: 200 * 1024 * 1024 } }))
  async import(@UploadedFile() file?: { buffer: Buffer; originalname: string }, @Body('importId') importId?: string) {
    if (!file) throw badRequest('send the file as multipart field "file"', [{ path: 'file', message: 'required' }]);
    // optional client-chosen id: the console polls GET /api/imports/:id while the file is processed
    const pid = importId && /^[0-9a-f-]{36}$/i.test(importId) ? importId : null;
    const progress = async (phase: string, processed: number, total: number, message?: string) => {
      if (pid)
        await this.ds.query(
          `INSERT INTO import_progress (id, kind, phase, processed, total, message) VALUES ($1, 'work-orders', $2, $3, $4, $5)
         ON CONFLICT (id) DO UPDATE SET phase = $2, processed = $3, total = $4, message = $5, updated_at = now()`,
          [pid, phase, processed, total, message ?? null],
        );
    };
    await progress('reading', 0, 0);
    try {
      return await this.importRows(file, progress);
    } catch (e) {
      await progress('failed', 0, 0, (e as Error).message);
      throw e;
    }
  }

  private async importRows(
    file: { buffer: Buffer; originalname: string },
    progress: (phase: string, processed: number, total: number) => Promise<void>,
  ) {
    const { ws, header } = await readSheet(file);
    const missing = ['orderNo', 'repairerCode', 'teamCode', 'closedAt'].filter((c) => !header.includes(c));
    if (missing.length)
      throw badRequest(
        `missing columns: ${missing.join(', ')}`,
        missing.map((c) => ({ path: 'header', message: `missing column ${c}` })),
      );
    const emps = new Map<string, string>(
      (await this.ds.query(`SELECT code, id FROM employees`)).map((e: any) => [e.code, e.id]),
    );
    const teams = new Map<string, string>(
      (await this.ds.query(`SELECT code, id FROM org_units WHERE kind = 'team'`)).map((t: any) => [t.code, t.id]),
    );
    const errors: ApiErrorDetail[] = [];
    const rows: {
      orderNo: string;
      faultKey: string | null;
      repeat: boolean;
      source: string;
      repairer: string;
      team: string;
      reporter: string;
      reportedAt: string | null;
      closedAt: string;
    }[] = [];
    const seen = new Set<string>();
    ws.eachRow({ includeEmpty: false }, (row, n) => {
      if (n === 1) return;
      const rec: Record<string, string> = {};
      header.forEach((h, i) => {
        const v = row.getCell(i + 1).value;
        rec[h] = v instanceof Date ? v.toISOString() : v == null ? '' : String(v);
      });
      const p = WorkOrderImportRowSchema.safeParse(rec);
      if (!p.success) {
        p.error.issues.forEach((i) =>
          errors.push({ path: `row ${n}`, message: `${i.path.join('.')}: ${i.message}`, rule: 'E-1' }),
        );
        return;
      }
      const d = p.data;
      if (seen.has(d.orderNo))
        errors.push({ path: `row ${n}`, message: `orderNo ${d.orderNo} repeats an earlier row`, rule: 'E-1' });
      seen.add(d.orderNo);
      if (!emps.has(d.repairerCode))
        errors.push({ path: `row ${n}`, message: `repairerCode ${d.repairerCode} is not an employee`, rule: 'E-1' });
      if (!teams.has(d.teamCode))
        errors.push({ path: `row ${n}`, message: `teamCode ${d.teamCode} is not a team`, rule: 'E-1' });
      rows.push({
        orderNo: d.orderNo,
        faultKey: d.faultKey || null,
        repeat: d.repeatReport,
        source: d.source,
        repairer: emps.get(d.repairerCode)!,
        team: teams.get(d.teamCode)!,
        reporter: d.reporter,
        reportedAt: d.reportedAt || null,
        closedAt: d.closedAt,
      });
    });
    if (!rows.length && !errors.length)
      throw badRequest('the file has no data rows', [{ path: 'file', message: 'no rows' }]);
    await progress('validating', rows.length, rows.length);
    if (errors.length)
      throw badRequest(`${new Set(errors.map((e) => e.path)).size} bad row(s): nothing was imported`, errors);
    const existing = await this.ds.query(`SELECT order_no FROM work_orders WHERE order_no = ANY($1::text[])`, [
      rows.map((r) => r.orderNo),
    ]);
    if (existing.length)
      throw badRequest(
        `${existing.length} order(s) already imported: nothing was imported`,
        existing
          .slice(0, 1000)
          .map((e: any) => ({ path: `orderNo ${e.order_no}`, message: 'already imported', rule: 'E-1' })),
      );
    await this.ds.transaction(async (tx) => {
      for (let i = 0; i < rows.length; i += 20000) {
        const part = rows.slice(i, i + 20000);
        const col = <K extends keyof (typeof rows)[number]>(k: K) => part.map((r) => r[k]);
        await tx.query(
          `INSERT INTO work_orders (order_no, fault_key, repeat_report, source, repairer_id, team_unit_id, reporter, reported_at, closed_at)
           SELECT * FROM unnest($1::text[], $2::text[], $3::bool[], $4::text[], $5::uuid[], $6::uuid[], $7::text[], $8::timestamptz[], $9::timestamptz[])`,
          [
            col('orderNo'),
            col('faultKey'),
            col('repeat'),
            col('source'),
            col('repairer'),
            col('team'),
            col('reporter'),
            col('reportedAt'),
            col('closedAt'),
          ],
        );
        await progress('inserting', Math.min(i + 20000, rows.length), rows.length);
      }
    });
    await progress('done', rows.length, rows.length);
    return { imported: rows.length };
  }

  /** Progress of an import started with an importId (phase, processed of total). */
  @Get('imports/:id')
  async importProgress(@Param('id') id: string) {
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound('import');
    const [p] = await this.ds.query(
      `SELECT id, kind, phase, processed, total, message, updated_at AS "updatedAt" FROM import_progress WHERE id = $1`,
      [id],
    );
    if (!p) throw notFound('import');
    return p;
  }

  @Get('work-orders')
  async orders(@Query() q: Record<string, unknown>, @Res({ passthrough: true }) res: Response) {
    const lq = parseListQuery(
      { sort: '["closedAt","DESC"]', ...q },
      { closedAt: 'w.closed_at', orderNo: 'w.order_no' },
    );
    const [{ total }] = await this.ds.query(`SELECT count(*)::int AS total FROM work_orders`);
    const rows = await this.ds.query(
      `SELECT w.id, w.order_no AS "orderNo", w.fault_key AS "faultKey", w.repeat_report AS "repeatReport", w.source, w.repairer_id AS "repairerId",
              e.name || '（' || e.code || '）' AS "repairerName", w.team_unit_id AS "teamUnitId", t.name AS "teamName", w.reporter, w.reported_at AS "reportedAt", w.closed_at AS "closedAt"
       FROM work_orders w JOIN employees e ON e.id = w.repairer_id LEFT JOIN org_units t ON t.id = w.team_unit_id ORDER BY ${lq.orderBy} LIMIT ${lq.limit} OFFSET ${lq.offset}`,
    );
    return sendList(res, 'work-orders', rows, lq.offset, total);
  }

  /** One closed order with its evaluations (kind, evaluator 姓名（工号）, due, result, the rectification it opened). */
  @Get('work-orders/:id')
  async order(@Param('id') id: string) {
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound('work order');
    const [o] = await this.ds.query(
      `SELECT w.id, w.order_no AS "orderNo", w.fault_key AS "faultKey", w.repeat_report AS "repeatReport", w.source, w.repairer_id AS "repairerId",
              e.name || '（' || e.code || '）' AS "repairerName", w.team_unit_id AS "teamUnitId", t.name AS "teamName", w.reporter, w.reported_at AS "reportedAt", w.closed_at AS "closedAt"
       FROM work_orders w JOIN employees e ON e.id = w.repairer_id LEFT JOIN org_units t ON t.id = w.team_unit_id WHERE w.id = $1`,
      [id],
    );
    if (!o) throw notFound('work order');
    const evaluations = await this.ds.query(
      `SELECT ev.id, ev.kind, COALESCE(ue.name || '（' || ue.code || '）', u.display_name) AS "evaluatorName", ev.evaluate_on::text AS "evaluateOn", ev.due_at AS "dueAt",
              ev.choice, ev.score, ev.answered_at AS "answeredAt", ev.rectification_case_id AS "rectificationCaseId", (ev.answered_at IS NULL AND ev.due_at < now()) AS overdue
       FROM evaluations ev LEFT JOIN users u ON u.id = ev.evaluator_user_id LEFT JOIN employees ue ON ue.id = u.employee_id WHERE ev.order_id = $1 ORDER BY ev.kind`,
      [id],
    );
    return { ...o, evaluations };
  }

  /**
   * E-1/E-2/E-4: samples and assigns the orders closed on `date` (the seed defaults to the date). The same code runs
   * each day in the `dailyEvaluationAssignment` workflow (Temporal Schedule, see EvaluationScheduleService);
   * idempotent by date: a second run adds only orders closed since (see assignEvaluationsForDate).
   */
  @Roles('admin', 'manager', 'dispatcher')
  @Post('evaluations/assign')
  @HttpCode(200)
  async assign(@Body(new ZodPipe(AssignEvaluationsSchema)) body: z.infer<typeof AssignEvaluationsSchema>) {
    return assignEvaluationsForDate(this.ds, body);
  }

  @Get('evaluations')
  async evaluations(
    @CurrentUser() user: RequestUser,
    @Query() q: Record<string, unknown>,
    @Res({ passthrough: true }) res: Response,
  ) {
    const lq = parseListQuery(
      { sort: '["dueAt","ASC"]', ...q },
      { dueAt: 'ev.due_at', orderNo: 'w.order_no', kind: 'ev.kind' },
    );
    const f = lq.filter;
    const params: unknown[] = [];
    const where = ['TRUE'];
    if (f.mine === true) {
      params.push(user.id);
      where.push(`ev.evaluator_user_id = $${params.length}`);
    }
    if (f.pending === true) where.push(`ev.answered_at IS NULL`);
    if (f.overdue === true) where.push(`ev.answered_at IS NULL AND ev.due_at < now()`);
    for (const [k, col] of [
      ['kind', 'ev.kind'],
      ['evaluateOn', 'ev.evaluate_on::text'],
      ['orderId', 'ev.order_id::text'],
    ] as const) {
      if (typeof f[k] === 'string') {
        params.push(f[k]);
        where.push(`${col} = $${params.length}`);
      }
    }
    const sql = `FROM evaluations ev JOIN work_orders w ON w.id = ev.order_id JOIN employees e ON e.id = w.repairer_id WHERE ${where.join(' AND ')}`;
    const [{ total }] = await this.ds.query(`SELECT count(*)::int AS total ${sql}`, params);
    const policy = await policyInEffect(this.ds);
    const rows = await this.ds.query(
      `SELECT ev.id, ev.order_id AS "orderId", w.order_no AS "orderNo", w.repairer_id AS "repairerId", e.name || '（' || e.code || '）' AS "repairerName",
              w.team_unit_id AS "teamUnitId", t.name AS "teamName", w.reporter, w.closed_at AS "closedAt", ev.kind, ev.evaluator_user_id AS "evaluatorUserId",
              COALESCE(ue.name || '（' || ue.code || '）', u.display_name) AS "evaluatorName",
              ev.evaluate_on::text AS "evaluateOn", ev.due_at AS "dueAt", ev.seed, ev.explanation AS "explanationRule",
              ev.choice, ev.score, ev.answered_at AS "answeredAt", ev.rectification_case_id AS "rectificationCaseId",
              (ev.answered_at IS NULL AND ev.due_at < now()) AS overdue
       ${sql.replace(
         'WHERE',
         `LEFT JOIN org_units t ON t.id = w.team_unit_id LEFT JOIN users u ON u.id = ev.evaluator_user_id
         LEFT JOIN employees ue ON ue.id = u.employee_id WHERE`,
       )} ORDER BY ${lq.orderBy}, ev.id LIMIT ${lq.limit} OFFSET ${lq.offset}`,
      params,
    );
    return sendList(
      res,
      'evaluations',
      rows.map((r: any) => ({
        ...r,
        explanation: explainSampling(r, policy.evaluation.managerPercent, policy.calendar.timeZone),
        script: evaluationScript(r.kind, policy),
        choices: (['satisfied', 'basic', 'dissatisfied'] as const).map((c) => ({
          choice: c,
          score: scoreForChoice(c, policy),
        })),
      })),
      lq.offset,
      total,
    );
  }

  /** The caller's unanswered evaluations (callbacks of dispatchers and managers, foremen's self-evaluations): their 待办 beside the inbox's tasks. */
  @Get('evaluations/pending-count')
  async pendingCount(@CurrentUser() user: RequestUser) {
    const [r] = await this.ds.query(
      `SELECT count(*)::int AS pending, count(*) FILTER (WHERE due_at < now())::int AS overdue FROM evaluations WHERE evaluator_user_id = $1 AND answered_at IS NULL`,
      [user.id],
    );
    return r;
  }

  /** E-3: one choice of three with its score; a dissatisfied callback opens a rectification (E-7). */
  @Post('evaluations/:id/answer')
  @HttpCode(200)
  async answer(
    @CurrentUser() user: RequestUser,
    @Param('id') id: string,
    @Body(new ZodPipe(AnswerEvaluationSchema)) body: z.infer<typeof AnswerEvaluationSchema>,
  ) {
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound('evaluation');
    const [ev] = await this.ds.query(
      `SELECT ev.*, w.order_no, w.team_unit_id FROM evaluations ev JOIN work_orders w ON w.id = ev.order_id WHERE ev.id = $1`,
      [id],
    );
    if (!ev) throw notFound('evaluation');
    if (ev.evaluator_user_id && ev.evaluator_user_id !== user.id)
      throw forbidden('this evaluation is assigned to another person');
    if (!ev.evaluator_user_id && !user.roles.includes(ev.kind))
      throw forbidden(`this evaluation needs role ${ev.kind}`);
    const policy = await policyInEffect(this.ds);
    const score = scoreForChoice(body.choice, policy);
    // TypeORM answers an UPDATE with [rows, rowCount]; the guard makes a double answer a 409
    const [, answered] = await this.ds.query(
      `UPDATE evaluations SET choice = $2, score = $3, answered_at = now(), answered_by = $4 WHERE id = $1 AND answered_at IS NULL`,
      [id, body.choice, score, user.id],
    );
    if (answered === 0) throw conflict('this evaluation has already been answered');
    await this.ds.query(
      `INSERT INTO audit_log (actor_id, actor, action, entity, entity_id, after) VALUES ($1,$2,'evaluation.answered','evaluation',$3,$4)`,
      [user.id, user.username, id, JSON.stringify({ ...body, score })],
    );
    let rectificationCaseId: string | null = null;
    if (body.choice === 'dissatisfied') {
      const r = await openRectification(this.ds, this.cases, user, {
        origin: 'dissatisfied-callback',
        teamUnitId: ev.team_unit_id,
        orderNo: ev.order_no,
        internal: ev.kind === 'foreman',
        description: `${ev.kind === 'foreman' ? '工长自评' : '回访'}不满意：工单 ${ev.order_no}${body.note ? `，${body.note}` : ''}`,
      });
      rectificationCaseId = r.caseId;
      await this.ds.query(`UPDATE evaluations SET rectification_case_id = $2 WHERE id = $1`, [id, r.caseId]);
    }
    return { id, choice: body.choice, score, rectificationCaseId };
  }

  /** E-5 / E-6: month-to-date repairer scores (two parts), team ranking, repair star and best team; the star's committee case. */
  @Get('scores')
  async scores(@Query('month') month: string) {
    const m = MonthSchema.safeParse(month);
    if (!m.success) throw badRequest('month must be YYYY-MM', [{ path: 'month', message: m.error.issues[0].message }]);
    return {
      ...(await this.monthScores(month, await policyInEffect(this.ds))),
      repairStarCase: await this.repairStarCase(month),
    };
  }

  private async monthScores(month: string, policy: Policy) {
    const rows = await this.ds.query(
      `SELECT w.repairer_id AS "repairerId", e.name, e.name || '（' || e.code || '）' AS "displayName", w.team_unit_id AS "teamId", t.name AS "teamName",
              array_agg(ev.score ORDER BY ev.answered_at) AS scores
       FROM evaluations ev JOIN work_orders w ON w.id = ev.order_id JOIN employees e ON e.id = w.repairer_id JOIN org_units t ON t.id = w.team_unit_id
       WHERE ev.score IS NOT NULL AND to_char(ev.evaluate_on, 'YYYY-MM') = $1 GROUP BY 1, 2, 3, 4, 5`,
      [month],
    );
    const repairers = rows
      .map((r: any) => ({ ...r, ...repairerMonthlyScore(r.scores, policy) }))
      .sort((a: any, b: any) => b.total - a.total);
    const winners = monthlyWinners(
      rows.map((r: any) => ({ repairerId: r.repairerId, teamId: r.teamId, scores: r.scores })),
      policy,
    );
    return { month, repairers, ...winners };
  }

  private async repairStarCase(month: string) {
    const [c] = await this.ds.query(
      `SELECT id, status, stage, outcome, data->>'repairerId' AS "repairerId" FROM cases WHERE kind = 'repair-star' AND business_key = $1`,
      [month],
    );
    return c ?? null;
  }

  /**
   * E-6: sends the repair star of a finished month to the performance committee (case kind 'repair-star', workflow
   * `repairStar`); once approved its 0.5 points go to the ledger in January of the next year. One case per month:
   * sending it again returns that case (200) and starts nothing.
   */
  @Roles('admin', 'manager')
  @Post('scores/:month/repair-star')
  async sendRepairStar(
    @CurrentUser() user: RequestUser,
    @Param('month') month: string,
    @Res({ passthrough: true }) res: Response,
  ) {
    const m = MonthSchema.safeParse(month);
    if (!m.success)
      throw badRequest('month must be YYYY-MM', [{ path: 'month', message: m.error.issues[0].message, rule: 'E-6' }]);
    const policy = await policyInEffect(this.ds);
    if (month >= localMonth(new Date().toISOString(), policy.calendar.timeZone))
      throw conflict(`${month} is not over yet: the repair star is chosen from a finished month (E-6)`);
    const scores = await this.monthScores(month, policy);
    const star = scores.repairStar && scores.repairers.find((r: any) => r.repairerId === scores.repairStar!.repairerId);
    if (!star) throw conflict(`${month} has no scored evaluations: there is no repair star (E-6)`);
    const data: RepairStarCaseData = {
      month,
      repairerId: star.repairerId,
      repairerName: star.name,
      teamId: star.teamId,
      teamName: star.teamName,
      count: star.count,
      average: star.average,
      volumeBonus: star.volumeBonus,
      total: star.total,
    };
    const r = await this.cases.start(
      {
        kind: 'repair-star',
        workflowType: 'repairStar',
        businessKey: month,
        title: `${month} 月度维修之星：${star.name}（${star.total} 分）`,
        data: data as unknown as Record<string, unknown>,
        unitId: star.teamId,
        subjectEmployeeIds: [star.repairerId],
      },
      user,
    );
    res.status(r.created ? 201 : 200);
    return r.case;
  }
}
