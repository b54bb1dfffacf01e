import { ApiErrorDetail } from '@qf/contracts';
import { StarLevel } from '@qf/domain';
import { badRequest } from '../common/errors';
import { readSheet, UploadedSheet } from '../common/sheet';

export interface ExamImportRow {
  row: number;
  workflowId: string;
  level: StarLevel;
  score: number;
}

/**
 * S-7: exam scores from a file (columns 工号 / employeeCode, 级别 / level, 成绩 / score). Every row is checked
 * first: one bad row refuses the file (400, each bad row named). Rows come back in cascade order: per candidate,
 * the higher exam first.
 */
export async function readExamScores(
  file: UploadedSheet | undefined,
  applications: Map<string, { workflowId: string }>,
): Promise<ExamImportRow[]> {
  if (!file) throw badRequest('send the file as multipart field "file"', [{ path: 'file', message: 'required' }]);
  const { ws, header } = await readSheet(file);
  const col = (...names: string[]) => header.findIndex((h) => names.includes(h));
  const [ci, li, si] = [col('工号', 'employeeCode'), col('级别', 'level'), col('成绩', 'score')];
  if (ci < 0 || li < 0 || si < 0)
    throw badRequest('the file needs the columns 工号, 级别, 成绩', [
      { path: 'header', message: 'missing column', rule: 'S-7' },
    ]);
  const rows: ExamImportRow[] = [];
  const errors: ApiErrorDetail[] = [];
  for (let r = 2; r <= ws.rowCount; r++) {
    const v = (ws.getRow(r).values as unknown[]).slice(1);
    if (v.every((x) => x === null || x === undefined || String(x).trim() === '')) continue;
    const code = String(v[ci] ?? '').trim();
    const level = Number(v[li]);
    const score = Number(v[si]);
    const app = applications.get(code);
    if (!app)
      errors.push({
        path: `rows.${r}.工号`,
        message: `row ${r}: ${code || '(empty)'} has no application in this campaign`,
        rule: 'S-7',
      });
    else if (![1, 2, 3].includes(level))
      errors.push({ path: `rows.${r}.级别`, message: `row ${r}: level must be 1, 2 or 3`, rule: 'S-7' });
    else if (!Number.isFinite(score) || score < 0 || score > 100)
      errors.push({ path: `rows.${r}.成绩`, message: `row ${r}: score must be 0–100`, rule: 'S-7' });
    else rows.push({ row: r, workflowId: app.workflowId, level: level as StarLevel, score });
  }
  if (errors.length) throw badRequest(`${errors.length} bad row(s): nothing was imported`, errors);
  return rows.sort((a, b) => a.workflowId.localeCompare(b.workflowId) || b.level - a.level);
}
