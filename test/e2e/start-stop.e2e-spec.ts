import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { freePort, isPortFree } from '../../infra/dev/ports';
import { eventually } from '../support/stack';

const ROOT = path.resolve(__dirname, '../..');

/** Every live process below `root` (pid → command), read from ps. */
function descendants(root: number): Map<number, string> {
  const rows = execFileSync('ps', ['-eo', 'pid=,ppid=,args='], { encoding: 'utf8' })
    .split('\n')
    .map((l) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(l))
    .filter((m): m is RegExpExecArray => !!m)
    .map((m) => ({ pid: Number(m[1]), ppid: Number(m[2]), args: m[3] }));
  const out = new Map<number, string>();
  const walk = (p: number) =>
    rows
      .filter((r) => r.ppid === p)
      .forEach((r) => {
        out.set(r.pid, r.args);
        walk(r.pid);
      });
  walk(root);
  return out;
}
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Issue 12: `npm start` stopped with SIGTERM (as a service manager does) stops every child it started and says so. */
describe('npm start stops everything it started', () => {
  let npm: ChildProcess | undefined;
  let dir: string;
  afterAll(() => {
    if (npm?.pid) for (const pid of descendants(npm.pid).keys()) if (alive(pid)) process.kill(pid, 'SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('SIGTERM to npm: Postgres, Temporal, api and worker all exit and the stack logs "stopped"', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'qf-start-'));
    chmodSync(dir, 0o755);
    const [port, pgPort, temporalPort, uiPort] = [
      await freePort(),
      await freePort(),
      await freePort(),
      await freePort(),
    ];
    let log = '';
    // its own embedded Postgres and Temporal dev server (not the layer's), in a temporary data folder
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: String(port),
      PG_PORT: String(pgPort),
      TEMPORAL_PORT: String(temporalPort),
      TEMPORAL_UI_PORT: String(uiPort),
      QF_DATA_DIR: dir,
      NODE_ENV: 'development',
      LOG_LEVEL: 'warn',
    };
    delete env.DATABASE_URL;
    delete env.TEMPORAL_ADDRESS;
    npm = spawn('npm', ['start'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    npm.stdout!.on('data', (b: Buffer) => (log += b.toString()));
    npm.stderr!.on('data', (b: Buffer) => (log += b.toString()));

    await eventually(
      async () => (await fetch(`http://127.0.0.1:${port}/api/health`).catch(() => null))?.ok,
      240_000,
    ).catch((e) => {
      throw new Error(`${(e as Error).message}\n${log.slice(-3000)}`);
    });
    await eventually(async () => log.includes('polling task queue'), 60_000);
    const started = descendants(npm.pid!);
    const commands = [...started.values()].join('\n');
    expect(commands).toContain('temporal server start-dev');
    expect(commands).toMatch(/postgres -D/);
    expect(commands).toContain('apps/api/src/main.ts');
    expect(commands).toContain('apps/worker/src/main.ts');

    npm.kill('SIGTERM');
    await eventually(async () => [...started.keys()].every((pid) => !alive(pid)), 60_000).catch(() => {
      const left = [...started].filter(([pid]) => alive(pid)).map(([pid, args]) => `${pid} ${args}`);
      throw new Error(`still running after SIGTERM:\n${left.join('\n')}\n${log.slice(-2000)}`);
    });
    expect(log).toMatch(/stack\s*\|.*stopped/);
    for (const p of [port, pgPort, temporalPort]) expect(await isPortFree(p, '127.0.0.1')).toBe(true);
  }, 360_000);
});
