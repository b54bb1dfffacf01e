import { randomUUID } from 'node:crypto';
import { consoleSuite, expectChinese, UI_TIMEOUT } from '../support/browser';

/**
 * What-if in the console (issue 16): an administrator opens a draft policy that raises the C-9 ordinary P4 threshold,
 * presses 模拟 for a past month with recorded rulings, and sees the result page: the summary cards (P4 1 → 0), the
 * affected person named 姓名（工号） with P4 → 无, and (the draft also raising the 2-star pay) the same person's star
 * pay (S-10) in the table of star pay, repairer scores and scorecards. The ledger is checked untouched.
 */
const MONTH = '2019-05';

describe('browser: what-if simulation of a draft policy (issue 16)', () => {
  const c = consoleSuite('simulations');

  it('admin: draft policy → 模拟 → result page with the person whose grade moves', async () => {
    const admin = await c.auth('admin');
    const [agent] = await c.s.ds.query(
      `SELECT e.id, e.code, e.name FROM users u JOIN employees e ON e.id = u.employee_id WHERE u.username = 'agent1'`,
    );
    for (let i = 0; i < 3; i++) {
      const [kase] = await c.s.ds.query(
        `INSERT INTO cases (kind, business_key, title, workflow_id, policy_version, flow_version, status, outcome) VALUES ('complaint', $1, '投诉：装机超时', $2, 1, 1, 'closed', 'posted') RETURNING id`,
        [randomUUID(), `simulation-browser-${randomUUID()}`],
      );
      await c.s.ds.query(
        `INSERT INTO ledger_entries (employee_id, month, case_id, source, reason, points_x10, severity) VALUES ($1,$2,$3,'complaint','ruling',20,'ordinary')`,
        [agent.id, MONTH, kase.id],
      );
    }
    // S-10: the agent holds 2 stars and was assessed at 90 that month (paid 90%); the draft also raises the 2-star pay
    await c.s.ds.query(
      `INSERT INTO star_monthly (employee_id, month, level, score, veto, percent, outcome, pay_fen, message)
       VALUES ($1, $2, 2, 90, false, 90, 'proportional', 18000, 'seeded') ON CONFLICT DO NOTHING`,
      [agent.id, MONTH],
    );
    const current = (await c.s.http.get('/api/policies/current').set(admin)).body;
    const body = structuredClone(current.body);
    body.grades.ordinary.p4MonthlyCount = 4;
    body.stars.monthlyPayFen['2'] += 10000;
    const draft = await c.s.http
      .post('/api/policies')
      .set(admin)
      .send({ body, effectiveFrom: '2099-01-01', label: '普通投诉 P4 门槛 4 件' });
    expect(draft.status).toBe(201);
    const [{ n: ledgerBefore }] = await c.s.ds.query(`SELECT count(*)::int AS n FROM ledger_entries`);

    const page = await c.browser.newPage();
    try {
      await c.ui.step(page, 'login', () => c.ui.login(page, 'admin'));
      await c.ui.step(page, 'simulate', async () => {
        await page.goto(`${c.base}/#/policies/${draft.body.id}/show`);
        await page.getByTestId('simulate').click();
        await page.getByTestId('simulate-from').fill(MONTH);
        await page.getByTestId('simulate-to').fill(MONTH);
        await page.getByText('共 1 个月').waitFor({ timeout: UI_TIMEOUT });
        await page.getByTestId('simulate-start').click();
        await page.waitForURL(/#\/simulations\/[0-9a-f-]{36}\/show$/, { timeout: UI_TIMEOUT });
      });
      await c.ui.step(page, 'result', async () => {
        await page.getByTestId('simulation-status').getByText('已完成').waitFor({ timeout: 30000 });
        expect(await page.getByTestId('sim-p4').innerText()).toBe('1 → 0');
        expect(await page.getByRole('heading', { level: 1 }).last().innerText()).toMatch(
          /^政策模拟：第 \d+ 版 对比 第 \d+ 版$/,
        );
        expect(await page.getByTestId('sim-moves').innerText()).toBe('1');
        const row = page
          .getByRole('row')
          .filter({ hasText: `${agent.name}（${agent.code}）` })
          .filter({ hasText: '月度结算' });
        await row.waitFor({ timeout: UI_TIMEOUT });
        expect(await row.innerText()).toMatch(/P4 → 无/);
        // star pay (S-10) beside it: the same person, 90% of the 100 元 raise
        const results = page.getByTestId('simulation-results');
        const star = results.getByRole('row').filter({ hasText: `${agent.name}（${agent.code}）` });
        expect(await star.innerText()).toMatch(/星级薪酬[\s\S]*90 → 90[\s\S]*\+90\.00 元/);
        expect(await results.getByRole('row').count()).toBe(2); // header + the one holder
        expect(await page.getByRole('row').count()).toBe(4); // header + the one person, and the star pay table's two
        expectChinese(await page.locator('main').innerText());
        await c.ui.shot(page, 'result');
      });
    } finally {
      await page.close();
    }
    const [{ n: ledgerAfter }] = await c.s.ds.query(`SELECT count(*)::int AS n FROM ledger_entries`);
    expect(ledgerAfter).toBe(ledgerBefore);
  });
});
