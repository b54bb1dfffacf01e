import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 17, 已办 and 我的流程: the tasks a person decided (newest first) and the cases a person started are read by
 * person, so both lists are served by an index instead of a scan of every task and case.
 */
export class InboxIndexes1765500000000 implements MigrationInterface {
  name = 'InboxIndexes1765500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE INDEX IF NOT EXISTS tasks_decided_by_idx ON tasks(decided_by, decided_at) WHERE decided_by IS NOT NULL;
      CREATE INDEX IF NOT EXISTS cases_created_by_idx ON cases(created_by);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS tasks_decided_by_idx; DROP INDEX IF EXISTS cases_created_by_idx;`);
  }
}
