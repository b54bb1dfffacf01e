import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, WriteStream } from 'node:fs';
import { waitForPort } from '../dev/ports';

export interface ProcSpec {
  name: string;
  command: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** every line of stdout and stderr goes here, prefixed with the time and the process name */
  log: WriteStream;
  /** ready once this port accepts connections… */
  port?: number;
  /** …or once a line of output matches */
  readyLine?: RegExp;
  readyTimeoutMs?: number;
}

/** A child process that can be started, killed (any signal) and started again under the same name. */
export class Proc {
  child: ChildProcess | null = null;
  starts = 0;
  constructor(readonly spec: ProcSpec) {}

  get name(): string {
    return this.spec.name;
  }
  get running(): boolean {
    return !!this.child && this.child.exitCode === null && this.child.signalCode === null;
  }

  async start(): Promise<void> {
    const { spec } = this;
    this.starts++;
    const child = spawn(spec.command, spec.args, {
      cwd: spec.cwd,
      env: spec.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    let sawReadyLine = false;
    let onLine: (() => void) | null = null;
    const write = (buf: Buffer) => {
      const text = buf.toString();
      spec.log.write(
        text
          .split('\n')
          .filter((l) => l)
          .map((l) => `${new Date().toISOString()} ${spec.name} | ${l}\n`)
          .join(''),
      );
      if (spec.readyLine && !sawReadyLine && spec.readyLine.test(text)) {
        sawReadyLine = true;
        onLine?.();
      }
    };
    child.stdout!.on('data', write);
    child.stderr!.on('data', write);
    const timeout = spec.readyTimeoutMs ?? 120_000;
    const exited = new Promise<never>((_, reject) =>
      child.once('exit', (code, signal) =>
        reject(new Error(`${spec.name} exited before it was ready (code ${code}, signal ${signal})`)),
      ),
    );
    exited.catch(() => undefined);
    const ready = spec.readyLine
      ? new Promise<void>((resolve, reject) => {
          if (sawReadyLine) return resolve();
          onLine = resolve;
          setTimeout(() => reject(new Error(`${spec.name} not ready within ${timeout} ms`)), timeout).unref();
        })
      : spec.port
        ? waitForPort(spec.port, timeout)
        : Promise.resolve();
    await Promise.race([ready, exited]);
  }

  /** Sends a signal (SIGKILL by default) and waits until the process is gone. */
  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const child = this.child;
    if (!child || !this.running) return;
    const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill(signal);
    await gone;
  }

  /** SIGTERM, then SIGKILL after graceMs. */
  async stop(graceMs = 15_000): Promise<void> {
    const child = this.child;
    if (!child || !this.running) return;
    const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await gone;
    clearTimeout(timer);
  }
}

export function openLog(file: string): WriteStream {
  return createWriteStream(file, { flags: 'a' });
}
