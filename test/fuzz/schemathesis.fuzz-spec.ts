import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { startTestStack, TestStack } from '../support/stack';

/**
 * Issue 12, the fuzz layer: Schemathesis (pinned in infra/scripts/ensure.sh, installed into .tools/venv) against the
 * OpenAPI document of a running api (the e2e stack: Postgres, Temporal, api and worker), as an employee and as an
 * admin. Checks: `not_a_server_error` (no 5xx for anything a client sends) and `response_schema_conformance` (every
 * answer, 2xx and error alike, matches the documented schema). Bounded: a fixed number of generated cases per
 * operation (QF_FUZZ_EXAMPLES, default 5), a fixed seed (QF_FUZZ_SEED), the phases of QF_FUZZ_PHASES (default
 * `examples,fuzzing`, positive and negative data: about 500 requests per token, a few minutes on a 2-core machine).
 * `QF_FUZZ_PHASES=examples,coverage,fuzzing` adds Schemathesis' boundary-value phase: about 10,000 requests per token,
 * some 8 minutes each.
 *
 * Operations that end the caller's own session are fuzzed last, alone: `POST /api/auth/logout` revokes the token, and
 * `PUT /api/users/{id}` can rename, re-password or deactivate the admin it runs as (Schemathesis reuses ids it saw in
 * answers, e.g. the admin's own from GET /api/users).
 */
const ROOT = path.resolve(__dirname, '../..');
const SCHEMATHESIS = path.join(ROOT, '.tools/venv/bin/schemathesis');
const EXAMPLES = process.env.QF_FUZZ_EXAMPLES ?? '5';
const SEED = process.env.QF_FUZZ_SEED ?? '20261130';
const PHASES = process.env.QF_FUZZ_PHASES ?? 'examples,fuzzing';
const SELF_ENDING = ['PUT /api/users/{id}', 'POST /api/auth/logout'];

interface RunReport {
  running_time: number;
  operations: { selected: number; tested: number; errored: number; skipped: number };
  test_cases: { generated: number; with_failures: number; unique_failures: number; errored: number };
  failures: unknown[];
  errors: unknown[];
}
interface Run {
  name: string;
  report: RunReport;
  output: string;
}

/** One `schemathesis run`; the JSON report of the run (its figures and failures) and the console output. */
async function schemathesis(name: string, s: TestStack, token: string, filter: string[]): Promise<Run> {
  const dir = mkdtempSync(path.join(tmpdir(), 'qf-fuzz-'));
  try {
    const args = [
      'run',
      `${s.baseUrl}/api/docs-json`,
      '--url',
      s.baseUrl,
      '-H',
      `Authorization: Bearer ${token}`,
      '--checks',
      'not_a_server_error,response_schema_conformance',
      '--phases',
      PHASES,
      '--max-examples',
      EXAMPLES,
      '--seed',
      SEED,
      '--workers',
      '2',
      '--request-timeout',
      '60',
      '--suppress-health-check',
      'all',
      '--generation-database',
      'none',
      '--continue-on-failure',
      '--no-color',
      '--output-truncate',
      'true',
      '--report',
      'json',
      '--report-dir',
      dir,
      ...filter,
    ];
    const output = await new Promise<string>((resolve, reject) => {
      const child = spawn(SCHEMATHESIS, args, { cwd: dir, env: { ...process.env, NO_COLOR: '1' } });
      let out = '';
      child.stdout.on('data', (d) => (out += d));
      child.stderr.on('data', (d) => (out += d));
      child.on('error', reject);
      child.on('close', () => resolve(out));
    });
    const file = readdirSync(dir).find((f) => f.endsWith('.json'));
    if (!file) throw new Error(`schemathesis (${name}) wrote no report:\n${output.slice(-4000)}`);
    return { name, report: JSON.parse(readFileSync(path.join(dir, file), 'utf8')), output };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Schemathesis names an operation `METHOD /path`, as the registry does. */
const exclude = (ops: string[]) => ops.flatMap((op) => ['--exclude-name', op]);
const only = (ops: string[]) => ops.flatMap((op) => ['--include-name', op]);

describe('fuzz: Schemathesis against the OpenAPI document', () => {
  let s: TestStack;
  beforeAll(async () => {
    if (!existsSync(SCHEMATHESIS)) throw new Error('Schemathesis is missing: run `bash infra/scripts/ensure.sh tools`');
    s = await startTestStack();
  }, 120_000);
  afterAll(() => s?.stop());

  it('no 5xx and every answer as documented, as an employee and as an admin', async () => {
    const doc = (await s.http.get('/api/docs-json')).body;
    const all: string[] = Object.entries<Record<string, unknown>>(doc.paths).flatMap(([p, item]) =>
      Object.keys(item).map((m) => `${m.toUpperCase()} ${p}`),
    );
    const selfEnding = SELF_ENDING.filter((op) => all.includes(op));
    const runs: Run[] = [];
    runs.push(await schemathesis('employee', s, await s.login('agent1'), exclude(selfEnding)));
    runs.push(await schemathesis('admin', s, await s.login('admin'), exclude(selfEnding)));
    runs.push(await schemathesis('admin: session-ending operations', s, await s.login('admin'), only(selfEnding)));

    let operations = 0;
    let cases = 0;
    let failures = 0;
    for (const r of runs) {
      const { report: rep } = r;
      operations += rep.operations.tested;
      cases += rep.test_cases.generated;
      failures += rep.failures.length + rep.errors.length;
      console.log(
        `fuzz ${r.name}: ${rep.operations.tested}/${rep.operations.selected} operations, ${rep.test_cases.generated} requests, ` +
          `${rep.failures.length} failures, ${rep.errors.length} errors, ${Math.round(rep.running_time)} s`,
      );
      if (rep.failures.length || rep.errors.length) console.log(r.output.slice(-20000));
    }
    console.log(
      `fuzz total: ${operations} operations tested (${all.length} documented), ${cases} requests, ${failures} failures`,
    );
    for (const r of runs) {
      expect([r.name, r.report.failures]).toEqual([r.name, []]);
      expect([r.name, r.report.errors]).toEqual([r.name, []]);
    }
    // every documented operation was fuzzed in the employee run or the admin runs
    expect(runs[0].report.operations.tested + runs[2].report.operations.tested).toBe(all.length);
    expect(runs[1].report.operations.tested + runs[2].report.operations.tested).toBe(all.length);
  }, 1_800_000);
});
