import ExcelJS from 'exceljs';
import { ApiErrorDetail, WorkOrderImportRowSchema } from '@qf/contracts';
import { NewWorkOrder } from '@qf/persistence';
import { badRequest } from '../common/errors';

export const IMPORT_REQUIRED_COLUMNS = ['orderNo', 'repairerCode', 'teamCode', 'closedAt'];

/**
 * E-1 bulk: reads every data row of the sheet into orders (codes resolved to ids), and collects each bad row's
 * problems (row number, rule E-1): a malformed cell, an order number repeated in the file, an unknown code.
 */
export function parseImportRows(
  ws: ExcelJS.Worksheet,
  header: string[],
  codes: { employees: Map<string, string>; teams: Map<string, string> },
): { rows: NewWorkOrder[]; errors: ApiErrorDetail[] } {
  const missing = IMPORT_REQUIRED_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length)
    throw badRequest(
      `missing columns: ${missing.join(', ')}`,
      missing.map((c) => ({ path: 'header', message: `missing column ${c}` })),
    );
  const errors: ApiErrorDetail[] = [];
  const rows: NewWorkOrder[] = [];
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
    if (!codes.employees.has(d.repairerCode))
      errors.push({ path: `row ${n}`, message: `repairerCode ${d.repairerCode} is not an employee`, rule: 'E-1' });
    if (!codes.teams.has(d.teamCode))
      errors.push({ path: `row ${n}`, message: `teamCode ${d.teamCode} is not a team`, rule: 'E-1' });
    rows.push({
      orderNo: d.orderNo,
      faultKey: d.faultKey || null,
      repeatReport: d.repeatReport,
      source: d.source,
      repairerId: codes.employees.get(d.repairerCode)!,
      teamUnitId: codes.teams.get(d.teamCode)!,
      reporter: d.reporter,
      reportedAt: d.reportedAt || null,
      closedAt: d.closedAt,
    });
  });
  return { rows, errors };
}
