/** Anything that runs SQL: a TypeORM DataSource, an EntityManager inside a transaction, or a QueryRunner. */
export interface Queryable {
  query(sql: string, params?: unknown[]): Promise<any>;
}
