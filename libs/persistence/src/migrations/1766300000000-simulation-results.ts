import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What-if beyond the settlement (issue 16): the star pay (S-10, S-12), repairer scores (E-5), scorecard totals and
 * K-5 fines (K-*) of a month that would change, per employee or unit. Kept until the simulation is deleted.
 */
export class SimulationResults1766300000000 implements MigrationInterface {
  name = 'SimulationResults1766300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE simulation_results (
        simulation_id uuid NOT NULL REFERENCES simulations(id) ON DELETE CASCADE,
        month text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('star-pay','repairer-score','scorecard','scorecard-fine')),
        scope text NOT NULL CHECK (scope IN ('person','unit')),
        subject_id uuid NOT NULL,
        unit_id uuid,
        card text NOT NULL DEFAULT '',
        value_before numeric,
        value_after numeric,
        money_before_fen bigint NOT NULL DEFAULT 0,
        money_after_fen bigint NOT NULL DEFAULT 0,
        detail_before jsonb,
        detail_after jsonb,
        PRIMARY KEY (simulation_id, month, kind, card, subject_id)
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE simulation_results`);
  }
}
