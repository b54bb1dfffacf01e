import type { Queryable } from '../core/queryable';

const UUID = /^[0-9a-f-]{36}$/i;

/** C-1: whether an org unit exists. */
export async function orgUnitExists(q: Queryable, unitId: string): Promise<boolean> {
  return (await q.query(`SELECT 1 FROM org_units WHERE id = $1`, [unitId])).length > 0;
}

/** C-1: the ids among `ids` that name no employee. */
export async function unknownEmployeeIds(q: Queryable, ids: string[]): Promise<string[]> {
  if (!ids.length) return [];
  const found: { id: string }[] = await q.query(`SELECT id FROM employees WHERE id = ANY($1::uuid[])`, [ids]);
  return ids.filter((id) => !found.some((f) => f.id === id));
}

/** The name of an org unit (null when the id names none). */
export async function orgUnitName(q: Queryable, unitId: string): Promise<string | null> {
  const [unit] = await q.query(`SELECT name FROM org_units WHERE id::text = $1`, [unitId]);
  return unit?.name ?? null;
}

/** 姓名 and 工号 of employees, by id (pages show names, also to people who may not read other employees). */
export async function employeeNames(
  q: Queryable,
  ids: string[],
): Promise<Record<string, { name: string; code: string }>> {
  const wanted = [...new Set(ids.filter((id) => UUID.test(id)))];
  if (!wanted.length) return {};
  const rows: { id: string; name: string; code: string }[] = await q.query(
    `SELECT id, name, code FROM employees WHERE id = ANY($1::uuid[])`,
    [wanted],
  );
  return Object.fromEntries(rows.map((r) => [r.id, { name: r.name, code: r.code }]));
}

/** Names of users by login name (the appeal stage records login names): 姓名 and 工号 of their employee, if any. */
export async function usersByUsername(
  q: Queryable,
  usernames: string[],
): Promise<{ username: string; name: string; code: string | null }[]> {
  if (!usernames.length) return [];
  return q.query(
    `SELECT u.username, COALESCE(e.name, u.display_name) AS name, e.code FROM users u LEFT JOIN employees e ON e.id = u.employee_id
     WHERE u.username = ANY($1::text[])`,
    [usernames],
  );
}

/** Active logins of employees (C-12: the accountable people who may appeal). */
export async function usersOfEmployees(
  q: Queryable,
  employeeIds: string[],
): Promise<{ employeeId: string; userId: string }[]> {
  if (!employeeIds.length) return [];
  return q.query(
    `SELECT employee_id AS "employeeId", id AS "userId" FROM users WHERE active AND employee_id = ANY($1::uuid[]) ORDER BY username`,
    [employeeIds],
  );
}

/** Employees a complaint concerns (C-1) or holds accountable (C-3), matched by a condition on `e`. */
const concerns = (cond: string) =>
  `EXISTS (SELECT 1 FROM employees e WHERE ${cond} AND (e.id = ANY(c.subject_employee_ids)
     OR e.id::text IN (SELECT p->>'employeeId' FROM jsonb_array_elements(CASE WHEN jsonb_typeof(c.data->'ruling'->'persons') = 'array' THEN c.data->'ruling'->'persons' ELSE '[]'::jsonb END) p)))`;

/**
 * Ids of the complaints a search names: `text` (工单号, customer, title, or the name / 工号 of an employee concerned or
 * accountable) and `employeeId` (concerned or accountable). Null without search; `['']` (no case) when nothing matches.
 */
export async function searchComplaintIds(q: Queryable, text: string, employeeId: string): Promise<string[] | null> {
  if (!text && !employeeId) return null;
  const params: unknown[] = [];
  const where: string[] = [`c.kind = 'complaint'`];
  if (text) {
    params.push(`%${text.replace(/[\\%_]/g, (m) => `\\${m}`)}%`);
    const t = `$${params.length}`;
    where.push(`(c.title ILIKE ${t} OR c.business_key ILIKE ${t} OR c.data->'complaint'->>'workOrderNo' ILIKE ${t}
      OR c.data->'complaint'->>'customer' ILIKE ${t} OR ${concerns(`(e.name ILIKE ${t} OR e.code ILIKE ${t})`)})`);
  }
  if (employeeId) {
    if (!UUID.test(employeeId)) return [''];
    params.push(employeeId);
    where.push(concerns(`e.id = $${params.length}::uuid`));
  }
  const rows: { id: string }[] = await q.query(`SELECT c.id FROM cases c WHERE ${where.join(' AND ')}`, params);
  return rows.length ? rows.map((r) => r.id) : [''];
}
