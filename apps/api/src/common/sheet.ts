import ExcelJS from 'exceljs';
import { Readable } from 'node:stream';
import { z } from 'zod';
import { ApiErrorDetail, zodIssueDetail } from '@qf/contracts';
import { badRequest } from './errors';

export interface UploadedSheet {
  buffer: Buffer;
  originalname: string;
  mimetype?: string;
}

/**
 * The first sheet of an uploaded xlsx or csv file and its header row (trimmed). csv cells stay text (`map`):
 * exceljs's default per-cell date sniffing is ~40x slower on large files. An unreadable file is a 400.
 */
export async function readSheet(file: UploadedSheet): Promise<{ ws: ExcelJS.Worksheet; header: string[] }> {
  const wb = new ExcelJS.Workbook();
  const isCsv = /\.csv$/i.test(file.originalname) || file.mimetype === 'text/csv';
  const ws = isCsv
    ? await wb.csv
        .read(Readable.from(file.buffer.toString('utf8').replace(/^\uFEFF/, '')), { map: (v: unknown) => v } as never)
        .catch(() => null)
    : await wb.xlsx
        .load(file.buffer as unknown as ArrayBuffer)
        .then(() => wb.worksheets[0] ?? null)
        .catch(() => null);
  if (!ws)
    throw badRequest(
      'the file is neither a readable xlsx nor csv',
      [{ path: 'file', message: 'unreadable file', code: 'import.unreadable' }],
      'import.unreadable',
    );
  const header = (ws.getRow(1).values as unknown[]).slice(1).map((v) => String(v ?? '').trim());
  return { ws, header };
}

/** 400 naming every required column the header lacks (one detail per column); nothing when none is missing. */
export function requireColumns(header: readonly string[], required: readonly string[]): void {
  const missing = required.filter((c) => !header.includes(c));
  if (!missing.length) return;
  throw badRequest(
    `missing columns: ${missing.join(', ')}`,
    missing.map((c) => ({
      path: 'header',
      message: `missing column ${c}`,
      code: 'import.missing_column',
      params: { column: c },
    })),
    'import.missing_columns',
    { columns: missing.join(', ') },
  );
}

/** The rows of a sheet checked by a contract schema: the valid rows and every bad row's problems (rule-tagged). */
export async function readImportSheet<T>(
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
