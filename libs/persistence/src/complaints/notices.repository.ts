import type { Queryable } from '../core/queryable';
import { selectPage, Where } from '../core/list-page';

export interface NoticeRow {
  id: string;
  caseId: string;
  workflowId: string;
  body: unknown;
  publishedAt: Date;
  title: string;
  /** 姓名 and 工号 of the people the notice names, by employee id */
  people: Record<string, { name: string; code: string }>;
}

/** The sortable fields of the notice list and their columns. */
export const NOTICE_SORT = { publishedAt: 'n.published_at', id: 'n.case_id' };

/** C-11: one page of the named notices, newest first by default. */
export async function listNotices(
  q: Queryable,
  o: { orderBy: string; limit: number; offset: number },
): Promise<{ rows: NoticeRow[]; total: number }> {
  const page = await selectPage<NoticeRow>(q, {
    columns: `n.case_id AS id, n.case_id AS "caseId", n.workflow_id AS "workflowId", n.body, n.published_at AS "publishedAt", c.title,
      (SELECT jsonb_object_agg(e.id::text, jsonb_build_object('name', e.name, 'code', e.code)) FROM employees e
        WHERE e.id::text IN (SELECT p->>'employeeId' FROM jsonb_array_elements(n.body->'persons') p)) AS people`,
    from: 'FROM notices n JOIN cases c ON c.id = n.case_id',
    where: new Where(),
    orderBy: o.orderBy,
    tieBreaker: 'n.case_id',
    limit: o.limit,
    offset: o.offset,
  });
  return { ...page, rows: page.rows.map((r) => ({ ...r, people: r.people ?? {} })) };
}

export interface NoticePersonRow {
  caseId: string;
  title: string;
  publishedAt: Date;
  severity: string;
  categoryLabel: string;
  employeeName: string | null;
  employeeCode: string | null;
  role: string;
  roleLabel: string;
  points: string;
}

/** C-11: every person of every notice, newest notice first (the export). */
export async function noticePersons(q: Queryable): Promise<NoticePersonRow[]> {
  return q.query(
    `SELECT n.case_id AS "caseId", c.title, n.published_at AS "publishedAt", n.body->>'severity' AS severity,
            n.body->>'categoryLabel' AS "categoryLabel", e.name AS "employeeName", e.code AS "employeeCode",
            p.value->>'role' AS role, p.value->>'roleLabel' AS "roleLabel", p.value->>'points' AS points
     FROM notices n JOIN cases c ON c.id = n.case_id, jsonb_array_elements(n.body->'persons') p(value)
     LEFT JOIN employees e ON e.id = (p.value->>'employeeId')::uuid ORDER BY n.published_at DESC`,
  );
}

/** C-11: stores a case's named notice once; true when it is new. */
export async function insertNotice(
  q: Queryable,
  n: { caseId: string; workflowId: string; notice: unknown },
): Promise<boolean> {
  const rows = await q.query(
    `INSERT INTO notices (case_id, workflow_id, body) VALUES ($1,$2,$3) ON CONFLICT (case_id) DO NOTHING RETURNING case_id`,
    [n.caseId, n.workflowId, JSON.stringify(n.notice)],
  );
  return rows.length > 0;
}
