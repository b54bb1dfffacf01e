import { MigrationInterface, QueryRunner } from 'typeorm';

/** Progress of large imports, polled by the console while a file uploads and is processed. */
export class ImportProgress1764300000000 implements MigrationInterface {
  name = 'ImportProgress1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE import_progress (
        id uuid PRIMARY KEY,
        kind text NOT NULL,
        phase text NOT NULL CHECK (phase IN ('reading','validating','inserting','done','failed')),
        processed integer NOT NULL DEFAULT 0,
        total integer NOT NULL DEFAULT 0,
        message text,
        updated_at timestamptz NOT NULL DEFAULT now()
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS import_progress`);
  }
}
