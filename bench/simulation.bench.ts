/**
 * What-if at scale (issue 16): 12 months × 100,000 employees, 1,000,000 ledger entries spread over the months. Times
 * the simulation of a draft (lowering the C-9 P4 threshold from 3 to 2) over the 12 months — the `simulateMonth`
 * activity per month: facts gathered as the settlement, perception, star review, repairer scores and scorecards gather
 * them, every rule run under both policies, the changes written — against the real settlement computation of the same
 * 12 months (`computeSettlement` per month) in the same run. Both sides run once untimed (warm caches), then alternate
 * over BENCH_ROUNDS rounds (3); the seconds and the ratio of each round and min / median / max are printed.
 * Run: npm run bench:simulation   (BENCH_EMPLOYEES / BENCH_ENTRIES / BENCH_MONTHS / BENCH_ROUNDS to scale)
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { createSettlementActivities } from '@qf/activities';
import { createSimulationActivities } from '../activities/src/simulation-activities';
import { createDataSource, prepareDatabase, seedReference } from '@qf/persistence';
import { defaultPolicy, PolicySchema } from '@qf/policy';
import { freePort, startEmbeddedPostgres } from '../infra/dev';

const EMPLOYEES = Number(process.env.BENCH_EMPLOYEES ?? 100_000);
const ENTRIES = Number(process.env.BENCH_ENTRIES ?? 1_000_000);
const MONTHS = Number(process.env.BENCH_MONTHS ?? 12);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const YEAR = 2026;
const months = Array.from({ length: MONTHS }, (_, i) => `${YEAR}-${String(i + 1).padStart(2, '0')}`);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const stats = (xs: number[], digits = 2) =>
  `min ${Math.min(...xs).toFixed(digits)}, median ${median(xs).toFixed(digits)}, max ${Math.max(...xs).toFixed(digits)}`;

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'qf-bench-'));
  chmodSync(dir, 0o755);
  const pg = await startEmbeddedPostgres({ dataDir: path.join(dir, 'pg'), port: await freePort(), database: 'bench' });
  const ds = await createDataSource(pg.url).initialize();
  try {
    await prepareDatabase(ds, seedReference);
    const t0 = performance.now();
    await ds.query(`INSERT INTO org_units (code, name, kind) VALUES ('c', '公司', 'company')`);
    await ds.query(
      `INSERT INTO org_units (code, name, kind, parent_id) SELECT 'b' || i, '分公司' || i, 'branch', (SELECT id FROM org_units WHERE code = 'c') FROM generate_series(1, 10) i`,
    );
    await ds.query(
      `INSERT INTO org_units (code, name, kind, parent_id) SELECT 't' || i, '班组' || i, 'team', (SELECT id FROM org_units WHERE code = 'b' || (i % 10 + 1)) FROM generate_series(1, 200) i`,
    );
    await ds.query(
      `INSERT INTO employees (code, name, unit_id, post_bonus_fen, employment_type)
       SELECT 'E' || i, '员工' || i, (SELECT id FROM org_units WHERE code = 't' || (i % 200 + 1)), 200000 + (i % 7) * 50000,
              CASE WHEN i % 10 = 0 THEN 'outsourced' WHEN i % 7 = 0 THEN 'temporary' ELSE 'staff' END
       FROM generate_series(1, $1) i`,
      [EMPLOYEES],
    );
    // ENTRIES rows over the months and all employees (as the settlement bench: skewed, mostly ordinary rulings)
    const perMonth = Math.floor(ENTRIES / MONTHS);
    for (const [i, month] of months.entries())
      await ds.query(
        `INSERT INTO ledger_entries (employee_id, month, source, reason, points_x10, severity)
         SELECT e.id, $1, 'complaint', 'ruling', CASE WHEN g.i % 97 = 0 THEN 50 ELSE 20 END,
                CASE WHEN g.i % 997 = 0 THEN 'egregious' WHEN g.i % 97 = 0 THEN 'serious' ELSE 'ordinary' END
         FROM generate_series(1, $2) g(i)
         JOIN employees e ON e.code = 'E' || (1 + floor(($3 - 1) * power((((g.i::bigint + $4) * 7919) % 1000003)::float / 1000003, 3)))::int`,
        [month, perMonth, EMPLOYEES, i * 104729],
      );
    await ds.query(`ANALYZE`);
    console.log(
      `seeded ${EMPLOYEES} employees, ${perMonth * MONTHS} ledger entries over ${MONTHS} months (${perMonth} a month) in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );

    const policy = defaultPolicy();
    const draft = PolicySchema.parse({ grades: { ordinary: { p4MonthlyCount: 2 } } });
    const settlementIds: Record<string, string> = {};
    for (const month of months)
      settlementIds[month] = (
        await ds.query(`INSERT INTO settlements (month) VALUES ($1) RETURNING id`, [month])
      )[0].id;
    const [{ id: simulationId }] = await ds.query(
      `INSERT INTO simulations (policy_version, baseline_version, months, workflow_id) VALUES (1, 1, $1, 'bench') RETURNING id`,
      [months],
    );
    const settlement = createSettlementActivities(ds);
    const simulation = createSimulationActivities(ds);
    const settle = async () => {
      for (const month of months)
        await settlement.computeSettlement({ settlementId: settlementIds[month], month, policy });
    };
    const simulate = async () => {
      for (const month of months)
        await simulation.simulateMonth({ simulationId, month, policy: draft, baseline: policy });
    };
    const time = async (label: string, fn: () => Promise<unknown>) => {
      const t = performance.now();
      await fn();
      const s = (performance.now() - t) / 1000;
      console.log(`${label.padEnd(52)} ${s.toFixed(2)} s`);
      return s;
    };
    // warm: both once, untimed
    await settle();
    await simulate();
    const ratios: number[] = [];
    const sims: number[] = [];
    const sets: number[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      let ours = 0;
      let real = 0;
      for (const side of round % 2 ? ['real', 'ours'] : ['ours', 'real']) {
        if (side === 'real') real = await time(`round ${round} settlement of ${MONTHS} months (baseline)`, settle);
        else ours = await time(`round ${round} simulation of ${MONTHS} months (both policies)`, simulate);
      }
      sims.push(ours);
      sets.push(real);
      ratios.push(ours / real);
      console.log(`round ${round}: ratio simulation / settlement = ${(ours / real).toFixed(2)}`);
    }
    const [{ changes, employees }] = await ds.query(
      `SELECT (SELECT count(*)::int FROM simulation_changes WHERE simulation_id = $1) AS changes,
              (SELECT sum((totals->>'employees')::int)::int FROM simulation_months WHERE simulation_id = $1) AS employees`,
      [simulationId],
    );
    console.log(`simulated ${employees} employee-months, ${changes} changes (C-9 P4 at 2 ordinary cases)`);
    console.log(`simulation seconds over ${ROUNDS} rounds: ${stats(sims)}`);
    console.log(`settlement seconds over ${ROUNDS} rounds: ${stats(sets)}`);
    console.log(`ratio simulation / settlement over ${ROUNDS} rounds: ${stats(ratios)}`);
  } finally {
    await ds.destroy();
    await pg.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
