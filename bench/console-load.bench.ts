/**
 * First load of the console (issue 17): a fresh browser profile (empty cache) opens the console until the login form
 * shows, then signs in until the landing page (待办) shows. Prints the seconds of each step (median of BENCH_ROUNDS,
 * each round a new browser context) and the JavaScript the login route loaded: KB transferred (what went over the
 * wire) and KB gzipped (the same files gzipped here, comparable whether or not the server compresses).
 * The product: the api serving a console build (CONSOLE_DIST, or a fresh build) on a Postgres + Temporal dev server
 * of its own (the e2e layer's helpers). Chromium from Debian, headless, never downloaded.
 * Run: npm run bench:console-load   (BENCH_ROUNDS, CONSOLE_DIST, CHROMIUM_PATH)
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import globalSetup from '../test/support/global-setup';
import globalTeardown from '../test/support/global-teardown';
import { launchBrowser } from '../test/support/browser';
import { startTestStack } from '../test/support/stack';

const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3));
const TARGET_SECONDS = 3;
const TARGET_JS_KB = 300;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;

interface Round {
  loginForm: number;
  login: number;
  jsFiles: number;
  jsTransferred: number;
  jsGzipped: number;
}

async function oneRound(page: Page, base: string): Promise<Round> {
  const js = new Map<string, Promise<number>>();
  page.on('response', (res) => {
    if (!/\.m?js(\?|$)/.test(new URL(res.url()).pathname)) return;
    js.set(
      res.url(),
      res.body().then((b) => gzipSync(b).length),
    );
  });
  const t0 = performance.now();
  await page.goto(base + '/');
  await page.locator('input[name=username]').waitFor({ timeout: 60_000 });
  const t1 = performance.now();
  // what the login route loaded, as the browser counted it (encodedBodySize: the body as sent, compressed or not)
  const transferred: number = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .filter((e) => /\.m?js(\?|$)/.test(new URL(e.name).pathname))
      .reduce((n, e) => n + (e as PerformanceResourceTiming).encodedBodySize, 0),
  );
  const gz = (await Promise.all(js.values())).reduce((a, b) => a + b, 0);
  const files = js.size;
  await page.fill('input[name=username]', 'admin');
  await page.fill('input[name=password]', 'demo');
  const t2 = performance.now();
  await page.click('button[type=submit]');
  await page.locator('[data-testid=dashboard]').waitFor({ timeout: 60_000 });
  const t3 = performance.now();
  return {
    loginForm: (t1 - t0) / 1000,
    login: (t3 - t2) / 1000,
    jsFiles: files,
    jsTransferred: transferred,
    jsGzipped: gz,
  };
}

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '..');
  let dist = process.env.CONSOLE_DIST;
  let built: string | undefined;
  if (!dist) {
    built = mkdtempSync(path.join(tmpdir(), 'qf-bench-console-'));
    console.log('building the console…');
    execFileSync(
      'npx',
      [
        'vite',
        'build',
        '--config',
        'apps/console/vite.config.ts',
        '--outDir',
        built,
        '--emptyOutDir',
        '--logLevel',
        'warn',
      ],
      { cwd: root, stdio: 'inherit' },
    );
    dist = built;
  }
  if (!existsSync(path.join(dist, 'index.html'))) throw new Error(`no console build in ${dist}`);
  await globalSetup();
  const stack = await startTestStack({ CONSOLE_DIST: dist }, { worker: false });
  const browser = await launchBrowser();
  try {
    const base = stack.baseUrl.replace('[::1]', '127.0.0.1');
    const rounds: Round[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const context = await browser.newContext({ locale: 'zh-CN' });
      try {
        const r = await oneRound(await context.newPage(), base);
        rounds.push(r);
        console.log(
          `round ${i + 1}: login form ${r.loginForm.toFixed(2)} s, login → 待办 ${r.login.toFixed(2)} s, ` +
            `JS ${r.jsFiles} files ${kb(r.jsTransferred)} KB transferred, ${kb(r.jsGzipped)} KB gzipped`,
        );
      } finally {
        await context.close();
      }
    }
    const form = median(rounds.map((r) => r.loginForm));
    const login = median(rounds.map((r) => r.login));
    const gz = median(rounds.map((r) => r.jsGzipped));
    const sent = median(rounds.map((r) => r.jsTransferred));
    console.log(
      `console first load (median of ${ROUNDS}, empty cache): login form ${form.toFixed(2)} s ` +
        `(target < ${TARGET_SECONDS} s), login → 待办 ${login.toFixed(2)} s; ` +
        `JS on the login route ${kb(gz)} KB gzipped (target < ${TARGET_JS_KB} KB), ${kb(sent)} KB transferred; ` +
        `load average ${loadavg()
          .map((l) => l.toFixed(1))
          .join(' ')} on ${cpus().length} cores`,
    );
  } finally {
    await browser.close();
    await stack.stop();
    await globalTeardown();
    if (built) rmSync(built, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
