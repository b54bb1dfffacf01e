import { createHash } from 'node:crypto';
import type { Queryable } from './queryable';

/**
 * A WHERE clause built one condition at a time with numbered parameters — the skeleton every list endpoint
 * shares. Conditions are SQL with `$?` standing for the next parameter; empty values are skipped.
 */
export class Where {
  readonly params: unknown[] = [];
  private readonly parts: string[] = [];

  /** the next parameter's placeholder (`$n`) after pushing its value */
  param(v: unknown): string {
    this.params.push(v);
    return `$${this.params.length}`;
  }

  /** raw condition (e.g. a scope clause that already pushed its own parameters through `param`) */
  and(sql: string | null | undefined): this {
    if (sql) this.parts.push(sql);
    return this;
  }

  /** `column = value`, skipped when the value is undefined, null or '' */
  eq(column: string, v: unknown): this {
    if (v !== undefined && v !== null && v !== '') this.parts.push(`${column} = ${this.param(v)}`);
    return this;
  }

  /** `column::text = ANY(values)`, for react-admin's getMany (`filter.id` as one id or a list) */
  anyOf(column: string, v: unknown): this {
    if (v !== undefined && v !== null && v !== '')
      this.parts.push(`${column}::text = ANY(${this.param(([] as unknown[]).concat(v).map(String))}::text[])`);
    return this;
  }

  get sql(): string {
    return this.parts.length ? this.parts.join(' AND ') : 'TRUE';
  }
}

export interface PageSpec {
  /** the columns to select (the row shape) */
  columns: string;
  /** `FROM …` with joins, without WHERE */
  from: string;
  where: Where;
  /** a trusted ORDER BY expression (from a sort whitelist) — a unique tie-breaker is appended */
  orderBy: string;
  tieBreaker: string;
  limit: number;
  offset: number;
}

/** A pg pool as TypeORM's Postgres driver holds it (`driver.master`): the part `preparedQuery` uses. */
interface PgPool {
  query(q: { name: string; text: string; values: unknown[] }): Promise<{ rows: any[] }>;
}

/** statement text → its name (bounded: the list statements are a finite set of shapes; values travel as parameters) */
const statementNames = new Map<string, string>();

/**
 * `sql` as a named prepared statement when `q` is a DataSource on Postgres: each pooled connection parses and plans it
 * once, and Postgres may keep a generic plan (issue 18: planning was ~half of a list page's Postgres time), instead of
 * parse + plan on every request. Inside a transaction (an EntityManager, a QueryRunner), or on anything else, it is a
 * plain `q.query`. The text must carry every value as a parameter (the statement is named by its text).
 */
export async function preparedQuery<T = any>(q: Queryable, sql: string, params: unknown[]): Promise<T[]> {
  const pool = (q as { driver?: { options?: { type?: string }; master?: PgPool } }).driver;
  if (!pool?.master || pool.options?.type !== 'postgres' || !('createQueryRunner' in q)) return q.query(sql, params);
  let name = statementNames.get(sql);
  if (!name) {
    if (statementNames.size >= 2000) statementNames.clear();
    name = `qf_${createHash('sha1').update(sql).digest('hex')}`; // one name per text (pg refuses a name reused)
    statementNames.set(sql, name);
  }
  return (await pool.master.query({ name, text: sql, values: params })).rows;
}

/**
 * One page of a list and its exact total in one round trip: the count is an uncorrelated scalar subquery over the same
 * FROM and WHERE (an InitPlan, run once; issue 18: a second query per page cost a round trip and a plan). A page past
 * the end (or of size 0) has no row to carry the total: only then is the count asked on its own.
 * A first page of up to PREPARED_PAGE_LIMIT rows — what a list view asks for again and again — is a prepared statement
 * (`preparedQuery`): limit and offset stay in the text (as parameters the planner would cost the page as a whole list
 * and plan it anew on every call), so the statements per connection stay bounded by the list shapes and page sizes.
 */
export async function selectPage<T = Record<string, unknown>>(
  q: Queryable,
  s: PageSpec,
): Promise<{ rows: T[]; total: number }> {
  const body = `${s.from} WHERE ${s.where.sql}`;
  const limit = Math.max(0, Math.floor(s.limit));
  const offset = Math.max(0, Math.floor(s.offset));
  const sql = `SELECT (SELECT count(*)::int ${body}) AS qf_page_total, ${s.columns} ${body} ORDER BY ${s.orderBy}, ${s.tieBreaker} LIMIT ${limit} OFFSET ${offset}`;
  const found: Array<Record<string, unknown> & { qf_page_total: number }> =
    offset === 0 && limit <= PREPARED_PAGE_LIMIT
      ? await preparedQuery(q, sql, s.where.params)
      : await q.query(sql, s.where.params);
  if (!found.length) {
    if (offset === 0 && limit > 0) return { rows: [], total: 0 };
    const [{ total }] = await q.query(`SELECT count(*)::int AS total ${body}`, s.where.params);
    return { rows: [], total };
  }
  const total = found[0].qf_page_total;
  const rows = found.map(({ qf_page_total: _total, ...row }) => row as T);
  return { rows, total };
}

/** the largest first page selectPage prepares (react-admin's page sizes are 10, 25, 50, 100) */
export const PREPARED_PAGE_LIMIT = 100;
