import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';
import { startTestStack, TestStack } from './stack';

/** Chromium from Debian, never downloaded; the flags of the brief. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];
export const RESULTS = path.resolve(__dirname, '../../test-results');
export const UI_TIMEOUT = 20000;

/**
 * A zh-CN screen shows no UUID and no Latin word beyond the reviewed ones (rule IDs, P4/P5, file formats, 工号 such
 * as E0011) and those a test adds (e.g. order numbers).
 */
export function expectChinese(text: string, allowed: RegExp[] = []): void {
  expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-/i);
  let rest = text;
  for (const re of [
    /\b[A-Z]-\d+\b/g,
    /\bP[45]\b/g,
    /\bKPI\b/g, // the term the business uses (menu group KPI 考核; as the hygiene test's allowlist)
    /\b(xlsx|csv|XLSX|CSV)\b/g,
    /（E\d{4}）/g,
    /\bE\d{4}\b/g,
    ...allowed,
  ])
    rest = rest.replace(re, ' ');
  expect(rest).not.toMatch(/[A-Za-z]{2,}/);
}

export async function launchBrowser(): Promise<Browser> {
  mkdirSync(RESULTS, { recursive: true });
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** Console helpers bound to one base URL: sign in, switch users (without revoking tokens), steps that keep a screenshot on failure. */
export function consoleSession(base: string, prefix: string) {
  const shot = (page: Page, name: string) =>
    page.screenshot({ path: path.join(RESULTS, `${prefix}-${name}.png`), fullPage: true });
  return {
    shot,
    async login(page: Page, username: string) {
      if (!(await page.locator('input[name=username]').isVisible())) await page.goto(base + '/');
      await page.fill('input[name=username]', username);
      await page.fill('input[name=password]', 'demo');
      await page.click('button[type=submit]');
      await page.locator('[data-testid=dashboard]').waitFor({ timeout: UI_TIMEOUT });
    },
    /** POST /api/auth/logout would revoke every token of the user, which other test files (same database) hold. */
    async switchUser(page: Page, username: string) {
      await page.evaluate(() => localStorage.clear());
      // from a #/… route, base + '/' is only a hash change: leave the page so the console loads afresh, signed out
      await page.goto('about:blank');
      await page.goto(base + '/');
      // a full load of the console bundle on a busy 2-core runner can take longer than one UI step
      await page.locator('input[name=username]').waitFor({ timeout: 3 * UI_TIMEOUT });
      await this.login(page, username);
    },
    async step<T>(page: Page, name: string, fn: () => Promise<T>): Promise<T> {
      try {
        return await fn();
      } catch (e) {
        await shot(page, `failure-${name}`).catch(() => undefined);
        throw e;
      }
    },
  };
}

/**
 * One describe's browser setup: a test stack, chromium and console helpers, started in beforeAll and stopped in
 * afterAll. Read the fields inside tests (they are set once beforeAll ran).
 */
export function consoleSuite(prefix: string, overrides: Record<string, string> = {}) {
  const ctx = {} as {
    s: TestStack;
    browser: Browser;
    base: string;
    ui: ReturnType<typeof consoleSession>;
    auth: (user: string) => Promise<{ Authorization: string }>;
  };
  beforeAll(async () => {
    ctx.s = await startTestStack(overrides);
    ctx.browser = await launchBrowser();
    ctx.base = ctx.s.baseUrl.replace('[::1]', '127.0.0.1');
    ctx.ui = consoleSession(ctx.base, prefix);
    ctx.auth = async (u: string) => ({ Authorization: `Bearer ${await ctx.s.login(u)}` });
  });
  afterAll(async () => {
    await ctx.browser?.close();
    await ctx.s?.stop();
  });
  return ctx;
}
