import ExcelJS from 'exceljs';
import { Readable } from 'node:stream';
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
