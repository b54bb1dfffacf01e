import type { Page } from 'playwright-core';
import { consoleSuite, UI_TIMEOUT } from '../support/browser';

/**
 * Issue 17, first load: the login route carries the Chinese catalogue only; the English one (i18n/en.ts with the
 * English areas, i18n/areas/index.en.ts) loads when someone switches to English, and then the whole screen is English —
 * the main catalogue's labels and the areas' labels (menu groups) alike. Switching back shows Chinese again.
 */
describe('browser: switching the console to English and back', () => {
  const c = consoleSuite('i18n');
  let page: Page;
  const scripts: string[] = [];

  beforeAll(async () => {
    page = await c.browser.newPage({ locale: 'zh-CN' });
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
    });
  });
  afterAll(async () => page?.close());

  /** The English catalogue's chunk (vite names it after en.ts). */
  const englishLoaded = () => scripts.some((p) => /\/assets\/en-[\w-]+\.js$/.test(p));

  it('the login route loads no English; switching loads it and shows English labels; switching back shows Chinese', async () => {
    await c.ui.step(page, 'zh', async () => {
      await page.goto(`${c.base}/`);
      await page.locator('input[name=username]').waitFor({ timeout: 3 * UI_TIMEOUT });
      expect(scripts.length).toBeGreaterThan(0);
      expect(englishLoaded()).toBe(false);
      await c.ui.login(page, 'admin');
      await page.getByText('质量流程工作台').first().waitFor({ timeout: UI_TIMEOUT });
      await page.getByText('审批中心').first().waitFor({ timeout: UI_TIMEOUT }); // a menu group (areas/menu.zh.ts)
      expect(englishLoaded()).toBe(false);
    });
    await c.ui.step(page, 'en', async () => {
      await page.getByRole('button', { name: '中文' }).click();
      await page.getByRole('menuitem', { name: 'English' }).click();
      // the main catalogue (en.ts) and an area's labels (areas/menu.en.ts via index.en.ts)
      await page.getByText('QualityFlow workbench').first().waitFor({ timeout: UI_TIMEOUT });
      await page.getByText('Approvals', { exact: true }).first().waitFor({ timeout: UI_TIMEOUT });
      expect(englishLoaded()).toBe(true);
      expect(await page.getByText('审批中心').count()).toBe(0);
      await c.ui.shot(page, 'english');
    });
    await c.ui.step(page, 'back-to-zh', async () => {
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('menuitem', { name: '中文' }).click();
      await page.getByText('审批中心').first().waitFor({ timeout: UI_TIMEOUT });
      await page.getByText('质量流程工作台').first().waitFor({ timeout: UI_TIMEOUT });
      expect(await page.getByText('Approvals', { exact: true }).count()).toBe(0);
    });
  });
});
