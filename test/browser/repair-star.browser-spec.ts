import { BrowserContext, Page } from 'playwright-core';
import { consoleSuite, UI_TIMEOUT } from '../support/browser';
import { eventually } from '../support/stack';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const APPROVED = '2026-04';
const REJECTED = '2026-05';

/**
 * E-6 (flow kind repair-star: one stage "committee", approve | reject | comment, each member, majority): a manager
 * sends two finished months' repair stars from the monthly scores page; the five committee members vote on the task
 * page beside the month, the nominee and their scores and the vote so far — against, a change of vote, comments,
 * for — one month approved (0.5 points booked in January of the next year), the other rejected (nothing posted).
 */
describe('browser: the repair star goes to the performance committee and is approved or rejected in the console (E-6)', () => {
  const c = consoleSuite('repair-star');
  const auth = (u: string) => c.auth(u);
  let page: Page;
  let context: BrowserContext | null = null;
  let repairer = { id: '', name: '', code: '' };
  const cases: Record<string, string> = {};

  async function as(username: string) {
    await context?.close();
    context = await c.browser.newContext();
    page = await context.newPage();
    await page.goto(`${c.base}/`);
    await page.locator('input[name=username]').waitFor({ timeout: 60000 }); // a loaded CI machine serves the console slowly
    await c.ui.login(page, username);
  }
  afterAll(async () => context?.close());

  /** A finished month with scored evaluations of one repairer of a-team2 (the month's star). */
  async function scoredMonth(month: string) {
    const [{ id: team }] = await c.s.ds.query(`SELECT id FROM org_units WHERE code = 'a-team2'`);
    const [e] = await c.s.ds.query(
      `SELECT e.id, e.name, e.code FROM employees e WHERE e.unit_id = $1 ORDER BY e.code LIMIT 1`,
      [team],
    );
    repairer = e;
    for (let i = 0; i < 2; i++) {
      const r = await c.s.http
        .post('/api/work-orders')
        .set(await auth('dispatcher1'))
        .send({
          orderNo: `BR-E6-${month}-${i}`,
          repairerId: e.id,
          teamUnitId: team,
          reporter: '李先生',
          closedAt: `${month}-14T03:00:00Z`,
        });
      expect(r.status).toBe(201);
    }
    await c.s.http
      .post('/api/evaluations/assign')
      .set(await auth('manager1'))
      .send({ date: `${month}-14` });
    const evs = await c.s.ds.query(
      `SELECT ev.id, u.username FROM evaluations ev JOIN work_orders w ON w.id = ev.order_id JOIN users u ON u.id = ev.evaluator_user_id
      WHERE w.order_no LIKE $1 AND ev.score IS NULL`,
      [`BR-E6-${month}-%`],
    );
    for (const ev of evs)
      expect(
        (
          await c.s.http
            .post(`/api/evaluations/${ev.id}/answer`)
            .set(await auth(ev.username))
            .send({ choice: 'satisfied' })
        ).status,
      ).toBe(200);
  }

  const taskOf = (caseId: string, username: string) =>
    eventually(async () => {
      const [t] = await c.s.ds.query(
        `SELECT id FROM tasks WHERE case_id = $1 AND stage = 'committee' AND status = 'open' AND assignee_user_id = $2`,
        [caseId, c.s.users[username]],
      );
      return t?.id as string | undefined;
    });
  const ballots = async (caseId: string) =>
    (await c.s.http.get(`/api/committee-ballots/${caseId}`).set(await auth('admin'))).body;

  /** The task page: the panel (waited for `seen`, no id on it), then 同意 / 驳回 / 评论 with a comment. */
  async function act(
    caseId: string,
    username: string,
    label: '同意' | '驳回' | '评论',
    comment?: string,
    seen = '目前投票情况',
  ) {
    await page.goto(`${c.base}/#/tasks/${await taskOf(caseId, username)}/show`);
    const panel = page.locator('[data-testid=decision-panel]');
    await panel.filter({ hasText: seen }).waitFor({ timeout: UI_TIMEOUT });
    expect(await panel.innerText()).not.toMatch(UUID);
    await page.getByRole('button', { name: label, exact: true }).click();
    const dialog = page.getByRole('dialog');
    if (comment) await dialog.locator('textarea[name=comment]').fill(comment);
    await dialog.getByRole('button', { name: '提交' }).click();
    await dialog.waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
    await page.waitForURL(/#\/cases\//, { timeout: UI_TIMEOUT }); // the console goes on to the case page
  }

  it("E-6 a manager sends two months' repair stars from the monthly scores page", async () => {
    await scoredMonth(APPROVED);
    await scoredMonth(REJECTED);
    await as('manager1');
    for (const month of [APPROVED, REJECTED]) {
      await c.ui.step(page, `send-${month}`, async () => {
        await page.goto(`${c.base}/#/scores`);
        await page.locator('[data-testid=scores-month]').fill(month, { timeout: UI_TIMEOUT });
        await page.locator('[data-testid=send-repair-star]').click({ timeout: UI_TIMEOUT });
        await page
          .locator('[data-testid=repair-star-case]')
          .filter({ hasText: '绩效委员会审批中' })
          .waitFor({ timeout: UI_TIMEOUT });
      });
      const [row] = await eventually(async () => {
        const rows = await c.s.ds.query(
          `SELECT id, status, data->>'repairerId' AS "repairerId" FROM cases WHERE kind = 'repair-star' AND business_key = $1`,
          [month],
        );
        return rows.length ? rows : null;
      });
      expect(row).toMatchObject({ status: 'open', repairerId: repairer.id });
      cases[month] = row.id;
    }
    await c.ui.shot(page, 'sent');
  }, 120000);

  it('E-6 five members vote beside the month, nominee, scores and vote so far: against, a changed vote, comments, for; one month approved, one rejected', async () => {
    const A = cases[APPROVED];
    const B = cases[REJECTED];

    await as('committee1');
    await c.ui.step(page, 'committee1', async () => {
      // what is decided: the month, the nominee as 姓名（工号）, their E-5 score, the points; nobody has voted yet
      await page.goto(`${c.base}/#/tasks/${await taskOf(A, 'committee1')}/show`);
      const panel = page.locator('[data-testid=decision-panel]');
      await panel.filter({ hasText: '未投票 5' }).waitFor({ timeout: UI_TIMEOUT });
      const text = await panel.innerText();
      expect(text).toContain(APPROVED);
      expect(text).toContain(`${repairer.name}（${repairer.code}）`);
      expect(text).toContain('0.5 分，委员会通过后计入 2027-01');
      expect(text).not.toMatch(UUID);
      await c.ui.shot(page, 'panel');
      // E-5 why of the nominee's score: the evaluations it counted, by order number, in Chinese
      await panel.locator('[data-testid=panel-nominee-why]').getByRole('button', { name: '查看依据' }).click();
      const facts = page.locator('[data-testid=panel-nominee-why-facts]');
      await facts.waitFor({ timeout: UI_TIMEOUT });
      const why = await facts.innerText();
      expect(why).toMatch(/^E-5 维修员月度得分 · 政策 v\d+/);
      expect(why).toMatch(/满意 \d+ 次（工单 BR-E6-/);
      expect(why).not.toMatch(UUID);
      await page.keyboard.press('Escape');
      await facts.waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
      await act(A, 'committee1', '驳回', '本月工单量偏少');
      await eventually(async () => ((await ballots(A)).reject === 1 ? true : null));
      // the vote is open until everyone has voted: the member changes it on the same task
      await act(A, 'committee1', '同意', undefined, '已投票：反对');
      await eventually(async () => {
        const b = await ballots(A);
        return b.approve === 1 && b.reject === 0 ? true : null;
      });
      await act(B, 'committee1', '驳回', '评价数量不足以评为维修之星');
    });

    await as('committee2');
    await c.ui.step(page, 'committee2', async () => {
      await act(A, 'committee2', '评论', '同意，建议在月度例会上通报', '评定委员1');
      await eventually(async () => {
        const detail = (await c.s.http.get(`/api/cases/${A}`).set(await auth('admin'))).body;
        return JSON.stringify(detail.timeline ?? []).includes('同意，建议在月度例会上通报') ? true : null;
      });
      await act(A, 'committee2', '同意');
      await act(B, 'committee2', '驳回', '同上');
    });

    for (const [member, a, b] of [
      ['committee3', '同意', '驳回'],
      ['committee4', '驳回', '同意'],
      ['committee5', '同意', '同意'],
    ] as const) {
      await as(member);
      await c.ui.step(page, member, async () => {
        await act(A, member, a, a === '驳回' ? '工单质量一般' : undefined);
        await act(B, member, b, b === '驳回' ? '评价数量不足' : undefined);
      });
    }

    // A: 4 for, 1 against → approved, 0.5 points granted once, booked in January of the next year
    await eventually(async () => {
      const [r] = await c.s.ds.query(`SELECT status, outcome FROM cases WHERE id = $1`, [A]);
      return r.status === 'closed' ? r : null;
    }, 20000).then((r) => expect(r).toEqual({ status: 'closed', outcome: 'posted' }));
    expect(
      await c.s.ds.query(
        `SELECT employee_id, month, source, reason, points_x10 FROM ledger_entries WHERE case_id = $1`,
        [A],
      ),
    ).toEqual([
      { employee_id: repairer.id, month: '2027-01', source: 'repair-star', reason: 'repair-star', points_x10: -5 },
    ]);
    // B: 2 for, 3 against → rejected, nothing posted
    await eventually(async () => {
      const [r] = await c.s.ds.query(`SELECT status, outcome FROM cases WHERE id = $1`, [B]);
      return r.status === 'closed' ? r : null;
    }, 20000).then((r) => expect(r).toEqual({ status: 'closed', outcome: 'rejected' }));
    expect(await c.s.ds.query(`SELECT count(*)::int AS n FROM ledger_entries WHERE case_id = $1`, [B])).toEqual([
      { n: 0 },
    ]);
    expect(await ballots(A)).toMatchObject({ members: 5, approve: 4, reject: 1, notVoted: 0 });
    expect(await ballots(B)).toMatchObject({ members: 5, approve: 2, reject: 3, notVoted: 0 });

    // the manager's scores page shows each month's result
    await as('manager1');
    await c.ui.step(page, 'results', async () => {
      await page.goto(`${c.base}/#/scores`);
      await page.locator('[data-testid=scores-month]').fill(APPROVED, { timeout: UI_TIMEOUT });
      await page.locator('[data-testid=repair-star-case]').waitFor({ timeout: UI_TIMEOUT });
      await c.ui.shot(page, 'approved');
    });
  }, 300000);
});
