import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { Browser, chromium, Locator, Page } from 'playwright-core';
import { eventually, startTestStack, TestStack } from '../support/stack';

// Same launch as login.browser-spec.ts (not imported: importing a spec would run its tests here too).
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'];
const RESULTS = path.resolve(__dirname, '../../test-results');
const UI_TIMEOUT = 20000;

describe('browser: complaint verification and ruling (issue 4)', () => {
  let s: TestStack;
  let browser: Browser;
  let base: string;
  const emp: Record<string, string> = {};
  let unitId: string;

  beforeAll(async () => {
    s = await startTestStack();
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
    mkdirSync(RESULTS, { recursive: true });
    base = s.baseUrl.replace('[::1]', '127.0.0.1');
    const rows = await s.ds.query(`SELECT u.username, u.employee_id, e.unit_id FROM users u JOIN employees e ON e.id = u.employee_id`);
    for (const r of rows) emp[r.username] = r.employee_id;
    unitId = rows.find((r: { username: string }) => r.username === 'agent1').unit_id;
  });
  afterAll(async () => {
    await browser?.close();
    await s?.stop();
  });

  const openTaskId = (caseId: string, stage: string, userId?: string) =>
    eventually(async () => {
      const [t] = await s.ds.query(
        `SELECT id FROM tasks WHERE case_id = $1 AND stage = $2 AND status = 'open' AND ($3::uuid IS NULL OR assignee_user_id = $3::uuid)`,
        [caseId, stage, userId ?? null],
      );
      return t?.id as string | undefined;
    });

  async function login(page: Page, username: string) {
    await page.goto(base + '/');
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

  /** Task inbox (menu) → the open task of this case at this stage → its page. */
  async function openFromInbox(page: Page, caseTitle: string, stageLabel: string) {
    await page.getByRole('menuitem', { name: '待办任务' }).click();
    const row = page.getByRole('row').filter({ hasText: caseTitle }).filter({ hasText: stageLabel });
    await row.first().waitFor({ timeout: UI_TIMEOUT });
    expect(await row.count()).toBe(1);
    await row.click();
    await page.getByRole('heading', { name: stageLabel, exact: true }).waitFor({ timeout: UI_TIMEOUT });
  }

  /** MUI select (SelectInput): open by its label, pick the option. */
  async function choose(scope: Locator, page: Page, label: string, option: string | RegExp) {
    await scope.getByRole('combobox', { name: label }).click();
    await page.getByRole('option', { name: option }).click();
    await page.getByRole('listbox').waitFor({ state: 'detached' });
  }

  it('a verifier verifies; the ruling lead sees the out-of-range error, corrects it; the case shows the posted deduction', async () => {
    // C-1: registered through the api by verifier1
    const customer = `浏览器客户${randomUUID().slice(0, 6)}`;
    const reg = await s.http.post('/api/complaints').set({ Authorization: `Bearer ${await s.login('verifier1')}` }).send({
      source: 'hotline-work-order', workOrderNo: `WO-${randomUUID().slice(0, 8)}`, customer, channel: '10000号',
      occurredAt: new Date().toISOString(), description: '装机超时未处理', unitId, employeeIds: [emp.agent1],
    });
    expect(reg.status).toBe(201);
    const caseId: string = reg.body.id;
    await openTaskId(caseId, 'verify');

    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });

    // C-2: verifier1 approves with the verdict 有理有责 and the facts
    await login(page, 'verifier1');
    await openFromInbox(page, customer, '核实');
    await page.getByRole('button', { name: '同意', exact: true }).click();
    const verifyDialog = page.getByRole('dialog');
    await verifyDialog.waitFor({ timeout: UI_TIMEOUT });
    await choose(verifyDialog, page, '核实结论', '有理有责');
    await verifyDialog.getByRole('textbox', { name: '核实事实' }).fill('客户反映属实：装机超过承诺时限未处理');
    await verifyDialog.getByRole('button', { name: '提交' }).click();
    await page.waitForURL(new RegExp(`/cases/${caseId}/show`), { timeout: UI_TIMEOUT });
    await verifyDialog.waitFor({ state: 'detached' });
    await logout(page);

    // C-3: ruling1 rules with 3 points for the responsible person of an ordinary case (allowed: 2.0)
    await openTaskId(caseId, 'rule');
    await login(page, 'ruling1');
    await openFromInbox(page, customer, '责任认定');
    await page.getByRole('button', { name: '同意', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor({ timeout: UI_TIMEOUT });
    await choose(dialog, page, '严重程度', '普通');
    await choose(dialog, page, '类别', /业务受理差错/);
    await choose(dialog, page, '原因', '其他');

    // the employee picker lists the complaint's employee and their reporting chain first
    await dialog.getByRole('combobox', { name: '员工' }).click();
    const options = page.getByRole('option');
    await page.getByRole('option', { name: '客服1（涉及员工）' }).waitFor({ timeout: UI_TIMEOUT });
    await page.getByRole('option', { name: '钱主任（主管）' }).waitFor({ timeout: UI_TIMEOUT });
    await page.getByRole('option', { name: '赵副总（分管副总）' }).waitFor({ timeout: UI_TIMEOUT });
    expect((await options.allInnerTexts()).slice(0, 3)).toEqual(['客服1（涉及员工）', '钱主任（主管）', '赵副总（分管副总）']);
    await page.getByRole('option', { name: '客服1（涉及员工）' }).click();

    // the allowed range of the role at the chosen severity is shown next to the points
    await dialog.getByText('允许值 2.0').waitFor({ timeout: UI_TIMEOUT });
    await dialog.getByRole('spinbutton', { name: '扣分' }).fill('3');
    await page.screenshot({ path: path.join(RESULTS, 'complaint-ruling-form.png'), fullPage: true });
    await dialog.getByRole('button', { name: '提交' }).click();

    // the api refuses (C-3); the message shows under the points input and the dialog stays open
    const error = dialog.getByText(/points for responsible person must be 2\.0/);
    await error.waitFor({ timeout: UI_TIMEOUT });
    expect(await error.innerText()).toContain('2.0');
    await page.screenshot({ path: path.join(RESULTS, 'complaint-ruling-error.png'), fullPage: true });
    const [pending] = await s.ds.query(`SELECT status FROM tasks WHERE case_id = $1 AND stage = 'rule'`, [caseId]);
    expect(pending.status).toBe('open');

    await dialog.getByRole('spinbutton', { name: '扣分' }).fill('2');
    await dialog.getByRole('button', { name: '提交' }).click();
    await page.waitForURL(new RegExp(`/cases/${caseId}/show`), { timeout: UI_TIMEOUT });
    await dialog.waitFor({ state: 'detached' });

    // C-12: agent1 accepts within the appeal window (api), then the deduction posts
    const appealTask = await openTaskId(caseId, 'appeal', s.users.agent1);
    const accepted = await s.http.post(`/api/tasks/${appealTask}/actions`).set({ Authorization: `Bearer ${await s.login('agent1')}` }).send({ action: 'approve' });
    expect(accepted.status).toBe(200);
    await eventually(async () => (await s.ds.query(`SELECT 1 FROM ledger_entries WHERE case_id = $1`, [caseId])).length > 0);

    // the case's complaint page shows the posted deduction: 2.0 points for agent1 (客服1)
    await page.reload();
    await page.getByRole('link', { name: '查看投诉详情' }).click();
    await page.waitForURL(new RegExp(`/complaints/${caseId}/show`), { timeout: UI_TIMEOUT });
    const deductions = page.locator('table').filter({ has: page.getByRole('columnheader', { name: '月份' }) });
    const row = deductions.getByRole('row').filter({ hasText: '客服1' });
    await row.waitFor({ timeout: UI_TIMEOUT }).catch(async (e) => {
      await page.screenshot({ path: path.join(RESULTS, 'complaint-failure.png'), fullPage: true });
      throw e;
    });
    expect(await row.count()).toBe(1);
    expect(await row.getByRole('cell').allInnerTexts()).toContain('2.0');
    await page.screenshot({ path: path.join(RESULTS, 'complaint-deductions.png'), fullPage: true });
  }, 120000);
});
