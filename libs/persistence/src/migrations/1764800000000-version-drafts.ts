import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Policy and flow versions carry a label (名称), a description (说明) and their author (the user who created the
 * draft; shown as 姓名（工号）). Adding columns fires no row trigger, so published versions stay untouched.
 */
export class VersionDrafts1764800000000 implements MigrationInterface {
  name = 'VersionDrafts1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE policy_versions ADD COLUMN IF NOT EXISTS label text NOT NULL DEFAULT '';
      ALTER TABLE policy_versions ADD COLUMN IF NOT EXISTS description text NOT NULL DEFAULT '';
      ALTER TABLE policy_versions ADD COLUMN IF NOT EXISTS created_by uuid REFERENCES users(id);
      ALTER TABLE flow_versions ADD COLUMN IF NOT EXISTS label text NOT NULL DEFAULT '';
      ALTER TABLE flow_versions ADD COLUMN IF NOT EXISTS description text NOT NULL DEFAULT '';
      ALTER TABLE flow_versions ADD COLUMN IF NOT EXISTS created_by uuid REFERENCES users(id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE policy_versions DROP COLUMN IF EXISTS label, DROP COLUMN IF EXISTS description, DROP COLUMN IF EXISTS created_by;
      ALTER TABLE flow_versions DROP COLUMN IF EXISTS label, DROP COLUMN IF EXISTS description, DROP COLUMN IF EXISTS created_by;
    `);
  }
}
