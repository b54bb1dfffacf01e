/**
 * KPI scorecards at scale (issue 15): BENCH_ORDERS (100,000) service orders closed in one month over 1,000 handling
 * units (teams) and 5,000 handlers, with their imported figures. Times our scorecard month (the figures gathered per
 * unit and per handler — on-time completion, 30-minute response, late orders, re-dispatches, callbacks, satisfaction,
 * imported values — every default scorecard applied with the K-3…K-7 formulas, ranked, the K-5 fines, the results
 * written) against a plain aggregate query over the same orders (on-time rate `GROUP BY unit`), both warm,
 * interleaved, BENCH_ROUNDS times (≥ 3), and prints each pair, the medians and their ratio.
 * Run: npm run bench:scorecard   (BENCH_ORDERS / BENCH_UNITS / BENCH_ROUNDS to scale)
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { createActivities } from '@qf/activities';
import { createDataSource, prepareDatabase, seedReference } from '@qf/persistence';
import { defaultPolicy } from '@qf/policy';
import { interleavedRatio } from './interleaved';
import { freePort, startEmbeddedPostgres } from '../infra/dev';

const ORDERS = Number(process.env.BENCH_ORDERS ?? 100_000);
const UNITS = Number(process.env.BENCH_UNITS ?? 1_000);
const ROUNDS = Math.max(3, Number(process.env.BENCH_ROUNDS ?? 3));
const MONTH = '2026-03';

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'qf-bench-'));
  chmodSync(dir, 0o755);
  const pg = await startEmbeddedPostgres({ dataDir: path.join(dir, 'pg'), port: await freePort(), database: 'bench' });
  const ds = await createDataSource(pg.url).initialize();
  try {
    await prepareDatabase(ds, seedReference);
    const t0 = performance.now();
    const halls = Math.floor(UNITS / 10);
    const teams = UNITS - halls;
    await ds.query(`INSERT INTO org_units (code, name, kind) VALUES ('c', '公司', 'company')`);
    await ds.query(
      `INSERT INTO org_units (code, name, kind, parent_id) VALUES ('cc', '呼叫中心', 'centre', (SELECT id FROM org_units WHERE code = 'c'))`,
    );
    await ds.query(
      `INSERT INTO org_units (code, name, kind, parent_id) SELECT 't' || i, '片站' || i, 'team', (SELECT id FROM org_units WHERE code = 'c') FROM generate_series(1, $1) i`,
      [teams],
    );
    await ds.query(
      `INSERT INTO org_units (code, name, kind, parent_id) SELECT 'h' || i, '营业厅' || i, 'hall', (SELECT id FROM org_units WHERE code = 'c') FROM generate_series(1, $1) i`,
      [halls],
    );
    // 5 handlers per team, 200 call-centre agents
    await ds.query(
      `INSERT INTO employees (code, name, unit_id) SELECT 'E' || i, '员工' || i, (SELECT id FROM org_units WHERE code = 't' || (i % $1 + 1)) FROM generate_series(1, $1 * 5) i`,
      [teams],
    );
    await ds.query(
      `INSERT INTO employees (code, name, unit_id) SELECT 'A' || i, '坐席' || i, (SELECT id FROM org_units WHERE code = 'cc') FROM generate_series(1, 200) i`,
    );
    // the month's orders: each handled by one of its team's handlers; ~3 % late, ~20 % answered after 30 minutes
    await ds.query(
      `WITH h AS (SELECT id, unit_id, row_number() OVER (ORDER BY code) AS n FROM employees WHERE code LIKE 'E%'),
            c AS (SELECT count(*) AS n FROM h)
       INSERT INTO service_orders (order_no, kind, stage, unit_id, handler_id, accepted_at, responded_at, closed_at, respond_due_at, complete_due_at, redispatch_count)
       SELECT 'S' || k, 'ordinary', 'closed', h.unit_id, h.id, t,
              t + CASE WHEN k % 5 = 0 THEN interval '45 minutes' ELSE interval '12 minutes' END,
              t + CASE WHEN k % 33 = 0 THEN interval '26 hours' ELSE interval '3 hours' END,
              t + interval '30 minutes', t + interval '24 hours', CASE WHEN k % 33 = 0 THEN 1 ELSE 0 END
       FROM generate_series(1, $1) k CROSS JOIN c
            CROSS JOIN LATERAL (SELECT timestamptz '2026-03-01 08:00+08' + ((k % 29) || ' days')::interval + ((k % 600) || ' minutes')::interval AS t) x
       JOIN h ON h.n = (k % c.n) + 1`,
      [ORDERS],
    );
    // imported: each agent's call volume, each hall's BOSS error rate and satisfaction
    await ds.query(
      `INSERT INTO kpi_values (month, figure, scope, subject_id, value)
       SELECT $1, 'call-volume', 'person', id, 1400 + abs(hashtext(code)) % 1000 FROM employees WHERE code LIKE 'A%'
       UNION ALL SELECT $1, 'boss-error-rate', 'unit', id, (abs(hashtext(code)) % 300) / 100.0 FROM org_units WHERE kind = 'hall'`,
      [MONTH],
    );
    await ds.query(
      `INSERT INTO satisfaction_scores (month, channel, scope, subject_id, score, sample, source)
       SELECT $1, 'hall', 'hall', id, 85 + abs(hashtext(code)) % 15, 200, 'import' FROM org_units WHERE kind IN ('hall', 'team')`,
      [MONTH],
    );
    await ds.query(`ANALYZE`);
    console.log(
      `seeded ${ORDERS} orders in ${MONTH} over ${teams} teams (${teams * 5} handlers) and ${halls} halls in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );

    const acts = createActivities(ds);
    const policy = defaultPolicy();
    const baseline = () =>
      ds.query(
        `SELECT unit_id, count(*) FILTER (WHERE closed_at <= complete_due_at) * 100.0 / count(*) AS on_time, count(*) AS n
         FROM service_orders
         WHERE closed_at >= timestamptz '2026-03-01 00:00+08' AND closed_at < timestamptz '2026-04-01 00:00+08'
         GROUP BY unit_id`,
      );
    let summary: unknown = null;
    const ours = async () => {
      summary = await acts.computeScorecardMonth({ month: MONTH, policy, policyVersion: 1, round: 1 });
    };
    const r = await interleavedRatio({
      rounds: ROUNDS,
      baseline: { label: 'plain GROUP BY unit', run: baseline },
      ours: { label: 'scorecard month', run: ours },
      digits: 3,
    });
    console.log(`scorecard month summary: ${JSON.stringify(summary)}`);
    console.log(`ratio scorecard month / GROUP BY = ${r.ratio.toFixed(1)}`);
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
