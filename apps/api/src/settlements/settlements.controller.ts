import { sendWorkbook } from '../common/export';
import { Body, Controller, Get, Inject, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import ExcelJS from 'exceljs';
import { Response } from 'express';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { MonthSchema } from '@qf/contracts';
import { CurrentUser, RequestUser, Roles } from '../auth/auth.decorators';
import { badRequest, notFound } from '../common/errors';
import { parseListQuery, sendList } from '../common/list-query';
import { ZodPipe } from '../common/zod.pipe';
import { CasesService } from '../cases/cases.service';
import { reasonZh } from './reasons-zh';
import { withWaitingNames } from '../rectifications/waiting-names';

const StartSettlementSchema = z.object({ month: MonthSchema });
const GRADE_ZH: Record<string, string> = { P4: 'P4', P5: 'P5' };

/** H-1…H-3: the month's close. One settlement per month; branch heads see their branch's rows. */
@ApiTags('settlements')
@ApiBearerAuth()
@Roles('hr', 'admin', 'branch-head', 'leadership')
@Controller('settlements')
export class SettlementsController {
  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    private readonly cases: CasesService,
  ) {}

  private async branchOf(user: RequestUser): Promise<string | null> {
    if (
      !user.roles.includes('branch-head') ||
      user.roles.some((r) => r === 'hr' || r === 'admin' || r === 'leadership')
    )
      return null;
    const [r] = await this.ds.query(
      `WITH RECURSIVE up AS (SELECT id, parent_id, kind FROM org_units WHERE id = $1 UNION ALL SELECT o.id, o.parent_id, o.kind FROM org_units o JOIN up ON o.id = up.parent_id)
       SELECT id FROM up WHERE kind = 'branch' LIMIT 1`,
      [user.unitId],
    );
    return r?.id ?? '00000000-0000-0000-0000-000000000000';
  }

  /** Starts the month's close; a second start returns the existing settlement (200). */
  @Roles('hr', 'admin')
  @Post()
  async start(
    @CurrentUser() user: RequestUser,
    @Body(new ZodPipe(StartSettlementSchema)) body: { month: string },
    @Res({ passthrough: true }) res: Response,
  ) {
    const [locked] = await this.ds.query(`SELECT 1 FROM month_locks WHERE month = $1`, [body.month]);
    const [row] = await this.ds.query(
      `INSERT INTO settlements (month) VALUES ($1) ON CONFLICT (month) DO UPDATE SET month = EXCLUDED.month RETURNING id, (xmax = 0) AS created`,
      [body.month],
    );
    if (locked && row.created)
      throw badRequest(`month ${body.month} is already locked (H-2)`, [
        { path: 'month', message: 'locked', rule: 'H-2' },
      ]);
    const r = await this.cases.start(
      {
        kind: 'settlement',
        workflowType: 'monthlySettlement',
        businessKey: body.month,
        title: `${body.month} 月度结算`,
        data: { settlementId: row.id, month: body.month },
      },
      user,
    );
    await this.ds.query(`UPDATE settlements SET case_id = $2, policy_version = $3 WHERE id = $1 AND case_id IS NULL`, [
      row.id,
      r.case.id,
      r.case.policyVersion,
    ]);
    res.status(row.created ? 201 : 200);
    return this.get(user, row.id);
  }

  @Get()
  async list(@Query() q: Record<string, unknown>, @Res({ passthrough: true }) res: Response) {
    const lq = parseListQuery(
      { sort: '["month","DESC"]', ...q },
      { month: 's.month', createdAt: 's.created_at', status: 's.status' },
    );
    const [{ total }] = await this.ds.query(`SELECT count(*)::int AS total FROM settlements`);
    const rows = await this.ds.query(
      `SELECT s.id, s.month, s.status, s.totals, s.case_id AS "caseId", s.policy_version AS "policyVersion", s.created_at AS "createdAt", s.locked_at AS "lockedAt",
              c.stage, c.waiting_on AS "waitingOn", c.due_at AS "dueAt"
       FROM settlements s LEFT JOIN cases c ON c.id = s.case_id ORDER BY ${lq.orderBy} LIMIT ${lq.limit} OFFSET ${lq.offset}`,
    );
    return sendList(res, 'settlements', await withWaitingNames(this.ds, rows), lq.offset, total);
  }

  @Get(':id')
  async get(@CurrentUser() user: RequestUser, @Param('id') id: string) {
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound('settlement');
    const [s] = await this.ds.query(
      `SELECT s.id, s.month, s.status, s.totals, s.case_id AS "caseId", s.policy_version AS "policyVersion", s.created_at AS "createdAt", s.locked_at AS "lockedAt",
              c.stage, c.waiting_on AS "waitingOn", c.due_at AS "dueAt" FROM settlements s LEFT JOIN cases c ON c.id = s.case_id WHERE s.id = $1`,
      [id],
    );
    if (!s) throw notFound('settlement');
    const [named] = await withWaitingNames(this.ds, [s]);
    return { ...named, branches: await this.branches(id, s.caseId, await this.branchOf(user)) };
  }

  /**
   * Per branch: its totals (people, points ×10, money in fen, P4/P5) and the branch head's confirmation in the latest
   * round (decision, by 姓名（工号）, when). Branches with a confirmation task but no rows are listed with zeros.
   */
  private async branches(id: string, caseId: string | null, onlyBranch: string | null) {
    const rows = await this.ds.query(
      `WITH agg AS (
         SELECT r.branch_id, count(*)::int AS employees, sum(r.points_x10)::int AS points, sum(r.money_fen)::bigint AS money,
                count(*) FILTER (WHERE r.grade = 'P4')::int AS p4, count(*) FILTER (WHERE r.grade = 'P5')::int AS p5
         FROM settlement_rows r WHERE r.settlement_id = $1 AND ($3::uuid IS NULL OR r.branch_id = $3) GROUP BY r.branch_id
       ), confirm AS (
         SELECT DISTINCT ON (ue.unit_id) ue.unit_id AS branch_id, t.id AS "taskId", t.round, t.status, t.decision, t.decided_at,
                ue.name || '（' || ue.code || '）' AS head, COALESCE(de.name || '（' || de.code || '）', du.display_name) AS decided_by
         FROM tasks t JOIN users u ON u.id = t.assignee_user_id JOIN employees ue ON ue.id = u.employee_id
         LEFT JOIN users du ON du.id = t.decided_by LEFT JOIN employees de ON de.id = du.employee_id
         WHERE t.case_id = $2 AND t.stage = 'confirm' AND ($3::uuid IS NULL OR ue.unit_id = $3)
         ORDER BY ue.unit_id, t.round DESC, t.created_at DESC
       ), ids AS (SELECT branch_id FROM agg UNION SELECT branch_id FROM confirm)
       SELECT ids.branch_id AS "branchId", o.name AS "branchName", COALESCE(agg.employees, 0) AS employees, COALESCE(agg.points, 0) AS points,
              COALESCE(agg.money, 0)::bigint AS "moneyFen", COALESCE(agg.p4, 0) AS p4, COALESCE(agg.p5, 0) AS p5,
              c."taskId", c.round, c.status AS "taskStatus", c.decision, c.decided_at AS "decidedAt", c.head AS "headName", c.decided_by AS "decidedByName"
       FROM ids LEFT JOIN agg ON agg.branch_id IS NOT DISTINCT FROM ids.branch_id LEFT JOIN confirm c ON c.branch_id IS NOT DISTINCT FROM ids.branch_id
       LEFT JOIN org_units o ON o.id = ids.branch_id ORDER BY o.name NULLS LAST`,
      [id, caseId, onlyBranch],
    );
    // people of company-level units (no branch above them) have no branch confirmation: HR's approval covers them
    return rows.map((b: any) => ({
      ...b,
      branchName: b.branchName ?? '市公司直属',
      moneyFen: Number(b.moneyFen),
      confirmed: b.branchId ? b.taskStatus === 'done' && b.decision === 'approve' : null,
    }));
  }

  /**
   * The settlement a task of its case decides (the decision panel of a confirmation or an HR approval): the month and
   * its totals, every branch (a branch head: their own), and for a confirmation the branch of the task's branch head.
   */
  @Get('by-task/:taskId')
  async byTask(@CurrentUser() user: RequestUser, @Param('taskId') taskId: string) {
    if (!/^[0-9a-f-]{36}$/i.test(taskId)) throw notFound('task');
    const [t] = await this.ds.query(
      `SELECT t.case_id, t.stage, t.round, s.id AS settlement_id, ue.unit_id AS head_unit, ou.kind AS head_unit_kind
       FROM tasks t JOIN settlements s ON s.case_id = t.case_id LEFT JOIN users u ON u.id = t.assignee_user_id
       LEFT JOIN employees ue ON ue.id = u.employee_id LEFT JOIN org_units ou ON ou.id = ue.unit_id WHERE t.id = $1`,
      [taskId],
    );
    if (!t) throw notFound('settlement task');
    const detail = await this.get(user, t.settlement_id);
    const taskBranchId = t.stage === 'confirm' && t.head_unit_kind === 'branch' ? t.head_unit : null;
    return { ...detail, taskStage: t.stage, taskRound: t.round, taskBranchId };
  }

  /** Per-employee rows (with source cases); branch heads see their branch only. */
  @Get(':id/rows')
  async rows(
    @CurrentUser() user: RequestUser,
    @Param('id') id: string,
    @Query() q: Record<string, unknown>,
    @Res({ passthrough: true }) res: Response,
  ) {
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound('settlement');
    const lq = parseListQuery(
      { sort: '["points","DESC"]', ...q },
      { points: 'r.points_x10', money: 'r.money_fen', grade: 'r.grade', name: 'e.name' },
    );
    const params: unknown[] = [id, await this.branchOf(user)];
    const where = [`r.settlement_id = $1`, `($2::uuid IS NULL OR r.branch_id = $2)`];
    if (typeof lq.filter.grade === 'string') {
      params.push(lq.filter.grade);
      where.push(`r.grade = $${params.length}`);
    }
    if (typeof lq.filter.branchId === 'string') {
      params.push(lq.filter.branchId);
      where.push(`r.branch_id::text = $${params.length}`);
    }
    const sql = `FROM settlement_rows r JOIN employees e ON e.id = r.employee_id WHERE ${where.join(' AND ')}`;
    const [{ total }] = await this.ds.query(`SELECT count(*)::int AS total ${sql}`, params);
    const rows = await this.ds.query(
      `SELECT r.employee_id AS id, r.employee_id AS "employeeId", e.code, e.name, r.branch_id AS "branchId", r.points_x10 AS points, r.money_fen::bigint AS "moneyFen",
              r.bonus_fen::float8 AS "bonusFen", r.star_pay_fen::float8 AS "starPayFen", r.grade, r.suspension, r.exit, r.training, r.source_cases AS "sourceCases", r.reasons,
              (SELECT COALESCE(json_agg(json_build_object('id', c.id, 'title', c.title) ORDER BY c.created_at), '[]'::json) FROM cases c WHERE c.id = ANY(r.source_cases)) AS "sourceCaseList"
       ${sql} ORDER BY ${lq.orderBy}, e.code LIMIT ${lq.limit} OFFSET ${lq.offset}`,
      params,
    );
    return sendList(
      res,
      'settlement-rows',
      rows.map((r: any) => ({
        ...r,
        moneyFen: Number(r.moneyFen),
        displayName: `${r.name}（${r.code}）`,
        reasons: (Array.isArray(r.reasons) ? r.reasons : []).map((x: { rule: string; message: string }) => ({
          ...x,
          messageZh: reasonZh(x.message),
        })),
      })),
      lq.offset,
      total,
    );
  }

  /** H-3: one row per employee for payroll, Chinese headers. */
  @Roles('hr', 'admin')
  @Get(':id/export')
  async export(@Param('id') id: string, @Query('format') format = 'xlsx', @Res() res: Response) {
    if (format !== 'xlsx' && format !== 'csv')
      throw badRequest('format must be xlsx or csv', [{ path: 'format', message: 'xlsx | csv' }]);
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound('settlement');
    const [s] = await this.ds.query(`SELECT month FROM settlements WHERE id = $1`, [id]);
    if (!s) throw notFound('settlement');
    const rows = await this.ds.query(
      `SELECT e.code, e.name, o.name AS branch, r.points_x10, r.money_fen, r.bonus_fen, r.star_pay_fen, r.grade, r.suspension, r.exit, r.training, r.source_cases
       FROM settlement_rows r JOIN employees e ON e.id = r.employee_id LEFT JOIN org_units o ON o.id = r.branch_id WHERE r.settlement_id = $1 ORDER BY e.code`,
      [id],
    );
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet(`${s.month} 结算`);
    ws.columns = [
      { header: '工号', key: 'code', width: 10 },
      { header: '姓名', key: 'name', width: 12 },
      { header: '分公司', key: 'branch', width: 16 },
      { header: '扣分', key: 'points', width: 8 },
      { header: '扣款(元)', key: 'money', width: 10 },
      { header: '星级奖励(元)', key: 'bonus', width: 12 },
      { header: '星级津贴(元)', key: 'starPay', width: 12 },
      { header: '绩效等级', key: 'grade', width: 10 },
      { header: '待岗', key: 'suspension', width: 6 },
      { header: '退出', key: 'exit', width: 6 },
      { header: '培训', key: 'training', width: 6 },
      { header: '来源案件', key: 'cases', width: 60 },
    ];
    for (const r of rows) {
      ws.addRow({
        code: r.code,
        name: r.name,
        branch: r.branch,
        points: r.points_x10 / 10,
        money: Number(r.money_fen) / 100,
        bonus: Number(r.bonus_fen) / 100,
        starPay: Number(r.star_pay_fen) / 100,
        grade: GRADE_ZH[r.grade] ?? '',
        suspension: r.suspension ? '是' : '',
        exit: r.exit ? '是' : '',
        training: r.training ? '是' : '',
        cases: (r.source_cases ?? []).join(' '),
      });
    }
    await sendWorkbook(res, wb, format, `settlement-${s.month}.${format}`);
  }
}
