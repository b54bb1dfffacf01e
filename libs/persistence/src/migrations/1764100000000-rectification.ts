import { MigrationInterface, QueryRunner } from 'typeorm';

/** Fault-analysis meetings and rectifications (E-7, E-8, Q-2): the read model of the board. */
export class Rectification1764100000000 implements MigrationInterface {
  name = 'Rectification1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE meetings (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title text NOT NULL,
        scheduled_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX meetings_at_idx ON meetings(scheduled_at);
      CREATE TABLE rectifications (
        case_id uuid PRIMARY KEY REFERENCES cases(id),
        origin text NOT NULL CHECK (origin IN ('dissatisfied-callback','supervision-order','inspection')),
        internal boolean NOT NULL DEFAULT false,
        order_no text,
        description text NOT NULL,
        team_unit_id uuid NOT NULL REFERENCES org_units(id),
        meeting_id uuid REFERENCES meetings(id),
        due_at timestamptz,
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open','submitted','confirmed')),
        overdue boolean NOT NULL DEFAULT false,
        opened_at timestamptz NOT NULL DEFAULT now(),
        submitted_at timestamptz
      );
      CREATE INDEX rectifications_meeting_idx ON rectifications(meeting_id, status);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS rectifications, meetings`);
  }
}
