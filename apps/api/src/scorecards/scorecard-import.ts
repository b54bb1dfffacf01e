import { KPI_IMPORT_HEADERS, KpiImportRow, KpiImportRowSchema, zodIssueDetail, ApiErrorDetail } from '@qf/contracts';
import { UploadedSheet, readSheet, requireColumns } from '../common/sheet';
import { badRequest } from '../common/errors';

/** Cell values of the console's template (Chinese) beside the api's own codes. */
const FIGURE_ZH: Record<string, string> = {
  受理量: 'call-volume',
  BOSS录入差错率: 'boss-error-rate',
  'BOSS 录入差错率': 'boss-error-rate',
  营业系统录入差错率: 'boss-error-rate',
  网络出口故障: 'network-exit-failures',
  设备故障: 'device-failures',
  客户在网率: 'subscriber-retention',
  派单准确率: 'dispatch-accuracy',
};
const SCOPE_ZH: Record<string, string> = { 单位: 'unit', 部门: 'unit', 个人: 'person', 人员: 'person' };

/** K-9: an indicator-value file — the valid rows and every bad row's problems. */
export async function readKpiSheet(
  file: UploadedSheet,
): Promise<{ rows: (KpiImportRow & { line: number })[]; errors: ApiErrorDetail[] }> {
  const { ws, header } = await readSheet(file);
  const fields = header.map((h) => KPI_IMPORT_HEADERS[h]);
  requireColumns(
    fields.filter((f): f is keyof KpiImportRow => !!f),
    ['month', 'figure', 'scope', 'code', 'value'],
  );
  const rows: (KpiImportRow & { line: number })[] = [];
  const errors: ApiErrorDetail[] = [];
  ws.eachRow({ includeEmpty: false }, (row, line) => {
    if (line === 1) return;
    const rec: Record<string, unknown> = {};
    fields.forEach((f, i) => {
      if (!f) return;
      const v = row.getCell(i + 1).value;
      rec[f] = (
        v === null || v === undefined ? '' : typeof v === 'object' && 'text' in v ? String(v.text) : String(v)
      ).trim();
    });
    rec.figure = FIGURE_ZH[rec.figure as string] ?? rec.figure;
    rec.scope = SCOPE_ZH[rec.scope as string] ?? rec.scope;
    const parsed = KpiImportRowSchema.safeParse(rec);
    if (parsed.success) rows.push({ ...parsed.data, line });
    else
      for (const issue of parsed.error.issues)
        errors.push({ ...zodIssueDetail(issue), path: `row ${line}.${issue.path.join('.')}`, rule: 'K-9' });
  });
  if (!rows.length && !errors.length)
    throw badRequest('the file has no data rows', [{ path: 'file', message: 'no rows' }]);
  return { rows, errors };
}
