import { Page } from 'playwright-core';
import { consoleSuite, expectChinese, UI_TIMEOUT } from '../support/browser';
import { eventually } from '../support/stack';

/**
 * P-1…P-5 in the console as the quality department: import the month's satisfaction figures (a bad file first: every
 * bad row listed, nothing imported), see the ranking chart, start the month, and on the review task read the people and
 * units it penalises beside the actions — comment, return (recomputed, round 2) and approve (posted to the ledger).
 * Each result is checked through the api and the database. The month is one no other browser test uses.
 */
const MONTH = '2025-02';
const CASE_TITLE = `${MONTH} 客户感知月度考核`;

describe('browser: customer perception month — import, ranking, start, review (P-1…P-5)', () => {
  const c = consoleSuite('perception');
  let people: { id: string; code: string; name: string }[] = [];
  let team: { code: string; name: string };

  beforeAll(async () => {
    people = await c.s.ds.query(
      `SELECT e.id, e.code, e.name FROM employees e JOIN org_units o ON o.id = e.unit_id WHERE o.code = 'b-team2' ORDER BY e.code LIMIT 3`,
    );
    [team] = await c.s.ds.query(`SELECT code, name FROM org_units WHERE code = 'b-team2'`);
  });

  const csv = (rows: string[]) => Buffer.from(['月份,渠道,层级,编码,满意度,样本数', ...rows].join('\n'));

  async function upload(page: Page, file: Buffer) {
    await page.getByRole('button', { name: '导入', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor({ timeout: UI_TIMEOUT });
    await dialog.locator('input[type=file]').setInputFiles({ name: '满意度.csv', mimeType: 'text/csv', buffer: file });
    await dialog.getByRole('button', { name: '上传' }).click();
    return dialog;
  }

  async function openTask(page: Page) {
    await page.getByRole('menuitem', { name: '待办任务' }).click();
    const row = page.getByRole('row').filter({ hasText: CASE_TITLE });
    await row.first().waitFor({ timeout: UI_TIMEOUT });
    await row.first().click();
    await page.getByTestId('perception-review-panel').waitFor({ timeout: UI_TIMEOUT });
  }

  async function act(page: Page, button: string, comment?: string) {
    await page.getByRole('button', { name: button, exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor({ timeout: UI_TIMEOUT });
    if (comment) await dialog.getByRole('textbox').first().fill(comment);
    await dialog.getByRole('button', { name: '提交' }).click();
    await dialog.waitFor({ state: 'detached', timeout: UI_TIMEOUT });
  }

  const month = async () => (await c.s.http.get(`/api/perception-months/${MONTH}`).set(await c.auth('quality1'))).body;

  it('the quality department imports, ranks, starts and reviews a month; the points reach the ledger once', async () => {
    const page = await c.browser.newPage({ viewport: { width: 1280, height: 1000 } });
    await c.ui.login(page, 'quality1');

    await c.ui.step(page, 'import', async () => {
      await page.getByRole('menuitem', { name: '满意度排名' }).click();
      const bad = await upload(
        page,
        csv([`${MONTH},装维,个人,${people[0].code},80,12`, `${MONTH},装维,个人,无此工号,90,12`]),
      );
      await bad.getByText('未导入任何数据').waitFor({ timeout: UI_TIMEOUT });
      expect(await bad.innerText()).toContain('无此工号');
      expect(
        (await c.s.ds.query(`SELECT count(*)::int AS n FROM satisfaction_scores WHERE month = $1`, [MONTH]))[0].n,
      ).toBe(0);
      // the dialog's own 关闭 (Escape reaches it only while it holds the focus)
      await bad.getByRole('button', { name: '关闭', exact: true }).click();
      await bad.waitFor({ state: 'detached', timeout: UI_TIMEOUT });
      const good = await upload(
        page,
        csv([
          `${MONTH},装维,个人,${people[0].code},78,12`,
          `${MONTH},装维,个人,${people[1].code},95,12`,
          `${MONTH},装维,个人,${people[2].code},88,10`,
          `${MONTH},装维,班组,${team.code},84,34`,
        ]),
      );
      await good.waitFor({ state: 'detached', timeout: UI_TIMEOUT });
    });
    expect(
      (await c.s.ds.query(`SELECT count(*)::int AS n FROM satisfaction_scores WHERE month = $1`, [MONTH]))[0].n,
    ).toBe(4);

    await c.ui.step(page, 'ranking', async () => {
      await page.getByTestId('ranking-month').fill(MONTH);
      await page
        .getByTestId('ranking-chart')
        .locator('.recharts-bar-rectangle')
        .first()
        .waitFor({ timeout: UI_TIMEOUT });
      const top = await page.getByTestId('ranking-top').innerText();
      expect(top.indexOf(`${people[1].name}（${people[1].code}）`)).toBeLessThan(
        top.indexOf(`${people[0].name}（${people[0].code}）`),
      );
      expect(await page.getByTestId('ranking-bottom').innerText()).toContain(`${people[0].name}（${people[0].code}）`);
      expectChinese(await page.locator('main').innerText());
      await c.ui.shot(page, 'ranking');
    });

    await c.ui.step(page, 'start', async () => {
      await page.getByRole('menuitem', { name: '客户感知考核' }).click();
      await page.getByRole('button', { name: '发起月度考核' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByTestId('perception-month').fill(MONTH);
      await dialog.getByRole('button', { name: '发起', exact: true }).click();
      await page.waitForURL(/\/perception-months\/[^/]+\/show/, { timeout: UI_TIMEOUT });
    });
    const computed = await eventually(async () => {
      const m = await month();
      return m.status === 'reviewing' && m.stage === 'review' ? m : null;
    }, 30000);
    expect(computed.summary).toMatchObject({ people: 3, belowStandard: 1, pointsX10: 20 });

    await c.ui.step(page, 'comment', async () => {
      await openTask(page);
      const panel = await page.getByTestId('perception-review-panel').innerText();
      expect(panel).toContain(`${people[0].name}（${people[0].code}）`);
      expect(panel).toContain('2.0');
      expect(panel).not.toContain(people[1].code); // not penalised: not among the affected
      expectChinese(await page.locator('main').innerText());
      await c.ui.shot(page, 'review-panel');
      await act(page, '评论', '第三名样本偏少，请核对');
    });
    await c.ui.step(page, 'return', async () => {
      await openTask(page);
      await act(page, '退回', '班组数据待更正，请重算');
    });
    await eventually(async () => {
      const m = await month();
      return m.round === 2 && m.status === 'reviewing' ? m : null;
    }, 30000);
    await c.ui.step(page, 'approve', async () => {
      await openTask(page);
      expect(await page.getByTestId('perception-review-panel').innerText()).toContain('第 2 轮');
      await act(page, '同意');
    });
    const posted = await eventually(async () => {
      const m = await month();
      return m.status === 'posted' ? m : null;
    }, 30000);
    expect(posted.people.find((p: { employeeId: string }) => p.employeeId === people[0].id)).toMatchObject({
      pointsX10: 20,
    });
    expect(
      await c.s.ds.query(
        `SELECT reason, points_x10 FROM ledger_entries WHERE employee_id = $1 AND month = $2 AND source = 'perception'`,
        [people[0].id, MONTH],
      ),
    ).toEqual([{ reason: 'perception-P-2', points_x10: 20 }]);
    const audit = await c.s.ds.query(
      `SELECT action, actor FROM audit_log WHERE case_id = $1 AND action LIKE 'task.%' ORDER BY id`,
      [posted.caseId],
    );
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['task.comment', 'task.return', 'task.approve']);

    // the month's page shows it posted, with names
    await page.goto(`${c.base}/#/perception-months/${MONTH}/show`);
    await page.getByTestId('perception-people').waitFor({ timeout: UI_TIMEOUT });
    expect(await page.locator('main').innerText()).toContain('已入账');
    expectChinese(await page.locator('main').innerText());
    await page.close();
  });
});
