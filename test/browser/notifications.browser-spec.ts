import { Browser, Page } from 'playwright-core';
import { consoleSession, expectChinese, launchBrowser, UI_TIMEOUT } from '../support/browser';
import { startSmtpServer, startWebhookReceiver } from '../support/notify-receivers';
import { eventually, startTestStack, TestStack } from '../support/stack';

/**
 * Notifications reach people (issue 17) in the console, zh-CN, with a real SMTP server and a real local webhook
 * receiver: the user sets 通知设置 (e-mail + a group robot); a task assigned to them raises the bell, the list shows
 * the message in Chinese with the names, and marking it read lowers the count; the SMTP server received one mail.
 * The robot always fails: the admin sees the dead-lettered delivery in Chinese on 通知投递 and retries it once the
 * receiver works again — it is delivered once.
 */
describe('browser: notification bell, 通知设置 and 通知投递 (issue 17)', () => {
  let s: TestStack;
  let browser: Browser;
  let ui: ReturnType<typeof consoleSession>;
  let base: string;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let hooks: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let healed = false;
  const person = { code: 'E8711', name: '铃铛测试丙', username: 'notify-bell1', employeeId: '', userId: '' };
  const EMAIL = 'bell1@example.com';
  const TITLE = '铃铛测试：局端设备故障';

  const auth = async (u: string) => ({ Authorization: `Bearer ${await s.login(u)}` });

  beforeAll(async () => {
    smtp = await startSmtpServer();
    hooks = await startWebhookReceiver(() => (healed ? 200 : 500));
    s = await startTestStack({
      SMTP_URL: smtp.url,
      NOTIFY_WEBHOOKS: JSON.stringify([{ id: 'ops', name: '运维值班群', format: 'wecom', url: `${hooks.url}/ops` }]),
      NOTIFY_POLL_MS: '50',
      NOTIFY_BACKOFF_MS: '50',
      NOTIFY_BACKOFF_MAX_MS: '200',
      NOTIFY_MAX_ATTEMPTS: '3',
    });
    browser = await launchBrowser();
    base = s.baseUrl.replace('[::1]', '127.0.0.1');
    ui = consoleSession(base, 'notifications');
    const [unit] = await s.ds.query(`SELECT id FROM org_units WHERE code = 'a-team1'`);
    const admin = await auth('admin');
    const e = await s.http.post('/api/employees').set(admin).send({
      code: person.code,
      name: person.name,
      unitId: unit.id,
      post: '部门负责人',
      postBonusFen: 0,
      employmentType: 'staff',
    });
    expect(e.status).toBe(201);
    const u = await s.http
      .post('/api/users')
      .set(admin)
      .send({
        username: person.username,
        displayName: person.name,
        roles: ['employee'],
        employeeId: e.body.id,
        password: 'demo-password',
      });
    expect(u.status).toBe(201);
    Object.assign(person, { employeeId: e.body.id, userId: u.body.id });
    // the console helpers sign in with the demo password
    await s.ds.query(
      `UPDATE users SET password_hash = (SELECT password_hash FROM users WHERE username = 'admin') WHERE id = $1`,
      [person.userId],
    );
  });
  afterAll(async () => {
    // the shared database outlives this file: leave no preferences that would send other files' notifications
    if (person.userId)
      await s.http
        .put('/api/notification-preferences/me')
        .set(await auth(person.username))
        .send({ email: null, channels: [], webhookTargets: [] });
    await browser?.close();
    await s?.stop();
    await hooks?.stop();
    await smtp?.stop();
  });

  const badge = (page: Page) => page.getByTestId('notification-count').locator('.MuiBadge-badge');
  const bellCount = async (page: Page) => {
    const b = badge(page);
    if (await b.evaluate((el) => el.classList.contains('MuiBadge-invisible'))) return 0;
    return Number(await b.innerText());
  };

  it('the bell rises when a task is assigned, lists it in Chinese with names, and mark read lowers it; the admin retries a dead letter', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    await ui.login(page, person.username);

    await ui.step(page, 'settings', async () => {
      await page.getByTestId('notification-bell').click();
      await page.getByRole('button', { name: '通知设置' }).click();
      const form = page.getByTestId('notification-settings');
      await form.waitFor({ timeout: UI_TIMEOUT });
      expectChinese(await form.innerText());
      await form.getByLabel('邮件通知').check();
      await form.getByLabel('邮箱地址').fill(EMAIL);
      await form.getByLabel('群机器人推送').check();
      await form.getByLabel('运维值班群（企业微信）').check();
      await form.getByRole('button', { name: '保存' }).click();
      await page.getByText('通知设置已保存').waitFor({ timeout: UI_TIMEOUT });
      const saved = await s.http.get('/api/notification-preferences/me').set(await auth(person.username));
      expect(saved.body).toMatchObject({ email: EMAIL, channels: ['email', 'webhook'], webhookTargets: ['ops'] });
    });

    const before = await bellCount(page);
    const incident = await s.http
      .post('/api/incidents')
      .set(await auth('quality1'))
      .send({
        title: TITLE,
        description: '铃铛测试用的重大服务事件',
        occurredAt: '2026-04-04T09:00:00+08:00',
        unitId: (await s.ds.query(`SELECT id FROM org_units WHERE code = 'a-team1'`))[0].id,
        departmentHeadId: person.employeeId,
      });
    expect(incident.status).toBe(201);

    await ui.step(page, 'bell', async () => {
      // the bell asks on every page change (and every 30 s)
      await page.goto(`${base}/#/notification-settings?t=1`);
      await eventually(async () => {
        if ((await bellCount(page)) > before) return true;
        await page.goto(`${base}/#/notification-settings?t=${Date.now()}`);
        return false;
      }, UI_TIMEOUT);
      expect(await bellCount(page)).toBe(before + 1);
      await page.getByTestId('notification-bell').click();
      const list = page.getByTestId('notification-list');
      const item = list.getByTestId('notification-item').filter({ hasText: TITLE });
      await item.waitFor({ timeout: UI_TIMEOUT });
      const text = await item.innerText();
      expect(text).toContain('新待办');
      expect(text).toContain(`${person.name}（${person.code}）`);
      expectChinese(await list.innerText());
      expect(await item.getAttribute('data-read')).toBe('false');
      await item.getByRole('button', { name: '标为已读' }).click();
      await eventually(async () => (await bellCount(page)) === before || undefined, UI_TIMEOUT);
      // the count and the list are two queries: the item turns read when the list's answer arrives
      await eventually(async () => (await item.getAttribute('data-read')) === 'true' || undefined, UI_TIMEOUT);
      await page.keyboard.press('Escape');
    });

    // the SMTP server received exactly one mail for it
    await eventually(async () => smtp.mails.some((m) => m.to.includes(EMAIL)) || undefined);
    const [{ n }] = await s.ds.query(
      `SELECT count(*)::int AS n FROM notification_outbox WHERE target = $1 AND status <> 'sent'`,
      [EMAIL],
    );
    expect(n).toBe(0);
    expect(smtp.mails.filter((m) => m.to.includes(EMAIL))).toHaveLength(1);

    // the robot failed every time: dead-lettered after 3 attempts
    const [dead] = await eventually(async () => {
      const r = await s.ds.query(
        `SELECT o.id::text AS id, o.status, o.attempts FROM notification_outbox o JOIN notifications n ON n.id = o.notification_id
         JOIN cases c ON c.id = n.case_id WHERE c.title LIKE $1 AND o.channel = 'webhook'`,
        [`%${TITLE}%`],
      );
      return r.length === 1 && r[0].status === 'dead' && r;
    });
    expect(dead.attempts).toBe(3);

    await ui.step(page, 'admin-outbox', async () => {
      await ui.switchUser(page, 'admin');
      await page.goto(`${base}/#/notification-outbox`);
      const row = page.getByRole('row').filter({ hasText: TITLE }).filter({ hasText: '运维值班群' });
      await row.waitFor({ timeout: UI_TIMEOUT });
      const text = await row.innerText();
      expect(text).toContain('已停止投递');
      expect(text).toContain('接收方返回错误（状态码 500）');
      expect(text).toContain(`${person.name}（${person.code}）`);
      // the list (the menu beside it is another area's): no address, no code — the e-mail row says 本人邮箱
      const table = page.getByRole('table');
      expectChinese(await table.innerText());
      expect(await table.innerText()).not.toContain(EMAIL);
      await table.getByRole('row').filter({ hasText: TITLE }).filter({ hasText: '本人邮箱' }).waitFor();
      healed = true;
      await row.getByRole('button', { name: '重试' }).click();
      await page.getByText('已重新排队发送').waitFor({ timeout: UI_TIMEOUT });
      await eventually(async () => {
        const [r] = await s.ds.query(`SELECT status, attempts FROM notification_outbox WHERE id = $1`, [dead.id]);
        return r.status === 'sent' && r;
      });
      await page.reload();
      await page
        .getByRole('row')
        .filter({ hasText: TITLE })
        .filter({ hasText: '运维值班群' })
        .filter({ hasText: '已发送' })
        .waitFor({ timeout: UI_TIMEOUT });
    });
    expect(hooks.requests.filter((r) => r.status === 200)).toHaveLength(1);
    const [audit] = await s.ds.query(
      `SELECT actor FROM audit_log WHERE action = 'notification.retried' AND entity_id = $1`,
      [dead.id],
    );
    expect(audit).toEqual({ actor: 'admin' });
    await page.close();
  });

  it('on a phone (390×844) the bell and its list fit the screen', async () => {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 1,
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();
    await page.goto(`${base}/`);
    await page.locator('input[name=username]').waitFor({ timeout: 3 * UI_TIMEOUT });
    await ui.login(page, person.username);
    const inside = async (selector: string) => {
      const box = await page.locator(selector).first().boundingBox();
      expect(box).not.toBeNull();
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    };
    await inside('[data-testid=notification-bell]');
    await page.getByTestId('notification-bell').click();
    await page.getByTestId('notification-item').filter({ hasText: TITLE }).waitFor({ timeout: UI_TIMEOUT });
    await inside('[data-testid=notification-list]');
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
    }));
    expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
    await context.close();
  });
});
