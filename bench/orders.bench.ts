/**
 * Work-order deadlines at scale (issue 15, K-2): BENCH_ORDERS orders in a month (default 100,000), BENCH_OPEN of them
 * open at once (default 10,000) whose response deadlines fall during the run, spread over BENCH_WINDOW seconds — a
 * far denser burst than a real month (100,000 orders a month are ~0.04 a second). The rest are the month's history,
 * answered and closed in time. The product's set-based scan (the `flagLateOrders` activity the Temporal Schedule runs
 * every BENCH_SCAN seconds, 20 in production: one UPDATE over two partial indexes, then the audit and the re-dispatch
 * case of each newly late order) runs on the same interval; the bench prints how late each deadline was flagged
 * (p50 / p99 / max seconds after the deadline) and each scan's duration, plus a scan when nothing is due (what the
 * month's history costs the scan: the partial indexes hold only unflagged open orders).
 * Run: npm run bench:orders   (BENCH_ORDERS / BENCH_OPEN / BENCH_WINDOW / BENCH_SCAN to scale)
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { createActivities } from '@qf/activities';
import { createDataSource, prepareDatabase, seedReference } from '@qf/persistence';
import { freePort, startEmbeddedPostgres } from '../infra/dev';

const ORDERS = Number(process.env.BENCH_ORDERS ?? 100_000);
const OPEN = Math.min(ORDERS, Number(process.env.BENCH_OPEN ?? 10_000));
const WINDOW = Number(process.env.BENCH_WINDOW ?? 60);
const SCAN = Number(process.env.BENCH_SCAN ?? 20);
const UNITS = 100;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'qf-bench-'));
  chmodSync(dir, 0o755);
  const pg = await startEmbeddedPostgres({ dataDir: path.join(dir, 'pg'), port: await freePort(), database: 'bench' });
  const ds = await createDataSource(pg.url).initialize();
  try {
    await prepareDatabase(ds, seedReference);
    const t0 = performance.now();
    await ds.query(
      `INSERT INTO org_units (code, name, kind) SELECT 'ot' || i, '处理班组' || i, 'team' FROM generate_series(1, $1) i`,
      [UNITS],
    );
    // the month's history: accepted over the last 30 days, responded in 10 minutes and closed in 5 hours (in time)
    await ds.query(
      `INSERT INTO service_orders (order_no, kind, stage, unit_id, accepted_at, responded_at, closed_at, respond_due_at, complete_due_at)
       SELECT 'H' || i, 'ordinary', 'closed', u.id, a, a + interval '10 minutes', a + interval '5 hours',
              a + interval '30 minutes', a + interval '24 hours'
       FROM generate_series(1, $1) i
       JOIN LATERAL (SELECT id FROM org_units WHERE code = 'ot' || (i % $2 + 1)) u ON true
       CROSS JOIN LATERAL (SELECT now() - interval '30 days' + (i * interval '30 days' / $1) - interval '1 day' AS a) x`,
      [ORDERS - OPEN, UNITS],
    );
    await ds.query(`ANALYZE service_orders`);
    const acts = createActivities(ds);
    const idle0 = performance.now();
    const idle = await acts.flagLateOrders({});
    const idleMs = performance.now() - idle0;
    // the open orders: response deadlines spread over the next WINDOW seconds (starting 5 s from now)
    const start = Date.now() + 5000;
    await ds.query(
      `INSERT INTO service_orders (order_no, kind, stage, unit_id, accepted_at, respond_due_at, complete_due_at)
       SELECT 'O' || i, 'ordinary', 'dispatch', u.id, d - interval '30 minutes', d, d + interval '23 hours 30 minutes'
       FROM generate_series(1, $1) i
       JOIN LATERAL (SELECT id FROM org_units WHERE code = 'ot' || (i % $2 + 1)) u ON true
       CROSS JOIN LATERAL (SELECT to_timestamp(($3 + (i - 1) * $4::float8 * 1000 / $1) / 1000) AS d) x`,
      [OPEN, UNITS, start, WINDOW],
    );
    await ds.query(`ANALYZE service_orders`);
    console.log(
      `seeded ${ORDERS} orders (${ORDERS - OPEN} answered history, ${OPEN} open, deadlines over ${WINDOW} s) in ${((performance.now() - t0) / 1000).toFixed(1)} s; ` +
        `an idle scan (nothing due) took ${idleMs.toFixed(0)} ms (flagged ${idle.flagged})`,
    );
    // the Schedule: a scan every SCAN seconds until every open order is flagged (skip a tick while one runs)
    const scans: { flagged: number; ms: number; started: string; ended: string }[] = [];
    const until = start + WINDOW * 1000 + 2 * SCAN * 1000;
    let next = Date.now();
    for (;;) {
      await sleep(next - Date.now());
      const s0 = performance.now();
      const started = new Date().toISOString();
      const r = await acts.flagLateOrders({});
      const ended = new Date().toISOString();
      for (let after: string | null = r.flagged ? '' : null; after !== null;)
        after = (await acts.openRedispatchCases({ now: r.now, after })).next;
      scans.push({ flagged: r.flagged, ms: performance.now() - s0, started, ended });
      console.log(`scan ${scans.length}: flagged ${r.flagged} in ${(scans.at(-1)!.ms / 1000).toFixed(2)} s`);
      const [{ left }] = await ds.query(
        `SELECT count(*)::int AS left FROM service_orders WHERE order_no LIKE 'O%' AND late_respond_at IS NULL`,
      );
      if (!left || Date.now() > until) break;
      next += SCAN * 1000;
      while (next < Date.now()) next += SCAN * 1000;
    }
    // a flag is set at its scan's start (the scan's `now`) and seen by others when the scan commits: both measured
    const values = scans.map((_, i) => `($${2 * i + 1}::timestamptz, $${2 * i + 2}::timestamptz)`).join(', ');
    const [lat] = await ds.query(
      `SELECT count(o.late_respond_at)::int AS flagged, count(*)::int AS open,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM o.late_respond_at - o.respond_due_at)) AS p50,
              percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM o.late_respond_at - o.respond_due_at)) AS p99,
              percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM s.ended - o.respond_due_at)) AS p99_seen,
              max(extract(epoch FROM s.ended - o.respond_due_at)) AS max_seen
       FROM service_orders o
       LEFT JOIN (VALUES ${values}) s(started, ended) ON o.late_respond_at BETWEEN s.started - interval '1 second' AND s.ended
       WHERE o.order_no LIKE 'O%'`,
      scans.flatMap((x) => [x.started, x.ended]),
    );
    const [{ cases }] = await ds.query(`SELECT count(*)::int AS cases FROM cases WHERE kind = 'order-redispatch'`);
    const [{ history }] = await ds.query(
      `SELECT count(*)::int AS history FROM service_orders WHERE order_no LIKE 'H%' AND (late_respond_at IS NOT NULL OR late_complete_at IS NOT NULL)`,
    );
    const worst = Math.max(...scans.map((s) => s.ms));
    console.log(
      `K-2 deadline → flag, ${lat.flagged}/${lat.open} open orders flagged: p50 ${Number(lat.p50).toFixed(1)} s, ` +
        `p99 ${Number(lat.p99).toFixed(1)} s; flag committed (visible) p99 ${Number(lat.p99_seen).toFixed(1)} s, ` +
        `max ${Number(lat.max_seen).toFixed(1)} s (scan every ${SCAN} s; slowest scan ` +
        `${(worst / 1000).toFixed(2)} s); ${cases} re-dispatch cases opened; history flagged by mistake: ${history}`,
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
