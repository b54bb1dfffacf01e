import { consoleSuite, UI_TIMEOUT } from '../support/browser';

/**
 * An administrator edits a policy in the console as labelled fields in 元 and 分: a named draft from the published
 * version, a value in 元 and one in 分 (a wrong one first: the error is next to the field, in Chinese), the
 * change by label, then the draft deleted. The stored units are checked through the api.
 */
describe('browser: policies are edited by label in 元 / 分 (issue 11)', () => {
  const c = consoleSuite('policies');

  it('admin: named draft → 元 and 分 values → diff by label → stored in fen and ×10 → draft deleted', async () => {
    const admin = await c.auth('admin');
    const published = (await c.s.http.get('/api/policies/current').set(admin)).body;
    const before = published.body;
    const page = await c.browser.newPage();
    const draftLabel = `浏览器测试草稿 ${Date.now() % 100000}`;
    let draftId = 0;
    try {
      await c.ui.step(page, 'login', () => c.ui.login(page, 'admin'));
      await c.ui.step(page, 'new-draft', async () => {
        await page.goto(`${c.base}/#/policies/${published.id}/show`);
        // the published version reads as labelled values with units
        const appeal = page.getByTestId('policy-view').locator('[data-field="complaints.appealWindowWorkingDays"]');
        await appeal.waitFor({ timeout: UI_TIMEOUT });
        expect(await appeal.innerText()).toMatch(
          new RegExp(`申诉期[\\s\\S]*C-12[\\s\\S]*${before.complaints.appealWindowWorkingDays} 个工作日`),
        );
        await page.getByTestId('new-draft').click();
        await page.getByLabel('版本名称').fill(draftLabel);
        await page.getByLabel('说明').fill('二星奖金与重大不良事件扣分调整');
        await page.getByRole('button', { name: '新建草稿' }).last().click();
        await page.waitForURL(/#\/policies\/\d+$/, { timeout: UI_TIMEOUT });
        draftId = Number(/policies\/(\d+)$/.exec(page.url())![1]);
      });
      await c.ui.step(page, 'edit-values', async () => {
        await page.getByRole('tab', { name: '星级服务' }).click();
        const bonus = page.getByLabel('二星一次性奖金');
        await bonus.waitFor({ timeout: UI_TIMEOUT });
        expect(await bonus.inputValue()).toBe((before.stars.awardBonusFen['2'] / 100).toFixed(2));
        await bonus.fill('612.5');
        await page.getByRole('tab', { name: '投诉与责任' }).click();
        const points = page.getByLabel('重大不良事件加扣分');
        expect(await points.inputValue()).toBe((before.complaints.majorAdverseEventPointsX10 / 10).toFixed(1));
        await points.fill('4.55');
        await page
          .locator('[data-field="complaints.majorAdverseEventPointsX10"]')
          .getByText('最多一位小数')
          .waitFor({ timeout: UI_TIMEOUT });
        await points.fill('4.5');
        await page
          .locator('[data-field="complaints.majorAdverseEventPointsX10"]')
          .getByText('最多一位小数')
          .waitFor({ state: 'detached', timeout: UI_TIMEOUT });
        await c.ui.shot(page, 'edit');
        await page.getByRole('button', { name: '保存' }).click();
        await page.waitForURL(/#\/policies\/\d+\/show$/, { timeout: UI_TIMEOUT });
      });
      await c.ui.step(page, 'diff', async () => {
        const diff = page.getByTestId('policy-diff');
        await diff.waitFor({ timeout: UI_TIMEOUT });
        const bonusRow = diff.getByRole('row').filter({ hasText: '二星一次性奖金' });
        await expect(bonusRow.innerText()).resolves.toMatch(/500\.00 元[\s\S]*612\.50 元/);
        const pointsRow = diff.getByRole('row').filter({ hasText: '重大不良事件加扣分' });
        await expect(pointsRow.innerText()).resolves.toMatch(/4\.0 分[\s\S]*4\.5 分/);
        expect(await diff.getByRole('row').count()).toBe(3); // header + the two changes
        expect(await diff.innerText()).not.toMatch(/awardBonusFen|X10|stars\./);
        await c.ui.shot(page, 'diff');
      });
      // stored in the api's units, with the name and the author
      const draft = (await c.s.http.get(`/api/policies/${draftId}`).set(admin)).body;
      expect(draft).toMatchObject({
        status: 'draft',
        label: draftLabel,
        description: '二星奖金与重大不良事件扣分调整',
        author: expect.stringMatching(/（E\d+）$/),
      });
      expect(draft.body.stars.awardBonusFen['2']).toBe(61250);
      expect(draft.body.complaints.majorAdverseEventPointsX10).toBe(45);
      expect({ ...draft.body, stars: before.stars, complaints: before.complaints }).toEqual(before);

      await c.ui.step(page, 'delete', async () => {
        await page.getByTestId('delete-draft').click();
        await page.getByRole('dialog').getByRole('button', { name: '删除草稿' }).click();
        await page.waitForURL(/#\/policies$/, { timeout: UI_TIMEOUT });
      });
      expect((await c.s.http.get(`/api/policies/${draftId}`).set(admin)).status).toBe(404);
    } finally {
      await page.close();
    }
  });
});
