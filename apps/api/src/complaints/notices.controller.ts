import { sendWorkbook } from '../common/export';
import { BadRequestException, Controller, Get, Inject, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import ExcelJS from 'exceljs';
import { Response } from 'express';
import { DataSource } from 'typeorm';
import { Roles } from '../auth/auth.decorators';
import { parseListQuery, sendList } from '../common/list-query';

const SEVERITY_ZH: Record<string, string> = { egregious: '恶劣', serious: '严重', ordinary: '普通' };
const ROLE_ZH: Record<string, string> = {
  responsible: '责任人',
  supervisor: '主管',
  vp: '分管副总',
  'related-lead': '相关负责人',
  handler: '经办人',
};

/** C-11 named notices of liable complaints: list and xlsx export for the verification team and leadership. */
@ApiTags('notices')
@ApiBearerAuth()
@Roles('verifier', 'ruling-lead', 'leadership', 'admin', 'hr')
@Controller('notices')
export class NoticesController {
  constructor(@Inject(DataSource) private readonly ds: DataSource) {}

  @Get()
  async list(@Query() q: Record<string, unknown>, @Res({ passthrough: true }) res: Response) {
    const lq = parseListQuery(
      { sort: '["publishedAt","DESC"]', ...q },
      { publishedAt: 'n.published_at', id: 'n.case_id' },
    );
    const [{ total }] = await this.ds.query(`SELECT count(*)::int AS total FROM notices`);
    const rows = await this.ds.query(
      `SELECT n.case_id AS id, n.case_id AS "caseId", n.workflow_id AS "workflowId", n.body, n.published_at AS "publishedAt", c.title,
              (SELECT jsonb_object_agg(e.id::text, jsonb_build_object('name', e.name, 'code', e.code)) FROM employees e
                WHERE e.id::text IN (SELECT p->>'employeeId' FROM jsonb_array_elements(n.body->'persons') p)) AS people
       FROM notices n JOIN cases c ON c.id = n.case_id ORDER BY ${lq.orderBy} LIMIT ${lq.limit} OFFSET ${lq.offset}`,
    );
    return sendList(
      res,
      'notices',
      rows.map((r: { people: unknown }) => ({ ...r, people: r.people ?? {} })),
      lq.offset,
      total,
    );
  }

  @Get('export')
  async export(@Query('format') format = 'xlsx', @Res() res: Response) {
    if (format !== 'xlsx' && format !== 'csv')
      throw new BadRequestException({
        message: 'format must be xlsx or csv',
        details: [{ path: 'format', message: 'xlsx | csv' }],
      });
    const rows = await this.ds.query(
      `SELECT n.case_id, c.title, n.body, n.published_at, e.name AS employee_name, e.code AS employee_code, p.value AS person
       FROM notices n JOIN cases c ON c.id = n.case_id, jsonb_array_elements(n.body->'persons') p(value)
       LEFT JOIN employees e ON e.id = (p.value->>'employeeId')::uuid ORDER BY n.published_at DESC`,
    );
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('点名通报');
    ws.columns = [
      { header: '发布时间', key: 'at', width: 20 },
      { header: '案件', key: 'title', width: 40 },
      { header: '严重程度', key: 'severity', width: 10 },
      { header: '类别', key: 'category', width: 40 },
      { header: '工号', key: 'code', width: 10 },
      { header: '姓名', key: 'name', width: 12 },
      { header: '责任类型', key: 'role', width: 12 },
      { header: '扣分', key: 'points', width: 8 },
      { header: '案件编号', key: 'caseId', width: 38 },
    ];
    for (const r of rows) {
      ws.addRow({
        at: new Date(r.published_at).toISOString().slice(0, 16).replace('T', ' '),
        title: r.title,
        severity: SEVERITY_ZH[r.body.severity] ?? r.body.severity,
        category: r.body.categoryLabel,
        code: r.employee_code,
        name: r.employee_name,
        role: ROLE_ZH[r.person.role] ?? r.person.roleLabel,
        points: Number(r.person.points),
        caseId: r.case_id,
      });
    }
    await sendWorkbook(res, wb, format, `notices.${format}`);
  }
}
