import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';
import { startTestStack, TestStack } from '../support/stack';
import { CHROMIUM_ARGS } from './login.browser-spec';

const RESULTS = path.resolve(__dirname, '../../test-results');

/**
 * Every console page against the real api: each renders its data without an error notification or a page
 * error (a wrong field name, a 400 from a list query or a crash in a component fails here).
 */
describe('browser: console pages render against the real api', () => {
  let s: TestStack;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];
  beforeAll(async () => {
    s = await startTestStack();
    // data for the pages: a review case, a settlement, a published policy and flows exist by seed
    const admin = await s.login('admin');
    await s.http.post('/api/cases').set('Authorization', `Bearer ${admin}`).send({ title: '页面检查' });
    await s.http
      .post('/api/settlements')
      .set('Authorization', `Bearer ${await s.login('hr1')}`)
      .send({ month: '2024-01' });
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
    });
    mkdirSync(RESULTS, { recursive: true });
    page = await browser.newPage();
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    page.on('response', (r) => {
      if (r.url().includes('/api/') && r.status() >= 400) errors.push(`${r.status()} ${r.url()}`);
    });
    await page.goto(s.baseUrl + '/');
    await page.fill('input[name=username]', 'admin');
    await page.fill('input[name=password]', 'demo');
    await page.click('button[type=submit]');
    await page.locator('[data-testid=dashboard]').waitFor({ timeout: 20000 });
  });
  afterAll(async () => {
    await browser?.close();
    await s?.stop();
  });

  const pages: [string, string][] = [
    ['tasks', '#/tasks'],
    ['cases', '#/cases'],
    ['complaints', '#/complaints'],
    ['deductions', '#/deductions'],
    ['notices', '#/notices'],
    ['settlements', '#/settlements'],
    ['employees', '#/employees'],
    ['org-units', '#/org-units'],
    ['flows', '#/flows'],
    ['flow-complaint', '#/flows/complaint-v1/show'],
    ['policies', '#/policies'],
    ['policy-1', '#/policies/1/show'],
    ['users', '#/users'],
    ['audit', '#/audit'],
    ['rectifications', '#/rectifications'],
    ['meetings', '#/meetings'],
    ['evaluations', '#/evaluations'],
    ['work-orders', '#/work-orders'],
    ['star-campaigns', '#/star-campaigns'],
    ['star-applications', '#/star-applications'],
    ['star-voting', '#/star-voting'],
    ['star-holders', '#/star-holders'],
    ['star-history', '#/star-history'],
    ['star-reviews', '#/star-reviews'],
    ['employee-awards', '#/employee-awards'],
    ['employee-awards-create', '#/employee-awards/create'],
  ];
  it.each(pages)('%s renders without errors', async (name, hash) => {
    errors.length = 0;
    const answered = page.waitForResponse((r) => r.url().includes('/api/') && !r.url().includes('/auth/'), {
      timeout: 15000,
    });
    await page.goto(`${s.baseUrl}/${hash}`);
    await answered;
    await page
      .locator('.MuiLinearProgress-root, .MuiCircularProgress-root')
      .first()
      .waitFor({ state: 'hidden', timeout: 15000 });
    await page.locator('main, #main-content, .RaLayout-content').first().waitFor({ timeout: 15000 });
    await page.screenshot({ path: path.join(RESULTS, `page-${name}.png`) });
    const notices = await page
      .locator('.MuiSnackbar-root .MuiAlert-standardError, .MuiSnackbarContent-root')
      .allInnerTexts();
    expect({ errors, notices }).toEqual({ errors: [], notices: [] });
  });
});
