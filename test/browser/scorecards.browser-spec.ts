import { Page } from 'playwright-core';
import { consoleSuite, expectChinese, UI_TIMEOUT } from '../support/browser';
import { eventually } from '../support/stack';

/**
 * K-9 in the console: the administrator edits a scorecard indicator in a policy draft (a negative weight is refused
 * inline, the formula previews on a sample value); the quality department starts a month, reviews its results beside
 * 同意 and sees them posted with names. The month is one no other browser test uses.
 */
const MONTH = '2023-05';
const CASE_TITLE = `${MONTH} KPI 考核卡月度考核`;

describe('browser: KPI scorecards — edit in a draft, run a month, review (K-9)', () => {
  const c = consoleSuite('scorecards');
  let agent: { id: string; code: string; name: string };

  beforeAll(async () => {
    [agent] = await c.s.ds.query(
      `SELECT e.id, e.code, e.name FROM employees e JOIN org_units o ON o.id = e.unit_id WHERE o.code = 'a-hotline' ORDER BY e.code LIMIT 1`,
    );
    const imported = await c.s.http
      .post('/api/kpi-values/import')
      .set(await c.auth('quality1'))
      .attach(
        'file',
        Buffer.from(`月份,指标,层级,编码,设备,数值\n${MONTH},受理量,个人,${agent.code},,1650`),
        'kpi.csv',
      );
    expect(imported.status).toBe(200);
  });

  it('K-9 the administrator edits an indicator of a draft: an invalid weight is shown inline, the formula previews', async () => {
    const admin = await c.auth('admin');
    const published = (await c.s.http.get('/api/policies/current').set(admin)).body;
    const page = await c.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    let draftId = 0;
    try {
      await c.ui.login(page, 'admin');
      await c.ui.step(page, 'draft', async () => {
        await page.goto(`${c.base}/#/policies/${published.id}/show`);
        await page.getByTestId('new-draft').click();
        await page.getByLabel('版本名称').fill('考核卡调整');
        await page.getByRole('button', { name: '新建草稿' }).last().click();
        await page.waitForURL(/#\/policies\/\d+$/, { timeout: UI_TIMEOUT });
        draftId = Number(/policies\/(\d+)$/.exec(page.url())![1]);
        await page.getByRole('tab', { name: '考核指标' }).click();
      });
      await c.ui.step(page, 'edit-indicator', async () => {
        const cards = page.getByTestId('scorecards-input');
        const weight = cards.getByLabel('权重').first();
        await weight.waitFor({ timeout: UI_TIMEOUT });
        await weight.fill('-5');
        await cards.getByText('不能小于 0').first().waitFor({ timeout: UI_TIMEOUT });
        await weight.fill('20');
        await cards.getByText('不能小于 0').first().waitFor({ state: 'detached', timeout: UI_TIMEOUT });
        await cards.getByTestId('indicator-sample').first().fill('93');
        await expect(cards.getByTestId('indicator-preview').first().innerText()).resolves.toContain('18.98');
        // VIP: the order kinds of 003 as the K-2 deadline labels of this tab name them
        expectChinese(await page.locator('main').innerText(), [/\bVIP\b/g]);
        await c.ui.shot(page, 'scorecard-editor');
      });
    } finally {
      if (draftId) await c.s.http.delete(`/api/policies/${draftId}`).set(admin);
      await page.close();
    }
  });

  async function openTask(page: Page) {
    await page.getByRole('menuitem', { name: '待办任务' }).click();
    const row = page.getByRole('row').filter({ hasText: CASE_TITLE });
    await row.first().waitFor({ timeout: UI_TIMEOUT });
    await row.first().click();
    await page.getByTestId('scorecard-review-panel').waitFor({ timeout: UI_TIMEOUT });
  }

  const month = async () => (await c.s.http.get(`/api/scorecard-months/${MONTH}`).set(await c.auth('quality1'))).body;

  it('K-9 the quality department starts a month, reviews the results with names and approves', async () => {
    const page = await c.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await c.ui.login(page, 'quality1');
    await c.ui.step(page, 'start', async () => {
      await page.getByRole('menuitem', { name: 'KPI 考核卡' }).click();
      await page.getByRole('button', { name: '发起月度考核' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByTestId('scorecard-month').fill(MONTH);
      await dialog.getByRole('button', { name: '发起', exact: true }).click();
      await page.waitForURL(/\/scorecard-months\/[^/]+\/show/, { timeout: UI_TIMEOUT });
    });
    await eventually(async () => {
      const m = await month();
      return m.status === 'reviewing' && m.stage === 'review' ? m : null;
    }, 30000);
    await c.ui.step(page, 'review', async () => {
      await openTask(page);
      const panel = page.getByTestId('scorecard-review-panel');
      await panel.getByText(`${agent.name}（${agent.code}）`).first().waitFor({ timeout: UI_TIMEOUT });
      expect(await panel.innerText()).toContain('呼叫中心座席');
      expectChinese(await page.locator('main').innerText());
      await c.ui.shot(page, 'review-panel');
      await page.getByRole('button', { name: '同意', exact: true }).click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor({ timeout: UI_TIMEOUT });
      await dialog.getByRole('button', { name: '提交' }).click();
      await dialog.waitFor({ state: 'detached', timeout: UI_TIMEOUT });
    });
    const posted = await eventually(async () => {
      const m = await month();
      return m.status === 'posted' ? m : null;
    }, 30000);
    const row = posted.results.find((r: { subjectId: string }) => r.subjectId === agent.id);
    expect(row.indicators.find((i: { key: string }) => i.key === 'call-volume')).toMatchObject({
      value: 1650,
      score: 4,
    });
    await page.goto(`${c.base}/#/scorecard-months/${MONTH}/show`);
    await page.getByTestId('scorecard-card').first().waitFor({ timeout: UI_TIMEOUT });
    const main = await page.locator('main').innerText();
    expect(main).toContain('已入账');
    expect(main).toContain(`${agent.name}（${agent.code}）`);
    expectChinese(main);
    // K-4 why of one value: its rule, formula and inputs, and the month's pinned policy as 政策 vN
    await page
      .getByRole('row')
      .filter({ hasText: `${agent.name}（${agent.code}）` })
      .first()
      .getByTestId('why-call-volume')
      .hover();
    const tip = await page.getByRole('tooltip').innerText({ timeout: UI_TIMEOUT });
    expect(tip).toMatch(/^K-4 分档递减：/);
    expect(tip).toContain(`政策 v${posted.policyVersion}`);
    expectChinese(tip);
    await page.close();
  });
});
