import { consoleSuite, expectChinese, UI_TIMEOUT } from '../support/browser';
import { eventually } from '../support/stack';

/**
 * P-6 / P-7 in the console: a major incident (registered through the api) orders the department head's
 * written-explanation interview; the head finds it in the inbox, reads why, and records it (date, people, minutes,
 * commitments), which is kept. The quality department sees a unit's yellow card on the 黄牌/红牌 board.
 */
describe('browser: interviews and indicator cards (P-6, P-7)', () => {
  const c = consoleSuite('interview');

  it('P-7 the department head records the written-explanation interview from the inbox; P-6 the board shows the yellow card', async () => {
    const [head] = await c.s.ds.query(
      `SELECT e.id, e.name, e.code FROM users u JOIN employees e ON e.id = u.employee_id WHERE u.username = 'branchhead1'`,
    );
    const [branch] = await c.s.ds.query(`SELECT id FROM org_units WHERE code = 'a-branch'`);
    const title = '东城光缆中断三小时';
    const incident = await c.s.http
      .post('/api/incidents')
      .set(await c.auth('quality1'))
      .send({
        title,
        description: '施工挖断主干光缆',
        occurredAt: '2026-09-02T10:00:00+08:00',
        unitId: branch.id,
        departmentHeadId: head.id,
      });
    expect(incident.status).toBe(201);
    const cards = await c.s.http
      .post('/api/indicator-results/import')
      .set(await c.auth('quality1'))
      .attach(
        'file',
        Buffer.from(
          [
            '月份,单位编码,指标,结果,目标,是否达标',
            '2025-01,b-team1,装机及时率,0.9,0.95,否',
            '2025-04,b-team1,装机及时率,0.8,0.95,否',
          ].join('\n'),
        ),
        'indicators.csv',
      );
    expect(cards.status).toBe(201);

    const page = await c.browser.newPage({ viewport: { width: 1280, height: 1000 } });
    await c.ui.login(page, 'branchhead1');
    const record = {
      date: '2026-09-05',
      people: '质量管理部、东城分公司经理',
      minutes: '说明光缆中断原因与抢修经过',
      commitments: '建立施工区域光缆巡查制度',
    };
    await c.ui.step(page, 'inbox', async () => {
      await page.getByRole('menuitem', { name: '待办任务' }).click();
      const row = page.getByRole('row').filter({ hasText: title });
      await row.first().waitFor({ timeout: UI_TIMEOUT });
      await row.first().click();
      const panel = page.getByTestId('interview-panel');
      await panel.waitFor({ timeout: UI_TIMEOUT });
      const text = await panel.innerText();
      expect(text).toContain(title);
      expect(text).toContain('书面说明');
      expect(text).toContain(`${head.name}（${head.code}）`);
      expectChinese(await page.locator('main').innerText());
      await c.ui.shot(page, 'interview-panel');
    });
    await c.ui.step(page, 'record', async () => {
      await page.getByRole('button', { name: '提交约谈记录', exact: true }).click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor({ timeout: UI_TIMEOUT });
      // nothing filled: the form refuses and nothing is sent
      await dialog.getByRole('button', { name: '提交' }).click();
      await dialog.getByText('必填').first().waitFor({ timeout: UI_TIMEOUT });
      await dialog.getByLabel('约谈日期').fill(record.date);
      await dialog.getByRole('textbox', { name: '参加人员' }).fill(record.people);
      await dialog.getByRole('textbox', { name: '约谈纪要' }).fill(record.minutes);
      await dialog.getByRole('textbox', { name: '整改承诺' }).fill(record.commitments);
      await dialog.getByRole('button', { name: '提交' }).click();
      await dialog.waitFor({ state: 'detached', timeout: UI_TIMEOUT });
    });
    const kept = await eventually(
      async () =>
        (
          await c.s.ds.query(`SELECT record FROM interviews WHERE case_id = $1 AND record IS NOT NULL`, [
            incident.body.caseId,
          ])
        )[0],
      30000,
    );
    expect(kept.record).toEqual(record);
    await page.close();

    const q = await c.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await c.ui.login(q, 'quality1');
    await c.ui.step(q, 'board', async () => {
      await q.getByRole('menuitem', { name: '黄牌/红牌' }).click();
      await q.getByTestId('indicator-year').fill('2025');
      const row = q.getByTestId('indicator-board').getByRole('row').filter({ hasText: '黄牌' });
      await row.first().waitFor({ timeout: UI_TIMEOUT });
      expectChinese(await q.locator('main').innerText());
      await c.ui.shot(q, 'indicator-board');
    });
    await q.close();
  });
});
