import { randomInt } from 'node:crypto';
import type { Page } from 'playwright-core';
import { JwtService } from '@nestjs/jwt';
import { consoleSuite, expectChinese, UI_TIMEOUT } from '../support/browser';
import { eventually } from '../support/stack';

/**
 * Issue 17, the inbox trio in the console (zh-CN), each step as the user who does it: 已办 lists a task right after
 * deciding it (decision, comment, time); 我的流程 shows a case the user registered and where it waits; 批量同意 of three
 * tasks, one of them decided by someone else first, approves two and lists the third by its case title with the reason;
 * an expired session is announced and the login returns to the page the user was on. The menu is grouped by process.
 */
describe('browser: 待办 / 已办 / 我的流程, batch approve, session expiry, grouped menu', () => {
  const c = consoleSuite('inbox-trio');
  let page: Page;
  const run = String(randomInt(100000, 999999));

  beforeAll(async () => {
    page = await c.browser.newPage({ viewport: { width: 1280, height: 900 } });
  });
  afterAll(async () => page?.close());

  /** A generic review case registered by `who` through the api (it waits on the leadership), and its open task. */
  async function reviewCase(who: string, title: string): Promise<{ caseId: string; taskId: string }> {
    const created = await c.s.http
      .post('/api/cases')
      .set(await c.auth(who))
      .send({ title, businessKey: `inbox-trio-ui-${run}-${title}` });
    expect(created.status).toBe(201);
    const caseId = created.body.id as string;
    const taskId = await eventually(async () => {
      const r = await c.s.http.get(`/api/cases/${caseId}`).set(await c.auth('admin'));
      return r.body.tasks?.find((t: { status: string }) => t.status === 'open')?.id as string | undefined;
    });
    return { caseId, taskId };
  }

  const rows = () => page.locator('.RaDatagrid-tbody tr');
  const rowOf = (text: string) => rows().filter({ hasText: text });

  it('the menu is grouped by process and shows only what the roles may open; the login page says what the product is', async () => {
    await c.ui.step(page, 'login-page', async () => {
      await page.goto(c.base + '/');
      const product = page.locator('[data-testid=login-product]');
      await product.waitFor({ timeout: 3 * UI_TIMEOUT });
      const text = await product.innerText();
      expect(text).toContain('QualityFlow 质量流程');
      expect(text).toContain('在线审批与考核平台');
    });
    await c.ui.login(page, 'agent1');
    await c.ui.step(page, 'menu-groups', async () => {
      const groups = await page.locator('[data-testid^=menu-group-]').allInnerTexts();
      expect(groups[0]).toBe('审批中心');
      expect(groups).toContain('星级评定');
      // an agent opens no settlement, perception or user page: those groups are not shown at all
      for (const absent of ['月度结算', '客户感知']) expect(groups).not.toContain(absent);
      for (const item of ['待办任务', '已办任务', '我的流程'])
        await page.getByRole('menuitem', { name: item, exact: true }).waitFor({ timeout: UI_TIMEOUT });
      expect(await page.getByRole('menuitem', { name: '用户', exact: true }).count()).toBe(0);
      // the page title is said once: in the app bar, not again in the page
      await page.getByRole('menuitem', { name: '已办任务' }).click();
      await page.locator('.RaList-main').waitFor({ timeout: UI_TIMEOUT });
      expect(await page.locator('#react-admin-title').innerText()).toBe('已办任务');
      expect(await page.locator('.RaList-main').getByText('已办任务', { exact: true }).count()).toBe(0);
      await c.ui.shot(page, 'menu');
    });
    await c.ui.switchUser(page, 'admin');
    await c.ui.step(page, 'menu-admin', async () => {
      const groups = await page.locator('[data-testid^=menu-group-]').allInnerTexts();
      expect(groups).toEqual(
        expect.arrayContaining([
          '审批中心',
          '投诉与扣分',
          '月度结算',
          '星级评定',
          '回访与整改',
          '客户感知',
          '系统管理',
        ]),
      );
      await page.getByRole('menuitem', { name: '用户', exact: true }).waitFor({ timeout: UI_TIMEOUT });
    });
  });

  it('已办 lists a task right after deciding it, with the decision in words, the comment and the time', async () => {
    const title = `已办界面 ${run}`;
    const { taskId } = await reviewCase('hr1', title);
    await c.ui.switchUser(page, 'leader1');
    await c.ui.step(page, 'decide', async () => {
      await page.getByRole('menuitem', { name: '待办任务' }).click();
      await page.locator('input[name=q]').fill(title);
      await rowOf(title).first().click({ timeout: UI_TIMEOUT });
      await page.waitForURL(new RegExp(`/tasks/${taskId}/show`), { timeout: UI_TIMEOUT });
      await page.getByRole('button', { name: '驳回', exact: true }).click({ timeout: UI_TIMEOUT });
      const dialog = page.getByRole('dialog');
      await dialog.locator('textarea[name=comment]').fill('请补充说明材料');
      await dialog.getByRole('button', { name: '提交' }).click();
      await page.waitForURL(/\/cases\/.+\/show/, { timeout: UI_TIMEOUT });
    });
    await c.ui.step(page, 'done-list', async () => {
      await page.getByRole('menuitem', { name: '已办任务' }).click();
      const row = rowOf(title);
      await row.waitFor({ timeout: UI_TIMEOUT });
      const text = await row.innerText();
      expect(text).toContain('审核');
      expect(text).toContain('驳回');
      expect(text).toContain('请补充说明材料');
      expect(text).toMatch(/\d{4}[-/年]\d{1,2}/);
      expectChinese(await page.locator('.RaList-main').innerText(), [/已办界面 \d+/g]);
      await c.ui.shot(page, 'done');
      // the row opens the task page, which says who decided it and how
      await row.click();
      await page.waitForURL(new RegExp(`/tasks/${taskId}/show`), { timeout: UI_TIMEOUT });
      await page.getByText(/已由 .+ 处理：驳回/).waitFor({ timeout: UI_TIMEOUT });
    });
  });

  it('我的流程 shows a case the user registered and where it waits (stage and who)', async () => {
    const title = `我的流程界面 ${run}`;
    await c.ui.switchUser(page, 'hr1');
    await c.ui.step(page, 'register', async () => {
      await page.getByRole('menuitem', { name: '案件', exact: true }).click();
      await page.getByRole('link', { name: '新建' }).click({ timeout: UI_TIMEOUT });
      await page.locator('input[name=title]').fill(title);
      await page.getByRole('button', { name: '保存' }).click();
      await page.waitForURL(/\/cases\/.+\/show/, { timeout: UI_TIMEOUT });
    });
    await c.ui.step(page, 'my-cases', async () => {
      await page.getByRole('menuitem', { name: '我的流程' }).click();
      const row = rowOf(title);
      await eventually(async () => {
        await page.locator('.RaList-main').waitFor({ timeout: UI_TIMEOUT });
        const text = (await row.count()) ? await row.innerText() : '';
        if (!/等待/.test(text)) {
          await page
            .getByRole('button', { name: '刷新' })
            .click()
            .catch(() => undefined);
          return null;
        }
        return text;
      }, UI_TIMEOUT);
      const text = await row.innerText();
      expect(text).toContain('审核 · 等待');
      expect(text).toContain('领导');
      expectChinese(text, [/我的流程界面 \d+/g]);
      await c.ui.shot(page, 'my-cases');
    });
  });

  it('batch approve of 3 tasks with one decided by someone else first: 2 approved, 1 listed by case with the reason', async () => {
    const tag = `批量界面${run}`;
    const cases: { title: string; caseId: string; taskId: string }[] = [];
    for (const n of [1, 2, 3])
      cases.push({ title: `${tag} 第${n}件`, ...(await reviewCase('hr1', `${tag} 第${n}件`)) });
    await c.ui.switchUser(page, 'leader1');
    await c.ui.step(page, 'batch', async () => {
      await page.getByRole('menuitem', { name: '待办任务' }).click();
      await page.locator('input[name=q]').fill(tag);
      await eventually(async () => ((await rows().count()) === 3 ? true : null), UI_TIMEOUT);
      // someone else decides the second one while leader1 looks at the list
      const first = await c.s.http
        .post(`/api/tasks/${cases[1].taskId}/actions`)
        .set(await c.auth('leader2'))
        .send({ action: 'approve' });
      expect(first.status).toBe(200);
      await page.locator('thead input[type=checkbox]').check();
      await page.getByTestId('batch-approve').click();
      const dialog = page.getByRole('dialog');
      expect(await dialog.innerText()).toContain('同意以下 3 项「审核」任务');
      await dialog.locator('textarea').first().fill('同意，批量处理');
      await dialog.getByRole('button', { name: '全部同意' }).click();
      const failures = page.getByTestId('batch-failures');
      await failures.waitFor({ timeout: UI_TIMEOUT });
      const listed = await failures.innerText();
      expect(listed).toContain(cases[1].title);
      expect(listed).toContain('该任务已处理，不能再次操作');
      expect(listed).not.toContain(cases[0].title);
      expectChinese(await page.getByRole('dialog').innerText(), [new RegExp(tag, 'g')]);
      await page.getByText('1 项未能同意').waitFor({ timeout: UI_TIMEOUT });
      await c.ui.shot(page, 'batch-failed');
      await page.getByRole('button', { name: '关闭' }).click();
    });
    for (const k of [0, 2]) {
      const detail = await eventually(async () => {
        const r = await c.s.http.get(`/api/cases/${cases[k].caseId}`).set(await c.auth('hr1'));
        return r.body.status === 'closed' ? r.body : null;
      });
      expect(detail.tasks[0]).toMatchObject({ decision: 'approve', decidedBy: c.s.users.leader1 });
    }
    await c.ui.step(page, 'batch-done', async () => {
      await page.getByRole('menuitem', { name: '已办任务' }).click();
      await page.locator('input[name=q]').fill(tag);
      await eventually(async () => ((await rows().count()) === 2 ? true : null), UI_TIMEOUT);
      for (const text of await rows().allInnerTexts()) expect(text).toContain('同意，批量处理');
    });
  });

  it('an expired session says 登录已过期，请重新登录 and the login returns to the page the user was on', async () => {
    await c.ui.switchUser(page, 'leader1');
    await c.ui.step(page, 'expire', async () => {
      await page.getByRole('menuitem', { name: '已办任务' }).click();
      await page.locator('.RaList-main').waitFor({ timeout: UI_TIMEOUT });
      // the token the console holds runs out (signed by the api's key, expired a minute ago)
      const expired = c.s.app
        .get(JwtService)
        .sign({ sub: c.s.users.leader1, tv: 0, iat: Math.floor(Date.now() / 1000) - 3600 }, { expiresIn: 60 });
      await page.evaluate((t) => localStorage.setItem('qf.token', t), expired);
      await page.getByRole('menuitem', { name: '我的流程' }).click();
      await page.getByText('登录已过期，请重新登录').waitFor({ timeout: UI_TIMEOUT });
      await page.locator('input[name=username]').waitFor({ timeout: UI_TIMEOUT });
      await c.ui.shot(page, 'expired');
      await page.fill('input[name=username]', 'leader1');
      await page.fill('input[name=password]', 'demo');
      await page.click('button[type=submit]');
      await page.waitForURL(/#\/my-cases/, { timeout: UI_TIMEOUT });
      await page.locator('.RaList-main').waitFor({ timeout: UI_TIMEOUT });
    });
  });
});
