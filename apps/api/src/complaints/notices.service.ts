import { Inject, Injectable } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import type { Severity } from '@qf/policy';
import { listNotices, noticePersons } from '@qf/persistence';

const SEVERITY_ZH: Record<Severity, string> = { egregious: '恶劣', serious: '严重', ordinary: '普通' };
const ROLE_ZH: Record<string, string> = {
  responsible: '责任人',
  supervisor: '主管',
  vp: '分管副总',
  'related-lead': '相关负责人',
  handler: '经办人',
};

/** C-11 named notices of liable complaints: the list and the spreadsheet (one row per person named). */
@Injectable()
export class NoticesService {
  constructor(@Inject(DataSource) private readonly ds: DataSource) {}

  list(orderBy: string, limit: number, offset: number) {
    return listNotices(this.ds, { orderBy, limit, offset });
  }

  async workbook(): Promise<ExcelJS.Workbook> {
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
    for (const r of await noticePersons(this.ds)) {
      ws.addRow({
        at: new Date(r.publishedAt).toISOString().slice(0, 16).replace('T', ' '),
        title: r.title,
        severity: SEVERITY_ZH[r.severity as Severity] ?? r.severity,
        category: r.categoryLabel,
        code: r.employeeCode,
        name: r.employeeName,
        role: ROLE_ZH[r.role] ?? r.roleLabel,
        points: Number(r.points),
        caseId: r.caseId,
      });
    }
    return wb;
  }
}
