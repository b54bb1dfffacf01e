import { randomInt } from 'node:crypto';
import type { Locator, Page } from 'playwright-core';
import { defaultPolicy } from '@qf/policy';
import { consoleSuite, UI_TIMEOUT } from '../support/browser';
import { eventually } from '../support/stack';

/**
 * Issue 11: the complaint process (C-1…C-12) finished in the console by its users, every action the published
 * complaint flow offers (verify: claim, comment, approve; rule: comment, return, approve; appeal: comment, accept =
 * approve, appeal = reject; appeal decision: comment, approve as uphold | change | withdraw), each result checked in
 * the database. Five cases are registered up front (one per source) and driven on one page.
 */
const seriousCategory = defaultPolicy().complaints.severities.serious.categories[0].label;

describe('browser: the complaint process in the console, every stage action as its user (issue 11)', () => {
  const c = consoleSuite('complaint');
  let page: Page;
  const people: Record<string, { id: string; userId: string; name: string; code: string }> = {};
  const tag = String(randomInt(100000, 999999)); // digits: a zh-CN screen shows no Latin test noise
  /** H hotline (accepted), E escalated (changed), R regulator (returned once, upheld), W employee report (withdrawn), I internal audit (egregious, unfounded). */
  const cases: Record<'H' | 'E' | 'R' | 'W' | 'I', { id: string; customer: string; wo?: string }> = {
    H: { id: '', customer: `热线客户${tag}`, wo: `WO-H${tag}` },
    E: { id: '', customer: `越级客户${tag}`, wo: `WO-E${tag}` },
    R: { id: '', customer: `监管客户${tag}` },
    W: { id: '', customer: `举报客户${tag}` },
    I: { id: '', customer: `稽核客户${tag}` },
  };

  beforeAll(async () => {
    const rows = await c.s.ds.query(
      `SELECT u.username, u.id AS user_id, e.id, e.name, e.code FROM users u JOIN employees e ON e.id = u.employee_id`,
    );
    for (const r of rows) people[r.username] = { id: r.id, userId: r.user_id, name: r.name, code: r.code };
    page = await c.browser.newPage({ viewport: { width: 1400, height: 1000 } });
  });
  afterAll(async () => {
    await page?.close();
  });
  // the tests are one process in order: after a failed step the later ones stop at once instead of timing out
  let chainOk = true;
  beforeEach(() => {
    if (!chainOk) throw new Error('an earlier step of the process failed');
    chainOk = false;
  });
  const done = () => {
    chainOk = true;
  };

  /** Another user: a full reload (not a hash change, which keeps the signed-in app) after clearing the session. */
  async function switchUser(username: string) {
    await c.ui.step(page, `switch-${username}`, async () => {
      await page.evaluate(() => localStorage.clear());
      await page.goto('about:blank');
      await page.goto(`${c.base}/`);
      // a full load of the console (its large bundle) on a busy 2-core runner can take longer than one UI step
      await page.locator('input[name=username]').waitFor({ timeout: 3 * UI_TIMEOUT });
      await c.ui.login(page, username);
    });
  }

  const who = (u: string) => `${people[u].name}（${people[u].code}）`;
  const caseRow = async (id: string) =>
    (await c.s.ds.query(`SELECT status, stage, outcome, data FROM cases WHERE id = $1`, [id]))[0] as {
      status: string;
      stage: string | null;
      outcome: string | null;
      data: Record<string, any>;
    };
  const ledger = (id: string) =>
    c.s.ds.query(`SELECT employee_id, reason, points_x10 FROM ledger_entries WHERE case_id = $1 ORDER BY reason`, [id]);
  const openTaskId = (caseId: string, stage: string, userId?: string) =>
    eventually(async () => {
      const [t] = await c.s.ds.query(
        `SELECT id FROM tasks WHERE case_id = $1 AND stage = $2 AND status = 'open' AND ($3::uuid IS NULL OR assignee_user_id = $3::uuid)
         ORDER BY round DESC LIMIT 1`,
        [caseId, stage, userId ?? null],
      );
      return t?.id as string | undefined;
    }, 20000);
  const stageOf = (id: string, stage: string | null) =>
    eventually(async () => ((await caseRow(id)).stage === stage ? true : null), 20000);

  /** MUI select: open by its label, pick the option. */
  async function choose(scope: Locator | Page, label: string | RegExp, option: string | RegExp) {
    const combo = scope.getByRole('combobox', { name: label }).first();
    // a list re-rendered while it opens (its choices still loading on a busy runner) can swallow the click: try again
    for (let attempt = 1; ; attempt++) {
      if (!(await page.getByRole('listbox').isVisible())) await combo.click();
      await page.getByRole('option', { name: option }).first().click({ timeout: UI_TIMEOUT });
      try {
        await page.getByRole('listbox').waitFor({ state: 'detached', timeout: 5000 });
        return;
      } catch (e) {
        if (attempt >= 3) throw e;
      }
    }
  }

  /** The task's page with its decision panel (what is being decided) shown. */
  async function openTask(caseId: string, stage: string, userId?: string) {
    const id = await openTaskId(caseId, stage, userId);
    await page.goto(`${c.base}/#/tasks/${id}/show`);
    await page.locator(`[data-testid="complaint-panel-${stage}"]`).waitFor({ timeout: UI_TIMEOUT });
    return id;
  }

  /** Clicks a stage action, fills its dialog, submits; waits until the dialog is gone (the action is recorded). */
  async function act(button: string, fill?: (dialog: Locator) => Promise<void>) {
    await page.getByRole('button', { name: button, exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor({ timeout: UI_TIMEOUT });
    if (fill) await fill(dialog);
    await dialog.getByRole('button', { name: '提交', exact: true }).click();
    await dialog.waitFor({ state: 'detached', timeout: UI_TIMEOUT });
  }

  const taskDone = (taskId: string, decision: string) =>
    eventually(async () => {
      const [t] = await c.s.ds.query(`SELECT status, decision FROM tasks WHERE id = $1`, [taskId]);
      return t?.status === 'done' && t.decision === decision ? true : null;
    }, 20000);
  const commented = (caseId: string, stage: string, text: string) =>
    eventually(async () => {
      const r = await c.s.ds.query(
        `SELECT 1 FROM audit_log WHERE case_id = $1 AND action = 'task.comment' AND details->>'stage' = $2 AND details->>'comment' = $3`,
        [caseId, stage, text],
      );
      return r.length > 0;
    }, 20000);

  async function register(o: {
    source: string;
    customer: string;
    wo?: string;
    employee: string;
    severity?: string;
    checkWorkOrder?: boolean;
  }) {
    await page.goto(`${c.base}/#/complaints/create`);
    await choose(page, /^来源/, o.source);
    if (o.wo) {
      const wo = page.getByRole('textbox', { name: /^工单号/ });
      await wo.waitFor({ timeout: UI_TIMEOUT });
      if (o.checkWorkOrder) {
        // C-1: a work-order source needs its number; the form says so in Chinese before the api is asked
        await page.getByRole('button', { name: '保存' }).click();
        await page.getByText('热线工单和越级工单必须填写工单号', { exact: true }).waitFor({ timeout: UI_TIMEOUT });
        await c.ui.shot(page, 'register-work-order-required');
      }
      await wo.fill(o.wo);
    } else {
      expect(await page.getByRole('textbox', { name: /^工单号/ }).count()).toBe(0);
    }
    await page.getByRole('textbox', { name: /^客户/ }).fill(o.customer);
    await page.getByRole('textbox', { name: /^渠道/ }).fill('10000号');
    await page.locator('input[name=occurredAt]').fill('2026-11-20T10:00');
    await page.getByRole('textbox', { name: /^投诉内容/ }).fill('客户反映装机超过承诺时限仍未处理');
    await page.getByRole('combobox', { name: /^涉及单位/ }).fill('客服热线');
    await page.getByRole('option', { name: '客服热线中心' }).click();
    await page.getByRole('combobox', { name: /^涉及员工/ }).fill(people[o.employee].code);
    await page.getByRole('option', { name: who(o.employee) }).click();
    if (o.severity) await choose(page, /^初判严重程度/, o.severity);
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/#\/complaints\/[0-9a-f-]{36}\/show/, { timeout: UI_TIMEOUT });
    const id = /complaints\/([0-9a-f-]{36})\/show/.exec(page.url())![1];
    await page
      .locator('[data-testid=complaint-registration]')
      .filter({ hasText: o.customer })
      .waitFor({ timeout: UI_TIMEOUT });
    return id;
  }

  /** C-2 approval with the verdict; an egregious complaint's task stays open for the second verifier, so the approval is checked in the audit. */
  async function verify(caseId: string, verdict: string, facts: string, user = 'verifier1') {
    const taskId = await openTask(caseId, 'verify');
    await act('提交核实结论', async (d) => {
      await choose(d, '核实结论', verdict);
      await d.getByRole('textbox', { name: '核实事实' }).fill(facts);
    });
    await eventually(async () => {
      const r = await c.s.ds.query(
        `SELECT 1 FROM audit_log WHERE entity_id = $1 AND action = 'task.approve' AND actor = $2`,
        [taskId, user],
      );
      return r.length > 0;
    }, 20000);
  }

  it('C-1 the verification team registers one complaint of each source; 工单号 where the source needs it', async () => {
    await c.ui.login(page, 'verifier1');
    await c.ui.step(page, 'register', async () => {
      cases.H.id = await register({
        source: '热线工单',
        customer: cases.H.customer,
        wo: cases.H.wo,
        employee: 'agent1',
        checkWorkOrder: true,
      });
      await c.ui.shot(page, 'registered');
      cases.E.id = await register({
        source: '越级工单',
        customer: cases.E.customer,
        wo: cases.E.wo,
        employee: 'agent2',
      });
      cases.R.id = await register({ source: '监管转办', customer: cases.R.customer, employee: 'agent3' });
      cases.W.id = await register({ source: '员工举报', customer: cases.W.customer, employee: 'agent1' });
      cases.I.id = await register({
        source: '内部稽核',
        customer: cases.I.customer,
        employee: 'agent1',
        severity: '恶劣',
      });
    });
    const h = (await caseRow(cases.H.id)).data.complaint;
    expect(h).toMatchObject({
      source: 'hotline-work-order',
      workOrderNo: cases.H.wo,
      customer: cases.H.customer,
      employeeIds: [people.agent1.id],
    });
    expect((await caseRow(cases.E.id)).data.complaint).toMatchObject({
      source: 'escalated-order',
      workOrderNo: cases.E.wo,
      escalationLevel: 1,
    });
    expect((await caseRow(cases.R.id)).data.complaint).toMatchObject({ source: 'regulator' });
    expect((await caseRow(cases.W.id)).data.complaint).toMatchObject({ source: 'employee-report' });
    expect((await caseRow(cases.I.id)).data.complaint).toMatchObject({
      source: 'internal-audit',
      severity: 'egregious',
    });

    // the list finds a complaint by 工单号 and by the employee's 工号, with names, not ids
    await c.ui.step(page, 'search', async () => {
      await page.goto(`${c.base}/#/complaints`);
      const row = (customer: string) => page.getByRole('row').filter({ hasText: customer });
      await row(cases.E.customer).waitFor({ timeout: UI_TIMEOUT });
      await page.getByPlaceholder('工单号、客户、员工姓名或工号').fill(cases.H.wo!);
      await row(cases.E.customer).waitFor({ state: 'detached', timeout: UI_TIMEOUT });
      await row(cases.H.customer)
        .filter({ hasText: who('agent1') })
        .waitFor({ timeout: UI_TIMEOUT });
      await page.getByPlaceholder('工单号、客户、员工姓名或工号').fill(people.agent2.code);
      await row(cases.H.customer).waitFor({ state: 'detached', timeout: UI_TIMEOUT });
      await row(cases.E.customer).waitFor({ timeout: UI_TIMEOUT });
    });
    done();
  }, 180000);

  it('C-2 verifiers claim, comment and approve with verdicts; an egregious complaint needs a second verifier', async () => {
    await c.ui.step(page, 'verify', async () => {
      // H: claim, comment, then the verdict
      const taskId = await openTask(cases.H.id, 'verify');
      await page
        .locator('[data-testid=complaint-panel-verify]')
        .filter({ hasText: cases.H.wo! })
        .waitFor({ timeout: UI_TIMEOUT });
      await page.getByRole('button', { name: '认领', exact: true }).click();
      await eventually(async () =>
        (await c.s.ds.query(`SELECT claimed_by FROM tasks WHERE id = $1`, [taskId]))[0]?.claimed_by ===
        people.verifier1.userId
          ? true
          : null,
      );
      await page.goto(`${c.base}/#/tasks/${taskId}/show`);
      await page.locator('[data-testid=complaint-panel-verify]').waitFor({ timeout: UI_TIMEOUT });
      await act('添加评论', async (d) => d.getByRole('textbox', { name: '意见' }).fill('已调取录音，待核实'));
      await commented(cases.H.id, 'verify', '已调取录音，待核实');
      await verify(cases.H.id, '有理有责', '装机超过承诺时限，属实');
      await verify(cases.E.id, '有理有责', '越级投诉属实');
      await verify(cases.R.id, '有理有责', '监管转办属实');
      await verify(cases.W.id, '有理有责', '举报属实');
      await verify(cases.I.id, '无理', '稽核未发现问题');
    });
    for (const k of ['H', 'E', 'R', 'W'] as const) await stageOf(cases[k].id, 'rule');
    // I is egregious (preliminary): the first approval leaves it at verification for a second, distinct verifier
    await openTaskId(cases.I.id, 'verify');
    expect((await caseRow(cases.I.id)).status).toBe('open');
    await switchUser('verifier2');
    await c.ui.step(page, 'verify-second', () => verify(cases.I.id, '无理', '复核：同意稽核结论', 'verifier2'));
    await eventually(async () => ((await caseRow(cases.I.id)).status === 'closed' ? true : null), 20000);
    expect(await caseRow(cases.I.id)).toMatchObject({ status: 'closed', outcome: 'unfounded' });
    done();
  }, 180000);

  it('C-3 the ruling lead comments, returns one case for verification, and rules; points out of range are refused in Chinese', async () => {
    await switchUser('ruling1');
    await c.ui.step(page, 'return', async () => {
      await openTask(cases.R.id, 'rule');
      await page
        .locator('[data-testid=complaint-panel-rule]')
        .filter({ hasText: '监管转办属实' })
        .waitFor({ timeout: UI_TIMEOUT });
      await act('添加评论', async (d) => d.getByRole('textbox', { name: '意见' }).fill('请补充监管转办函'));
      await commented(cases.R.id, 'rule', '请补充监管转办函');
      await openTask(cases.R.id, 'rule');
      // returning needs its reason
      await page.getByRole('button', { name: '退回重新核实', exact: true }).click();
      const d = page.getByRole('dialog');
      await d.getByRole('button', { name: '提交', exact: true }).click();
      await d.getByText('请填写退回理由', { exact: true }).waitFor({ timeout: UI_TIMEOUT });
      await d.getByRole('textbox', { name: '退回理由' }).fill('缺少监管转办函，请补充核实');
      await d.getByRole('button', { name: '提交', exact: true }).click();
      await d.waitFor({ state: 'detached', timeout: UI_TIMEOUT });
    });
    await stageOf(cases.R.id, 'verify');

    const rule = async (
      caseId: string,
      o: {
        severity: string;
        category: string | RegExp;
        employee: string;
        points: string;
        bad?: { value: string; message: string }[];
      },
    ) => {
      const taskId = await openTask(caseId, 'rule');
      await page.getByRole('button', { name: '提交责任认定', exact: true }).click();
      const d = page.getByRole('dialog');
      await d.waitFor({ timeout: UI_TIMEOUT });
      await choose(d, '严重程度', o.severity);
      await choose(d, '类别', o.category);
      await choose(d, '原因', '其他');
      await d.getByRole('combobox', { name: '员工' }).click();
      await page
        .getByRole('option', { name: new RegExp(`^${who(o.employee).replace(/[()（）]/g, '.')} · 涉及员工`) })
        .click();
      const points = d.getByRole('spinbutton', { name: '扣分' });
      for (const bad of o.bad ?? []) {
        await points.fill(bad.value);
        await d.getByRole('button', { name: '提交', exact: true }).click();
        await d.getByText(bad.message, { exact: true }).waitFor({ timeout: UI_TIMEOUT });
        expect((await c.s.ds.query(`SELECT status FROM tasks WHERE id = $1`, [taskId]))[0].status).toBe('open');
      }
      if (o.bad?.length) await c.ui.shot(page, 'ruling-range-error');
      await points.fill(o.points);
      await d.getByRole('button', { name: '提交', exact: true }).click();
      await d.waitFor({ state: 'detached', timeout: UI_TIMEOUT });
      await taskDone(taskId, 'approve');
    };
    await c.ui.step(page, 'rule', async () => {
      // serious: the responsible person's points must be 5.0–10.0 (C-3); 0, −1 and 999 are refused naming the range
      const range = '扣分须在 5.0–10.0 分之间';
      await rule(cases.H.id, {
        severity: '严重',
        category: seriousCategory,
        employee: 'agent1',
        points: '6',
        bad: [
          { value: '0', message: range },
          { value: '-1', message: range },
          { value: '999', message: range },
        ],
      });
      await rule(cases.E.id, { severity: '严重', category: seriousCategory, employee: 'agent2', points: '8' });
      await rule(cases.W.id, { severity: '普通', category: /业务受理差错/, employee: 'agent1', points: '2' });
    });
    for (const k of ['H', 'E', 'W'] as const) await stageOf(cases[k].id, 'appeal');

    // R again: verified a second time (round 2), then ruled
    await switchUser('verifier1');
    await c.ui.step(page, 'verify-again', async () => {
      await openTask(cases.R.id, 'verify');
      await page
        .locator('[data-testid=complaint-panel-verify]')
        .filter({ hasText: '已有核实结论' })
        .waitFor({ timeout: UI_TIMEOUT });
      await verify(cases.R.id, '有理有责', '已补充监管转办函，属实');
      await c.ui.shot(page, 'verified-again');
    });
    await stageOf(cases.R.id, 'rule');
    await switchUser('ruling1');
    await c.ui.step(page, 'rule-again', () =>
      rule(cases.R.id, { severity: '普通', category: /业务受理差错/, employee: 'agent3', points: '2' }),
    );
    await stageOf(cases.R.id, 'appeal');
    expect((await caseRow(cases.H.id)).data.ruling).toMatchObject({
      severity: 'serious',
      persons: [{ employeeId: people.agent1.id, role: 'responsible', points: 60 }],
    });
    done();
  }, 240000);

  it('C-12 the accountable people see their ruling and points; one accepts (接受认定), three appeal (提出申诉) with a reason', async () => {
    await switchUser('agent1');
    await c.ui.step(page, 'accept', async () => {
      const taskId = await openTask(cases.H.id, 'appeal', people.agent1.userId);
      await page
        .locator('[data-testid=appeal-own-points]')
        .filter({ hasText: '扣 6.0 分' })
        .waitFor({ timeout: UI_TIMEOUT });
      await page
        .locator('[data-testid=complaint-ruling]')
        .filter({ hasText: who('agent1') })
        .waitFor({ timeout: UI_TIMEOUT });
      expect(await page.getByRole('button', { name: '驳回', exact: true }).count()).toBe(0);
      await c.ui.shot(page, 'appeal-task');
      await act('添加评论', async (d) => d.getByRole('textbox', { name: '意见' }).fill('已知悉认定'));
      await commented(cases.H.id, 'appeal', '已知悉认定');
      await openTask(cases.H.id, 'appeal', people.agent1.userId);
      await act('接受认定');
      await taskDone(taskId, 'approve');
    });
    const appeal = async (caseId: string, user: string, reason: string, checkRequired = false) => {
      const taskId = await openTask(caseId, 'appeal', people[user].userId);
      // the task page's 案件概要 gives the case's own 创建时间 (the task came minutes later)
      const createdOnTaskPage = await page.locator('[data-testid=case-created-at]').innerText();
      await page.getByRole('button', { name: '提出申诉', exact: true }).click();
      const d = page.getByRole('dialog');
      await d.waitFor({ timeout: UI_TIMEOUT });
      if (checkRequired) {
        await d.getByRole('button', { name: '提交', exact: true }).click();
        await d.getByText('请填写申诉理由', { exact: true }).waitFor({ timeout: UI_TIMEOUT });
      }
      await d.getByRole('textbox', { name: '申诉理由' }).fill(reason);
      await d.getByRole('button', { name: '提交', exact: true }).click();
      await d.waitFor({ state: 'detached', timeout: UI_TIMEOUT });
      await taskDone(taskId, 'reject');
      if (!checkRequired) return;
      // the appeal is named as the button named it, never by the generic word for the same action (驳回): in the
      // notice, the case's 审批记录, its diagram and its task table
      await page.getByText('已提交：提出申诉', { exact: true }).waitFor({ timeout: UI_TIMEOUT });
      await page.goto(`${c.base}/#/cases/${caseId}/show`);
      await page.reload();
      const timeline = page.locator('[data-testid=case-timeline]');
      await timeline.filter({ hasText: reason }).waitFor({ timeout: UI_TIMEOUT });
      const record = await timeline.innerText();
      expect(record).toContain(`${who(user)} 提出申诉`);
      expect(record).toContain('已申诉，待领导小组裁决');
      expect(record).toContain('提交核实结论');
      expect(record).toContain('提交责任认定');
      expect(record).not.toContain('驳回');
      expect(await page.locator('[data-testid=case-created-at]').innerText()).toBe(createdOnTaskPage);
      const whole = await page.locator('main').first().innerText();
      expect(whole).toContain(`${who(user)} 提出申诉`);
      expect(whole).not.toContain('驳回');
      await c.ui.shot(page, 'appeal-named');
    };
    await c.ui.step(page, 'appeal-agent1', () => appeal(cases.W.id, 'agent1', '举报内容与本人无关', true));
    await switchUser('agent2');
    await c.ui.step(page, 'appeal-agent2', () => appeal(cases.E.id, 'agent2', '客户已撤回越级，扣分过重'));
    await switchUser('agent3');
    await c.ui.step(page, 'appeal-agent3', () => appeal(cases.R.id, 'agent3', '转办函所述时间本人不在岗'));

    // H: accepted — the deduction posts as ruled
    await eventually(async () => ((await ledger(cases.H.id)).length === 1 ? true : null), 20000);
    expect(await ledger(cases.H.id)).toEqual([{ employee_id: people.agent1.id, reason: 'ruling', points_x10: 60 }]);
    expect(await caseRow(cases.H.id)).toMatchObject({ status: 'closed', outcome: 'posted' });
    for (const k of ['E', 'R', 'W'] as const) await stageOf(cases[k].id, 'appeal-decision');
    done();
  }, 180000);

  it('C-12 the leadership group comments and decides: uphold, change the points (range checked), withdraw', async () => {
    await switchUser('leader1');
    const decide = async (caseId: string, decision: string, fill?: (d: Locator) => Promise<void>) => {
      const taskId = await openTask(caseId, 'appeal-decision');
      await page.getByRole('button', { name: '提交裁决', exact: true }).click();
      const d = page.getByRole('dialog');
      await d.waitFor({ timeout: UI_TIMEOUT });
      await d.locator('[data-testid=appeal-decision-ruling]').waitFor({ timeout: UI_TIMEOUT });
      await d.getByRole('radio', { name: decision }).check();
      if (fill) await fill(d);
      await d.getByRole('button', { name: '提交', exact: true }).click();
      await d.waitFor({ state: 'detached', timeout: UI_TIMEOUT });
      await taskDone(taskId, 'approve');
    };
    await c.ui.step(page, 'uphold', async () => {
      await openTask(cases.R.id, 'appeal-decision');
      await page
        .locator('[data-testid=complaint-appeals]')
        .filter({ hasText: '转办函所述时间本人不在岗' })
        .filter({ hasText: who('agent3') })
        .waitFor({ timeout: UI_TIMEOUT });
      await page.locator('[data-testid=complaint-ruling]').filter({ hasText: '2.0' }).waitFor({ timeout: UI_TIMEOUT });
      await act('添加评论', async (d) => d.getByRole('textbox', { name: '意见' }).fill('请纪检组列席'));
      await commented(cases.R.id, 'appeal-decision', '请纪检组列席');
      await decide(cases.R.id, '维持原认定');
    });
    await c.ui.step(page, 'change', async () => {
      await decide(cases.E.id, '变更扣分', async (d) => {
        const field = d.getByRole('spinbutton', { name: new RegExp(`${people.agent2.name}.*的新扣分`) });
        await field.waitFor({ timeout: UI_TIMEOUT });
        expect(await field.inputValue()).toBe('8');
        await d.getByText('原认定 8.0 分 · 允许范围 5.0–10.0').waitFor({ timeout: UI_TIMEOUT });
        await field.fill('11');
        await d.getByRole('button', { name: '提交', exact: true }).click();
        await d.getByText('扣分须在 5.0–10.0 分之间', { exact: true }).waitFor({ timeout: UI_TIMEOUT });
        await c.ui.shot(page, 'appeal-change-range');
        await field.fill('6');
      });
    });
    await c.ui.step(page, 'withdraw', () => decide(cases.W.id, '撤销认定'));

    await eventually(async () => ((await caseRow(cases.R.id)).outcome === 'posted' ? true : null), 20000);
    expect(await ledger(cases.R.id)).toEqual([{ employee_id: people.agent3.id, reason: 'ruling', points_x10: 20 }]);
    await eventually(async () => ((await caseRow(cases.E.id)).outcome === 'posted' ? true : null), 20000);
    expect(await ledger(cases.E.id)).toEqual([{ employee_id: people.agent2.id, reason: 'ruling', points_x10: 60 }]);
    await eventually(async () => ((await caseRow(cases.W.id)).status === 'closed' ? true : null), 20000);
    expect(await caseRow(cases.W.id)).toMatchObject({ outcome: 'withdrawn' });
    expect(await ledger(cases.W.id)).toEqual([]);

    // the complaint page shows the decision and the posted points with names
    await c.ui.step(page, 'complaint-page', async () => {
      await page.goto(`${c.base}/#/complaints/${cases.E.id}/show`);
      await page
        .locator('[data-testid=complaint-appeal-decision]')
        .filter({ hasText: '变更扣分' })
        .filter({ hasText: '6.0' })
        .waitFor({ timeout: UI_TIMEOUT });
      const row = page
        .locator('[data-testid=complaint-deductions]')
        .getByRole('row')
        .filter({ hasText: who('agent2') });
      await row.filter({ hasText: '6.0' }).waitFor({ timeout: UI_TIMEOUT });
      await page
        .locator('[data-testid=complaint-outcome]')
        .filter({ hasText: '已扣分入账' })
        .waitFor({ timeout: UI_TIMEOUT });
      await c.ui.shot(page, 'complaint-page');
      await page.goto(`${c.base}/#/complaints/${cases.W.id}/show`);
      await page.getByText('责任认定已由领导小组撤销，不扣分。').waitFor({ timeout: UI_TIMEOUT });
    });
    // the ledger and the named notices show names, labels and points — no ids
    const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
    await c.ui.step(page, 'ledger-and-notices', async () => {
      await page.goto(`${c.base}/#/deductions`);
      await page.getByPlaceholder('员工姓名或工号').fill(people.agent2.code);
      const ledgerRow = page
        .getByRole('row')
        .filter({ hasText: who('agent2') })
        .filter({ hasText: cases.E.customer });
      await ledgerRow.filter({ hasText: '责任认定扣分' }).filter({ hasText: '6.0' }).waitFor({ timeout: UI_TIMEOUT });
      expect(await page.locator('#main-content').innerText()).not.toMatch(uuid);
      await page.goto(`${c.base}/#/notices`);
      await page
        .getByRole('row')
        .filter({ hasText: cases.R.customer })
        .filter({ hasText: who('agent3') })
        .filter({ hasText: '2.0' })
        .waitFor({ timeout: UI_TIMEOUT });
      expect(await page.locator('#main-content').innerText()).not.toMatch(uuid);
    });
    done();
  }, 180000);
});
