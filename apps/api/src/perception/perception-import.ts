import {
  ApiErrorDetail,
  SATISFACTION_IMPORT_HEADERS,
  SatisfactionImportRow,
  SatisfactionImportRowSchema,
  zodIssueDetail,
} from '@qf/contracts';
import { UploadedSheet, readSheet } from '../common/sheet';
import { badRequest } from '../common/errors';

/** Cell values the console's template uses (Chinese), beside the api's own codes. */
const CHANNEL_ZH: Record<string, string> = { 装维: 'repair', 装维回访: 'repair', 营业厅: 'hall', 厅店: 'hall' };
const SCOPE_ZH: Record<string, string> = {
  个人: 'person',
  人员: 'person',
  班组: 'team',
  营业厅: 'hall',
  营销中心: 'centre',
  中心: 'centre',
  县分公司: 'branch',
  分公司: 'branch',
};

/** The rows of a satisfaction file checked by the contract schema: the valid rows and every bad row's problems. */
export async function readSatisfactionSheet(
  file: UploadedSheet,
): Promise<{ rows: (SatisfactionImportRow & { line: number })[]; errors: ApiErrorDetail[] }> {
  const { ws, header } = await readSheet(file);
  const fields = header.map((h) => SATISFACTION_IMPORT_HEADERS[h]);
  const missing = ['month', 'channel', 'scope', 'code', 'score', 'sample'].filter((f) => !fields.includes(f as never));
  if (missing.length)
    throw badRequest(
      `missing columns: ${missing.join(', ')}`,
      missing.map((c) => ({
        path: 'header',
        message: `missing column ${c}`,
        code: 'import.missing_column',
        params: { column: c },
      })),
    );
  const rows: (SatisfactionImportRow & { line: number })[] = [];
  const errors: ApiErrorDetail[] = [];
  ws.eachRow({ includeEmpty: false }, (row, line) => {
    if (line === 1) return;
    const rec: Record<string, unknown> = {};
    fields.forEach((f, i) => {
      if (!f) return;
      const v = row.getCell(i + 1).value;
      const s = v === null || v === undefined ? '' : typeof v === 'object' && 'text' in v ? String(v.text) : String(v);
      rec[f] = s.trim();
    });
    rec.channel = CHANNEL_ZH[rec.channel as string] ?? rec.channel;
    rec.scope = SCOPE_ZH[rec.scope as string] ?? rec.scope;
    const parsed = SatisfactionImportRowSchema.safeParse(rec);
    if (parsed.success) rows.push({ ...parsed.data, line });
    else
      for (const issue of parsed.error.issues)
        errors.push({ ...zodIssueDetail(issue), path: `row ${line}.${issue.path.join('.')}`, rule: 'P-1' });
  });
  if (!rows.length && !errors.length)
    throw badRequest('the file has no data rows', [{ path: 'file', message: 'no rows' }]);
  return { rows, errors };
}
