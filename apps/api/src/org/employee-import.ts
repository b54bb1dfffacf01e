import { DataSource } from 'typeorm';
import { appendAudit, existingEmployeeCodes, orgUnitIdsByCode, upsertEmployees } from '@qf/persistence';
import { ApiErrorDetail, EMPLOYEE_IMPORT_COLUMNS, EmployeeImportRow, EmployeeImportRowSchema } from '@qf/contracts';
import { badRequest } from '../common/errors';
import { readSheet, requireColumns } from '../common/sheet';

/** Reads an xlsx or csv file into rows keyed by the header row. */
async function readRows(file: {
  buffer: Buffer;
  originalname: string;
  mimetype: string;
}): Promise<Record<string, string>[]> {
  const { ws, header } = await readSheet(file);
  const optional = ['supervisorCode', 'vpCode', 'hireDate', 'post', 'jobType'];
  requireColumns(
    header,
    EMPLOYEE_IMPORT_COLUMNS.filter((c) => !optional.includes(c)),
  );
  const rows: Record<string, string>[] = [];
  ws.eachRow({ includeEmpty: false }, (row, n) => {
    if (n === 1) return;
    const rec: Record<string, string> = { __row: String(n) };
    header.forEach((h, i) => {
      const v = row.getCell(i + 1).value;
      rec[h] =
        v instanceof Date
          ? v.toISOString().slice(0, 10)
          : v === null || v === undefined
            ? ''
            : typeof v === 'object' && 'text' in v
              ? String(v.text)
              : String(v);
    });
    rows.push(rec);
  });
  return rows;
}

/**
 * O-1 import: validates every row first (schema, unit codes, reporting-chain codes, duplicates) and either
 * imports all rows in one transaction (upsert by code, set-based, audited once) or returns every bad row with its reason.
 */
export async function importEmployees(
  ds: DataSource,
  file: { buffer: Buffer; originalname: string; mimetype: string },
  actor: { id: string; name: string },
): Promise<{ imported: number }> {
  const raw = await readRows(file);
  if (!raw.length)
    throw badRequest(
      'the file has no data rows',
      [{ path: 'file', message: 'no rows', code: 'import.no_rows' }],
      'import.no_rows',
    );
  const errors: ApiErrorDetail[] = [];
  const rows: (EmployeeImportRow & { row: string })[] = [];
  const seen = new Map<string, string>();
  for (const r of raw) {
    const parsed = EmployeeImportRowSchema.safeParse(r);
    if (!parsed.success) {
      for (const i of parsed.error.issues)
        errors.push({ path: `row ${r.__row}`, message: `${i.path.join('.')}: ${i.message}`, rule: 'O-1' });
      continue;
    }
    if (seen.has(parsed.data.code))
      errors.push({
        path: `row ${r.__row}`,
        message: `code ${parsed.data.code} repeats row ${seen.get(parsed.data.code)}`,
        rule: 'O-1',
      });
    seen.set(parsed.data.code, r.__row);
    rows.push({ ...parsed.data, row: r.__row });
  }
  const units = await orgUnitIdsByCode(ds);
  const known = await existingEmployeeCodes(ds, [
    ...new Set(rows.flatMap((r) => [r.supervisorCode, r.vpCode]).filter((c): c is string => !!c)),
  ]);
  for (const r of rows) {
    if (!units.has(r.unitCode))
      errors.push({ path: `row ${r.row}`, message: `unitCode ${r.unitCode} is not an org unit`, rule: 'O-1' });
    for (const [k, v] of [
      ['supervisorCode', r.supervisorCode],
      ['vpCode', r.vpCode],
    ] as const) {
      if (v && !seen.has(v) && !known.has(v))
        errors.push({ path: `row ${r.row}`, message: `${k} ${v} is neither in the file nor an employee`, rule: 'O-1' });
    }
  }
  if (errors.length) {
    const count = new Set(errors.map((e) => e.path)).size;
    throw badRequest(`${count} bad row(s): nothing was imported`, errors, 'import.bad_rows', { count });
  }

  await ds.transaction(async (tx) => {
    await upsertEmployees(
      tx,
      rows.map((r) => ({ ...r, unitId: units.get(r.unitCode)! })),
    );
    await appendAudit(tx, {
      actor,
      action: 'employees.imported',
      entity: 'employee',
      entityId: file.originalname,
      details: { rows: rows.length, file: file.originalname },
    });
  });
  return { imported: rows.length };
}
