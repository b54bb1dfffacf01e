import { Page } from 'playwright-core';
import { consoleSuite, UI_TIMEOUT } from '../support/browser';
import { eventually } from '../support/stack';

describe('browser: star application → team lead → exam → five committee votes → award and bonus (S-2, S-6, S-7, S-8, S-9)', () => {
  const c = consoleSuite('stars');
  const auth = (u: string) => c.auth(u);
  const application = async (id: string) => (await c.s.http.get(`/api/star-applications/${id}`).set(await auth('admin'))).body;
  const campaign = async (id: string) => (await c.s.http.get(`/api/star-campaigns/${id}`).set(await auth('admin'))).body;

  /** The admin moves the campaign on with the dashboard's button (confirmed), and the api shows the new phase. */
  async function advance(page: Page, campaignId: string, to: string) {
    await page.goto(`${c.base}/#/star-campaigns/${campaignId}/show`);
    await page.locator('[data-testid=star-campaign-advance]').click({ timeout: UI_TIMEOUT });
    const confirm = page.locator('[data-testid=star-campaign-advance-confirm]');
    if (await confirm.isVisible({ timeout: 3000 }).catch(() => false)) await confirm.click();
    await eventually(async () => ((await campaign(campaignId)).phase === to ? true : null), 20000);
  }

  it('agent2 applies for 2 stars in the console; it ends awarded, in the history and with 500 CNY in the ledger', async () => {
    const year = 2041;
    const opened = await c.s.http.post('/api/star-campaigns').set(await auth('admin')).send({
      year, starts: { application: `${year}-03-01`, exam: `${year}-05-01`, committee: `${year}-08-01`, award: `${year}-10-01` },
      ceremonyDate: `${year}-10-20`, awardsFinishBy: `${year}-10-31`,
    });
    expect(opened.status).toBe(201);
    const campaignId = opened.body.id as string;
    const [agent] = await c.s.ds.query(`SELECT e.id, e.code FROM users u JOIN employees e ON e.id = u.employee_id WHERE u.username = 'agent2'`);
    const page = await c.browser.newPage();

    // the agent applies for 2 stars (holds 1 star since 2024)
    await c.ui.login(page, 'agent2');
    const appId = await c.ui.step(page, 'apply', async () => {
      await page.goto(`${c.base}/#/star-applications/create`);
      await page.locator('input[name=level][value="2"]').check({ timeout: UI_TIMEOUT });
      await page.locator('[data-testid=star-apply-submit]').click();
      return eventually(async () => {
        const [r] = await c.s.ds.query(`SELECT case_id FROM star_applications WHERE campaign_id = $1 AND employee_id = $2`, [campaignId, agent.id]);
        return r?.case_id as string | undefined;
      });
    });

    // the hotline team's lead approves the recommendation on the application page
    await c.ui.switchUser(page, 'hotlinelead1');
    await c.ui.step(page, 'lead-review', async () => {
      await eventually(async () => ((await application(appId)).stage === 'lead-review' ? true : null));
      await page.goto(`${c.base}/#/star-applications/${appId}/show`);
      await page.locator('[data-testid=star-review-approve]').click({ timeout: UI_TIMEOUT });
      await eventually(async () => ((await application(appId)).status === 'exam' ? true : null));
    });

    // the admin opens the exam phase and enters the 2-star exam score (pass mark 85)
    await c.ui.switchUser(page, 'admin');
    await c.ui.step(page, 'exam', async () => {
      await advance(page, campaignId, 'exam');
      await page.goto(`${c.base}/#/star-applications/${appId}/show`);
      await page.locator('[data-testid=star-exam-score]').fill('91', { timeout: UI_TIMEOUT });
      await page.locator('[data-testid=star-exam-submit]').click();
      await eventually(async () => ((await application(appId)).exam?.passedLevel === 2 ? true : null));
      await advance(page, campaignId, 'committee');
      await eventually(async () => ((await application(appId)).status === 'committee' && (await application(appId)).committee.members === 5 ? true : null));
    });

    // five committee members vote in the voting screen, one click each
    for (const [i, member] of ['committee1', 'committee2', 'committee3', 'committee4', 'committee5'].entries()) {
      await c.ui.switchUser(page, member);
      process.stdout.write(`[stars browser] ${member} votes\n`);
      await c.ui.step(page, `vote-${member}`, async () => {
        await page.goto(`${c.base}/#/star-voting`);
        await page.locator(`[data-testid=vote-approve-${agent.code}]`).click({ timeout: UI_TIMEOUT });
        await eventually(async () => ((await application(appId)).committee.votesCast === i + 1 ? true : null));
        await page.locator(`[data-testid=vote-progress-${agent.code}]`).filter({ hasText: String(i + 1) }).waitFor({ timeout: UI_TIMEOUT });
      });
    }
    expect((await application(appId)).committee).toMatchObject({ members: 5, votesCast: 5, approvals: 5 });
    await c.ui.shot(page, 'voting');

    // the award phase closes the vote; the star and the bonus follow
    await c.ui.switchUser(page, 'admin');
    await c.ui.step(page, 'award', async () => {
      await advance(page, campaignId, 'award');
      await eventually(async () => ((await application(appId)).status === 'awarded' ? true : null), 30000);
      await page.goto(`${c.base}/#/deductions?filter=${encodeURIComponent(JSON.stringify({ caseId: appId }))}`);
      await page.getByText('star-award', { exact: false }).first().waitFor({ timeout: UI_TIMEOUT });
      await page.getByText('500', { exact: false }).first().waitFor({ timeout: UI_TIMEOUT });
    });
    const ledger = await c.s.ds.query(`SELECT money_fen::int AS fen, month FROM ledger_entries WHERE case_id = $1`, [appId]);
    expect(ledger).toEqual([{ fen: 50000, month: `${year}-10` }]);

    // the agent sees the award in their star history
    await c.ui.switchUser(page, 'agent2');
    await c.ui.step(page, 'history', async () => {
      await page.goto(`${c.base}/#/star-history`);
      await page.getByText(`${year}-10-20`).first().waitFor({ timeout: UI_TIMEOUT });
    });
    await c.ui.shot(page, 'history');
    await page.close();
  }, 480000);
});
