import { randomInt } from 'node:crypto';
import { Page } from 'playwright-core';
import { consoleSuite, expectChinese, UI_TIMEOUT } from '../support/browser';
import { POLICY_IN_EFFECT } from '@qf/persistence';
import { eventually } from '../support/stack';

/**
 * E-1…E-5, E-7 in the console as each user: the dispatcher assigns the day's evaluations (the closed orders arrive
 * through the api, as the order system's import would bring them); the dashboard counts each evaluator's pending
 * callbacks as 待办; the dispatcher answers 满意 / 基本满意 / 不满意 (a rectification opens), the manager answers their
 * callback, the foreman self-evaluates (满意, and 不满意 → the internal note, commented and submitted in the inbox);
 * the month's scores name the repairers. Each result is checked through the api and the database.
 */
describe('browser: daily evaluations — assignment, callbacks, self-evaluations, internal note (E-1…E-5, E-7)', () => {
  const c = consoleSuite('evaluation');
  const auth = (u: string) => c.auth(u);
  const tag = String(randomInt(100000, 999999)); // digits: a zh-CN screen shows no Latin test noise
  const orders: { id: string; orderNo: string; repairer: string }[] = [];
  let teamId = '';
  let walkInNo = '';

  beforeAll(async () => {
    [{ id: teamId }] = await c.s.ds.query(`SELECT id FROM org_units WHERE code = 'a-team2'`);
    const repairers: { id: string; name: string; code: string }[] = await c.s.ds.query(
      `SELECT id, name, code FROM employees WHERE unit_id = $1 ORDER BY code LIMIT 2`,
      [teamId],
    );
    expect(repairers).toHaveLength(2);
    const closedAt = new Date().toISOString();
    // five hotline orders of one team-day: 10 % rounds to one manager callback, four go to the dispatcher (E-2)
    for (let i = 0; i < 5; i++) {
      const r = repairers[i % 2];
      const orderNo = `EV-${tag}-${i + 1}`;
      const res = await c.s.http
        .post('/api/work-orders')
        .set(await auth('dispatcher1'))
        .send({
          orderNo,
          faultKey: `F-${orderNo}`,
          source: 'hotline',
          repairerId: r.id,
          teamUnitId: teamId,
          reporter: `报修人${i + 1}号`,
          closedAt,
        });
      expect(res.status).toBe(201);
      orders.push({ id: res.body.id, orderNo, repairer: `${r.name}（${r.code}）` });
    }
    // and one that did not come through the unified hotline: not evaluated (E-1)
    walkInNo = `EV-${tag}-900`; // the walk-in order (E-1: not evaluated)
    expect(
      (
        await c.s.http
          .post('/api/work-orders')
          .set(await auth('dispatcher1'))
          .send({
            orderNo: walkInNo,
            source: 'walk-in',
            repairerId: repairers[0].id,
            teamUnitId: teamId,
            reporter: '门店客户',
            closedAt,
          })
      ).status,
    ).toBe(201);
  });

  const pendingCount = async (u: string): Promise<number> =>
    (await c.s.http.get('/api/evaluations/pending-count').set(await auth(u))).body.pending;
  const evaluationsOf = async (kind: string) =>
    c.s.ds.query(
      `SELECT ev.id, ev.order_id, w.order_no, ev.choice, ev.score, ev.rectification_case_id, u.username FROM evaluations ev JOIN work_orders w ON w.id = ev.order_id
       LEFT JOIN users u ON u.id = ev.evaluator_user_id WHERE w.order_no LIKE $1 AND ev.kind = $2 ORDER BY w.order_no`,
      [`EV-${tag}-%`, kind],
    );

  /** Another user: storage cleared and the console loaded afresh at its login page. */
  /** The dashboard's 待回访评价 card shows the api's count; it opens 回访评价. */
  async function dashboardCount(page: Page, user: string): Promise<number> {
    await page.getByRole('menuitem', { name: '工作台' }).click();
    const expected = await pendingCount(user);
    const card = page.getByTestId('pending-evaluations-count');
    await card.filter({ hasText: String(expected) }).waitFor({ timeout: UI_TIMEOUT });
    return expected;
  }

  /**
   * Opens one order's evaluation from 回访评价 (my pending ones, narrowed to the order: the e2e layer shares this
   * database), answers the first script question, chooses and submits; returns the dialog's sampling explanation.
   */
  async function answer(page: Page, orderId: string, orderNo: string, choice: string, note?: string): Promise<string> {
    await page.goto(
      `${c.base}/#/evaluations?filter=${encodeURIComponent(JSON.stringify({ mine: true, pending: true, orderId }))}`,
    );
    const row = page.getByRole('row').filter({ hasText: orderNo });
    await row.waitFor({ timeout: UI_TIMEOUT });
    await row.getByRole('button').first().click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor({ timeout: UI_TIMEOUT });
    const explanation = await dialog.getByTestId('evaluation-explanation').innerText();
    await dialog.getByRole('textbox').first().fill('已回访，客户答复如实记录');
    await dialog.getByRole('button', { name: new RegExp(`^${choice} \\d+ 分$`) }).click();
    if (note) await dialog.getByRole('textbox', { name: '备注（可选）' }).fill(note);
    await dialog.getByRole('button', { name: '提交评价' }).click();
    await dialog.getByTestId('evaluation-outcome').waitFor({ timeout: UI_TIMEOUT });
    expect(await dialog.getByTestId('evaluation-outcome').innerText()).toContain(`${choice}，得分`);
    await dialog.getByRole('button', { name: '关闭' }).click();
    await dialog.waitFor({ state: 'detached' });
    return explanation;
  }

  it('assigns the day in the console; dispatcher, manager and foreman answer; the foreman writes the internal note; scores name the repairers', async () => {
    const page = await c.browser.newPage({ viewport: { width: 1280, height: 1000 } });
    const closingDay = new Date().toLocaleDateString('en-CA', { timeZone: 'Asia/Shanghai' });
    const seed = String(Date.now() % 1000000);

    // --- E-1/E-2: the dispatcher assigns the closing day from 工单 → 分配回访
    await c.ui.login(page, 'dispatcher1');
    const before = await dashboardCount(page, 'dispatcher1');
    await c.ui.step(page, 'assign', async () => {
      await page.getByRole('menuitem', { name: '工单', exact: true }).click();
      await page.getByRole('button', { name: '分配回访' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByTestId('assign-date').fill(closingDay);
      await dialog.getByRole('textbox', { name: '随机种子（可选）' }).fill(seed);
      await dialog.getByRole('button', { name: '分配', exact: true }).click();
      await dialog.getByTestId('assign-result').waitFor({ timeout: UI_TIMEOUT });
      const result = await dialog.getByTestId('assign-result').innerText();
      // the walk-in order is listed as skipped, with E-1's reason in Chinese
      expect(result).toContain(walkInNo);
      expect(result).toContain('非统一热线首次登记的工单，不评价（E-1）');
      await c.ui.shot(page, 'assigned');
      await dialog.getByRole('button', { name: '关闭' }).click();
    });
    const callbacks = await evaluationsOf('dispatcher');
    const managerCallbacks = await evaluationsOf('manager');
    const foremanEvals = await evaluationsOf('foreman');
    expect(callbacks.map((e: { username: string }) => e.username)).toEqual([
      'dispatcher1',
      'dispatcher1',
      'dispatcher1',
      'dispatcher1',
    ]);
    expect(managerCallbacks.map((e: { username: string }) => e.username)).toEqual(['manager1']);
    expect(foremanEvals).toHaveLength(5);
    expect(
      await c.s.ds.query(
        `SELECT 1 FROM evaluations ev JOIN work_orders w ON w.id = ev.order_id WHERE w.order_no = $1`,
        [walkInNo],
      ),
    ).toHaveLength(0);

    // --- the dispatcher's pending callbacks count as 待办 on the dashboard
    expect(await dashboardCount(page, 'dispatcher1')).toBe(before + 4);
    await c.ui.shot(page, 'dashboard-pending');

    // --- E-3: the dispatcher answers 满意, 基本满意 and 不满意 (a rectification opens, E-7)
    const byNo = (no: string) => orders.find((o) => o.orderNo === no)!;
    const [sat, basic, dis] = callbacks as { order_id: string; order_no: string; id: string }[];
    const [{ code: dispatcherCode, name: dispatcherName }] = await c.s.ds.query(
      `SELECT e.code, e.name FROM users u JOIN employees e ON e.id = u.employee_id WHERE u.username = 'dispatcher1'`,
    );
    await c.ui.step(page, 'callbacks', async () => {
      const explanation = await answer(page, sat.order_id, sat.order_no, '满意');
      // E-2 as a Chinese sentence with names: the repairer and the dispatcher as 姓名（工号）, no ids, no English
      expect(explanation).toContain(byNo(sat.order_no).repairer);
      expect(explanation).toContain(`${dispatcherName}（${dispatcherCode}）`);
      expect(explanation).toContain('调度回访');
      expectChinese(explanation, [/\bEV-[0-9a-f]+-\d+/g]);
      await answer(page, basic.order_id, basic.order_no, '基本满意');
      await answer(page, dis.order_id, dis.order_no, '不满意', '维修后仍有杂音');
    });
    const answered = await evaluationsOf('dispatcher');
    expect(answered.slice(0, 3).map((e: { choice: string; score: number }) => [e.choice, e.score])).toEqual([
      ['satisfied', 10],
      ['basic', 8],
      ['dissatisfied', 6],
    ]);
    const disCase = answered[2].rectification_case_id;
    expect(disCase).toBeTruthy();
    const rect = (await c.s.http.get(`/api/rectifications/${disCase}`).set(await auth('admin'))).body;
    expect(rect).toMatchObject({
      origin: 'dissatisfied-callback',
      internal: false,
      orderNo: dis.order_no,
      status: 'open',
    });
    expect(rect.callback).toMatchObject({
      kind: 'dispatcher',
      choice: 'dissatisfied',
      note: '维修后仍有杂音',
      repairerName: byNo(dis.order_no).repairer,
    });
    expect(await dashboardCount(page, 'dispatcher1')).toBe(before + 1);

    // --- the manager's callback (their 待办 too)
    await c.ui.switchUser(page, 'manager1');
    const managerBefore = await dashboardCount(page, 'manager1');
    expect(managerBefore).toBeGreaterThanOrEqual(1);
    const [mcb] = managerCallbacks as { order_id: string; order_no: string }[];
    await c.ui.step(page, 'manager-callback', async () => {
      const explanation = await answer(page, mcb.order_id, mcb.order_no, '满意');
      expect(explanation).toContain('管理人员回访');
    });
    expect((await evaluationsOf('manager'))[0]).toMatchObject({ choice: 'satisfied', score: 10 });
    expect(await dashboardCount(page, 'manager1')).toBe(managerBefore - 1);

    // --- E-3/E-7: the foreman self-evaluates: 满意, and 不满意 → an internal rectification (no meeting)
    await c.ui.switchUser(page, 'foreman1');
    const [fSat, fDis] = foremanEvals as { order_id: string; order_no: string }[];
    await c.ui.step(page, 'self-evaluations', async () => {
      const explanation = await answer(page, fSat.order_id, fSat.order_no, '满意');
      expect(explanation).toContain('自评');
      await answer(page, fDis.order_id, fDis.order_no, '不满意', '自查发现未清理现场');
    });
    const selfEvals = await evaluationsOf('foreman');
    expect([selfEvals[0].choice, selfEvals[1].choice]).toEqual(['satisfied', 'dissatisfied']);
    const noteCase = selfEvals[1].rectification_case_id;
    expect((await c.s.http.get(`/api/rectifications/${noteCase}`).set(await auth('admin'))).body).toMatchObject({
      internal: true,
      meetingId: null,
      status: 'open',
    });

    // --- the internal note (rectification stage "note"): the foreman sees the self-evaluation, comments, then submits
    await eventually(
      async () =>
        (
          await c.s.ds.query(`SELECT 1 FROM tasks WHERE case_id = $1 AND stage = 'note' AND status = 'open'`, [
            noteCase,
          ])
        ).length > 0,
      30000,
    );
    const openNote = async () => {
      await page.getByRole('menuitem', { name: '待办任务' }).click();
      const row = page.getByRole('row').filter({ hasText: fDis.order_no }).filter({ hasText: '内部整改说明' });
      await row.first().waitFor({ timeout: UI_TIMEOUT });
      await row.first().click();
      await page.getByRole('heading', { name: '内部整改说明', exact: true }).waitFor({ timeout: UI_TIMEOUT });
    };
    await c.ui.step(page, 'note', async () => {
      await openNote();
      const panel = page.getByTestId('rectification-decision');
      await panel.waitFor({ timeout: UI_TIMEOUT });
      expect(await panel.innerText()).toContain('内部整改，无需上会');
      expect(await panel.getByTestId('rectification-callback').innerText()).toContain('自查发现未清理现场');
      expect(await panel.getByTestId('rectification-callback').innerText()).toContain(byNo(fDis.order_no).repairer);
      expectChinese(await panel.innerText(), [/\bEV-[0-9a-f]+-\d+/g]);
      await c.ui.shot(page, 'note-panel');
      await page.getByRole('button', { name: '评论', exact: true }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('textbox', { name: /意见/ }).fill('今天下班前补写');
      await dialog.getByRole('button', { name: '提交' }).click();
      await page.waitForURL(/\/cases\/[^/]+\/show/, { timeout: UI_TIMEOUT });
      await openNote();
      await page.getByRole('button', { name: '提交内部说明', exact: true }).click();
      await dialog.getByRole('textbox', { name: '内部整改说明' }).fill('已组织班组复盘，完工后必须清理现场并拍照留存');
      await dialog.getByRole('button', { name: '提交' }).click();
      await page.waitForURL(/\/cases\/[^/]+\/show/, { timeout: UI_TIMEOUT });
    });
    await eventually(
      async () =>
        (await c.s.http.get(`/api/rectifications/${noteCase}`).set(await auth('admin'))).body.status === 'confirmed'
          ? true
          : null,
      30000,
    );
    const noteActions = await c.s.ds.query(
      `SELECT action, actor, details->>'comment' AS comment, details->'data'->>'note' AS note FROM audit_log WHERE case_id = $1 AND action LIKE 'task.%' ORDER BY id`,
      [noteCase],
    );
    expect(noteActions).toEqual([
      { action: 'task.comment', actor: 'foreman1', comment: '今天下班前补写', note: null },
      expect.objectContaining({
        action: 'task.approve',
        actor: 'foreman1',
        note: '已组织班组复盘，完工后必须清理现场并拍照留存',
      }),
    ]);

    // --- 工单: the order's page lists its evaluations with evaluators by name and their results
    await c.ui.switchUser(page, 'admin');
    await c.ui.step(page, 'work-order', async () => {
      await page.getByRole('menuitem', { name: '工单', exact: true }).click();
      await page.getByRole('row').filter({ hasText: sat.order_no }).click();
      const table = page.getByTestId('work-order-evaluations');
      await table.waitFor({ timeout: UI_TIMEOUT });
      const dispatcherRow = await table.getByRole('row').filter({ hasText: '调度回访' }).innerText();
      expect(dispatcherRow).toContain(`${dispatcherName}（${dispatcherCode}）`);
      expect(dispatcherRow).toContain('满意 · 10 分');
      expectChinese(await page.locator('main').innerText(), [/\b(EV|F-EV)-[0-9a-f]+-\d+/g]);
    });

    // --- E-5: the month's scores name the repairers as 姓名（工号）
    await c.ui.step(page, 'scores', async () => {
      // E-4: evaluated the day after closing, so the scores fall in that day's month
      const [{ month }] = await c.s.ds.query(
        `SELECT to_char(evaluate_on, 'YYYY-MM') AS month FROM evaluations WHERE id = $1`,
        [sat.id],
      );
      await page.goto(`${c.base}/#/scores`);
      await page.getByTestId('scores-month').fill(month);
      await page
        .getByRole('row')
        .filter({ hasText: byNo(sat.order_no).repairer })
        .first()
        .waitFor({ timeout: UI_TIMEOUT });
      const text = await page.locator('main').innerText();
      expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
      expectChinese(text);
      await c.ui.shot(page, 'scores');
    });

    // --- E-5 why: the rule with its title, the policy in effect as 政策 vN, the counted evaluations by order number
    await c.ui.step(page, 'scores-why', async () => {
      const [inEffect] = await c.s.ds.query(`SELECT v.version ${POLICY_IN_EFFECT}`);
      const policy = inEffect ? `政策 v${inEffect.version}` : '默认政策';
      const row = page
        .getByRole('row')
        .filter({ hasText: byNo(sat.order_no).repairer })
        .first();
      expect(await row.locator('[data-rule=E-5]').getAttribute('aria-label')).toMatch(/^E-5：维修员月度得分/);
      await row.getByRole('button', { name: '查看依据' }).click();
      const facts = page.locator('[data-testid^=score-why-][data-testid$=-facts]');
      await facts.waitFor({ timeout: UI_TIMEOUT });
      const text = await facts.innerText();
      expect(text).toContain(`E-5 维修员月度得分 · ${policy}`);
      expect(text).toMatch(/本月计分评价 \d+ 次，合计 \d+ 分/);
      expect(text).toMatch(new RegExp(`回访满意 \\d+ 次（工单 [^）]*${sat.order_no}`));
      expect(text).toMatch(/平均分 [\d.]+ \+ 评价工单数 \d+ × 0\.15 = [\d.]+，月度得分 [\d.]+/);
      expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
      expectChinese(text, [/\bEV-[0-9a-f]+-\d+/g]); // order numbers are as the order system gives them
      await c.ui.shot(page, 'scores-why');
      await page.keyboard.press('Escape');
    });
    await page.close();
  }, 300000);
});
