import { consoleSuite, UI_TIMEOUT } from '../support/browser';
import { eventually } from '../support/stack';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/**
 * S-10 (flow kind star-review: one stage "scores", approve with the scores | comment | claim, team-lead pool): HR
 * starts the month in the console; the hotline lead claims the task, comments, and enters every holder's score in
 * the task page's panel — one vetoed with its reason, one below the line — which completes the task; the month is
 * settled with star pay by score, shown in Chinese with amounts in 元.
 */
describe("browser: the monthly star review from HR's start to the team lead's scores on the task page (S-10)", () => {
  const c = consoleSuite('star-review');
  const auth = (u: string) => c.auth(u);
  const review = async (id: string) => (await c.s.http.get(`/api/star-reviews/${id}`).set(await auth('admin'))).body;

  it('HR starts the month; the lead claims, comments and scores every holder on the task page; pay by score, a veto', async () => {
    // after every star's start in this run (the star campaign test awards one in 2043): every holder is scored
    const month = '2049-03';
    let context = await c.browser.newContext();
    let page = await context.newPage();
    await page.goto(`${c.base}/`);
    await page.locator('input[name=username]').waitFor({ timeout: 60000 }); // a loaded CI machine serves the console slowly
    await c.ui.login(page, 'hr1');
    const id = await c.ui.step(page, 'start', async () => {
      await page.goto(`${c.base}/#/star-reviews/create`);
      await page.locator('[data-testid=star-review-month]').fill(month, { timeout: UI_TIMEOUT });
      await page.getByRole('button', { name: '保存' }).click();
      return eventually(async () => {
        const [r] = await c.s.ds.query(`SELECT id FROM star_reviews WHERE month = $1`, [month]);
        return r?.id as string | undefined;
      });
    });
    await eventually(async () => ((await review(id)).stage === 'scores' ? true : null));
    const { caseId, rows: holders } = (await review(id)) as {
      caseId: string;
      rows: { employeeId: string; employeeCode: string; employeeName: string }[];
    };
    expect(holders.length).toBeGreaterThanOrEqual(2); // the demo's star holders (agent2, agent3)
    const taskId = await eventually(async () => {
      const [t] = await c.s.ds.query(
        `SELECT id FROM tasks WHERE case_id = $1 AND stage = 'scores' AND status = 'open'`,
        [caseId],
      );
      return t?.id as string | undefined;
    });

    // a fresh context per user: no token of the previous user survives
    await context.close();
    context = await c.browser.newContext();
    page = await context.newPage();
    await page.goto(`${c.base}/`);
    await page.locator('input[name=username]').waitFor({ timeout: 60000 });
    await c.ui.login(page, 'hotlinelead1');
    const panel = page.locator('[data-testid=decision-panel]');
    await c.ui.step(page, 'claim', async () => {
      await page.goto(`${c.base}/#/tasks/${taskId}/show`);
      await panel
        .filter({ hasText: `${holders[0].employeeName}（${holders[0].employeeCode}）` })
        .waitFor({ timeout: UI_TIMEOUT });
      expect(await panel.innerText()).not.toMatch(UUID);
      await page.getByRole('button', { name: '认领', exact: true }).click();
      await eventually(async () => {
        const [t] = await c.s.ds.query(`SELECT claimed_by FROM tasks WHERE id = $1`, [taskId]);
        return t.claimed_by === c.s.users.hotlinelead1 ? true : null;
      });
    });
    await c.ui.step(page, 'comment', async () => {
      await page.goto(`${c.base}/#/tasks/${taskId}/show`);
      await page.getByRole('button', { name: '评论', exact: true }).click({ timeout: UI_TIMEOUT });
      const dialog = page.getByRole('dialog');
      await dialog.locator('textarea[name=comment]').fill('本月两位星级客服均已评分，见下表');
      await dialog.getByRole('button', { name: '提交' }).click();
      await dialog.waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
      await page.waitForURL(/#\/cases\//, { timeout: UI_TIMEOUT }); // the console goes on to the case page
      await eventually(async () => {
        const detail = (await c.s.http.get(`/api/cases/${caseId}`).set(await auth('admin'))).body;
        return JSON.stringify(detail.timeline ?? []).includes('本月两位星级客服均已评分') ? true : null;
      });
    });
    await c.ui.step(page, 'scores', async () => {
      await page.goto(`${c.base}/#/tasks/${taskId}/show`);
      await panel.locator('[data-testid=star-scores-submit]').waitFor({ timeout: UI_TIMEOUT });
      // first: 90 (pay × 90 %); second: vetoed with its reason; the rest: 100 (full pay)
      for (const [i, h] of holders.entries())
        await panel.locator(`[data-testid=star-score-${h.employeeCode}]`).fill(i === 0 ? '90' : '100');
      await panel.locator(`[data-testid=star-veto-${holders[1].employeeCode}]`).check();
      await panel.locator(`[data-testid=star-veto-reason-${holders[1].employeeCode}]`).fill('有责投诉一次');
      await c.ui.shot(page, 'entered');
      await panel.locator('[data-testid=star-scores-submit]').click();
      await eventually(async () => ((await review(id)).status === 'closed' ? true : null), 20000);
    });
    const rows = await c.s.ds.query(
      `SELECT employee_id, score::float AS score, veto, percent::float AS percent, outcome, pay_fen::int AS pay FROM star_monthly WHERE month = $1`,
      [month],
    );
    const of = (employeeId: string) => rows.find((r: { employee_id: string }) => r.employee_id === employeeId);
    expect(rows).toHaveLength(holders.length);
    expect(of(holders[0].employeeId)).toMatchObject({ score: 90, veto: false, percent: 90, outcome: 'proportional' });
    expect(of(holders[1].employeeId)).toMatchObject({ score: 100, veto: true, percent: 0, outcome: 'vetoed', pay: 0 });
    const [task] = await c.s.ds.query(`SELECT status, decision, decided_by FROM tasks WHERE id = $1`, [taskId]);
    expect(task).toEqual({ status: 'done', decision: 'approve', decided_by: c.s.users.hotlinelead1 });

    // the month's result in Chinese: outcomes, the rule sentences, pay in 元
    await c.ui.step(page, 'result', async () => {
      await page.goto(`${c.base}/#/star-reviews/${id}/show`);
      const row0 = page.locator(`[data-testid=star-review-row-${holders[0].employeeCode}]`);
      await row0.filter({ hasText: '得分 90：星级工资 × 90%（S-10）' }).waitFor({ timeout: UI_TIMEOUT });
      expect(await row0.innerText()).toMatch(/\d+\.\d{2} 元/);
      await page
        .locator(`[data-testid=star-review-row-${holders[1].employeeCode}]`)
        .filter({ hasText: '一票否决（违规、重大差错或有责投诉）' })
        .waitFor({ timeout: UI_TIMEOUT });
      const shown = await page.locator('[data-testid=star-review-rows]').innerText();
      expect(shown).not.toMatch(/[A-Za-z]{3,}/);
      await c.ui.shot(page, 'scored');
    });
    // S-10 why: the rule tag with its title, the pinned policy as 政策 vN, and the counted facts in Chinese
    await c.ui.step(page, 'why', async () => {
      const [{ v }] = await c.s.ds.query(`SELECT policy_version AS v FROM cases WHERE id = $1`, [caseId]);
      const why = page.locator(`[data-testid=star-review-why-${holders[0].employeeCode}]`);
      await why.filter({ hasText: `政策 v${v}` }).waitFor({ timeout: UI_TIMEOUT });
      expect(await why.locator('[data-rule=S-10]').getAttribute('aria-label')).toBe(
        `S-10：星级月度考核 · 政策版本 ${v}`,
      );
      await why.getByRole('button', { name: '查看依据' }).click();
      const facts = page.locator(`[data-testid=star-review-why-${holders[0].employeeCode}-facts]`);
      await facts.waitFor({ timeout: UI_TIMEOUT });
      const text = await facts.innerText();
      expect(text).toContain(`S-10 星级月度考核 · 政策 v${v}`);
      expect(text).toMatch(/[123] 星月度星级工资 \d+ 元/);
      expect(text).toContain('月度考核得分 90 分（不低于 95 分全额发放，不低于 85 分按得分比例发放）');
      expect(text).toContain('按得分比例发放星级工资 90%');
      expect(text).toMatch(/本月星级工资 \d+(\.\d+)? 元/);
      expect(text).not.toMatch(UUID);
      expect(text).not.toMatch(/[A-Za-z]{3,}/);
      await c.ui.shot(page, 'why');
      await page.keyboard.press('Escape');
    });
    await context.close();
  }, 240000);
});
