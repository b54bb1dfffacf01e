import { Page } from 'playwright-core';
import { consoleSuite, expectChinese, UI_TIMEOUT } from '../support/browser';
import { eventually } from '../support/stack';

/**
 * P-6 / P-7 in the console, each action by the user who does it:
 * - the quality department imports the year's indicator results on the 黄牌/红牌 page (a bad file first: every bad row
 *   listed in Chinese, nothing imported), then sees the unit's yellow card on the board and the unit in the year's
 *   ranking with the organisational score posted against it;
 * - the quality department registers a major incident in the form (an empty form is refused field by field), naming the
 *   responsible department and its head by name;
 * - the department head finds the written-explanation interview in the inbox, reads why, and records it (date, people,
 *   minutes, commitments), which is kept.
 */
describe('browser: interviews and indicator cards (P-6, P-7)', () => {
  const c = consoleSuite('interview');
  const YEAR = '2025';
  const indicators = (rows: string[]) => Buffer.from(['月份,单位编码,指标,结果,目标,是否达标', ...rows].join('\n'));

  async function upload(page: Page, file: Buffer) {
    await page.getByRole('button', { name: '导入', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor({ timeout: UI_TIMEOUT });
    await dialog
      .locator('input[type=file]')
      .setInputFiles({ name: '服务指标.csv', mimeType: 'text/csv', buffer: file });
    await dialog.getByRole('button', { name: '上传' }).click();
    return dialog;
  }

  it('P-6 the quality department imports indicator results (a refused file lists each bad row in Chinese); the board shows the yellow card and the year ranking the posted score', async () => {
    const [team] = await c.s.ds.query(`SELECT id, code, name FROM org_units WHERE code = 'b-team1'`);
    const [other] = await c.s.ds.query(`SELECT id, code, name FROM org_units WHERE code = 'b-team2'`);
    const page = await c.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await c.ui.login(page, 'quality1');
    await c.ui.step(page, 'indicator-import', async () => {
      await page.getByRole('menuitem', { name: '黄牌/红牌' }).click();
      await page.getByTestId('indicator-year').fill(YEAR);
      const bad = await upload(
        page,
        indicators([
          `${YEAR}-01,${team.code},装机及时率,0.9,0.95,否`,
          `${YEAR}-01,无此单位,装机及时率,0.9,0.95,否`,
          `${YEAR}-01,${other.code},装机及时率,九成,0.95,是`,
        ]),
      );
      await bad.getByText('未导入任何数据').waitFor({ timeout: UI_TIMEOUT });
      const text = await bad.innerText();
      expect(text).toContain('第 3 行 · 编码');
      expect(text).toContain('编码 无此单位 不存在');
      expect(text).toMatch(/第 4 行 · (结果|数值)/); // the value column (the scorecard import names it 数值)
      expect(text).toContain('必须是数字');
      expectChinese(text, [/YYYY-MM/g, /\d+ KB/g]); // the month's format in the help, the file's size
      await c.ui.shot(page, 'indicator-import-refused');
      expect(
        (
          await c.s.ds.query(`SELECT count(*)::int AS n FROM indicator_results WHERE unit_id = ANY($1::uuid[])`, [
            [team.id, other.id],
          ])
        )[0].n,
      ).toBe(0);
      await bad.getByRole('button', { name: '关闭', exact: true }).click();
      await bad.waitFor({ state: 'detached', timeout: UI_TIMEOUT });
      const good = await upload(
        page,
        indicators([
          `${YEAR}-01,${team.code},装机及时率,0.9,0.95,否`,
          `${YEAR}-01,${other.code},装机及时率,0.97,0.95,是`,
          `${YEAR}-04,${team.code},装机及时率,0.8,0.95,否`,
          `${YEAR}-04,${other.code},装机及时率,0.96,0.95,是`,
        ]),
      );
      await good.waitFor({ state: 'detached', timeout: UI_TIMEOUT });
    });
    expect(
      await c.s.ds.query(
        `SELECT month, org_score_x10 FROM unit_ledger_entries WHERE unit_id = $1 AND reason = 'indicator-P-6' ORDER BY month`,
        [team.id],
      ),
    ).toEqual([
      { month: `${YEAR}-01`, org_score_x10: 10 },
      { month: `${YEAR}-04`, org_score_x10: 10 },
    ]);
    await c.ui.step(page, 'board', async () => {
      const row = page.getByTestId('indicator-board').getByRole('row').filter({ hasText: team.name });
      await row.filter({ hasText: '黄牌' }).first().waitFor({ timeout: UI_TIMEOUT });
      // the ranking: the passing unit first, ours below it with 2 failing months, its yellow card and 2.0 deducted
      const ranking = page.getByTestId('indicator-ranking');
      await ranking.waitFor({ timeout: UI_TIMEOUT });
      const cells = async (name: string) =>
        (await ranking.getByRole('row').filter({ hasText: name }).first().getByRole('cell').allInnerTexts()).map((t) =>
          t.trim(),
        );
      const mine = await cells(team.name);
      const passing = await cells(other.name);
      expect(mine.slice(1)).toEqual([team.name, '2', '2', '黄牌', '2.0']);
      expect(passing.slice(1)).toEqual([other.name, '2', '0', '—', '0.0']);
      expect(Number(passing[0])).toBeLessThan(Number(mine[0]));
      expectChinese(await page.locator('main').innerText());
      await c.ui.shot(page, 'indicator-board');
    });
    await page.close();
  });

  it('P-7 the quality department registers a major incident in the form; the department head records the written-explanation interview from the inbox', async () => {
    const [head] = await c.s.ds.query(
      `SELECT e.id, e.name, e.code FROM users u JOIN employees e ON e.id = u.employee_id WHERE u.username = 'branchhead1'`,
    );
    const [branch] = await c.s.ds.query(`SELECT id, name FROM org_units WHERE code = 'a-branch'`);
    const title = '东城光缆中断三小时';
    // the quality department works in Shanghai: the incident's local time is read in that zone
    const q = await c.browser.newPage({ viewport: { width: 1280, height: 1000 }, timezoneId: 'Asia/Shanghai' });
    await c.ui.login(q, 'quality1');
    await c.ui.step(q, 'incident', async () => {
      await q.getByRole('menuitem', { name: '黄牌/红牌' }).click();
      await q.getByRole('button', { name: '登记重大服务事件' }).click();
      const dialog = q.getByRole('dialog');
      await dialog.waitFor({ timeout: UI_TIMEOUT });
      // an empty form: refused, each field named in Chinese, nothing registered
      await dialog.getByRole('button', { name: '登记', exact: true }).click();
      const refusals = dialog.locator('.MuiFormHelperText-root.Mui-error');
      await refusals.first().waitFor({ timeout: UI_TIMEOUT });
      // every field says why under itself: name, account, time, department, head
      expect(await refusals.count()).toBe(5);
      expectChinese(await dialog.innerText());
      expect((await c.s.ds.query(`SELECT count(*)::int AS n FROM incidents WHERE title = $1`, [title]))[0].n).toBe(0);
      await dialog.getByTestId('incident-title').fill(title);
      await dialog.getByTestId('incident-description').fill('施工挖断主干光缆');
      await dialog.getByTestId('incident-occurred').fill('2026-09-02T10:00');
      await dialog.getByRole('combobox', { name: '责任部门', exact: true }).fill(branch.name);
      await q.getByRole('option', { name: branch.name, exact: true }).click();
      await dialog.getByRole('combobox', { name: '责任部门负责人' }).fill(head.name);
      await q.getByRole('option', { name: `${head.name}（${head.code}）` }).click();
      await c.ui.shot(q, 'incident-form');
      await dialog.getByRole('button', { name: '登记', exact: true }).click();
      await dialog.waitFor({ state: 'detached', timeout: UI_TIMEOUT });
    });
    const incident = await eventually(
      async () =>
        (
          await c.s.ds.query(
            `SELECT id, case_id, unit_id, department_head_id, major, occurred_at FROM incidents WHERE title = $1`,
            [title],
          )
        )[0]?.case_id
          ? (await c.s.ds.query(`SELECT * FROM incidents WHERE title = $1`, [title]))[0]
          : null,
      30000,
    );
    expect(incident).toMatchObject({ unit_id: branch.id, department_head_id: head.id, major: true });
    expect(new Date(incident.occurred_at).toISOString()).toBe('2026-09-02T02:00:00.000Z'); // 10:00 in Shanghai
    await q.close();

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
            incident.case_id,
          ])
        )[0],
      30000,
    );
    expect(kept.record).toEqual(record);
    await page.close();
  });
});
