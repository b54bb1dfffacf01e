/**
 * The lists' free-text search (`filter.q`) on a case `c`: its title, 业务编号 (工单号 for work-order complaints),
 * the complaint's 工单号 and customer, and the people it is about (employee name or 工号). Appends its parameter.
 */
export function caseSearchSql(q: unknown, params: unknown[]): string | null {
  if (typeof q !== 'string' && typeof q !== 'number') return null;
  const text = String(q).trim();
  if (!text) return null;
  params.push(`%${text.replace(/[\\%_]/g, (m) => `\\${m}`)}%`);
  const p = `$${params.length}`;
  return `(c.title ILIKE ${p} OR c.business_key ILIKE ${p}
    OR c.data->'complaint'->>'workOrderNo' ILIKE ${p} OR c.data->'complaint'->>'customer' ILIKE ${p}
    OR EXISTS (SELECT 1 FROM employees se WHERE se.id = ANY(c.subject_employee_ids) AND (se.name ILIKE ${p} OR se.code ILIKE ${p})))`;
}
