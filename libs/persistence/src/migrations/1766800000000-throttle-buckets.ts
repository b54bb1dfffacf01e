import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The buckets of throttled routes (the login: LOGIN_RATE_LIMIT per client and username), shared by every api process:
 * with the buckets in each process's memory, a client reaching two processes (behind a load balancer) had twice the
 * allowance. `hits`: the times of the requests counted in the window; `expires_at`: when the row means nothing any more
 * (window and block both passed), for the sweep.
 */
export class ThrottleBuckets1766800000000 implements MigrationInterface {
  name = 'ThrottleBuckets1766800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE throttle_buckets (
        key text PRIMARY KEY,
        hits timestamptz[] NOT NULL,
        blocked_until timestamptz,
        expires_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX throttle_buckets_expires_at_idx ON throttle_buckets (expires_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE throttle_buckets`);
  }
}
