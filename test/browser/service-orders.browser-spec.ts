import { Page } from 'playwright-core';
import { consoleSuite, expectChinese, UI_TIMEOUT } from '../support/browser';
import { eventually } from '../support/stack';

/**
 * K-1, K-2, K-8 in the console: the dispatcher works the 工单时限看板 (moves an order, records a tracking line) and
 * re-dispatches a late order from the inbox; a supervisor (quality) registers a fine — out of range refused, then
 * within — and the fined agent's lead approves it beside what it decides. Order numbers are this file's own.
 */
describe('browser: order deadline board, re-dispatch and fine approval (K-1, K-2, K-8)', () => {
  const c = consoleSuite('service-orders', { SERVICE_ORDER_SCAN: 'true' });
  const tag = `B${Date.now().toString(36).toUpperCase()}`;
  const ORDER_NO = new RegExp(`${tag}-[A-Z]+`, 'g');
  let unit: string;
  let agent2: { id: string; code: string };

  beforeAll(async () => {
    [{ id: unit }] = await c.s.ds.query(`SELECT id FROM org_units WHERE code = 'a-team1'`);
    [agent2] = await c.s.ds.query(
      `SELECT e.id, e.code FROM users u JOIN employees e ON e.id = u.employee_id WHERE u.username = 'agent2'`,
    );
  });

  const create = async (orderNo: string, minutesAgo: number) => {
    const r = await c.s.http
      .post('/api/service-orders')
      .set(await c.auth('dispatcher1'))
      .send({
        orderNo,
        kind: 'ordinary',
        unitId: unit,
        acceptedAt: new Date(Date.now() - minutesAgo * 60000).toISOString(),
      });
    expect(r.status).toBe(201);
    return r.body.id as string;
  };

  async function openTask(page: Page, title: string, panel: string) {
    await page.getByRole('menuitem', { name: '待办任务' }).click();
    const row = page.getByRole('row').filter({ hasText: title });
    await row.first().waitFor({ timeout: UI_TIMEOUT });
    await row.first().click();
    await page.getByTestId(panel).waitFor({ timeout: UI_TIMEOUT });
  }

  it('the dispatcher moves and re-dispatches, a supervisor registers a fine, the lead approves it', async () => {
    const openId = await create(`${tag}-OPEN`, 1);
    const lateId = await create(`${tag}-LATE`, 31);
    const page = await c.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await c.ui.login(page, 'dispatcher1');

    await c.ui.step(page, 'board', async () => {
      await page.getByRole('menuitem', { name: '工单时限看板' }).click();
      await page
        .getByRole('row')
        .filter({ hasText: `${tag}-OPEN` })
        .first()
        .waitFor({ timeout: UI_TIMEOUT });
      expectChinese(await page.locator('main').innerText(), [ORDER_NO]);
      await page
        .getByRole('row')
        .filter({ hasText: `${tag}-OPEN` })
        .first()
        .click();
      await page.getByTestId('order-moves').waitFor({ timeout: UI_TIMEOUT });
      await page.getByTestId('order-move').click();
      await page.getByTestId('order-move-confirm').click();
      await page.getByTestId('order-stage').getByText('调度派单').waitFor({ timeout: UI_TIMEOUT });
      await page.getByTestId('order-track').click();
      await page.getByTestId('order-track-value').fill('客户回访满意');
      await page.getByTestId('order-track-confirm').click();
      await page.getByTestId('order-tracking').getByText('客户回访满意').waitFor({ timeout: UI_TIMEOUT });
      const text = await page.locator('main').innerText();
      expect(text).toMatch(/调度员（E\d{4}）/);
      expectChinese(text, [ORDER_NO]);
      await c.ui.shot(page, 'order');
    });
    const open = (await c.s.http.get(`/api/service-orders/${openId}`).set(await c.auth('dispatcher1'))).body;
    expect(open.stage).toBe('dispatch');
    expect(open.tracking).toEqual([expect.objectContaining({ line: 'handler_feedback', value: '客户回访满意' })]);

    // K-2: the scan flags the late order within a minute and opens its re-dispatch task
    await eventually(
      async () =>
        (
          await c.s.ds.query(
            `SELECT t.id FROM tasks t JOIN cases k ON k.id = t.case_id WHERE k.business_key = $1 AND t.status = 'open'`,
            [`${tag}-LATE-respond`],
          )
        )[0],
      75000,
    );
    await c.ui.step(page, 'redispatch', async () => {
      await openTask(page, `${tag}-LATE`, 'redispatch-panel');
      const panel = await page.getByTestId('redispatch-panel').innerText();
      expect(panel).toContain('响应超时');
      expectChinese(await page.locator('main').innerText(), [ORDER_NO]);
      await c.ui.shot(page, 'redispatch');
      await page.getByRole('button', { name: '完成重新派单', exact: true }).click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor({ timeout: UI_TIMEOUT });
      await dialog.getByRole('button', { name: '提交' }).click();
      await dialog.waitFor({ state: 'detached', timeout: UI_TIMEOUT });
    });
    await eventually(async () => {
      const r = (await c.s.http.get(`/api/service-orders/${lateId}`).set(await c.auth('dispatcher1'))).body;
      return r.redispatchCount === 1;
    });

    await c.ui.switchUser(page, 'quality1');
    await c.ui.step(page, 'fine', async () => {
      await page.getByRole('menuitem', { name: '违规罚款' }).click();
      await page.getByTestId('fine-register').click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor({ timeout: UI_TIMEOUT });
      await dialog.getByTestId('fine-person').locator('input').fill(agent2.code);
      await page.getByRole('option', { name: new RegExp(agent2.code) }).click();
      await dialog.getByTestId('fine-amount').fill('250');
      await dialog.getByTestId('fine-description').fill(`${tag} 服务态度投诉`);
      await dialog.getByTestId('fine-register-confirm').click();
      await dialog.getByText('罚款金额须在 50–200 元之间').first().waitFor({ timeout: UI_TIMEOUT });
      expectChinese(await dialog.innerText(), [ORDER_NO]);
      await dialog.getByTestId('fine-amount').fill('150');
      await dialog.getByTestId('fine-register-confirm').click();
      await dialog.waitFor({ state: 'detached', timeout: UI_TIMEOUT });
    });
    const [fine] = await eventually(async () => {
      const r = await c.s.ds.query(
        `SELECT id, case_id, amount_fen::int AS fen FROM service_fines WHERE description = $1`,
        [`${tag} 服务态度投诉`],
      );
      return r.length && r[0].case_id ? r : null;
    });
    expect(fine.fen).toBe(15000);

    await c.ui.switchUser(page, 'hotlinelead1');
    await c.ui.step(page, 'approve', async () => {
      await openTask(page, `客服2（${agent2.code}）`, 'fine-panel');
      const panel = await page.getByTestId('fine-panel').innerText();
      expect(panel).toContain('150.00 元');
      expect(panel).toContain('服务态度投诉');
      expectChinese(await page.locator('main').innerText(), [ORDER_NO, /\bB[0-9A-Z]+\b/g]);
      await c.ui.shot(page, 'fine-panel');
      await page.getByRole('button', { name: '同意', exact: true }).click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor({ timeout: UI_TIMEOUT });
      await dialog.getByRole('button', { name: '提交' }).click();
      await dialog.waitFor({ state: 'detached', timeout: UI_TIMEOUT });
    });
    const ledger = await eventually(async () => {
      const r = await c.s.ds.query(`SELECT employee_id, money_fen::int AS fen FROM ledger_entries WHERE case_id = $1`, [
        fine.case_id,
      ]);
      return r.length ? r : null;
    });
    expect(ledger).toEqual([{ employee_id: agent2.id, fen: 15000 }]);
    await page.close();
  });
});
