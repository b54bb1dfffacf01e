/**
 * Customer perception at scale (issue 14): 100,000 people and 1,000 units. The month's figures come from the
 * product's own callbacks (E-3 answers on closed repair orders, BENCH_ORDERS per person) plus two earlier months of
 * imported figures (the year to date) and the halls' imported surveys. Times our perception month (callback roll-up
 * per person, team, centre and branch + P-1…P-5 over the year's figures + the results written) against a plain
 * aggregate query over the same callbacks (`GROUP BY repairer`), both warm, interleaved, BENCH_ROUNDS times (≥ 3),
 * and prints each pair, the medians and their ratio.
 * Run: npm run bench:perception   (BENCH_PEOPLE / BENCH_UNITS / BENCH_ORDERS / BENCH_ROUNDS to scale)
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { createActivities } from '@qf/activities';
import { createDataSource, prepareDatabase, seedReference } from '@qf/persistence';
import { defaultPolicy } from '@qf/policy';
import { interleavedRatio } from './interleaved';
import { freePort, startEmbeddedPostgres } from '../infra/dev';

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 100_000);
const UNITS = Number(process.env.BENCH_UNITS ?? 1_000);
const ORDERS = Number(process.env.BENCH_ORDERS ?? 3);
const ROUNDS = Math.max(3, Number(process.env.BENCH_ROUNDS ?? 3));
const MONTH = '2026-03'; // a quarter's end: P-4 training is computed too

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'qf-bench-'));
  chmodSync(dir, 0o755);
  const pg = await startEmbeddedPostgres({ dataDir: path.join(dir, 'pg'), port: await freePort(), database: 'bench' });
  const ds = await createDataSource(pg.url).initialize();
  try {
    await prepareDatabase(ds, seedReference);
    const t0 = performance.now();
    // 1,000 units: 10 branches, 20 centres (1 % and 2 % at other sizes, at least one each), the rest teams (80 %) and
    // halls (20 %, a quarter of them agent halls)
    const branches = Math.max(1, Math.floor(UNITS / 100));
    const centres = Math.max(1, Math.floor(UNITS / 50));
    const rest = UNITS - branches - centres;
    if (rest < 5) throw new Error(`BENCH_UNITS=${UNITS}: at least ${branches + centres + 5} units (a hall and teams)`);
    const halls = Math.floor(rest / 5);
    const teams = rest - halls;
    await ds.query(`INSERT INTO org_units (code, name, kind) VALUES ('c', '公司', 'company')`);
    await ds.query(
      `INSERT INTO org_units (code, name, kind, parent_id) SELECT 'b' || i, '分公司' || i, 'branch', (SELECT id FROM org_units WHERE code = 'c') FROM generate_series(1, $1) i`,
      [branches],
    );
    await ds.query(
      `INSERT INTO org_units (code, name, kind, parent_id) SELECT 'm' || i, '营销中心' || i, 'centre', (SELECT id FROM org_units WHERE code = 'b' || (i % $2 + 1)) FROM generate_series(1, $1) i`,
      [centres, branches],
    );
    await ds.query(
      `INSERT INTO org_units (code, name, kind, parent_id) SELECT 't' || i, '班组' || i, 'team', (SELECT id FROM org_units WHERE code = 'm' || (i % $2 + 1)) FROM generate_series(1, $1) i`,
      [teams, centres],
    );
    await ds.query(
      `INSERT INTO org_units (code, name, kind, parent_id, operator) SELECT 'h' || i, '营业厅' || i, 'hall', (SELECT id FROM org_units WHERE code = 'm' || (i % $2 + 1)), CASE WHEN i % 4 = 0 THEN 'agent' ELSE 'own' END FROM generate_series(1, $1) i`,
      [halls, centres],
    );
    await ds.query(
      `INSERT INTO employees (code, name, unit_id, post_bonus_fen, employment_type)
       SELECT 'E' || i, '员工' || i, (SELECT id FROM org_units WHERE code = 't' || (i % $2 + 1)), 200000, 'staff'
       FROM generate_series(1, $1) i`,
      [PEOPLE, teams],
    );
    // the month's callbacks: ORDERS closed orders per person, each answered by a dispatcher (E-3: 10 / 8 / 6)
    await ds.query(
      `INSERT INTO work_orders (order_no, repairer_id, team_unit_id, closed_at)
       SELECT 'W' || e.code || '-' || k, e.id, e.unit_id, timestamptz '2026-03-10 10:00+08' + (k || ' hours')::interval
       FROM employees e, generate_series(1, $1) k`,
      [ORDERS],
    );
    await ds.query(
      `INSERT INTO evaluations (order_id, kind, evaluate_on, due_at, choice, score, answered_at)
       SELECT w.id, 'dispatcher', date '2026-03-11', timestamptz '2026-03-12 18:00+08',
              x.c, CASE x.c WHEN 'satisfied' THEN 10 WHEN 'basic' THEN 8 ELSE 6 END, timestamptz '2026-03-11 12:00+08'
       FROM work_orders w, LATERAL (SELECT CASE WHEN hashtext(w.order_no) % 11 = 0 THEN 'dissatisfied'
                                              WHEN hashtext(w.order_no) % 3 = 0 THEN 'basic' ELSE 'satisfied' END AS c) x`,
    );
    // the year to date: January and February imported for people and teams; halls' surveys for all three months
    await ds.query(
      `INSERT INTO satisfaction_scores (month, channel, scope, subject_id, score, sample, source)
       SELECT m, 'repair', 'person', e.id, 70 + (abs(hashtext(e.code || m)) % 31), 10, 'import'
       FROM employees e, unnest(ARRAY['2026-01','2026-02']) m
       UNION ALL
       SELECT m, 'repair', 'team', o.id, 75 + (abs(hashtext(o.code || m)) % 26), 200, 'import'
       FROM org_units o, unnest(ARRAY['2026-01','2026-02']) m WHERE o.kind = 'team'
       UNION ALL
       SELECT m, 'hall', 'hall', o.id, 72 + (abs(hashtext(o.code || m)) % 29), 300, 'import'
       FROM org_units o, unnest(ARRAY['2026-01','2026-02','2026-03']) m WHERE o.kind = 'hall'`,
    );
    await ds.query(`ANALYZE`);
    console.log(
      `seeded ${PEOPLE} people, ${UNITS} units (${teams} teams, ${halls} halls), ${PEOPLE * ORDERS} callbacks in ${MONTH} in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );

    const acts = createActivities(ds);
    const policy = defaultPolicy();
    const baseline = () =>
      ds.query(
        `SELECT w.repairer_id, avg(e.score) * 10 AS score, count(*) AS sample
         FROM evaluations e JOIN work_orders w ON w.id = e.order_id
         WHERE e.kind IN ('dispatcher','manager') AND e.score IS NOT NULL
           AND to_char(w.closed_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') = $1
         GROUP BY w.repairer_id`,
        [MONTH],
      );
    let summary: unknown = null;
    const ours = async () => {
      summary = await acts.computePerceptionMonth({ month: MONTH, policy, round: 1 });
    };
    const r = await interleavedRatio({
      rounds: ROUNDS,
      baseline: { label: 'plain GROUP BY repairer', run: baseline },
      ours: { label: 'perception month', run: ours },
      digits: 2,
    });
    console.log(`perception month summary: ${JSON.stringify(summary)}`);
    console.log(`ratio perception month / GROUP BY = ${r.ratio.toFixed(1)}`);
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
