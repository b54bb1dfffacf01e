import { createHmac } from 'node:crypto';
import { eventually, startTestStack, TestStack } from '../support/stack';
import { startSmtpServer, startWebhookReceiver } from '../support/notify-receivers';

/** the DingTalk robot's 加签 secret of this file's configuration */
const DING_SECRET = 'SECnotify-e2e-0123456789';

/**
 * Notifications reach people (issue 17) on real Postgres, Temporal, a real SMTP server (smtp-server) and a real local
 * HTTP receiver — no mocks. A task assigned to a user raises their bell and sends them one mail; a WeCom robot that
 * answers 500 twice gets the message once, on the third try; a target that always fails ends dead-lettered, which the
 * admin sees and retries.
 */
describe('notifications: bell, outbox, e-mail and webhooks', () => {
  let s: TestStack;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let hooks: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let brokenHealed = false;
  let unit: { id: string };
  const people: Record<string, { employeeId: string; userId: string; username: string; name: string }> = {};

  const auth = async (u: string) => ({ Authorization: `Bearer ${await s.login(u, 'demo-password')}` });
  const admin = async () => ({ Authorization: `Bearer ${await s.login('admin')}` });

  async function person(key: string, code: string, name: string) {
    const a = await admin();
    const e = await s.http
      .post('/api/employees')
      .set(a)
      .send({ code, name, unitId: unit.id, post: '部门负责人', postBonusFen: 0, employmentType: 'staff' });
    expect(e.status).toBe(201);
    const username = `notify-${key}`;
    const u = await s.http
      .post('/api/users')
      .set(a)
      .send({ username, displayName: name, roles: ['employee'], employeeId: e.body.id, password: 'demo-password' });
    expect(u.status).toBe(201);
    people[key] = { employeeId: e.body.id, userId: u.body.id, username, name: `${name}（${code}）` };
  }

  /** A major incident names `key` as the department head: an interview task assigned to their login. */
  async function incidentFor(key: string, title: string): Promise<string> {
    const r = await s.http
      .post('/api/incidents')
      .set({ Authorization: `Bearer ${await s.login('quality1')}` })
      .send({
        title,
        description: '通知测试用的重大服务事件',
        occurredAt: '2026-03-03T08:00:00+08:00',
        unitId: unit.id,
        departmentHeadId: people[key].employeeId,
      });
    expect(r.status).toBe(201);
    return r.body.caseId;
  }

  const unread = async (key: string) =>
    (await s.http.get('/api/notifications/unread-count').set(await auth(people[key].username))).body.count as number;
  const outboxOf = (caseId: string) =>
    s.ds.query(
      `SELECT o.channel, o.target, o.status, o.attempts, o.last_error, o.idempotency_key, o.id::text AS id
       FROM notification_outbox o JOIN notifications n ON n.id = o.notification_id
       WHERE n.case_id = $1 AND n.kind = 'task' ORDER BY o.channel, o.target`,
      [caseId],
    );

  beforeAll(async () => {
    smtp = await startSmtpServer();
    hooks = await startWebhookReceiver((path, n) => {
      if (path === '/flaky') return n <= 2 ? 500 : 200;
      if (path === '/broken') return brokenHealed ? 200 : 500;
      return 200;
    });
    s = await startTestStack({
      SMTP_URL: smtp.url,
      NOTIFY_WEBHOOKS: JSON.stringify([
        { id: 'flaky', name: '质量群（企业微信）', format: 'wecom', url: `${hooks.url}/flaky` },
        { id: 'broken', name: '故障群', format: 'json', url: `${hooks.url}/broken` },
        {
          id: 'ding',
          name: '钉钉群',
          format: 'dingtalk',
          url: `${hooks.url}/ding?access_token=t1`,
          secret: DING_SECRET,
        },
      ]),
      NOTIFY_POLL_MS: '50',
      NOTIFY_BACKOFF_MS: '50',
      NOTIFY_BACKOFF_MAX_MS: '200',
      NOTIFY_MAX_ATTEMPTS: '4',
    });
    [unit] = await s.ds.query(`SELECT id FROM org_units WHERE code = 'a-team1'`);
    await person('mail', 'E8701', '通知测试甲');
    await person('dead', 'E8702', '通知测试乙');
  });
  afterAll(async () => {
    // the shared database outlives this file: leave no preferences that would send other files' notifications
    for (const p of Object.values(people))
      await s.http
        .put('/api/notification-preferences/me')
        .set(await auth(p.username))
        .send({ email: null, channels: [], webhookTargets: [] });
    await s?.stop();
    await hooks?.stop();
    await smtp?.stop();
  });

  it('a user edits their own preferences; bad ones are refused naming the field', async () => {
    const me = await auth(people.mail.username);
    const start = await s.http.get('/api/notification-preferences/me').set(me);
    expect(start.status).toBe(200);
    expect(start.body).toMatchObject({ email: null, channels: [], webhookTargets: [], emailEnabled: true });
    expect(start.body.availableTargets).toEqual([
      { id: 'flaky', name: '质量群（企业微信）', format: 'wecom' },
      { id: 'broken', name: '故障群', format: 'json' },
      { id: 'ding', name: '钉钉群', format: 'dingtalk' },
    ]);
    expect(JSON.stringify(start.body)).not.toContain(hooks.url); // the addresses stay in the configuration
    expect(JSON.stringify(start.body)).not.toContain(DING_SECRET);

    const unknown = await s.http
      .put('/api/notification-preferences/me')
      .set(me)
      .send({ email: 'a@example.com', channels: ['webhook'], webhookTargets: ['nope'] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.details[0].path).toBe('webhookTargets.0');
    const noAddress = await s.http
      .put('/api/notification-preferences/me')
      .set(me)
      .send({ email: null, channels: ['email'], webhookTargets: [] });
    expect(noAddress.status).toBe(400);
    expect(noAddress.body.details[0].path).toBe('email');
    const badMail = await s.http
      .put('/api/notification-preferences/me')
      .set(me)
      .send({ email: 'not-a-mail', channels: ['email'], webhookTargets: [] });
    expect(badMail.status).toBe(400);
    expect(badMail.body.details[0].path).toBe('email');

    const saved = await s.http
      .put('/api/notification-preferences/me')
      .set(me)
      .send({ email: 'jia@example.com', channels: ['email', 'webhook'], webhookTargets: ['flaky', 'ding'] });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ email: 'jia@example.com', channels: ['email', 'webhook'] });
    const dead = await s.http
      .put('/api/notification-preferences/me')
      .set(await auth(people.dead.username))
      .send({ email: null, channels: ['webhook'], webhookTargets: ['broken'] });
    expect(dead.status).toBe(200);
  });

  it('a task assigned to a user raises their bell and sends one mail; a robot failing twice gets it once on the third try', async () => {
    expect(await unread('mail')).toBe(0);
    const caseId = await incidentFor('mail', '通知测试：机房断电');

    // the bell: the task's notification, in words with the names
    expect(await eventually(async () => (await unread('mail')) === 1 || undefined)).toBe(true);
    const me = await auth(people.mail.username);
    const list = await s.http.get('/api/notifications').set(me);
    expect(list.status).toBe(200);
    expect(list.body).toHaveLength(1);
    expect(list.body[0]).toMatchObject({ kind: 'task', caseId, read: false });
    expect(list.body[0].message).toMatch(/^新待办「.+」：/);
    expect(list.body[0].message).toContain(people.mail.name);
    // another user's bell does not ring for it
    expect(await unread('dead')).toBe(0);

    // the outbox: one e-mail, one WeCom robot, one DingTalk robot — all sent; the WeCom one on the third attempt
    const rows = await eventually(async () => {
      const r = await outboxOf(caseId);
      return r.length === 3 && r.every((x: { status: string }) => x.status === 'sent') && r;
    });
    expect(
      rows.map((r: { channel: string; target: string; status: string; attempts: number }) => [
        r.channel,
        r.target,
        r.status,
        r.attempts,
      ]),
    ).toEqual([
      ['email', 'jia@example.com', 'sent', 1],
      ['webhook', 'ding', 'sent', 1],
      ['webhook', 'flaky', 'sent', 3],
    ]);

    // the SMTP server received exactly one mail for it, to the user's address, with the message
    const mails = smtp.mails.filter((m) => m.to.includes('jia@example.com'));
    expect(mails).toHaveLength(1);
    const [head, body] = mails[0].raw.split(/\r?\n\r?\n/);
    const headers = head.replace(/\r?\n[ \t]+/g, ' '); // unfolded
    expect(headers).toContain(`Idempotency-Key: ${rows[0].idempotency_key}`);
    const subject = /^Subject: =\?UTF-8\?B\?(.+)\?=$/im.exec(headers)![1];
    expect(Buffer.from(subject, 'base64').toString('utf8')).toBe('【质量管理】新待办');
    expect(headers).toContain('Content-Transfer-Encoding: base64');
    const text = Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
    expect(text).toContain(`${people.mail.name}，您好`);
    expect(text).toContain(list.body[0].message);

    // the WeCom receiver: 500, 500, then 200 — received (answered 2xx) exactly once, the same key every time
    const flaky = hooks.requests.filter((r) => r.path === '/flaky');
    expect(flaky.map((r) => r.status)).toEqual([500, 500, 200]);
    expect(new Set(flaky.map((r) => r.headers['idempotency-key']))).toEqual(new Set([rows[2].idempotency_key]));
    expect(flaky[2].body).toEqual({ msgtype: 'text', text: { content: expect.stringContaining(people.mail.name) } });
    const ding = hooks.requests.filter((r) => r.path.startsWith('/ding?'));
    expect(ding).toHaveLength(1);
    expect(ding[0].body).toEqual({ msgtype: 'text', text: { content: expect.stringContaining('新待办') } });
    // the robot is secured by 加签: the receiver checks the signature as DingTalk does, and the secret never travels
    const q = new URL(ding[0].path, hooks.url).searchParams;
    expect(q.get('access_token')).toBe('t1');
    const timestamp = Number(q.get('timestamp'));
    expect(Math.abs(Date.now() - timestamp)).toBeLessThan(3_600_000);
    const expected = createHmac('sha256', DING_SECRET).update(`${timestamp}\n${DING_SECRET}`).digest('base64');
    expect(q.get('sign')).toBe(expected);
    expect(ding[0].path + JSON.stringify(ding[0].body)).not.toContain(DING_SECRET);
    // nothing more is attempted once sent
    await s.ds.query(`SELECT pg_sleep(0.3)`);
    expect(hooks.requests.filter((r) => r.path === '/flaky')).toHaveLength(3);
    expect(smtp.mails.filter((m) => m.to.includes('jia@example.com'))).toHaveLength(1);

    // mark read lowers the count; someone else cannot mark it
    const other = await s.http
      .post('/api/notifications/read')
      .set(await auth(people.dead.username))
      .send({ ids: [list.body[0].id] });
    expect(other.body).toMatchObject({ marked: 0 });
    expect(await unread('mail')).toBe(1);
    const read = await s.http
      .post('/api/notifications/read')
      .set(me)
      .send({ ids: [list.body[0].id] });
    expect(read.status).toBe(200);
    expect(read.body).toEqual({ marked: 1, unread: 0 });
    expect((await s.http.get('/api/notifications?filter={"unread":true}').set(me)).body).toEqual([]);
    expect(
      (
        await s.http
          .post('/api/notifications/read')
          .set(me)
          .send({ ids: ['x'] })
      ).status,
    ).toBe(400);
  });

  it('a target that always fails ends dead-lettered after the configured attempts; the admin sees it and retries it', async () => {
    const caseId = await incidentFor('dead', '通知测试：光缆中断');
    const [row] = await eventually(async () => {
      const r = await outboxOf(caseId);
      return r.length === 1 && r[0].status === 'dead' && r;
    });
    expect(row).toMatchObject({ channel: 'webhook', target: 'broken', attempts: 4 });
    expect(row.last_error).toContain('HTTP 500');
    expect(hooks.requests.filter((r) => r.path === '/broken').map((r) => r.status)).toEqual([500, 500, 500, 500]);

    // visible to admins only
    const a = await admin();
    const dead = await s.http
      .get(`/api/notification-outbox?filter=${encodeURIComponent(JSON.stringify({ status: 'dead' }))}`)
      .set(a);
    expect(dead.status).toBe(200);
    const mine = dead.body.find((r: { id: string }) => r.id === row.id);
    expect(mine).toMatchObject({ status: 'dead', attempts: 4, targetName: '故障群', recipient: people.dead.name });
    expect(mine.lastError).toContain('HTTP 500');
    expect((await s.http.get('/api/notification-outbox').set(await auth(people.dead.username))).status).toBe(403);
    expect((await s.http.post('/api/notification-outbox/999999999/retry').set(a)).status).toBe(404);
    expect((await s.http.post('/api/notification-outbox/abc/retry').set(a)).status).toBe(404);

    // the receiver heals; the admin's retry delivers it once
    brokenHealed = true;
    const retried = await s.http.post(`/api/notification-outbox/${row.id}/retry`).set(a);
    expect(retried.status).toBe(200);
    const sent = await eventually(async () => {
      const r = await s.http.get(`/api/notification-outbox/${row.id}`).set(a);
      return r.body.status === 'sent' && r.body;
    });
    expect(sent.attempts).toBe(1);
    expect(hooks.requests.filter((r) => r.path === '/broken').map((r) => r.status)).toEqual([500, 500, 500, 500, 200]);
    const again = await s.http.post(`/api/notification-outbox/${row.id}/retry`).set(a);
    expect(again.status).toBe(409);
    const audit = await s.ds.query(
      `SELECT actor FROM audit_log WHERE action = 'notification.retried' AND entity_id = $1`,
      [row.id],
    );
    expect(audit).toEqual([{ actor: 'admin' }]);
  });
});
