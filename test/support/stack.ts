import { INestApplication } from '@nestjs/common';
import { NativeConnection, Worker } from '@temporalio/worker';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { loadEnv } from '@qf/contracts';
import { createApp } from '../../apps/api/src/bootstrap';
import { startNotificationDispatcher } from '../../apps/worker/src/notifications/dispatcher';
import { createWorker } from '../../apps/worker/src/worker';

export interface TestStack {
  app: INestApplication;
  http: ReturnType<typeof request>;
  ds: DataSource;
  worker: Worker | null;
  env: ReturnType<typeof loadEnv>;
  baseUrl: string;
  login: (username: string, password?: string) => Promise<string>;
  /** user ids of the demo logins, by username */
  users: Record<string, string>;
  /** One statement as the schema's owner (DATABASE_MIGRATION_URL), for what the database refuses even to its owner
   * (triggers); `ds` is the app's own connection (the app role). */
  asOwner: (sql: string, params?: unknown[]) => Promise<any[]>;
  stop: () => Promise<void>;
}

/**
 * The api (real Nest app, listening on a free port) + an in-process worker on a task queue of its own,
 * against the Postgres and Temporal server of the layer's globalSetup.
 */
export async function startTestStack(
  overrides: Record<string, string> = {},
  opts: { worker?: boolean } = {},
): Promise<TestStack> {
  const env = loadEnv({
    ...process.env,
    NODE_ENV: 'test',
    SEED_DEMO: 'true',
    LOG_LEVEL: process.env.QF_TEST_LOG ? 'info' : 'silent',
    TEMPORAL_TASK_QUEUE: `qf-test-${randomUUID().slice(0, 8)}`,
    JWT_SECRET: 'test-secret-that-is-long-enough-0123456789',
    // every test client is 127.0.0.1: the account backoff is exercised by login.e2e-spec.ts with accounts of its own
    LOGIN_BACKOFF_AFTER: '1000',
    // and the login rate limit's buckets are in the layer's shared database (every spec signs in as the demo users):
    // it is exercised by login.e2e-spec.ts and foundation.e2e-spec.ts with stacks and usernames of their own
    LOGIN_RATE_LIMIT: '1000',
    // the layer's specs share one database: a K-2 scan of another spec's stack would flag (and re-dispatch on its own
    // task queue, then stop with it) the orders of the spec under test — only the scan's own specs turn it on
    SERVICE_ORDER_SCAN: 'false',
    ...overrides,
  });
  const app = await createApp(env, { logger: !!process.env.QF_TEST_LOG });
  await app.listen(0, '127.0.0.1');
  const ds = app.get(DataSource);
  const connection = await NativeConnection.connect({ address: env.TEMPORAL_ADDRESS! });
  const worker =
    opts.worker === false
      ? null
      : await createWorker({ connection, namespace: env.TEMPORAL_NAMESPACE, taskQueue: env.TEMPORAL_TASK_QUEUE, ds });
  const running = worker ? worker.run() : Promise.resolve();
  // the worker process's notification dispatcher (SMTP_URL, NOTIFY_WEBHOOKS, NOTIFY_* from `overrides`)
  const dispatcher = worker && env.NOTIFY_DISPATCH ? startNotificationDispatcher(ds, env) : null;
  const http = request(app.getHttpServer());
  const tokens = new Map<string, string>();
  const users: Record<string, string> = Object.fromEntries(
    (await ds.query(`SELECT username, id FROM users`)).map((u: { username: string; id: string }) => [u.username, u.id]),
  );
  return {
    app,
    http,
    ds,
    worker,
    users,
    baseUrl: await app.getUrl(),
    async asOwner(sql, params) {
      const owner = new Client({ connectionString: env.DATABASE_MIGRATION_URL });
      await owner.connect();
      try {
        return (await owner.query(sql, params)).rows;
      } finally {
        await owner.end();
      }
    },
    async login(username, password = 'demo') {
      const cached = tokens.get(username);
      if (cached && password === 'demo') return cached;
      const res = await http.post('/api/auth/login').send({ username, password });
      if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
      tokens.set(username, res.body.accessToken);
      return res.body.accessToken;
    },
    env,
    async stop() {
      await dispatcher?.stop();
      worker?.shutdown();
      await running;
      await connection.close();
      await app.close();
    },
  };
}

/** Polls until `check` returns a value (no fixed sleeps: bounded retries on real state). */
export async function eventually<T>(check: () => Promise<T | undefined | null | false>, timeoutMs = 15000): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < end) {
    try {
      const v = await check();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`condition not met within ${timeoutMs}ms${last ? `: ${String(last)}` : ''}`);
}
