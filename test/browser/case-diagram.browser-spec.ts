import { randomInt } from 'node:crypto';
import type { Locator, Page } from 'playwright-core';
import { consoleSuite, expectChinese, UI_TIMEOUT } from '../support/browser';
import { eventually } from '../support/stack';

/**
 * Issue 17: every case page draws its pinned flow (the flow editor's diagram): stages done with who and when, the
 * current one highlighted with its assignees and due time, the branches as branches. A complaint is driven one
 * stage (the verifier's verdict on the task page) and the diagram moves on.
 */
describe('browser: the flow diagram on a case page (issue 17)', () => {
  const c = consoleSuite('case-diagram');
  let page: Page;
  const tag = String(randomInt(100000, 999999));
  const people: Record<string, { id: string; unitId: string; label: string }> = {};
  let caseId = '';

  beforeAll(async () => {
    const rows = await c.s.ds.query(
      `SELECT u.username, e.id, e.name, e.code, e.unit_id FROM users u JOIN employees e ON e.id = u.employee_id`,
    );
    for (const r of rows) people[r.username] = { id: r.id, unitId: r.unit_id, label: `${r.name}（${r.code}）` };
    const reg = await c.s.http
      .post('/api/complaints')
      .set(await c.auth('verifier1'))
      .send({
        source: 'hotline-work-order',
        workOrderNo: `WO-D${tag}`,
        customer: `流程图客户${tag}`,
        channel: '10000号',
        occurredAt: '2026-11-20T02:00:00Z',
        description: '流程图测试：装机超时',
        unitId: people.agent2.unitId,
        employeeIds: [people.agent2.id],
      });
    expect(reg.status).toBe(201);
    caseId = reg.body.caseId ?? reg.body.case?.id ?? reg.body.id;
    await eventually(async () => {
      const [r] = await c.s.ds.query(`SELECT stage FROM cases WHERE id = $1`, [caseId]);
      return r?.stage === 'verify' ? true : null;
    }, 20000);
    page = await c.browser.newPage({ viewport: { width: 1400, height: 1000 } });
  });
  afterAll(async () => {
    await page?.close();
  });

  const stage = (key: string): Locator => page.locator(`[data-testid=flow-stage][data-stage-key="${key}"]`);
  const stateOf = (key: string) => stage(key).getAttribute('data-state');

  async function openCase() {
    await page.goto(`${c.base}/#/cases/${caseId}/show`);
    await page.locator('[data-testid=flow-diagram]').waitFor({ timeout: UI_TIMEOUT });
  }

  it('the diagram highlights the current stage with its assignees and due time, and draws the branches', async () => {
    await c.ui.login(page, 'verifier1');
    await c.ui.step(page, 'before', async () => {
      await openCase();
      await stage('verify').waitFor({ timeout: UI_TIMEOUT });
      expect(await stateOf('verify')).toBe('current');
      expect(await stateOf('rule')).toBe('pending');
      expect(await stateOf('appeal')).toBe('pending');
      expect(await stateOf('appeal-decision')).toBe('pending');
      const verify = await stage('verify').innerText();
      expect(verify).toContain('当前环节');
      expect(verify).toMatch(/待办：.*核实组/);
      expect(verify).toMatch(/期限：\d{4}\/\d{1,2}\/\d{1,2}/);
      // one highlighted stage only
      expect(await page.locator('[data-testid=flow-stage][data-state=current]').count()).toBe(1);
      const diagram = page.locator('[data-testid=flow-diagram]');
      const text = await diagram.innerText();
      // branches: the verdict closes or goes on, the appeal decision only after an appeal, a ruling may go back
      for (const label of ['有理有责', '其他结论，结案', '提出申诉', '未申诉', '退回']) expect(text).toContain(label);
      expect(await diagram.locator('.react-flow__edge').count()).toBe(8);
      expectChinese(text);
      await c.ui.shot(page, 'current-verify');
    });
  }, 120000);

  it('after the verifier gives the verdict on the task page, verification shows done by whom and when, the ruling is current', async () => {
    await c.ui.step(page, 'verify', async () => {
      const taskId = await eventually(async () => {
        const [t] = await c.s.ds.query(
          `SELECT id FROM tasks WHERE case_id = $1 AND stage = 'verify' AND status = 'open'`,
          [caseId],
        );
        return t?.id as string | undefined;
      }, 20000);
      await page.goto(`${c.base}/#/tasks/${taskId}/show`);
      await page.locator('[data-testid="complaint-panel-verify"]').waitFor({ timeout: UI_TIMEOUT });
      await page.getByRole('button', { name: '提交核实结论', exact: true }).click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor({ timeout: UI_TIMEOUT });
      await dialog.getByRole('combobox', { name: '核实结论' }).first().click();
      await page.getByRole('option', { name: '有理有责' }).first().click();
      await page.getByRole('listbox').waitFor({ state: 'detached', timeout: UI_TIMEOUT });
      await dialog.getByRole('textbox', { name: '核实事实' }).fill('流程图测试：属实');
      await dialog.getByRole('button', { name: '提交', exact: true }).click();
      await dialog.waitFor({ state: 'detached', timeout: UI_TIMEOUT });
      await eventually(async () => {
        const [r] = await c.s.ds.query(`SELECT stage FROM cases WHERE id = $1`, [caseId]);
        return r?.stage === 'rule' ? true : null;
      }, 20000);
    });
    await c.ui.step(page, 'after', async () => {
      await openCase();
      await page
        .locator('[data-testid=flow-stage][data-stage-key=verify][data-state=done]')
        .waitFor({ timeout: UI_TIMEOUT });
      expect(await stateOf('rule')).toBe('current');
      expect(await page.locator('[data-testid=flow-stage][data-state=current]').count()).toBe(1);
      const verify = await stage('verify').innerText();
      expect(verify).toContain('已完成');
      expect(verify).toContain(people.verifier1.label);
      expect(verify).toMatch(/\d{4}\/\d{1,2}\/\d{1,2} \d{1,2}:\d{2}/);
      expect(await stage('rule').innerText()).toMatch(/待办：.*工作组组长/);
      expectChinese(await page.locator('[data-testid=flow-diagram]').innerText());
      await c.ui.shot(page, 'current-rule');
    });
  }, 120000);
});
