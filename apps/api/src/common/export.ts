import type { Workbook } from 'exceljs';
import { badRequest } from './errors';

/** Leads that make a spreadsheet program read a text cell as a formula (CSV/formula injection, OWASP). */
const FORMULA_LEAD = /^[=+\-@\t\r]/;

/** A text cell that would start a formula gets a leading apostrophe; numbers, dates and other text pass unchanged. */
export const neutraliseFormula = <T>(v: T): T | string => (typeof v === 'string' && FORMULA_LEAD.test(v) ? `'${v}` : v);

/** Every text cell of every sheet, in place — called by each export right before it writes xlsx or csv. */
export function neutraliseWorkbook(wb: Workbook): Workbook {
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value === 'string') cell.value = neutraliseFormula(cell.value);
      }),
    ),
  );
  return wb;
}

/** The `format` query of a download: xlsx (the default) or csv, else 400 naming the field. */
export function exportFormat(format: unknown = 'xlsx'): 'xlsx' | 'csv' {
  if (format === 'xlsx' || format === 'csv') return format;
  throw badRequest(
    'format must be xlsx or csv',
    [{ path: 'format', message: 'xlsx | csv', code: 'export.format' }],
    'export.format',
  );
}

/** Sends a workbook as an xlsx or csv download (csv with a BOM for Excel), every text cell neutralised first. */
export async function sendWorkbook(
  res: import('express').Response,
  wb: Workbook,
  format: 'xlsx' | 'csv',
  filename: string,
): Promise<void> {
  neutraliseWorkbook(wb);
  res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
  if (format === 'xlsx') {
    res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    res.send(Buffer.from(await wb.xlsx.writeBuffer()));
  } else {
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.send('\uFEFF' + (await wb.csv.writeBuffer()).toString());
  }
}
