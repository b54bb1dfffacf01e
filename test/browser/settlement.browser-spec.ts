import ExcelJS from 'exceljs';
import { randomUUID } from 'node:crypto';
import { Page } from 'playwright-core';
import { consoleSuite, expectChinese, UI_TIMEOUT } from '../support/browser';
import { eventually } from '../support/stack';

/**
 * H-1…H-3 in the console, every action of the published settlement flow as its user: HR starts the month; each branch
 * head sees their branch's rows and totals, comments, rejects (recomputed, asked again) and confirms; HR sees the
 * month per branch with who confirmed, comments, returns (recomputed, every branch again) and approves (the month
 * locks); HR exports. Each result is checked through the api and the database.
 *
 * The month's ledger: the ledger has no import, and complaints post only to the current month (settling it would lock
 * the month for every other test of this database; a month is settled once it is over, H-2), so a few postings of a
 * past month no other test uses are written in the set-up — the rows a month of rulings would leave.
 */
const MONTH = '2019-07';
const CASE_TITLE = `${MONTH} 月度结算`;

interface Branch {
  branchId: string | null;
  branchName: string;
  employees: number;
  points: number;
  moneyFen: number;
  p4: number;
  p5: number;
  confirmed: boolean | null;
  decision: string | null;
  decidedByName: string | null;
  round: number | null;
}

describe('browser: monthly settlement — start, branch confirmations, HR approval, export (H-1…H-3)', () => {
  const c = consoleSuite('settlement');
  const emp: Record<string, { id: string; code: string; name: string }> = {};
  let branchA = '';
  let branchB = '';

  beforeAll(async () => {
    for (const r of await c.s.ds.query(
      `SELECT u.username, e.id, e.code, e.name FROM users u JOIN employees e ON e.id = u.employee_id`,
    ))
      emp[r.username] = r;
    [{ id: branchA }] = await c.s.ds.query(`SELECT id FROM org_units WHERE code = 'a-branch'`);
    [{ id: branchB }] = await c.s.ds.query(`SELECT id FROM org_units WHERE code = 'b-branch'`);
    let seq = 0;
    const post = async (user: string, title: string, severity: string, pointsX10: number) => {
      // each complaint with its work-order number (the case's human number, shown in a row's why: issue 16)
      const workOrderNo = `WO-1907-${String(++seq).padStart(4, '0')}`;
      const [kase] = await c.s.ds.query(
        `INSERT INTO cases (kind, business_key, title, workflow_id, policy_version, flow_version, status, outcome, data) VALUES ('complaint', $1, $2, $3, 1, 1, 'closed', 'posted', $4) RETURNING id`,
        [randomUUID(), title, `settlement-browser-${randomUUID()}`, JSON.stringify({ complaint: { workOrderNo } })],
      );
      await c.s.ds.query(
        `INSERT INTO ledger_entries (employee_id, month, case_id, source, reason, points_x10, severity) VALUES ($1,$2,$3,'complaint','ruling',$4,$5)`,
        [emp[user].id, MONTH, kase.id, pointsX10, severity],
      );
    };
    // 东城: teamlead1 three ordinary cases (C-9 → P4), foreman1 one; 西城: teamlead2 two serious (C-8 → P4); the hotline centre (company level): agent1
    for (const n of [1, 2, 3]) await post('teamlead1', `投诉：装机超时未处理（东城 ${n}）`, 'ordinary', 20);
    await post('foreman1', '投诉：上门未出示工牌（东城）', 'ordinary', 15);
    await post('teamlead2', '投诉：故障反复未修复（西城 1）', 'serious', 50);
    await post('teamlead2', '投诉：故障反复未修复（西城 2）', 'serious', 60);
    await post('agent1', '投诉：热线答复不准确', 'ordinary', 10);
  });

  const auth = (u: string) => c.auth(u);
  const settlement = async (id: string) => (await c.s.http.get(`/api/settlements/${id}`).set(await auth('hr1'))).body;
  const branch = (s: { branches: Branch[] }, id: string) => s.branches.find((b) => b.branchId === id)!;
  const openTasks = (caseId: string, stage: string) =>
    c.s.ds.query(
      `SELECT t.id, t.round, u.username FROM tasks t LEFT JOIN users u ON u.id = t.assignee_user_id WHERE t.case_id = $1 AND t.stage = $2 AND t.status = 'open' ORDER BY u.username`,
      [caseId, stage],
    );
  const yuan = (fen: number) => `${(fen / 100).toFixed(2)} 元`;
  const pts = (x10: number) => (x10 / 10).toFixed(1);

  /** Another user: storage cleared and the console loaded afresh at its login page (no logout: it would revoke the tokens other files hold). */
  /** 待办任务 → the one row of this month's close at this stage → its task page. */
  async function openTask(page: Page, stageLabel: string) {
    await page.getByRole('menuitem', { name: '待办任务' }).click();
    const row = page.getByRole('row').filter({ hasText: CASE_TITLE }).filter({ hasText: stageLabel });
    await row.first().waitFor({ timeout: UI_TIMEOUT });
    expect(await row.count()).toBe(1);
    await row.click();
    await page.getByRole('heading', { name: stageLabel, exact: true }).waitFor({ timeout: UI_TIMEOUT });
    await page.getByTestId('decision-panel').waitFor({ timeout: UI_TIMEOUT });
  }

  /** Clicks an action, writes the comment (under its stage label) and submits; the console goes to the case. */
  async function act(page: Page, button: string, comment?: { label: RegExp; text: string }) {
    await page.getByRole('button', { name: button, exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor({ timeout: UI_TIMEOUT });
    if (comment) await dialog.getByRole('textbox', { name: comment.label }).fill(comment.text);
    await dialog.getByRole('button', { name: '提交' }).click();
    await page.waitForURL(/\/cases\/[^/]+\/show/, { timeout: UI_TIMEOUT });
    await dialog.waitFor({ state: 'detached', timeout: UI_TIMEOUT });
  }

  async function commentsOf(caseId: string, action: string): Promise<{ actor: string; comment: string }[]> {
    return c.s.ds.query(
      `SELECT actor, details->>'comment' AS comment FROM audit_log WHERE case_id = $1 AND action = $2 ORDER BY id`,
      [caseId, `task.${action}`],
    );
  }

  /** The branch head's panel: their branch's totals beside the api's, and their branch's people as 姓名（工号）. */
  async function checkConfirmPanel(
    page: Page,
    s: { branches: Branch[] },
    branchId: string,
    people: string[],
    others: string[],
  ) {
    const panel = page.getByTestId('settlement-confirm-panel');
    await panel.waitFor({ timeout: UI_TIMEOUT });
    const b = branch(s, branchId);
    expect(await panel.getByTestId('settlement-confirm-branch').innerText()).toContain(b.branchName);
    expect(await panel.getByTestId('settlement-branch-totals-employees').innerText()).toContain(String(b.employees));
    expect(await panel.getByTestId('settlement-branch-totals-points').innerText()).toContain(pts(b.points));
    expect(await panel.getByTestId('settlement-branch-totals-p4').innerText()).toContain(String(b.p4));
    expect(await panel.getByTestId('settlement-branch-totals-money').innerText()).toContain(yuan(b.moneyFen));
    for (const u of people)
      await panel
        .getByRole('row')
        .filter({ hasText: `${emp[u].name}（${emp[u].code}）` })
        .first()
        .waitFor({ timeout: UI_TIMEOUT });
    const text = await panel.innerText();
    for (const u of others) expect(text).not.toContain(emp[u].code);
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/i);
  }

  it('HR starts the month; branch heads comment, reject and confirm; HR comments, returns and approves; the month locks and exports', async () => {
    const page = await c.browser.newPage({ viewport: { width: 1280, height: 1000 } });

    // --- H-1: HR starts the month's close from 月度结算
    await c.ui.login(page, 'hr1');
    const id = await c.ui.step(page, 'start', async () => {
      await page.getByRole('menuitem', { name: '月度结算' }).click();
      await page.getByRole('button', { name: '发起月度结算' }).click();
      const dialog = page.getByRole('dialog');
      // H-2: a month that is not over is refused (409), the dialog says why in Chinese
      await dialog.getByTestId('settlement-month').fill('2099-11');
      await dialog.getByRole('button', { name: '发起', exact: true }).click();
      await dialog
        .getByText('2099-11 尚未结束：月份结束后才能结算（政策允许提前结算时除外）', { exact: true })
        .waitFor({ timeout: UI_TIMEOUT });
      await dialog.getByTestId('settlement-month').fill(MONTH);
      await dialog.getByRole('button', { name: '发起', exact: true }).click();
      await page.waitForURL(/\/settlements\/[^/]+\/show/, { timeout: UI_TIMEOUT });
      return decodeURIComponent(/\/settlements\/([^/]+)\/show/.exec(page.url())![1]);
    });
    const started = await eventually(async () => {
      const s = await settlement(id);
      return s.status === 'confirming' && s.stage === 'confirm' ? s : null;
    }, 30000);
    expect(started).toMatchObject({ month: MONTH, totals: { employees: 4, p4: 2 } });
    const caseId: string = started.caseId;
    expect(branch(started, branchA)).toMatchObject({ employees: 2, points: 75, p4: 1, confirmed: false });
    expect(branch(started, branchB)).toMatchObject({ employees: 1, points: 110, p4: 1, confirmed: false });
    expect(started.branches.find((b: Branch) => b.branchId === null)).toMatchObject({ employees: 1, confirmed: null });
    // the settlement page: per-branch totals in 元 and the month's rows as 姓名（工号）
    await page.getByTestId('settlement-branches').waitFor({ timeout: UI_TIMEOUT });
    expect(await page.getByTestId('settlement-branches').innerText()).toContain(
      yuan(branch(started, branchA).moneyFen),
    );
    await page
      .getByRole('row')
      .filter({ hasText: `${emp.teamlead2.name}（${emp.teamlead2.code}）` })
      .first()
      .waitFor({ timeout: UI_TIMEOUT });
    expectChinese(await page.locator('main').innerText());
    await c.ui.shot(page, 'started');
    // issue 16: a row's why — rule tags beside its grade and money; opened, the counted cases by number in Chinese
    await c.ui.step(page, 'why', async () => {
      const row = page
        .getByRole('row')
        .filter({ hasText: `${emp.teamlead1.name}（${emp.teamlead1.code}）` })
        .first();
      await row.locator('.qf-rule-tag[data-rule="C-9"]').waitFor({ timeout: UI_TIMEOUT });
      expect(await row.locator('.qf-rule-tag[data-rule="H-1"]').count()).toBe(1);
      await row.getByText(`${emp.teamlead1.name}（${emp.teamlead1.code}）`).click();
      const why = page.getByTestId('settlement-row-why');
      await why.waitFor({ timeout: UI_TIMEOUT });
      const text = await why.innerText();
      expect(text).toContain('普通投诉的处理：本月普通案件 3 件 → P4');
      expect(text).toMatch(/案件：WO-1907-000[123]、WO-1907-000[123]、WO-1907-000[123]/);
      expect(text).not.toContain('WO-1907-0004'); // foreman1's case is not teamlead1's
      expect(text).toContain(`政策 v${started.policyVersion}`);
      expect(text).toContain('扣 6.0 分');
      expectChinese(text, [/\bWO-\d{4}-\d{4}\b/g]);
      await c.ui.shot(page, 'why');
      await row.getByText(`${emp.teamlead1.name}（${emp.teamlead1.code}）`).click();
      await why.waitFor({ state: 'detached', timeout: UI_TIMEOUT });
    });
    expect((await openTasks(caseId, 'confirm')).map((t: { username: string }) => t.username)).toEqual([
      'branchhead1',
      'branchhead2',
    ]);

    // --- round 1: 东城 comments, then rejects for correction (the month is recomputed and every branch asked again)
    await c.ui.switchUser(page, 'branchhead1');
    await c.ui.step(page, 'comment-1', async () => {
      await openTask(page, '分公司确认');
      await checkConfirmPanel(page, started, branchA, ['teamlead1', 'foreman1'], ['teamlead2', 'agent1']);
      expectChinese(await page.getByTestId('decision-panel').innerText());
      await c.ui.shot(page, 'confirm-panel');
      await act(page, '评论', { label: /意见/, text: '班组长一的第三件请再核对' });
    });
    expect(await commentsOf(caseId, 'comment')).toEqual([
      { actor: 'branchhead1', comment: '班组长一的第三件请再核对' },
    ]);
    await c.ui.step(page, 'reject', async () => {
      await openTask(page, '分公司确认');
      await act(page, '驳回，需更正', { label: /需要更正的内容/, text: '东城第三件已撤销，请重算' });
    });
    const round2 = await eventually(async () => {
      const open = await openTasks(caseId, 'confirm');
      return open.length === 2 && open.every((t: { round: number }) => t.round === 2) ? open : null;
    }, 30000);
    expect(round2.map((t: { username: string }) => t.username)).toEqual(['branchhead1', 'branchhead2']);
    expect(await commentsOf(caseId, 'reject')).toEqual([{ actor: 'branchhead1', comment: '东城第三件已撤销，请重算' }]);

    // --- round 2: both branch heads confirm their own branch
    for (const [user, own, people, others] of [
      ['branchhead1', branchA, ['teamlead1', 'foreman1'], ['teamlead2']],
      ['branchhead2', branchB, ['teamlead2'], ['teamlead1', 'foreman1', 'agent1']],
    ] as const) {
      await c.ui.switchUser(page, user);
      await c.ui.step(page, `confirm-${user}`, async () => {
        await openTask(page, '分公司确认');
        await checkConfirmPanel(page, await settlement(id), own, [...people], [...others]);
        await act(page, '确认本分公司结果');
      });
    }
    await eventually(async () => ((await openTasks(caseId, 'approve')).length === 1 ? true : null), 30000);
    const confirmed = await settlement(id);
    expect(confirmed.status).toBe('approving');
    expect(branch(confirmed, branchA)).toMatchObject({
      confirmed: true,
      decision: 'approve',
      decidedByName: `${emp.branchhead1.name}（${emp.branchhead1.code}）`,
    });
    expect(branch(confirmed, branchB)).toMatchObject({
      confirmed: true,
      decidedByName: `${emp.branchhead2.name}（${emp.branchhead2.code}）`,
    });

    // --- H-2: HR sees the month per branch with who confirmed; comments, then returns it (recomputed, every branch again)
    await c.ui.switchUser(page, 'hr1');
    await c.ui.step(page, 'hr-comment', async () => {
      await openTask(page, '人力审批');
      const panel = page.getByTestId('settlement-approve-panel');
      await panel.waitFor({ timeout: UI_TIMEOUT });
      expect(await panel.getByTestId('settlement-month-totals-employees').innerText()).toContain('4');
      expect(await panel.getByTestId('settlement-month-totals-money').innerText()).toContain(
        yuan(confirmed.totals.moneyFen),
      );
      const rows = panel.getByTestId('settlement-branch-row');
      for (const b of confirmed.branches as Branch[]) {
        const row = rows.filter({ hasText: b.branchName });
        expect(await row.innerText()).toContain(yuan(b.moneyFen));
        if (b.confirmed) expect(await row.innerText()).toContain(`${b.decidedByName} 已于`);
        else expect(await row.innerText()).toContain('无需分公司确认');
      }
      expect(await panel.innerText()).toContain('（已确认 2/2）');
      expectChinese(await page.getByTestId('decision-panel').innerText());
      await c.ui.shot(page, 'approve-panel');
      await act(page, '评论', { label: /意见/, text: '西城的两件严重案件已核对' });
    });
    await c.ui.step(page, 'hr-return', async () => {
      await openTask(page, '人力审批');
      await act(page, '退回重新计算', { label: /退回原因/, text: '补录一笔更正后重算' });
    });
    expect((await commentsOf(caseId, 'comment')).map((x) => x.actor)).toEqual(['branchhead1', 'hr1']);
    expect(await commentsOf(caseId, 'return')).toEqual([{ actor: 'hr1', comment: '补录一笔更正后重算' }]);
    await eventually(async () => {
      const open = await openTasks(caseId, 'confirm');
      return open.length === 2 && open.every((t: { round: number }) => t.round === 3) ? true : null;
    }, 30000);
    const returned = await settlement(id);
    expect(returned.status).toBe('confirming');
    expect(branch(returned, branchA).confirmed).toBe(false);

    // --- round 3: both confirm again; HR approves; the month locks
    for (const user of ['branchhead1', 'branchhead2']) {
      await c.ui.switchUser(page, user);
      await c.ui.step(page, `reconfirm-${user}`, async () => {
        await openTask(page, '分公司确认');
        await act(page, '确认本分公司结果');
      });
    }
    await eventually(async () => ((await openTasks(caseId, 'approve')).length === 1 ? true : null), 30000);
    await c.ui.switchUser(page, 'hr1');
    await c.ui.step(page, 'hr-approve', async () => {
      await openTask(page, '人力审批');
      await act(page, '批准并锁定本月');
    });
    const locked = await eventually(async () => {
      const s = await settlement(id);
      return s.status === 'locked' ? s : null;
    }, 30000);
    expect(locked.lockedAt).toBeTruthy();
    expect(await c.s.ds.query(`SELECT month FROM month_locks WHERE month = $1`, [MONTH])).toHaveLength(1);
    const [kase] = await c.s.ds.query(`SELECT status, outcome FROM cases WHERE id = $1`, [caseId]);
    expect(kase).toEqual({ status: 'closed', outcome: 'locked' });

    // --- H-3: HR exports the locked month from its page (xlsx, one row per employee, Chinese headers)
    await c.ui.step(page, 'export', async () => {
      await page.goto(`${c.base}/#/settlements/${id}/show`);
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: UI_TIMEOUT }),
        page.getByRole('button', { name: '导出 xlsx' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe(`settlement-${MONTH}.xlsx`);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile((await download.path())!);
      const ws = wb.worksheets[0];
      expect(ws.getRow(1).values).toEqual(
        expect.arrayContaining(['工号', '姓名', '分公司', '扣分', '扣款(元)', '绩效等级']),
      );
      expect(ws.rowCount).toBe(5);
      const codes: unknown[] = [];
      ws.eachRow((r, n) => {
        if (n > 1) codes.push(r.getCell(1).value);
      });
      expect(codes.sort()).toEqual([emp.agent1.code, emp.foreman1.code, emp.teamlead1.code, emp.teamlead2.code].sort());
    });
    await c.ui.shot(page, 'locked');
    await page.close();
  }, 300000);
});
