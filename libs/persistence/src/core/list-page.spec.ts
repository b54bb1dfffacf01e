import { PREPARED_PAGE_LIMIT, selectPage, Where } from './list-page';
import type { Queryable } from './queryable';

/** A Queryable that records the SQL it was sent and answers from `answer` (rows for a page, `[{ total }]` for a count). */
function fake(answer: (sql: string) => unknown[]) {
  const sent: string[] = [];
  const q: Queryable = { query: async (sql: string) => (sent.push(sql), answer(sql)) };
  return { q, sent };
}
const spec = (limit: number, offset: number) => ({
  columns: 'c.id',
  from: 'FROM cases c',
  where: new Where().eq('c.status', 'open'),
  orderBy: 'c.created_at DESC',
  tieBreaker: 'c.id',
  limit,
  offset,
});

describe('selectPage (issue 18: the total rides on the page)', () => {
  it('answers a page and its exact total in one query, without the carrier column in the rows', async () => {
    const { q, sent } = fake(() => [
      { qf_page_total: 57, id: 'a' },
      { qf_page_total: 57, id: 'b' },
    ]);
    expect(await selectPage(q, spec(25, 0))).toEqual({ rows: [{ id: 'a' }, { id: 'b' }], total: 57 });
    expect(sent).toHaveLength(1);
    expect(sent[0]).toContain('(SELECT count(*)::int FROM cases c WHERE c.status = $1) AS qf_page_total, c.id');
    expect(sent[0]).toContain('ORDER BY c.created_at DESC, c.id LIMIT 25 OFFSET 0');
  });

  it('an empty first page is a total of 0 without a second query', async () => {
    const { q, sent } = fake(() => []);
    expect(await selectPage(q, spec(25, 0))).toEqual({ rows: [], total: 0 });
    expect(sent).toHaveLength(1);
  });

  it.each([
    ['a page past the end', 25, 100],
    ['a page of size 0', 0, 0],
  ])('%s still answers the exact total (counted on its own)', async (_, limit, offset) => {
    const { q, sent } = fake((sql) => (sql.startsWith('SELECT count(*)') ? [{ total: 57 }] : []));
    expect(await selectPage(q, spec(limit, offset))).toEqual({ rows: [], total: 57 });
    expect(sent).toHaveLength(2);
    expect(sent[1]).toBe('SELECT count(*)::int AS total FROM cases c WHERE c.status = $1');
  });
});

describe('selectPage on a DataSource: prepared first pages (issue 18)', () => {
  /** what a TypeORM DataSource on Postgres offers: query (unnamed), createQueryRunner, driver.master (the pg pool) */
  function dataSource() {
    const named: Array<{ name: string; text: string; values: unknown[] }> = [];
    const plain: string[] = [];
    const ds = {
      createQueryRunner: () => undefined,
      driver: {
        options: { type: 'postgres' },
        master: {
          query: async (c: { name: string; text: string; values: unknown[] }) => (named.push(c), { rows: [] }),
        },
      },
      query: async (sql: string) => (plain.push(sql), sql.startsWith('SELECT count(*)') ? [{ total: 3 }] : []),
    };
    return { ds, named, plain };
  }

  it('a first page is a named statement, one name per text, its values as parameters', async () => {
    const { ds, named, plain } = dataSource();
    await selectPage(ds, spec(25, 0));
    await selectPage(ds, spec(25, 0));
    await selectPage(ds, { ...spec(25, 0), orderBy: 'c.title ASC' });
    expect(plain).toEqual([]);
    expect(named.map((n) => n.values)).toEqual([['open'], ['open'], ['open']]);
    expect(named[0].name).toMatch(/^qf_[0-9a-f]{40}$/);
    expect(named[1].name).toBe(named[0].name);
    expect(named[2].name).not.toBe(named[0].name);
    expect(named[0].text).toContain('LIMIT 25 OFFSET 0');
  });

  it('a later page, a page beyond the prepared size and a transaction (no pool) run unnamed', async () => {
    const { ds, named, plain } = dataSource();
    await selectPage(ds, spec(25, 25));
    await selectPage(ds, spec(PREPARED_PAGE_LIMIT + 1, 0));
    const { q, sent } = fake(() => []);
    await selectPage(q, spec(25, 0));
    expect(named).toEqual([]);
    expect(plain.filter((p) => p.includes('LIMIT'))).toHaveLength(2);
    expect(sent).toHaveLength(1);
  });
});
