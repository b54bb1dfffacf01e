import { randomInt } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { defaultPolicy } from '@qf/policy';
import { consoleSuite, UI_TIMEOUT } from '../support/browser';
import { eventually } from '../support/stack';

/** The README's screenshots (small PNGs, 1280 wide), refreshed by this test. */
const SCREENSHOTS = path.resolve(__dirname, '../../docs/screenshots');
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const policy = defaultPolicy();

/**
 * Issue 11, the case shell: the 任务 inbox searches by 工单号, customer and employee (name or 工号) and offers only
 * the sorts the api has; a refused sort recovers; the case page's 审批记录 names people as 姓名（工号） and shows
 * each decision's data as labelled fields; the Temporal link is for admins only.
 */
describe('browser: inbox and case page (names, search, sorts, 审批记录)', () => {
  const c = consoleSuite('inbox');
  let page: Page;
  const run = String(randomInt(100000, 999999));
  const workOrderNo = `3026${run}`;
  const customer = `赵${run}先生`;
  let caseId = '';
  let agent: { id: string; name: string; code: string; unit_id: string };
  let verifier: { name: string; code: string };

  beforeAll(async () => {
    [agent] = await c.s.ds.query(
      `SELECT e.id, e.name, e.code, e.unit_id FROM users u JOIN employees e ON e.id = u.employee_id WHERE u.username = 'agent3'`,
    );
    [verifier] = await c.s.ds.query(
      `SELECT e.name, e.code FROM users u JOIN employees e ON e.id = u.employee_id WHERE u.username = 'verifier2'`,
    );
    const auth = async (u: string) => ({ Authorization: `Bearer ${await c.s.login(u)}` });
    const reg = await c.s.http
      .post('/api/complaints')
      .set(await auth('verifier1'))
      .send({
        source: 'hotline-work-order',
        workOrderNo,
        customer,
        channel: '10000号',
        occurredAt: '2026-11-20T02:00:00Z',
        description: '宽带故障报修后三天未上门',
        unitId: agent.unit_id,
        employeeIds: [agent.id],
      });
    expect(reg.status).toBe(201);
    caseId = reg.body.id;
    page = await c.browser.newPage({ viewport: { width: 1280, height: 800 } });
    mkdirSync(SCREENSHOTS, { recursive: true });
  });
  afterAll(async () => page?.close());

  const rows = () => page.locator('.RaDatagrid-tbody tr, tbody tr');

  it('the inbox finds the task by 工单号, customer and employee name or 工号, and names the case and stage in Chinese', async () => {
    await c.ui.login(page, 'verifier2');
    await c.ui.step(page, 'search', async () => {
      await page.goto(`${c.base}/#/tasks`);
      const search = page.locator('input[name=q]');
      for (const q of [customer, agent.code, agent.name, workOrderNo]) {
        await search.fill(q);
        await eventually(async () => {
          const all = await rows().allInnerTexts();
          return all.length > 0 &&
            all.every((t) => /核实/.test(t)) &&
            all.some((t) => t.includes(customer) || t.includes('宽带'))
            ? true
            : null;
        }, UI_TIMEOUT);
      }
      // the 工单号 matches one case: its verification task, in Chinese
      const only = await rows().allInnerTexts();
      expect(only).toHaveLength(1);
      expect(only[0]).toContain('核实');
      expect(only[0]).toContain('投诉');
      expect(only[0]).not.toMatch(UUID);
      await page.screenshot({ path: path.join(SCREENSHOTS, 'inbox.png') });
      await search.fill(`无此工单${run}`);
      await eventually(
        async () => ((await rows().allInnerTexts()).join('').includes(customer) ? null : true),
        UI_TIMEOUT,
      );
    });
  }, 120000);

  it("only the api's sorts are offered; a refused sort resets the list instead of keeping a broken view", async () => {
    await c.ui.step(page, 'sorts', async () => {
      await page.goto(`${c.base}/#/tasks?filter=${encodeURIComponent(JSON.stringify({ mine: true, status: 'open' }))}`);
      await rows().first().waitFor({ timeout: UI_TIMEOUT });
      // 指派给 (assignee) and 超期 are not sortable: no sort button in their headers; 截止时间 is
      const header = (label: string) => page.locator('thead th').filter({ hasText: label });
      expect(await header('截止时间').locator('[data-field], .MuiTableSortLabel-root').count()).toBeGreaterThan(0);
      expect(await header('指派给').locator('.MuiTableSortLabel-root').count()).toBe(0);
      // an address with a sort the api refuses (400) comes back as the default view, with a warning
      await page.goto(
        `${c.base}/#/tasks?filter=${encodeURIComponent('{}')}&order=ASC&sort=assigneeRole&page=1&perPage=25`,
      );
      await page.getByText('列表条件无效，已恢复默认视图').waitFor({ timeout: UI_TIMEOUT });
      await eventually(async () => (!page.url().includes('sort=assigneeRole') ? true : null), UI_TIMEOUT);
      await rows().first().waitFor({ timeout: UI_TIMEOUT });
      await page.reload();
      await rows().first().waitFor({ timeout: UI_TIMEOUT });
      expect(page.url()).not.toContain('assigneeRole');
    });
  }, 120000);

  it('the case page shows the 审批记录 with names and labelled data; the Temporal link only for the admin', async () => {
    const auth = async (u: string) => ({ Authorization: `Bearer ${await c.s.login(u)}` });
    const task = async (stage: string) =>
      eventually(async () => {
        const [t] = await c.s.ds.query(
          `SELECT id FROM tasks WHERE case_id = $1 AND stage = $2 AND status = 'open' LIMIT 1`,
          [caseId, stage],
        );
        return t?.id as string | undefined;
      });
    // the verification is decided in the console by verifier2 (their inbox → task page → 同意 with the stage form)
    await c.ui.step(page, 'verify', async () => {
      await page.goto(`${c.base}/#/tasks/${await task('verify')}/show`);
      // the stage's approve action, named by what it does (complaint area: 提交核实结论)
      await page.getByRole('button', { name: '提交核实结论', exact: true }).click({ timeout: UI_TIMEOUT });
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('combobox', { name: '核实结论' }).first().click();
      await page.getByRole('option', { name: '有理有责' }).first().click();
      await page.getByRole('listbox').waitFor({ state: 'detached' });
      await dialog.locator('textarea[name="data.facts"]').fill('上门超时属实，客户多次催促');
      await dialog.getByRole('button', { name: '提交' }).click();
      await dialog.waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
    });
    await eventually(
      async () =>
        (await c.s.http.get(`/api/cases/${caseId}`).set(await auth('admin'))).body.stage === 'rule' ? true : null,
      30000,
    );
    const ruled = await c.s.http
      .post(`/api/tasks/${await task('rule')}/actions`)
      .set(await auth('ruling1'))
      .send({
        action: 'approve',
        comment: '普通投诉，责任人扣分',
        data: {
          severity: 'ordinary',
          category: policy.complaints.severities.ordinary.categories[0].key,
          cause: 'other',
          persons: [{ employeeId: agent.id, role: 'responsible', points: 2 }],
        },
      });
    expect(ruled.status).toBe(200);
    await eventually(
      async () =>
        (await c.s.http.get(`/api/cases/${caseId}`).set(await auth('admin'))).body.stage === 'appeal' ? true : null,
      30000,
    );

    await c.ui.step(page, 'case-page', async () => {
      await page.goto(`${c.base}/#/cases/${caseId}/show`);
      await page.reload(); // not the copy of the case the task page read before the ruling
      const timeline = page.locator('[data-testid=case-timeline]');
      await timeline.filter({ hasText: '责任人员' }).waitFor({ timeout: UI_TIMEOUT });
      const text = await timeline.innerText();
      // who decided (姓名（工号）), what (label), the comment, the data as labelled fields with names, never ids or JSON
      expect(text).toContain(`${verifier.name}（${verifier.code}）`);
      expect(text).toContain('核实结论');
      expect(text).toContain('有理有责');
      expect(text).toContain('上门超时属实');
      expect(text).toContain('普通投诉，责任人扣分');
      expect(text).toContain(`${agent.name}（${agent.code}）`);
      expect(text).toContain('严重程度');
      expect(text).toContain('普通');
      expect(text).not.toMatch(UUID);
      expect(text).not.toMatch(/[{}"]/);
      expect(text).not.toMatch(/task\.|stage\.|approve|verify/);
      const summary = await page.locator('.RaShow-main, main').first().innerText();
      expect(summary).toContain('申诉期');
      expect(summary).not.toMatch(UUID);
      expect(await page.getByRole('link', { name: '在 Temporal 中查看' }).count()).toBe(0);
      await page.setViewportSize({ width: 1280, height: 1280 });
      await page.screenshot({ path: path.join(SCREENSHOTS, 'complaint-case.png') });
      await page.setViewportSize({ width: 1280, height: 800 });
    });
    await c.ui.switchUser(page, 'admin');
    await c.ui.step(page, 'temporal-admin', async () => {
      await page.goto(`${c.base}/#/cases/${caseId}/show`);
      const link = page.getByRole('link', { name: '在 Temporal 中查看' });
      await link.waitFor({ timeout: UI_TIMEOUT });
      expect(await link.getAttribute('href')).toBe(
        `${c.s.env.TEMPORAL_UI_URL}/namespaces/default/workflows/${encodeURIComponent(`complaint-hotline-work-order-${workOrderNo}`)}`,
      );
    });
  }, 180000);

  it('a complaint whose accountable person has no login waits out its appeal window: the list and the case say so in Chinese', async () => {
    const auth = async (u: string) => ({ Authorization: `Bearer ${await c.s.login(u)}` });
    // C-12: nobody can appeal in the console, so the case waits outside any stage (appeal.window) until the window ends
    const [nobody] = await c.s.ds.query(
      `SELECT e.id, e.unit_id FROM employees e WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.employee_id = e.id)
       ORDER BY e.code LIMIT 1`,
    );
    const who = `钱${run}女士`;
    const reg = await c.s.http
      .post('/api/complaints')
      .set(await auth('verifier1'))
      .send({
        source: 'internal-audit',
        customer: who,
        channel: '营业厅',
        occurredAt: '2026-11-21T02:00:00Z',
        description: '营业厅办理业务时态度生硬',
        unitId: nobody.unit_id,
        employeeIds: [nobody.id],
      });
    expect(reg.status).toBe(201);
    const id = reg.body.id as string;
    const act = async (stage: string, user: string, body: object) => {
      const t = await eventually(async () => {
        const [r] = await c.s.ds.query(`SELECT id FROM tasks WHERE case_id = $1 AND stage = $2 AND status = 'open'`, [
          id,
          stage,
        ]);
        return r?.id as string | undefined;
      }, 30000);
      const r = await c.s.http
        .post(`/api/tasks/${t}/actions`)
        .set(await auth(user))
        .send(body);
      expect([stage, r.status]).toEqual([stage, 200]);
    };
    await act('verify', 'verifier1', { action: 'approve', data: { verdict: 'liable', facts: '态度问题属实' } });
    await act('rule', 'ruling1', {
      action: 'approve',
      data: {
        severity: 'ordinary',
        category: policy.complaints.severities.ordinary.categories[0].key,
        cause: 'other',
        persons: [{ employeeId: nobody.id, role: 'responsible', points: 2 }],
      },
    });
    await eventually(async () => {
      const [r] = await c.s.ds.query(`SELECT stage FROM cases WHERE id = $1`, [id]);
      return r?.stage === 'appeal.window' ? true : null;
    }, 30000);
    await c.ui.switchUser(page, 'verifier1');
    await c.ui.step(page, 'appeal-window', async () => {
      await page.goto(`${c.base}/#/complaints`);
      await page.locator('input[name=q]').fill(who);
      const row = rows().filter({ hasText: who });
      await row.first().waitFor({ timeout: UI_TIMEOUT });
      await eventually(async () => ((await rows().count()) === 1 ? true : null), UI_TIMEOUT);
      const text = await row.first().innerText();
      expect(text).toContain('申诉期（等待期满）');
      expect(text).not.toMatch(/appeal|window/);
      await row.first().click();
      await page.waitForURL(/#\/complaints\/[0-9a-f-]{36}\/show/, { timeout: UI_TIMEOUT });
      await page.getByText('申诉期（等待期满）').first().waitFor({ timeout: UI_TIMEOUT });
      expect(await page.locator('main').first().innerText()).not.toMatch(/appeal\.window/);
    });
  }, 120000);
});
