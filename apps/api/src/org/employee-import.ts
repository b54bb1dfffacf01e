import { DataSource } from 'typeorm';
import { ApiErrorDetail, EMPLOYEE_IMPORT_COLUMNS, EmployeeImportRow, EmployeeImportRowSchema } from '@qf/contracts';
import { badRequest } from '../common/errors';
import { readSheet } from '../common/sheet';

/** Reads an xlsx or csv file into rows keyed by the header row. */
async function readRows(file: {
  buffer: Buffer;
  originalname: string;
  mimetype: string;
}): Promise<Record<string, string>[]> {
  const { ws, header } = await readSheet(file);
  const missing = EMPLOYEE_IMPORT_COLUMNS.filter(
    (c) => !['supervisorCode', 'vpCode', 'hireDate', 'post', 'jobType'].includes(c) && !header.includes(c),
  );
  if (missing.length)
    throw badRequest(
      `missing columns: ${missing.join(', ')}`,
      missing.map((c) => ({ path: 'header', message: `missing column ${c}` })),
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
 * imports all rows in one transaction (upsert by code, set-based) or returns every bad row with its reason.
 */
export async function importEmployees(
  ds: DataSource,
  file: { buffer: Buffer; originalname: string; mimetype: string },
): Promise<{ imported: number }> {
  const raw = await readRows(file);
  if (!raw.length) throw badRequest('the file has no data rows', [{ path: 'file', message: 'no rows' }]);
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
  const units = new Map<string, string>(
    (await ds.query(`SELECT code, id FROM org_units`)).map((u: { code: string; id: string }) => [u.code, u.id]),
  );
  const known = new Set<string>(
    (
      await ds.query(`SELECT code FROM employees WHERE code = ANY($1::text[])`, [
        [...new Set(rows.flatMap((r) => [r.supervisorCode, r.vpCode]).filter(Boolean))],
      ])
    ).map((e: { code: string }) => e.code),
  );
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
  if (errors.length)
    throw badRequest(`${new Set(errors.map((e) => e.path)).size} bad row(s): nothing was imported`, errors);

  await ds.transaction(async (tx) => {
    const col = <K extends keyof EmployeeImportRow>(k: K) => rows.map((r) => r[k] ?? null);
    await tx.query(
      `INSERT INTO employees (code, name, unit_id, post, post_bonus_fen, hire_date, job_type, employment_type)
       SELECT c, n, u::uuid, p, b, NULLIF(h, '')::date, j, t FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[], $6::text[], $7::text[], $8::text[]) AS x(c, n, u, p, b, h, j, t)
       ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, unit_id = EXCLUDED.unit_id, post = EXCLUDED.post, post_bonus_fen = EXCLUDED.post_bonus_fen,
         hire_date = EXCLUDED.hire_date, job_type = EXCLUDED.job_type, employment_type = EXCLUDED.employment_type, updated_at = now()`,
      [
        col('code'),
        col('name'),
        rows.map((r) => units.get(r.unitCode)),
        col('post'),
        col('postBonusFen'),
        col('hireDate'),
        col('jobType'),
        col('employmentType'),
      ],
    );
    await tx.query(
      `UPDATE employees e SET supervisor_id = s.id, vp_id = v.id
       FROM unnest($1::text[], $2::text[], $3::text[]) AS x(c, sc, vc)
       LEFT JOIN employees s ON s.code = NULLIF(x.sc, '') LEFT JOIN employees v ON v.code = NULLIF(x.vc, '')
       WHERE e.code = x.c`,
      [col('code'), col('supervisorCode'), col('vpCode')],
    );
    await tx.query(
      `INSERT INTO audit_log (actor, action, entity, details) VALUES ('api', 'employees.imported', 'employee', $1)`,
      [JSON.stringify({ rows: rows.length, file: file.originalname })],
    );
  });
  return { imported: rows.length };
}
