/**
 * Settlement at scale (issue 5): 100,000 employees and 1,000,000 ledger entries in one month (plus earlier months
 * of the year for the yearly rules). Prints the time of our set-based settlement (aggregate query + domain rules
 * per employee + bulk write) and of a plain `GROUP BY employee` over the same table in the same run, and the ratio.
 * Both sides run once untimed (warm caches), then alternate over BENCH_ROUNDS rounds (3); the ratio of each round and
 * min / median / max are printed.
 * Run: npm run bench:settlement   (BENCH_EMPLOYEES / BENCH_ENTRIES / BENCH_ROUNDS to scale)
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { createSettlementActivities } from '@qf/activities';
import { createDataSource, prepareDatabase, seedReference } from '@qf/persistence';
import { defaultPolicy } from '@qf/policy';
import { freePort, startEmbeddedPostgres } from '../infra/dev';

const EMPLOYEES = Number(process.env.BENCH_EMPLOYEES ?? 100_000);
const ENTRIES = Number(process.env.BENCH_ENTRIES ?? 1_000_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const MONTH = '2026-10';
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
// phase timing of our side (gather / rules / write), printed by the activity for each run (QF_SETTLEMENT_TIMINGS=0 to silence)
if (process.env.QF_SETTLEMENT_TIMINGS === undefined) process.env.QF_SETTLEMENT_TIMINGS = '1';
else if (process.env.QF_SETTLEMENT_TIMINGS === '0') delete process.env.QF_SETTLEMENT_TIMINGS;

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
    // the month: ENTRIES rows spread over all employees, mostly ordinary rulings, some serious and egregious
    const insertMonth = async (month: string, n: number) =>
      ds.query(
        `INSERT INTO ledger_entries (employee_id, month, source, reason, points_x10, severity)
       SELECT e.id, $1, 'complaint', 'ruling', CASE WHEN g.i % 97 = 0 THEN 50 ELSE 20 END,
              CASE WHEN g.i % 997 = 0 THEN 'egregious' WHEN g.i % 97 = 0 THEN 'serious' ELSE 'ordinary' END
       -- skewed, deterministic spread: a few employees gather many cases, most only a few
       FROM generate_series(1, $2) g(i)
       JOIN employees e ON e.code = 'E' || (1 + floor(($3 - 1) * power(((g.i::bigint * 7919) % 1000003)::float / 1000003, 3)))::int`,
        [month, n, EMPLOYEES],
      );
    await insertMonth(MONTH, ENTRIES);
    await insertMonth('2026-09', Math.floor(ENTRIES / 5));
    await ds.query(`ANALYZE`);
    console.log(
      `seeded ${EMPLOYEES} employees, ${ENTRIES} entries in ${MONTH} (+${Math.floor(ENTRIES / 5)} earlier) in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );

    const time = async (label: string, fn: () => Promise<unknown>) => {
      const t = performance.now();
      await fn();
      const ms = performance.now() - t;
      console.log(`${label.padEnd(44)} ${(ms / 1000).toFixed(2)} s`);
      return ms;
    };
    const groupBy = () =>
      ds.query(`SELECT employee_id, sum(points_x10) AS p FROM ledger_entries WHERE month = $1 GROUP BY employee_id`, [
        MONTH,
      ]);
    const [{ id }] = await ds.query(`INSERT INTO settlements (month) VALUES ($1) RETURNING id`, [MONTH]);
    let totals: { employees: number } = { employees: 0 };
    const settle = async () => {
      totals = await createSettlementActivities(ds).computeSettlement({
        settlementId: id,
        month: MONTH,
        policy: defaultPolicy(),
      });
    };
    // warm: both once, untimed (buffers, plans, JIT)
    await groupBy();
    await settle();
    const ratios: number[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const first = round % 2 ? 'baseline' : 'ours';
      let baseline = 0;
      let ours = 0;
      for (const side of first === 'baseline' ? ['baseline', 'ours'] : ['ours', 'baseline']) {
        if (side === 'baseline') baseline = await time(`round ${round} plain GROUP BY employee (baseline)`, groupBy);
        else ours = await time(`round ${round} settlement (gather + grades + money + write)`, settle);
      }
      ratios.push(ours / baseline);
      console.log(`round ${round}: ratio settlement / GROUP BY = ${(ours / baseline).toFixed(1)}`);
    }
    const [{ p4, p5 }] = await ds.query(
      `SELECT count(*) FILTER (WHERE grade = 'P4')::int AS p4, count(*) FILTER (WHERE grade = 'P5')::int AS p5 FROM settlement_rows WHERE settlement_id = $1`,
      [id],
    );
    console.log(`settled ${totals.employees} employees (${p4} at P4, ${p5} at P5)`);
    console.log(
      `ratio settlement / GROUP BY over ${ROUNDS} rounds: min ${Math.min(...ratios).toFixed(1)}, median ${median(ratios).toFixed(1)}, max ${Math.max(...ratios).toFixed(1)}`,
    );
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
