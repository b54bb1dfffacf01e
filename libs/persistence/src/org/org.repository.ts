import type { Queryable } from '../core/queryable';
import { selectPage, Where } from '../core/list-page';
import { employeeScope, ScopeUser } from '../cases/scope';

type Page = { orderBy: string; limit: number; offset: number };

const UNIT_COLS = `id, parent_id AS "parentId", code, name, kind`;
const EMP_COLS = `e.id, e.code, e.name, e.unit_id AS "unitId", e.post, e.post_bonus_fen AS "postBonusFen", to_char(e.hire_date,'YYYY-MM-DD') AS "hireDate",
  e.job_type AS "jobType", e.employment_type AS "employmentType", e.supervisor_id AS "supervisorId", e.vp_id AS "vpId"`;
const USER_COLS = `id, username, display_name AS "displayName", roles, employee_id AS "employeeId", active`;

export interface OrgUnitRow {
  id: string;
  parentId: string | null;
  code: string;
  name: string;
  kind: string;
}

export function listOrgUnits(q: Queryable, f: { id?: unknown; kind?: unknown }, page: Page) {
  const w = new Where().anyOf('id', f.id).eq('kind', typeof f.kind === 'string' ? f.kind : undefined);
  return selectPage<OrgUnitRow>(q, { columns: UNIT_COLS, from: 'FROM org_units', where: w, tieBreaker: 'id', ...page });
}

export async function orgUnitById(q: Queryable, id: string): Promise<OrgUnitRow | undefined> {
  return (await q.query(`SELECT ${UNIT_COLS} FROM org_units WHERE id = $1`, [id]))[0];
}

export interface OrgUnitInput {
  code: string;
  name: string;
  kind: string;
  parentId?: string | null;
}

export async function insertOrgUnit(q: Queryable, u: OrgUnitInput): Promise<string> {
  const [r] = await q.query(`INSERT INTO org_units (code, name, kind, parent_id) VALUES ($1,$2,$3,$4) RETURNING id`, [
    u.code,
    u.name,
    u.kind,
    u.parentId ?? null,
  ]);
  return r.id;
}

export async function updateOrgUnit(q: Queryable, id: string, u: OrgUnitInput): Promise<void> {
  await q.query(`UPDATE org_units SET code=$2, name=$3, kind=$4, parent_id=$5 WHERE id=$1`, [
    id,
    u.code,
    u.name,
    u.kind,
    u.parentId ?? null,
  ]);
}

/** Employees `user` may see (everyone themselves; unit leads their subtree; admin, HR and the process teams all). */
export function listEmployees(
  q: Queryable,
  user: ScopeUser,
  f: { id?: unknown; unitId?: unknown; q?: unknown },
  page: Page,
) {
  const w = new Where();
  w.and(employeeScope(user, w)).anyOf('e.id', f.id);
  w.eq('e.unit_id::text', typeof f.unitId === 'string' ? f.unitId : undefined);
  if (typeof f.q === 'string') {
    const p = w.param(`%${f.q}%`);
    w.and(`(e.name ILIKE ${p} OR e.code ILIKE ${p})`);
  }
  return selectPage(q, { columns: EMP_COLS, from: 'FROM employees e', where: w, tieBreaker: 'e.id', ...page });
}

/** An employee `user` may see (undefined when missing or out of scope). */
export async function employeeById(q: Queryable, id: string, user: ScopeUser) {
  const w = new Where();
  const idp = w.param(id);
  return (
    await q.query(`SELECT ${EMP_COLS} FROM employees e WHERE e.id = ${idp} AND ${employeeScope(user, w)}`, w.params)
  )[0];
}

/** The whole row of an employee (the audit's `before`). */
export async function employeeRow(q: Queryable, id: string): Promise<Record<string, unknown> | undefined> {
  return (await q.query(`SELECT * FROM employees WHERE id = $1`, [id]))[0];
}

export interface EmployeeFields {
  code: string;
  name: string;
  unitId: string;
  post: string;
  postBonusFen: number;
  hireDate?: string | null;
  jobType: string;
  employmentType: string;
  supervisorId?: string | null;
  vpId?: string | null;
}

const employeeParams = (b: EmployeeFields) => [
  b.code,
  b.name,
  b.unitId,
  b.post,
  b.postBonusFen,
  b.hireDate ?? null,
  b.jobType,
  b.employmentType,
  b.supervisorId ?? null,
  b.vpId ?? null,
];

export async function insertEmployee(q: Queryable, b: EmployeeFields): Promise<string> {
  const [r] = await q.query(
    `INSERT INTO employees (code, name, unit_id, post, post_bonus_fen, hire_date, job_type, employment_type, supervisor_id, vp_id) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10) RETURNING id`,
    employeeParams(b),
  );
  return r.id;
}

export async function updateEmployee(q: Queryable, id: string, b: EmployeeFields): Promise<void> {
  await q.query(
    `UPDATE employees SET code=$1, name=$2, unit_id=$3, post=$4, post_bonus_fen=$5, hire_date=$6, job_type=$7, employment_type=$8, supervisor_id=$9, vp_id=$10, updated_at=now() WHERE id=$11`,
    [...employeeParams(b), id],
  );
}

export function listUsers(q: Queryable, page: Page) {
  return selectPage(q, { columns: USER_COLS, from: 'FROM users', where: new Where(), tieBreaker: 'id', ...page });
}

export async function userById(q: Queryable, id: string): Promise<Record<string, unknown> | undefined> {
  return (await q.query(`SELECT ${USER_COLS} FROM users WHERE id = $1`, [id]))[0];
}

export interface UserFields {
  username: string;
  displayName: string;
  roles: string[];
  employeeId?: string | null;
  active: boolean;
}

export async function insertUser(q: Queryable, u: UserFields, passwordHash: string): Promise<string> {
  const [r] = await q.query(
    `INSERT INTO users (username, display_name, password_hash, roles, employee_id, active) VALUES ($1,$2,$3,$4,$5,$6) RETURNING id`,
    [u.username, u.displayName, passwordHash, u.roles, u.employeeId ?? null, u.active],
  );
  return r.id;
}

/** Changing roles, deactivating or a new password (hash) revokes the user's tokens (token version). */
export async function updateUser(q: Queryable, id: string, u: UserFields, passwordHash: string | null): Promise<void> {
  await q.query(
    `UPDATE users SET username=$2, display_name=$3, roles=$4, employee_id=$5, active=$6, password_hash=COALESCE($7, password_hash),
       token_version = token_version + CASE WHEN $7::text IS NOT NULL OR roles <> $4::text[] OR active <> $6 THEN 1 ELSE 0 END WHERE id=$1`,
    [id, u.username, u.displayName, u.roles, u.employeeId ?? null, u.active, passwordHash],
  );
}

/** O-1 import: org unit ids by code. */
export async function orgUnitIdsByCode(q: Queryable): Promise<Map<string, string>> {
  const rows: { code: string; id: string }[] = await q.query(`SELECT code, id FROM org_units`);
  return new Map(rows.map((u) => [u.code, u.id]));
}

/** O-1 import: which of these employee codes exist. */
export async function existingEmployeeCodes(q: Queryable, codes: string[]): Promise<Set<string>> {
  const rows: { code: string }[] = await q.query(`SELECT code FROM employees WHERE code = ANY($1::text[])`, [codes]);
  return new Set(rows.map((e) => e.code));
}

export interface ImportedEmployee extends Omit<EmployeeFields, 'unitId' | 'supervisorId' | 'vpId'> {
  unitId: string;
  supervisorCode?: string | null;
  vpCode?: string | null;
}

/** O-1 import: upserts every row by code (set-based), then links the reporting chain by codes. Run in a transaction. */
export async function upsertEmployees(q: Queryable, rows: ImportedEmployee[]): Promise<void> {
  const col = <K extends keyof ImportedEmployee>(k: K) => rows.map((r) => r[k] ?? null);
  await q.query(
    `INSERT INTO employees (code, name, unit_id, post, post_bonus_fen, hire_date, job_type, employment_type)
     SELECT c, n, u::uuid, p, b, NULLIF(h, '')::date, j, t FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[], $6::text[], $7::text[], $8::text[]) AS x(c, n, u, p, b, h, j, t)
     ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, unit_id = EXCLUDED.unit_id, post = EXCLUDED.post, post_bonus_fen = EXCLUDED.post_bonus_fen,
       hire_date = EXCLUDED.hire_date, job_type = EXCLUDED.job_type, employment_type = EXCLUDED.employment_type, updated_at = now()`,
    [
      col('code'),
      col('name'),
      col('unitId'),
      col('post'),
      col('postBonusFen'),
      col('hireDate'),
      col('jobType'),
      col('employmentType'),
    ],
  );
  await q.query(
    `UPDATE employees e SET supervisor_id = s.id, vp_id = v.id
     FROM unnest($1::text[], $2::text[], $3::text[]) AS x(c, sc, vc)
     LEFT JOIN employees s ON s.code = NULLIF(x.sc, '') LEFT JOIN employees v ON v.code = NULLIF(x.vc, '')
     WHERE e.code = x.c`,
    [col('code'), col('supervisorCode'), col('vpCode')],
  );
}
