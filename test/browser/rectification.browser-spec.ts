import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';
import { eventually, startTestStack, TestStack } from '../support/stack';

// Same launch as login.browser-spec.ts (not imported: importing a spec would run its tests here too).
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'];
const RESULTS = path.resolve(__dirname, '../../test-results');
const UI_TIMEOUT = 20000;
/** The meeting is scheduled this far ahead just before the callback is submitted, so the new rectification is due at it. */
const MEETING_LEAD_MS = 5000;

interface Rectification {
  id: string;
  status: string;
  overdue: boolean;
  meetingId: string | null;
  dueAt: string | null;
  orderNo: string | null;
}

describe('browser: dissatisfied callback → rectification → overdue → plan submitted (E-2, E-3, E-7, E-8)', () => {
  let s: TestStack;
  let browser: Browser;
  let base: string;
  let teamId: string;

  beforeAll(async () => {
    s = await startTestStack();
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
    mkdirSync(RESULTS, { recursive: true });
    base = s.baseUrl.replace('[::1]', '127.0.0.1');
    [{ id: teamId }] = await s.ds.query(`SELECT id FROM org_units WHERE code = 'a-team1'`);
  });
  afterAll(async () => {
    await browser?.close();
    await s?.stop();
  });

  const auth = async (u: string) => ({ Authorization: `Bearer ${await s.login(u)}` });
  const rect = async (id: string): Promise<Rectification> =>
    (await s.http.get(`/api/rectifications/${id}`).set(await auth('admin'))).body;
  const listRects = async (filter: Record<string, unknown>): Promise<Rectification[]> =>
    (await s.http.get('/api/rectifications').query({ filter: JSON.stringify(filter) }).set(await auth('admin'))).body;

  /** Signs in; after a logout the login form is already shown, so the console is not loaded again. */
  async function login(page: Page, username: string) {
    if (!(await page.locator('input[name=username]').isVisible())) await page.goto(base + '/');
    await page.fill('input[name=username]', username);
    await page.fill('input[name=password]', 'demo');
    await page.click('button[type=submit]');
    await page.locator('[data-testid=dashboard]').waitFor({ timeout: UI_TIMEOUT });
  }

  /**
   * Switches user without POST /api/auth/logout: that revokes every token of the user, and the e2e layer shares
   * this database (its files would see their cached tokens revoked).
   */
  async function logout(page: Page) {
    await page.evaluate(() => localStorage.clear());
    await page.goto(base + '/');
    await page.locator('input[name=username]').waitFor({ timeout: UI_TIMEOUT });
  }

  const shot = (page: Page, name: string) => page.screenshot({ path: path.join(RESULTS, `${name}.png`), fullPage: true });

  /** Runs a UI step; on failure keeps a screenshot of the page as it was. */
  async function step<T>(page: Page, name: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (e) {
      await shot(page, `rectification-failure-${name}`).catch(() => undefined);
      throw e;
    }
  }

  it('the evaluator records 不满意, the overdue rectification gets its plan from the team lead, and leaves the open overdue list', async () => {
    // --- set-up through the api: one closed hotline order of a-team1, assigned for its closing day (fixed seed)
    const [repairer] = await s.ds.query(`SELECT id, name FROM employees WHERE unit_id = $1 ORDER BY code LIMIT 1`, [teamId]);
    expect(repairer).toBeTruthy();
    const orderNo = `BR-${randomUUID().slice(0, 8)}`;
    const reporter = `报修人${orderNo.slice(3, 7)}`;
    const closedAt = new Date().toISOString();
    const created = await s.http.post('/api/work-orders').set(await auth('dispatcher1')).send({
      orderNo, faultKey: `F-${orderNo}`, source: 'hotline', repairerId: repairer.id, teamUnitId: teamId, reporter, closedAt,
    });
    expect(created.status).toBe(201);
    const closingDay = new Date(closedAt).toLocaleDateString('en-CA', { timeZone: 'Asia/Shanghai' });
    const assigned = await s.http.post('/api/evaluations/assign').set(await auth('dispatcher1')).send({ date: closingDay, seed: 'browser-rectification' });
    expect(assigned.status).toBe(200);
    expect(assigned.body.skipped.map((x: { orderNo: string }) => x.orderNo)).not.toContain(orderNo);
    // one order in the team-day: 10 % of 1 rounds to 0 manager callbacks, so the callback is a dispatcher's (E-2);
    // whoever the sample names is the one who logs in
    const [evaluation] = await s.ds.query(
      `SELECT ev.id, ev.kind, u.username FROM evaluations ev JOIN work_orders w ON w.id = ev.order_id JOIN users u ON u.id = ev.evaluator_user_id
       WHERE w.order_no = $1 AND ev.kind <> 'foreman'`, [orderNo]);
    expect(evaluation).toBeTruthy();
    expect(evaluation.kind).toBe('dispatcher');
    const evaluator: string = evaluation.username;

    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });

    // --- E-3: the evaluator opens the callback from 回访评价 (default filter: mine + pending) and records 不满意
    await login(page, evaluator);
    const dialog = page.getByRole('dialog');
    const meetingTitle = `浏览器故障分析会${orderNo.slice(3)}`;
    let meetingId = '';
    await step(page, 'callback', async () => {
      await page.getByRole('menuitem', { name: '回访评价' }).click();
      // the e2e layer shares this database and gives the same evaluator earlier items: narrow the list to this order
      await page.goto(`${base}/#/evaluations?filter=${encodeURIComponent(JSON.stringify({ mine: true, pending: true, orderId: created.body.id }))}`);
      const row = page.getByRole('row').filter({ hasText: orderNo });
      await row.waitFor({ timeout: UI_TIMEOUT });
      expect(await row.innerText()).toContain(reporter);
      expect(await row.innerText()).toContain('调度回访');
      await row.getByRole('button', { name: '回访' }).click();
      await dialog.waitFor({ timeout: UI_TIMEOUT });
      // why it was sampled to this person (E-2), the script with an answer per question, the three choices with scores
      expect(await dialog.getByTestId('evaluation-explanation').innerText()).toContain('dispatcher callback');
      const answers = dialog.getByRole('textbox', { name: /1个小时/ });
      await answers.fill('没有，第二天才联系');
      for (const label of ['满意 10 分', '基本满意 8 分', '不满意 6 分']) {
        await dialog.getByRole('button', { name: label }).waitFor({ timeout: UI_TIMEOUT });
      }
      await dialog.getByRole('button', { name: '不满意 6 分' }).click();
      await dialog.getByRole('textbox', { name: '备注（可选）' }).fill('上门超时');
      await shot(page, 'rectification-callback');

      // E-7: the rectification is due at the next fault-analysis meeting, scheduled (manager1) just before submitting
      const meeting = await s.http.post('/api/meetings').set(await auth('manager1'))
        .send({ title: meetingTitle, scheduledAt: new Date(Date.now() + MEETING_LEAD_MS).toISOString() });
      expect(meeting.status).toBe(201);
      meetingId = meeting.body.id;
      await dialog.getByRole('button', { name: '提交评价' }).click();
      await dialog.getByTestId('evaluation-outcome').waitFor({ timeout: UI_TIMEOUT });
      expect(await dialog.getByTestId('evaluation-outcome').innerText()).toContain('不满意，得分 6 分');
    });
    const link = dialog.getByRole('link', { name: '查看整改案件' });
    await link.waitFor({ timeout: UI_TIMEOUT });
    const [{ rectification_case_id: caseId }] = await s.ds.query(`SELECT rectification_case_id FROM evaluations WHERE id = $1`, [evaluation.id]);
    expect(caseId).toBeTruthy();
    expect(await link.getAttribute('href')).toBe(`#/cases/${caseId}/show`);
    await shot(page, 'rectification-callback-recorded');
    const opened = await rect(caseId);
    expect(opened).toMatchObject({ status: 'open', orderNo, meetingId });

    // a second answer is refused (409), so the dialog shows the recorded result, not the form
    const again = await s.http.post(`/api/evaluations/${evaluation.id}/answer`).set(await auth(evaluator)).send({ choice: 'satisfied' });
    expect(again.status).toBe(409);
    await dialog.getByRole('button', { name: '关闭' }).click();
    await dialog.waitFor({ state: 'detached' });
    await logout(page);

    // --- E-8: the meeting passes; the workflow's timer marks the item overdue (polled through the api)
    await eventually(async () => (await rect(caseId)).overdue === true, 30000);
    expect((await listRects({ status: 'open', overdue: true })).map((r) => r.id)).toContain(caseId);

    // --- E-7: teamlead1 opens the plan task from the inbox, fills revisit / causes / plan and submits
    await eventually(async () =>
      (await s.ds.query(`SELECT 1 FROM tasks WHERE case_id = $1 AND stage = 'plan' AND status = 'open'`, [caseId])).length > 0);
    await login(page, 'teamlead1');
    await step(page, 'plan', async () => {
      await page.getByRole('menuitem', { name: '待办任务' }).click();
      const row = page.getByRole('row').filter({ hasText: orderNo }).filter({ hasText: '整改提交' });
      await row.first().waitFor({ timeout: UI_TIMEOUT });
      expect(await row.count()).toBe(1);
      await row.click();
      await page.getByRole('heading', { name: '整改提交', exact: true }).waitFor({ timeout: UI_TIMEOUT });
      await page.getByRole('button', { name: '同意', exact: true }).click();
      await dialog.waitFor({ timeout: UI_TIMEOUT });
      // the three fields are required before anything is sent
      await dialog.getByRole('button', { name: '提交' }).click();
      await dialog.getByText('必填').first().waitFor({ timeout: UI_TIMEOUT });
      expect(await dialog.getByText('必填').count()).toBe(3);
      await dialog.getByRole('textbox', { name: '回访记录' }).fill('已上门回访报修人，客户认可处理结果');
      await dialog.getByRole('textbox', { name: '原因分析' }).fill('派单延误，维修人员未在 1 小时内联系');
      await dialog.getByRole('textbox', { name: '整改措施' }).fill('调整派单流程，超时自动提醒班组长');
      await shot(page, 'rectification-plan-form');
      await dialog.getByRole('button', { name: '提交' }).click();
      await page.waitForURL(new RegExp(`/cases/${caseId}/show`), { timeout: UI_TIMEOUT });
      await dialog.waitFor({ state: 'detached' });
    });
    // E-8: submitted after its meeting, so the api keeps it flagged overdue (late) — but it is no longer open
    await eventually(async () => (await rect(caseId)).status === 'submitted');
    expect(await rect(caseId)).toMatchObject({ status: 'submitted', overdue: true });
    await logout(page);

    // --- the administrator's board: listed as 已提交 under 已超期, gone from the open overdue list
    await login(page, 'admin');
    await step(page, 'board', async () => {
      await page.goto(`${base}/#/rectifications?filter=${encodeURIComponent(JSON.stringify({ overdue: true }))}`);
      const row = page.getByRole('row').filter({ hasText: orderNo });
      await row.waitFor({ timeout: UI_TIMEOUT });
      expect(await row.innerText()).toContain('已提交');
      expect(await row.innerText()).not.toContain('未完成');
      await shot(page, 'rectification-board-overdue');

      // the open overdue list: wait for the board's own request with that filter, then for what it rendered
      const openOverdue = page.waitForResponse((r) => {
        const url = decodeURIComponent(r.url());
        return /\/api\/rectifications\?/.test(url) && url.includes('"status":"open"') && url.includes('"overdue":true');
      }, { timeout: UI_TIMEOUT });
      await page.goto(`${base}/#/rectifications?filter=${encodeURIComponent(JSON.stringify({ status: 'open', overdue: true }))}`);
      const listed: Rectification[] = await (await openOverdue).json();
      expect(listed.map((r) => r.id)).not.toContain(caseId);
      await page.getByText('没有符合条件的整改').or(page.locator('tbody tr').first()).first().waitFor({ timeout: UI_TIMEOUT });
      await row.waitFor({ state: 'detached', timeout: UI_TIMEOUT });
      await shot(page, 'rectification-board-open-overdue');
    });
    expect((await listRects({ status: 'open', overdue: true })).map((r) => r.id)).not.toContain(caseId);
    expect((await listRects({ overdue: true })).map((r) => r.id)).toContain(caseId);
  }, 180000);
});
