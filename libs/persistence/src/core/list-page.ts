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

/**
 * One page of a list and its exact total in one round trip: the count is an uncorrelated scalar subquery over the same
 * FROM and WHERE (an InitPlan, run once; issue 18: a second query per page cost a round trip and a plan). A page past
 * the end (or of size 0) has no row to carry the total: only then is the count asked on its own.
 */
export async function selectPage<T = Record<string, unknown>>(
  q: Queryable,
  s: PageSpec,
): Promise<{ rows: T[]; total: number }> {
  const body = `${s.from} WHERE ${s.where.sql}`;
  const limit = Math.max(0, Math.floor(s.limit));
  const offset = Math.max(0, Math.floor(s.offset));
  const found: Array<Record<string, unknown> & { qf_page_total: number }> = await q.query(
    `SELECT (SELECT count(*)::int ${body}) AS qf_page_total, ${s.columns} ${body} ORDER BY ${s.orderBy}, ${s.tieBreaker} LIMIT ${limit} OFFSET ${offset}`,
    s.where.params,
  );
  if (!found.length) {
    if (offset === 0 && limit > 0) return { rows: [], total: 0 };
    const [{ total }] = await q.query(`SELECT count(*)::int AS total ${body}`, s.where.params);
    return { rows: [], total };
  }
  const total = found[0].qf_page_total;
  const rows = found.map(({ qf_page_total: _total, ...row }) => row as T);
  return { rows, total };
}
