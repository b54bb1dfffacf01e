import { randomInt } from 'node:crypto';
import { Page } from 'playwright-core';
import { consoleSuite, expectChinese, UI_TIMEOUT } from '../support/browser';
import { eventually } from '../support/stack';

/** The meeting is scheduled this far ahead just before the callback is submitted, so the new rectification is due at it. */
const MEETING_LEAD_MS = 5000;

interface Rectification {
  id: string;
  status: string;
  overdue: boolean;
  late: boolean;
  meetingId: string | null;
  meetingTitle: string | null;
  dueAt: string | null;
  orderNo: string | null;
}

/**
 * E-2, E-3, E-7, E-8 in the console, every action of the published rectification flow as its user: the dispatcher's
 * 不满意 opens the rectification; its meeting passes (overdue: the board's 已超期 card and rows agree); the team lead
 * sees the callback, claims, comments and submits the plan; the manager schedules the next meeting, sees the plan,
 * comments and reopens it (due at that meeting), moves the meeting (the due time follows), and confirms the
 * resubmitted plan. Each result is checked through the api and the database.
 */
describe('browser: dissatisfied callback → rectification → overdue → plan, review, reopen, meeting moves, confirmed (E-2, E-3, E-7, E-8)', () => {
  const c = consoleSuite('rectification');
  const auth = (u: string) => c.auth(u);
  const rect = async (id: string): Promise<Rectification> =>
    (await c.s.http.get(`/api/rectifications/${id}`).set(await auth('admin'))).body;
  const summary = async () => (await c.s.http.get('/api/rectifications/summary').set(await auth('admin'))).body;

  /** 待办任务 → the one open task of this order at the stage → its page with the decision panel. */
  async function openTask(page: Page, orderNo: string, stageLabel: string) {
    await page.getByRole('menuitem', { name: '待办任务' }).click();
    const row = page.getByRole('row').filter({ hasText: orderNo }).filter({ hasText: stageLabel });
    await row.first().waitFor({ timeout: UI_TIMEOUT });
    expect(await row.count()).toBe(1);
    await row.click();
    await page.getByRole('heading', { name: stageLabel, exact: true }).waitFor({ timeout: UI_TIMEOUT });
    await page.getByTestId('rectification-decision').waitFor({ timeout: UI_TIMEOUT });
  }

  async function comment(page: Page, text: string) {
    await page.getByRole('button', { name: '评论', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: /意见/ }).fill(text);
    await dialog.getByRole('button', { name: '提交' }).click();
    await page.waitForURL(/\/cases\/[^/]+\/show/, { timeout: UI_TIMEOUT });
    await dialog.waitFor({ state: 'detached', timeout: UI_TIMEOUT });
  }

  async function submitPlan(page: Page, round: number) {
    await page.getByRole('button', { name: '提交整改', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor({ timeout: UI_TIMEOUT });
    await dialog.getByRole('textbox', { name: '回访记录' }).fill(`第 ${round} 次：已上门回访报修人，客户认可处理结果`);
    await dialog.getByRole('textbox', { name: '原因分析' }).fill('派单延误，维修人员未在 1 小时内联系');
    await dialog.getByRole('textbox', { name: '整改措施' }).fill('调整派单流程，超时自动提醒班组长');
    await dialog.getByRole('button', { name: '提交' }).click();
    await page.waitForURL(/\/cases\/[^/]+\/show/, { timeout: UI_TIMEOUT });
    await dialog.waitFor({ state: 'detached', timeout: UI_TIMEOUT });
  }

  /** A browser-local `YYYY-MM-DDTHH:mm` for a datetime-local input. */
  const localInput = (page: Page, ms: number) =>
    page.evaluate((t) => {
      const d = new Date(t);
      const p = (n: number) => String(n).padStart(2, '0');
      return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
    }, ms);

  const actions = (caseId: string) =>
    c.s.ds.query(
      `SELECT action, actor, details->>'stage' AS stage, details->>'comment' AS comment FROM audit_log WHERE case_id = $1 AND action LIKE 'task.%' ORDER BY id`,
      [caseId],
    );

  it('the callback opens it; overdue on the board; planned, reopened at the next meeting, the meeting moved, resubmitted and confirmed', async () => {
    // --- set-up through the api: one closed hotline order of a-team1, assigned for its closing day
    const [{ id: teamId }] = await c.s.ds.query(`SELECT id FROM org_units WHERE code = 'a-team1'`);
    const [repairer] = await c.s.ds.query(
      `SELECT id, name, code FROM employees WHERE unit_id = $1 ORDER BY code LIMIT 1`,
      [teamId],
    );
    const orderNo = `BR-${randomInt(10000000, 99999999)}`;
    const reporter = `报修人${String(Date.now()).slice(-4)}号`;
    const closedAt = new Date().toISOString();
    const created = await c.s.http
      .post('/api/work-orders')
      .set(await auth('dispatcher1'))
      .send({
        orderNo,
        faultKey: `F-${orderNo}`,
        source: 'hotline',
        repairerId: repairer.id,
        teamUnitId: teamId,
        reporter,
        closedAt,
      });
    expect(created.status).toBe(201);
    const closingDay = new Date(closedAt).toLocaleDateString('en-CA', { timeZone: 'Asia/Shanghai' });
    expect(
      (
        await c.s.http
          .post('/api/evaluations/assign')
          .set(await auth('dispatcher1'))
          .send({ date: closingDay, seed: '20260101' })
      ).status,
    ).toBe(200);
    // one order in the team-day: 10 % of 1 rounds to 0 manager callbacks, so the callback is a dispatcher's (E-2)
    const [evaluation] = await c.s.ds.query(
      `SELECT ev.id, ev.kind, u.username FROM evaluations ev JOIN work_orders w ON w.id = ev.order_id JOIN users u ON u.id = ev.evaluator_user_id
       WHERE w.order_no = $1 AND ev.kind <> 'foreman'`,
      [orderNo],
    );
    expect(evaluation).toMatchObject({ kind: 'dispatcher' });

    const page = await c.browser.newPage({ viewport: { width: 1280, height: 1000 } });
    const dialog = page.getByRole('dialog');

    // --- E-3: the dispatcher records 不满意 in 回访评价
    await c.ui.login(page, evaluation.username);
    const meetingTitle = `浏览器故障分析会${orderNo.slice(3)}`;
    let meetingId = '';
    await c.ui.step(page, 'callback', async () => {
      await page.getByRole('menuitem', { name: '回访评价' }).click();
      // the e2e layer shares this database and gives the same evaluator earlier items: narrow the list to this order
      await page.goto(
        `${c.base}/#/evaluations?filter=${encodeURIComponent(JSON.stringify({ mine: true, pending: true, orderId: created.body.id }))}`,
      );
      const row = page.getByRole('row').filter({ hasText: orderNo });
      await row.waitFor({ timeout: UI_TIMEOUT });
      expect(await row.innerText()).toContain(reporter);
      expect(await row.innerText()).toContain('调度回访');
      await row.getByRole('button', { name: '回访' }).click();
      await dialog.waitFor({ timeout: UI_TIMEOUT });
      expect(await dialog.getByTestId('evaluation-explanation').innerText()).toContain('调度回访');
      await dialog.getByRole('textbox', { name: /1个小时/ }).fill('没有，第二天才联系');
      await dialog.getByRole('button', { name: '不满意 6 分' }).click();
      await dialog.getByRole('textbox', { name: '备注（可选）' }).fill('上门超时');
      // E-7: due at the next fault-analysis meeting, scheduled (manager1) just before submitting
      const meeting = await c.s.http
        .post('/api/meetings')
        .set(await auth('manager1'))
        .send({ title: meetingTitle, scheduledAt: new Date(Date.now() + MEETING_LEAD_MS).toISOString() });
      expect(meeting.status).toBe(201);
      meetingId = meeting.body.id;
      await dialog.getByRole('button', { name: '提交评价' }).click();
      await dialog.getByTestId('evaluation-outcome').waitFor({ timeout: UI_TIMEOUT });
      expect(await dialog.getByTestId('evaluation-outcome').innerText()).toContain('不满意，得分 6 分');
      await dialog.getByRole('link', { name: '查看整改案件' }).waitFor({ timeout: UI_TIMEOUT });
    });
    const [{ rectification_case_id: caseId }] = await c.s.ds.query(
      `SELECT rectification_case_id FROM evaluations WHERE id = $1`,
      [evaluation.id],
    );
    expect(await rect(caseId)).toMatchObject({ status: 'open', orderNo, meetingId });
    expect(
      (
        await c.s.http
          .post(`/api/evaluations/${evaluation.id}/answer`)
          .set(await auth(evaluation.username))
          .send({ choice: 'satisfied' })
      ).status,
    ).toBe(409);

    // --- E-8: the meeting passes; the workflow's timer marks it overdue
    await eventually(async () => (await rect(caseId)).overdue === true, 30000);

    // --- the board: the 已超期 card is the api's count, the rows it opens are exactly those, each marked 已超期
    await c.ui.switchUser(page, 'admin');
    await c.ui.step(page, 'board', async () => {
      await page.getByRole('menuitem', { name: '整改看板' }).click();
      const s = await summary();
      expect(s.overdue).toBeGreaterThanOrEqual(1);
      const card = page.getByTestId('rectification-summary').getByRole('button').filter({ hasText: '已超期' });
      await card.filter({ hasText: String(s.overdue) }).waitFor({ timeout: UI_TIMEOUT });
      const listed = page.waitForResponse(
        (r) => /\/api\/rectifications\?/.test(r.url()) && decodeURIComponent(r.url()).includes('"overdue":true'),
        { timeout: UI_TIMEOUT },
      );
      await card.click();
      const res = await listed;
      expect(Number(/\/(\d+)$/.exec(res.headers()['content-range'] ?? '')?.[1])).toBe(s.overdue);
      const rows = page.locator('tbody tr');
      await rows.first().waitFor({ timeout: UI_TIMEOUT });
      const shown = await rows.count();
      expect(shown).toBe(Math.min(s.overdue, 25));
      for (let i = 0; i < shown; i++)
        expect(await rows.nth(i).getByTestId('rectification-status').innerText()).toContain('已超期');
      // readable at 1280 px: a row keeps its cells on one line (no one-character-per-line wrapping)
      const row = rows.filter({ hasText: orderNo });
      const box = await row.boundingBox();
      expect(box!.height).toBeLessThan(90);
      // and the board fits the window: no sideways scrolling of the page at 1280 px
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
      expect(await row.innerText()).toContain('未完成');
      expectChinese(await page.locator('main').innerText(), [/\bBR-[0-9a-f]+/g, /故障分析会[0-9a-f]+/g]);
      await c.ui.shot(page, 'board-overdue');
    });

    // --- E-7 plan: the team lead sees the callback and the meeting, claims, comments and submits (late)
    await eventually(
      async () =>
        (await c.s.ds.query(`SELECT 1 FROM tasks WHERE case_id = $1 AND stage = 'plan' AND status = 'open'`, [caseId]))
          .length > 0,
    );
    await c.ui.switchUser(page, 'teamlead1');
    await c.ui.step(page, 'plan', async () => {
      await openTask(page, orderNo, '整改提交');
      const panel = page.getByTestId('rectification-decision');
      const cb = await panel.getByTestId('rectification-callback').innerText();
      for (const text of [
        orderNo,
        reporter,
        `${repairer.name}（${repairer.code}）`,
        '没有，第二天才联系',
        '上门超时',
        '不满意',
      ])
        expect(cb).toContain(text);
      expect(await panel.getByTestId('rectification-due-meeting').innerText()).toContain(meetingTitle);
      expect(await panel.innerText()).toContain('已超期');
      expect(await panel.innerText()).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
      expectChinese(await panel.innerText(), [/\bBR-[0-9a-f]+/g, /故障分析会[0-9a-f]+/g]);
      await c.ui.shot(page, 'plan-panel');
      await page.getByRole('button', { name: '认领', exact: true }).click();
      await eventually(
        async () =>
          (
            await c.s.ds.query(
              `SELECT claimed_by FROM tasks WHERE case_id = $1 AND stage = 'plan' AND status = 'open'`,
              [caseId],
            )
          )[0]?.claimed_by === c.s.users.teamlead1,
      );
      await comment(page, '明天上门回访');
      await openTask(page, orderNo, '整改提交');
      // the three fields are required before anything is sent
      await page.getByRole('button', { name: '提交整改', exact: true }).click();
      await dialog.getByRole('button', { name: '提交' }).click();
      await dialog.getByText('必填').first().waitFor({ timeout: UI_TIMEOUT });
      expect(await dialog.getByText('必填').count()).toBe(3);
      await dialog.getByRole('button', { name: '取消' }).click();
      await submitPlan(page, 1);
    });
    await eventually(async () => (await rect(caseId)).status === 'submitted');
    expect(await rect(caseId)).toMatchObject({ status: 'submitted', overdue: true, late: true });

    // --- the manager schedules the next meeting in 故障分析会
    await c.ui.switchUser(page, 'manager1');
    const nextTitle = `下次故障分析会${orderNo.slice(3)}`;
    await c.ui.step(page, 'meeting-create', async () => {
      await page.getByRole('menuitem', { name: '故障分析会' }).click();
      await page.getByRole('link', { name: '新建' }).click();
      await page.getByLabel('会议名称').fill(nextTitle);
      await page.getByLabel('会议时间').fill(await localInput(page, Date.now() + 60 * 60 * 1000));
      await page.getByRole('button', { name: '保存' }).click();
      await page.getByRole('row').filter({ hasText: nextTitle }).waitFor({ timeout: UI_TIMEOUT });
    });
    const [next] = await c.s.ds.query(`SELECT id, scheduled_at FROM meetings WHERE title = $1`, [nextTitle]);
    expect(next).toBeTruthy();

    // --- review: the manager sees the plan, comments, and reopens it (due at the next meeting)
    await eventually(
      async () =>
        (
          await c.s.ds.query(`SELECT 1 FROM tasks WHERE case_id = $1 AND stage = 'review' AND status = 'open'`, [
            caseId,
          ])
        ).length > 0,
    );
    await c.ui.step(page, 'review-reopen', async () => {
      await openTask(page, orderNo, '故障分析会确认');
      const plan = await page.getByTestId('rectification-plan').innerText();
      for (const text of ['第 1 次：已上门回访报修人', '派单延误', '调整派单流程']) expect(plan).toContain(text);
      await c.ui.shot(page, 'review-panel');
      await comment(page, '措施需写明完成时间');
      await openTask(page, orderNo, '故障分析会确认');
      await page.getByRole('button', { name: '退回重新整改', exact: true }).click();
      await dialog.getByRole('textbox', { name: /退回原因/ }).fill('请补充完成时间后重新提交');
      await dialog.getByRole('button', { name: '提交' }).click();
      await page.waitForURL(/\/cases\/[^/]+\/show/, { timeout: UI_TIMEOUT });
    });
    const reopened = await eventually(async () => {
      const r = await rect(caseId);
      return r.status === 'open' && r.meetingId === next.id ? r : null;
    }, 30000);
    expect(reopened).toMatchObject({ overdue: false, meetingTitle: nextTitle });

    // --- E-8: the manager moves that meeting; the rectification's due time follows
    const movedTo = Date.now() + 2 * 60 * 60 * 1000;
    await c.ui.step(page, 'meeting-move', async () => {
      await page.getByRole('menuitem', { name: '故障分析会' }).click();
      await page.getByRole('row').filter({ hasText: nextTitle }).click();
      // the count arrives with the record (the note says it generically until then)
      await page.getByTestId('meeting-reschedule-note').filter({ hasText: '1 项' }).waitFor({ timeout: UI_TIMEOUT });
      await page.getByLabel('会议时间').fill(await localInput(page, movedTo));
      await page.getByRole('button', { name: '保存' }).click();
      await page.getByRole('row').filter({ hasText: nextTitle }).waitFor({ timeout: UI_TIMEOUT });
    });
    const minute = (ms: number) => Math.floor(ms / 60000);
    await eventually(async () => minute(Date.parse((await rect(caseId)).dueAt ?? '')) === minute(movedTo), 30000);

    // --- the team lead resubmits; the meeting confirms it
    await eventually(
      async () =>
        (
          await c.s.ds.query(
            `SELECT 1 FROM tasks WHERE case_id = $1 AND stage = 'plan' AND status = 'open' AND round = 2`,
            [caseId],
          )
        ).length > 0,
    );
    await c.ui.switchUser(page, 'teamlead1');
    await c.ui.step(page, 'resubmit', async () => {
      await openTask(page, orderNo, '整改提交');
      expect(await page.getByTestId('rectification-due-meeting').innerText()).toContain(nextTitle);
      await submitPlan(page, 2);
    });
    await eventually(async () => ((await rect(caseId)).status === 'submitted' ? true : null));
    expect(await rect(caseId)).toMatchObject({ overdue: false, late: false });
    await eventually(
      async () =>
        (
          await c.s.ds.query(
            `SELECT 1 FROM tasks WHERE case_id = $1 AND stage = 'review' AND status = 'open' AND round = 2`,
            [caseId],
          )
        ).length > 0,
    );
    await c.ui.switchUser(page, 'manager1');
    await c.ui.step(page, 'confirm', async () => {
      await openTask(page, orderNo, '故障分析会确认');
      expect(await page.getByTestId('rectification-plan').innerText()).toContain('第 2 次');
      await page.getByRole('button', { name: '确认整改完成', exact: true }).click();
      await dialog.getByRole('button', { name: '提交' }).click();
      await page.waitForURL(/\/cases\/[^/]+\/show/, { timeout: UI_TIMEOUT });
    });
    await eventually(async () => ((await rect(caseId)).status === 'confirmed' ? true : null), 30000);
    expect(await rect(caseId)).toMatchObject({ overdue: false });
    const [kase] = await c.s.ds.query(`SELECT status, outcome FROM cases WHERE id = $1`, [caseId]);
    expect(kase).toEqual({ status: 'closed', outcome: 'confirmed' });
    expect(
      (await actions(caseId)).map(
        (a: { action: string; actor: string; stage: string }) => `${a.stage}:${a.action}:${a.actor}`,
      ),
    ).toEqual([
      'plan:task.claim:teamlead1',
      'plan:task.comment:teamlead1',
      'plan:task.approve:teamlead1',
      'review:task.comment:manager1',
      'review:task.reject:manager1',
      'plan:task.approve:teamlead1',
      'review:task.approve:manager1',
    ]);

    // --- confirmed: off the overdue list, and the board's card still equals its rows
    await c.ui.switchUser(page, 'admin');
    await c.ui.step(page, 'board-confirmed', async () => {
      await page.goto(
        `${c.base}/#/rectifications?filter=${encodeURIComponent(JSON.stringify({ status: 'confirmed' }))}`,
      );
      const row = page.getByRole('row').filter({ hasText: orderNo });
      await row.waitFor({ timeout: UI_TIMEOUT });
      expect(await row.getByTestId('rectification-status').innerText()).toBe('已确认');
      const s = await summary();
      await page
        .getByTestId('rectification-summary')
        .getByRole('button')
        .filter({ hasText: '已超期' })
        .filter({ hasText: String(s.overdue) })
        .waitFor({ timeout: UI_TIMEOUT });
      await c.ui.shot(page, 'board-confirmed');
    });
    const overdueIds = (
      await c.s.http
        .get('/api/rectifications')
        .query({ filter: JSON.stringify({ overdue: true }), range: '[0,999]' })
        .set(await auth('admin'))
    ).body.map((r: Rectification) => r.id);
    expect(overdueIds).not.toContain(caseId);
    await page.close();
  }, 300000);
});
