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

  it('a wrong password shows the error on the login page', async () => {
    const page = await browser.newPage();
    await page.goto(s.baseUrl + '/');
    await page.fill('input[name=username]', 'verifier2');
    await page.fill('input[name=password]', 'wrong');
    await page.click('button[type=submit]');
    await page.getByText('用户名或密码错误').waitFor({ timeout: 10000 });
  });
});
