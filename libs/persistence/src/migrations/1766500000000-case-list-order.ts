import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The case list's default order (newest first, id as tie-breaker: `ORDER BY c.created_at DESC, c.id`) read from an
 * index, so a page is the first rows of an index scan instead of a sort of every visible case (issue 18).
 */
export class CaseListOrder1766500000000 implements MigrationInterface {
  name = 'CaseListOrder1766500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX cases_created_at_id_idx ON cases (created_at DESC, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX cases_created_at_id_idx`);
  }
}
