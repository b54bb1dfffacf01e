import { consoleSuite, UI_TIMEOUT } from '../support/browser';
import { eventually } from '../support/stack';

describe('browser: the team lead enters the monthly star scores (S-10)', () => {
  const c = consoleSuite('star-review');
  const auth = (u: string) => c.auth(u);
  const review = async (id: string) => (await c.s.http.get(`/api/star-reviews/${id}`).set(await auth('admin'))).body;

  it('scores every star holder in the console table, one below 95; the month is settled with pay by score', async () => {
    const month = '2037-03';
    const started = await c.s.http.post('/api/star-reviews').set(await auth('hr1')).send({ month });
    expect(started.status).toBe(201);
    const id = started.body.id as string;
    await eventually(async () => ((await review(id)).stage === 'scores' ? true : null));
    const holders = (await review(id)).rows as { employeeId: string; employeeCode: string }[];
    expect(holders.length).toBeGreaterThan(0); // the demo's star holders (agent2, agent3)
    const page = await c.browser.newPage();
    await c.ui.login(page, 'hotlinelead1');
    await c.ui.step(page, 'scores', async () => {
      await page.goto(`${c.base}/#/star-reviews/${id}/show`);
      await page.locator('[data-testid=star-scores-submit]').waitFor({ timeout: UI_TIMEOUT });
      for (const [i, h] of holders.entries()) await page.locator(`[data-testid=star-score-${h.employeeCode}]`).fill(i === 0 ? '90' : '100');
      await c.ui.shot(page, 'entered');
      await page.locator('[data-testid=star-scores-submit]').click();
      await eventually(async () => ((await review(id)).status === 'closed' ? true : null), 20000);
      await page.reload();
      await page.locator(`[data-testid=star-review-row-${holders[0].employeeCode}]`).filter({ hasText: '90' }).waitFor({ timeout: UI_TIMEOUT });
    });
    await c.ui.shot(page, 'scored');
    const rows = await c.s.ds.query(`SELECT employee_id, score::float AS score, percent::float AS percent, outcome FROM star_monthly WHERE month = $1 ORDER BY score`, [month]);
    expect(rows).toHaveLength(holders.length);
    expect(rows[0]).toMatchObject({ employee_id: holders[0].employeeId, score: 90, percent: 90, outcome: 'proportional' });
    await page.close();
  });
});
