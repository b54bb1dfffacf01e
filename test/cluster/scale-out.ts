/**
 * `npm run test:cluster` (not part of `npm test`; about 10 minutes on 2 cores): QualityFlow scaled out on a real
 * Temporal cluster (infra/cluster: Postgres, Temporal frontend ×2 / history ×2 / matching ×2 / worker ×1 as
 * separate processes, haproxy, api ×QF_CLUSTER_APIS and worker ×QF_CLUSTER_WORKERS from the compiled build).
 *
 * Simulated users drive complaints through the api (register → verify → rule → accept): first without faults
 * with 1 worker and with all workers (throughput), then QF_CLUSTER_CASES more while a worker, a history process and
 * an api process are each killed with SIGKILL at seeded random moments and restarted. Every case must close with
 * exactly one ledger row for its accountable person and exactly one audit decision per action; every 5xx or broken
 * connection a client saw was retried (with the same Idempotency-Key) until it succeeded. Exits 1 on any failure.
 *
 * env: QF_CLUSTER_CASES (200), QF_CLUSTER_WARM (60 per throughput phase), QF_CLUSTER_CONCURRENCY (16),
 *      QF_CLUSTER_APIS (2), QF_CLUSTER_WORKERS (3), QF_CLUSTER_SEED, QF_CLUSTER_PORT_BASE (27400),
 *      QF_CLUSTER_DIR (a fresh folder under /tmp; removed after a passing run unless QF_CLUSTER_KEEP=1).
 * Needs `npm run build` (the compiled api and worker); builds the Temporal server once if it is missing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Pool } from 'pg';
import { defaultPolicy } from '@qf/policy';
import { mulberry32 } from '@qf/domain';
import { ClusterStack, startClusterStack } from '../../infra/cluster/stack';
import { Proc } from '../../infra/cluster/processes';

const CASES = Number(process.env.QF_CLUSTER_CASES ?? 200);
const WARM = Number(process.env.QF_CLUSTER_WARM ?? 60);
const CONCURRENCY = Number(process.env.QF_CLUSTER_CONCURRENCY ?? 16);
const APIS = Number(process.env.QF_CLUSTER_APIS ?? 2);
const WORKERS = Number(process.env.QF_CLUSTER_WORKERS ?? 3);
const SEED = Number(process.env.QF_CLUSTER_SEED ?? 20261130);
const BASE = Number(process.env.QF_CLUSTER_PORT_BASE ?? 27400);
const RUN = `${SEED}-${Date.now().toString(36)}`;

const t0 = Date.now();
const say = (s: string) => process.stdout.write(`[${((Date.now() - t0) / 1000).toFixed(1).padStart(6)} s] ${s}\n`);
const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Stats {
  approveMs: number[];
  retried5xx: number;
  retriedNetwork: number;
  answered409: number;
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] : NaN;
}

class Users {
  private tokens = new Map<string, string>();
  constructor(
    private apiUrl: string,
    private stats: Stats,
  ) {}

  /** A request that retries what a client must retry: a broken connection or a 5xx (the api or its Temporal died). */
  async request(
    method: string,
    url: string,
    user: string | null,
    body?: object,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; body: any }> {
    const end = Date.now() + 180_000;
    for (;;) {
      let res: Response | null = null;
      try {
        res = await fetch(this.apiUrl + url, {
          method,
          headers: {
            'content-type': 'application/json',
            ...(user ? { authorization: `Bearer ${await this.token(user)}` } : {}),
            ...headers,
          },
          body: body ? JSON.stringify(body) : undefined,
          signal: AbortSignal.timeout(60_000),
        });
      } catch (e) {
        this.stats.retriedNetwork++;
        if (Date.now() > end) throw e;
        await delay(300);
        continue;
      }
      const text = await res.text().catch(() => '');
      if (res.status >= 500) {
        this.stats.retried5xx++;
        if (Date.now() > end) throw new Error(`${method} ${url}: ${res.status} ${text}`);
        await delay(300);
        continue;
      }
      let parsed: any = text;
      try {
        parsed = JSON.parse(text);
      } catch {
        /* not JSON */
      }
      return { status: res.status, body: parsed };
    }
  }

  async token(user: string): Promise<string> {
    const cached = this.tokens.get(user);
    if (cached) return cached;
    const r = await this.request('POST', '/api/auth/login', null, { username: user, password: 'demo' });
    if (r.status !== 200) throw new Error(`login ${user}: ${r.status} ${JSON.stringify(r.body)}`);
    this.tokens.set(user, r.body.accessToken);
    return r.body.accessToken;
  }
}

async function main(): Promise<void> {
  const dataDir = process.env.QF_CLUSTER_DIR ?? mkdtempSync(path.join(os.tmpdir(), 'qf-cluster-'));
  say(
    `scale-out test: seed ${SEED}, ${APIS} api + ${WORKERS} workers, ${WARM}+${WARM} cases without faults, ${CASES} with faults; data ${dataDir}`,
  );
  const stack: ClusterStack = await startClusterStack({
    dataDir,
    base: BASE,
    apis: APIS,
    workers: WORKERS,
    layout: { frontend: 2, history: 2, matching: 2, worker: 1 },
    appEnv: {
      NODE_ENV: 'test',
      SEED_DEMO: 'true',
      LOG_LEVEL: 'warn',
      JWT_SECRET: 'cluster-test-secret-that-is-long-enough-0123',
      LOGIN_BACKOFF_AFTER: '1000',
      LOGIN_RATE_LIMIT: '1000',
    },
    say,
  });
  let failed = false;
  const db = new Pool({ connectionString: stack.appDatabaseUrl, max: 6 });
  try {
    failed = !(await scenario(stack, db));
  } catch (e) {
    failed = true;
    say(`FAILED: ${(e as Error).stack ?? e}`);
  } finally {
    await db.end().catch(() => undefined);
    await stack.stop();
  }
  if (!failed && !process.env.QF_CLUSTER_KEEP && !process.env.QF_CLUSTER_DIR)
    rmSync(dataDir, { recursive: true, force: true });
  else say(`logs and data kept in ${dataDir} (temporal.log, apps.log, haproxy.log)`);
  process.exit(failed ? 1 : 0);
}

async function scenario(stack: ClusterStack, db: Pool): Promise<boolean> {
  const random = mulberry32(SEED);
  const {
    rows: [{ employee_id: agent, unit_id: unitId }],
  } = await db.query(
    `SELECT u.employee_id, e.unit_id FROM users u JOIN employees e ON e.id = u.employee_id WHERE u.username = 'agent1'`,
  );
  const category = defaultPolicy().complaints.severities.ordinary.categories[0].key;
  const openTask = async (caseId: string, stage: string): Promise<string> => {
    const end = Date.now() + 240_000;
    for (;;) {
      const { rows } = await db.query(
        `SELECT id FROM tasks WHERE case_id = $1 AND stage = $2 AND status = 'open' LIMIT 1`,
        [caseId, stage],
      );
      if (rows[0]) return rows[0].id;
      if (Date.now() > end) {
        const { rows: c } = await db.query(`SELECT status, stage, workflow_id FROM cases WHERE id = $1`, [caseId]);
        throw new Error(`case ${caseId} never opened its ${stage} task: ${JSON.stringify(c[0])}`);
      }
      await delay(150);
    }
  };

  const runPhase = async (label: string, n: number, stats: Stats, users: Users, prefix: string) => {
    const act = async (taskId: string, user: string, body: object) => {
      const started = Date.now();
      const r = await users.request('POST', `/api/tasks/${taskId}/actions`, user, body, {
        'Idempotency-Key': `${taskId}:${user}`,
      });
      // 409: an earlier attempt (answered with a 5xx or cut off) already went through — the audit count below proves it
      if (r.status === 409) stats.answered409++;
      else if (r.status !== 200) throw new Error(`action on ${taskId}: ${r.status} ${JSON.stringify(r.body)}`);
      stats.approveMs.push(Date.now() - started);
      actionStarts.push([started, Date.now()]);
    };
    const one = async (i: number): Promise<string> => {
      const reg = await users.request('POST', '/api/complaints', 'verifier1', {
        source: 'hotline-work-order',
        workOrderNo: `CL-${prefix}-${RUN}-${i}`,
        customer: `客户${i}`,
        channel: '10000号',
        occurredAt: '2026-11-20T02:00:00Z',
        description: '集群扩展测试',
        unitId,
        employeeIds: [agent],
      });
      if (reg.status !== 200 && reg.status !== 201)
        throw new Error(`register: ${reg.status} ${JSON.stringify(reg.body)}`);
      const id: string = reg.body.id ?? reg.body.case?.id;
      await act(await openTask(id, 'verify'), 'verifier1', {
        action: 'approve',
        data: { verdict: 'liable', facts: '属实' },
      });
      await act(await openTask(id, 'rule'), 'ruling1', {
        action: 'approve',
        data: {
          severity: 'ordinary',
          category,
          cause: 'other',
          persons: [{ employeeId: agent, role: 'responsible', points: 2 }],
        },
      });
      await act(await openTask(id, 'appeal'), 'agent1', { action: 'approve' });
      return id;
    };
    const ids: string[] = [];
    const start = Date.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < n) ids.push(await one(next++));
      }),
    );
    // the last step (posting to the ledger) runs after the accept: the phase ends when every case is closed
    for (;;) {
      const { rows } = await db.query(
        `SELECT count(*)::int AS n FROM cases WHERE id = ANY($1::uuid[]) AND status = 'closed'`,
        [ids],
      );
      if (rows[0].n === n) break;
      if (Date.now() - start > 900_000) throw new Error(`${label}: ${n - rows[0].n} cases never closed`);
      await delay(200);
    }
    const seconds = (Date.now() - start) / 1000;
    say(`${label}: ${n} cases closed in ${seconds.toFixed(1)} s = ${(n / seconds).toFixed(2)} cases/s`);
    return { ids, seconds };
  };
  const actionStarts: [number, number][] = [];
  const newStats = (): Stats => ({ approveMs: [], retried5xx: 0, retriedNetwork: 0, answered409: 0 });

  // 1. throughput without faults: one worker, then all of them
  const warmStats = newStats();
  const warmUsers = new Users(stack.apiUrl, warmStats);
  for (const u of ['verifier1', 'ruling1', 'agent1']) await warmUsers.token(u);
  for (const w of stack.workers.slice(1)) await w.stop();
  const one = await runPhase('1 worker, no faults', WARM, warmStats, warmUsers, 'w1');
  for (const w of stack.workers.slice(1)) await w.start();
  const all = await runPhase(`${WORKERS} workers, no faults`, WARM, warmStats, warmUsers, `w${WORKERS}`);

  // 2. faults: SIGKILL a worker, a history process and an api process in turn at seeded random moments, restart each
  const stats = newStats();
  const users = new Users(stack.apiUrl, stats);
  for (const u of ['verifier1', 'ruling1', 'agent1']) await users.token(u);
  const kills: { what: string; at: number; recoveredMs?: number; worstMs?: number }[] = [];
  let done = false;
  const killer = (async () => {
    const targets: (() => Proc)[] = [
      () => stack.workers[Math.floor(random() * stack.workers.length)],
      () => stack.temporal.proc('history', Math.floor(random() * 2)),
      () => stack.apis[Math.floor(random() * stack.apis.length)],
    ];
    await delay(3000 + random() * 4000);
    for (let k = 0; !done; k++) {
      const p = targets[k % targets.length]();
      const at = Date.now();
      await p.kill('SIGKILL');
      kills.push({ what: p.name, at });
      say(`SIGKILL ${p.name}`);
      await delay(1000 + random() * 3000);
      await p.start();
      say(`restarted ${p.name} (${((Date.now() - at) / 1000).toFixed(1)} s after the kill)`);
      if (done) break;
      await delay(4000 + random() * 6000);
    }
  })();
  const faulted = await runPhase(`${WORKERS} workers, with SIGKILLs`, CASES, stats, users, 'f');
  done = true;
  await killer;

  // time to recover: from a kill to the first action that was sent after it and succeeded; worst round trip of the
  // actions in flight at the kill or sent within 5 s after it
  for (const k of kills) {
    const after = actionStarts.filter(([s]) => s >= k.at).sort((a, b) => a[1] - b[1])[0];
    k.recoveredMs = after ? after[1] - k.at : undefined;
    const around = actionStarts.filter(([s, e]) => (s <= k.at && e >= k.at) || (s >= k.at && s <= k.at + 5000));
    k.worstMs = around.length ? Math.max(...around.map(([s, e]) => e - s)) : undefined;
  }

  // 3. exactly once: cases, ledger, audit
  const ids = [...one.ids, ...all.ids, ...faulted.ids];
  const q = async (sql: string) => (await db.query(sql, [ids])).rows;
  const [{ n: closed }] = await q(
    `SELECT count(*)::int AS n FROM cases WHERE id = ANY($1::uuid[]) AND status = 'closed' AND outcome = 'posted'`,
  );
  const ledger = await q(
    `SELECT case_id, employee_id, count(*)::int AS n, sum(points_x10)::int AS p FROM ledger_entries
      WHERE case_id = ANY($1::uuid[]) GROUP BY case_id, employee_id`,
  );
  const decisions = await q(
    `SELECT case_id, entity_id, count(*)::int AS n FROM audit_log
      WHERE case_id = ANY($1::uuid[]) AND action = 'task.approve' GROUP BY case_id, entity_id`,
  );
  const registered = await q(
    `SELECT case_id, count(*)::int AS n FROM audit_log WHERE case_id = ANY($1::uuid[]) AND action = 'case.registered'
      GROUP BY case_id`,
  );
  const total = ids.length;
  const lost = total - closed;
  const ledgerDup = ledger.filter((r) => r.n > 1).length;
  const ledgerMissing = total - ledger.length;
  const ledgerWrong = ledger.filter((r) => r.n === 1 && r.p !== 20).length;
  const decisionsPerCase = new Map<string, number>();
  for (const d of decisions) decisionsPerCase.set(d.case_id, (decisionsPerCase.get(d.case_id) ?? 0) + 1);
  const decisionDup = decisions.filter((d) => d.n > 1).length;
  const decisionMissing = ids.filter((id) => decisionsPerCase.get(id) !== 3).length;
  const registeredDup = registered.filter((r) => r.n > 1).length;

  const ms = stats.approveMs;
  const killed = kills.map((k) => k.what.replace(/-\d+$/, ''));
  const lines = [
    `cases ${total} (${WARM} + ${WARM} without faults, ${CASES} with faults), seed ${SEED}, concurrency ${CONCURRENCY}`,
    `kills ${kills.length} (SIGKILL: ${['worker', 'history', 'api'].map((w) => `${w} ×${killed.filter((k) => k === w).length}`).join(', ')}), each restarted`,
    `lost ${lost}, duplicated ${ledgerDup + decisionDup + registeredDup} (ledger rows missing ${ledgerMissing}, wrong ${ledgerWrong}; cases without exactly 3 decisions ${decisionMissing})`,
    `throughput: 1 worker ${(WARM / one.seconds).toFixed(2)} cases/s, ${WORKERS} workers ${(WARM / all.seconds).toFixed(2)} cases/s, ${WORKERS} workers with kills ${(CASES / faulted.seconds).toFixed(2)} cases/s`,
    `approve round trip (with kills, incl. client retries): p50 ${percentile(ms, 50)} ms, p99 ${percentile(ms, 99)} ms, max ${Math.max(...ms)} ms; without faults p50 ${percentile(warmStats.approveMs, 50)} ms, p99 ${percentile(warmStats.approveMs, 99)} ms`,
    `client retries: ${stats.retried5xx} answers 5xx, ${stats.retriedNetwork} broken connections — all retried until success; ${stats.answered409} retries answered 409 (already done)`,
    ...kills.map(
      (k) =>
        `  ${k.what} killed at +${((k.at - t0) / 1000).toFixed(1)} s: first success after ${k.recoveredMs ?? '–'} ms, worst round trip around it ${k.worstMs ?? '–'} ms`,
    ),
  ];
  say('result\n' + lines.map((l) => `    ${l}`).join('\n'));
  const ok =
    lost === 0 &&
    ledgerDup === 0 &&
    ledgerMissing === 0 &&
    ledgerWrong === 0 &&
    decisionDup === 0 &&
    decisionMissing === 0 &&
    registeredDup === 0 &&
    kills.length >= 3 &&
    new Set(killed).size === 3;
  say(ok ? 'PASSED' : 'FAILED: see the result above');
  return ok;
}

void main();
