import { z } from 'zod';
import {
  ApiErrorDetail,
  INDICATOR_IMPORT_HEADERS,
  IndicatorImportRow,
  IndicatorImportRowSchema,
  SATISFACTION_IMPORT_HEADERS,
  SatisfactionImportRow,
  SatisfactionImportRowSchema,
  zodIssueDetail,
} from '@qf/contracts';
import { UploadedSheet, readSheet, requireColumns } from '../common/sheet';
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

/** The rows of a sheet checked by a contract schema: the valid rows and every bad row's problems (rule-tagged). */
async function readImportSheet<T>(
  file: UploadedSheet,
  spec: {
    headers: Record<string, string>;
    required: string[];
    schema: z.ZodType<T>;
    rule: string;
    normalize?: (rec: Record<string, unknown>) => void;
  },
): Promise<{ rows: (T & { line: number })[]; errors: ApiErrorDetail[] }> {
  const { ws, header } = await readSheet(file);
  const fields = header.map((h) => spec.headers[h]);
  requireColumns(
    fields.filter((f): f is string => !!f),
    spec.required,
  );
  const rows: (T & { line: number })[] = [];
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
    spec.normalize?.(rec);
    const parsed = spec.schema.safeParse(rec);
    if (parsed.success) rows.push({ ...parsed.data, line });
    else
      for (const issue of parsed.error.issues)
        errors.push({ ...zodIssueDetail(issue), path: `row ${line}.${issue.path.join('.')}`, rule: spec.rule });
  });
  if (!rows.length && !errors.length)
    throw badRequest('the file has no data rows', [{ path: 'file', message: 'no rows' }]);
  return { rows, errors };
}

/** P-1: a satisfaction file. */
export function readSatisfactionSheet(file: UploadedSheet) {
  return readImportSheet<SatisfactionImportRow>(file, {
    headers: SATISFACTION_IMPORT_HEADERS,
    required: ['month', 'channel', 'scope', 'code', 'score', 'sample'],
    schema: SatisfactionImportRowSchema,
    rule: 'P-1',
    normalize: (rec) => {
      rec.channel = CHANNEL_ZH[rec.channel as string] ?? rec.channel;
      rec.scope = SCOPE_ZH[rec.scope as string] ?? rec.scope;
    },
  });
}

/** P-6: a monthly service-indicator file (月份, 单位编码, 指标, 结果, 目标, 是否达标). */
export function readIndicatorSheet(file: UploadedSheet) {
  return readImportSheet<IndicatorImportRow>(file, {
    headers: INDICATOR_IMPORT_HEADERS,
    required: ['month', 'code', 'indicator', 'value', 'target', 'passed'],
    schema: IndicatorImportRowSchema as unknown as z.ZodType<IndicatorImportRow>,
    rule: 'P-6',
  });
}
