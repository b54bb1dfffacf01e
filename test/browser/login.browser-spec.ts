import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { Browser, chromium } from 'playwright-core';
import { startTestStack, TestStack } from '../support/stack';

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
const RESULTS = path.resolve(__dirname, '../../test-results');

describe('browser: console', () => {
  let s: TestStack;
  let browser: Browser;
  beforeAll(async () => {
    s = await startTestStack();
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
    });
    mkdirSync(RESULTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await s?.stop();
  });

  it('a user logs in and sees the console home (zh-CN by default)', async () => {
    const page = await browser.newPage();
    await page.goto(s.baseUrl.replace('[::1]', '127.0.0.1') + '/');
    await page.fill('input[name=username]', 'verifier1');
    await page.fill('input[name=password]', 'demo');
    await page.click('button[type=submit]');
    const dashboard = page.locator('[data-testid=dashboard]');
    await dashboard.waitFor({ timeout: 20000 });
    await page.screenshot({ path: path.join(RESULTS, 'console-home.png'), fullPage: true });
    expect(await dashboard.innerText()).toContain('质量流程工作台');
  });

  it('a first visit goes straight to the login form: one move to #/login, not a loop; a deep link returns after login', async () => {
    // Before the console made its one router (main.tsx), react-admin rebuilt its router on every render and its
    // log-out-on-mount pushed #/login ~3,800 times over ~11 s before the form showed (issue 17).
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    await page.addInitScript(() => {
      const w = window as unknown as { __pushes: number };
      w.__pushes = 0;
      const push = history.pushState.bind(history);
      history.pushState = (...args: Parameters<History['pushState']>) => {
        w.__pushes++;
        return push(...args);
      };
    });
    const base = s.baseUrl.replace('[::1]', '127.0.0.1');
    await page.goto(base + '/#/tasks');
    await page.locator('input[name=username]').waitFor({ timeout: 20000 });
    expect(page.url()).toMatch(/#\/login$/);
    expect(await page.evaluate(() => (window as unknown as { __pushes: number }).__pushes)).toBeLessThanOrEqual(2);
    await page.fill('input[name=username]', 'verifier1');
    await page.fill('input[name=password]', 'demo');
    await page.click('button[type=submit]');
    await page.waitForURL(/#\/tasks/, { timeout: 20000 });
    await context.close();
  });

  it('a wrong password shows the error on the login page', async () => {
    const page = await browser.newPage();
    await page.goto(s.baseUrl + '/');
    await page.fill('input[name=username]', 'verifier2');
    await page.fill('input[name=password]', 'wrong');
    await page.click('button[type=submit]');
    await page.getByText('用户名或密码错误').waitFor({ timeout: 10000 });
  });
});
