import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';
import { eventually, startTestStack, TestStack } from '../support/stack';

// Same launch as login.browser-spec.ts (not imported: importing a spec would run its tests here too).
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'];
const RESULTS = path.resolve(__dirname, '../../test-results');
const UI_TIMEOUT = 20000;
const MONTH = '2026-04';

describe('browser: the monthly scores page sends the repair star to the performance committee (E-6)', () => {
  let s: TestStack;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    s = await startTestStack();
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
    mkdirSync(RESULTS, { recursive: true });
    base = s.baseUrl.replace('[::1]', '127.0.0.1');
  });
  afterAll(async () => {
    await browser?.close();
    await s?.stop();
  });
  const auth = async (u: string) => ({ Authorization: `Bearer ${await s.login(u)}` });

  /** A finished month with scored evaluations of one repairer (the star). */
  async function scoredMonth(): Promise<string> {
    const [{ id: team }] = await s.ds.query(`SELECT id FROM org_units WHERE code = 'a-team2'`);
    const [{ id: repairer }] = await s.ds.query(`SELECT e.id FROM employees e WHERE e.unit_id = $1 ORDER BY e.code LIMIT 1`, [team]);
    for (let i = 0; i < 2; i++) {
      const r = await s.http.post('/api/work-orders').set(await auth('dispatcher1'))
        .send({ orderNo: `BR-E6-${i}`, repairerId: repairer, teamUnitId: team, reporter: '李先生', closedAt: `${MONTH}-14T03:00:00Z` });
      expect(r.status).toBe(201);
    }
    await s.http.post('/api/evaluations/assign').set(await auth('manager1')).send({ date: `${MONTH}-14` });
    const evs = await s.ds.query(`SELECT ev.id, u.username FROM evaluations ev JOIN work_orders w ON w.id = ev.order_id JOIN users u ON u.id = ev.evaluator_user_id
      WHERE w.order_no LIKE 'BR-E6-%'`);
    for (const e of evs) expect((await s.http.post(`/api/evaluations/${e.id}/answer`).set(await auth(e.username)).send({ choice: 'satisfied' })).status).toBe(200);
    return repairer;
  }

  async function step<T>(page: Page, name: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (e) {
      await page.screenshot({ path: path.join(RESULTS, `repair-star-${name}-failed.png`), fullPage: true }).catch(() => undefined);
      throw e;
    }
  }

  it('E-6 a manager sends the month\'s repair star; the card then shows the committee case', async () => {
    const repairer = await scoredMonth();
    const page = await browser.newPage();
    try {
      await step(page, 'login', async () => {
        await page.goto(base + '/');
        await page.fill('input[name=username]', 'manager1');
        await page.fill('input[name=password]', 'demo');
        await page.click('button[type=submit]');
        await page.locator('[data-testid=dashboard]').waitFor({ timeout: UI_TIMEOUT });
      });
      await step(page, 'scores', async () => {
        await page.goto(`${base}/#/scores`);
        await page.locator('[data-testid=scores-month]').fill(MONTH);
        await page.locator('[data-testid=send-repair-star]').waitFor({ timeout: UI_TIMEOUT });
      });
      await step(page, 'send', async () => {
        await page.locator('[data-testid=send-repair-star]').click();
        await page.locator('[data-testid=repair-star-case]').waitFor({ timeout: UI_TIMEOUT });
        await page.screenshot({ path: path.join(RESULTS, 'repair-star-sent.png'), fullPage: true });
      });
      const [c] = await eventually(async () => {
        const rows = await s.ds.query(`SELECT id, status, data->>'repairerId' AS "repairerId" FROM cases WHERE kind = 'repair-star' AND business_key = $1`, [MONTH]);
        return rows.length ? rows : null;
      });
      expect(c).toMatchObject({ status: 'open', repairerId: repairer });
      expect(await page.locator('[data-testid=repair-star-case]').innerText()).toContain('绩效委员会审批中');
    } finally {
      await page.close();
    }
  });
});
