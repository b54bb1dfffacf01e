import { BrowserContext, Page } from 'playwright-core';
import { consoleSuite, UI_TIMEOUT } from '../support/browser';
import { eventually } from '../support/stack';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/**
 * The published star flow (flow kind star-campaign: lead-review approve | reject | comment, committee approve |
 * reject | comment, majority) and the campaign around it, every action in the console as its user:
 * admin creates and advances the campaign; an agent applies; the hotline lead nominates; the lead comments,
 * approves and rejects (with reason) on the task page beside the applicant's record, eligibility and quota (S-5);
 * HR enters the exam scores; five committee members vote for and against, change a vote and comment, seeing the
 * vote so far; the award phase awards one candidate and not the other; the committee demotes a holder (S-11).
 */
describe('browser: star campaign, applications, lead review, exam, committee vote, award and demotion (S-1…S-11)', () => {
  const c = consoleSuite('stars');
  const auth = (u: string) => c.auth(u);
  const application = async (id: string) =>
    (await c.s.http.get(`/api/star-applications/${id}`).set(await auth('admin'))).body;
  const campaign = async (id: string) =>
    (await c.s.http.get(`/api/star-campaigns/${id}`).set(await auth('admin'))).body;
  const year = 2043;
  let page: Page;
  let context: BrowserContext | null = null;
  let campaignId = '';
  const people: Record<string, { id: string; code: string; name: string }> = {};
  const apps: Record<string, string> = {};

  beforeAll(async () => {
    for (const u of ['agent1', 'agent2', 'agent3']) {
      const [e] = await c.s.ds.query(
        `SELECT e.id, e.code, e.name FROM users u JOIN employees e ON e.id = u.employee_id WHERE u.username = $1`,
        [u],
      );
      people[u] = e;
    }
    // campaigns that earlier test files of this run left in their application phase (their workers are gone)
    await c.s.ds.query(`UPDATE star_campaigns SET phase = 'closed' WHERE phase <> 'closed' AND year <> $1`, [year]);
  });
  afterAll(async () => context?.close());

  /** Signs in as the user in a fresh browser context (its own storage: no token of the previous user survives). */
  async function as(username: string) {
    await context?.close();
    context = await c.browser.newContext();
    page = await context.newPage();
    await page.goto(`${c.base}/`);
    await page.locator('input[name=username]').waitFor({ timeout: 60000 }); // a loaded CI machine serves the console slowly
    await c.ui.login(page, username);
  }

  /** The admin moves the campaign on with the dashboard's button (confirmed), and the api shows the new phase. */
  async function advance(to: string) {
    await page.goto(`${c.base}/#/star-campaigns/${campaignId}/show`);
    await page.locator('[data-testid=star-campaign-advance]').click({ timeout: UI_TIMEOUT });
    await page.locator('[data-testid=star-campaign-advance-confirm]').click({ timeout: UI_TIMEOUT });
    await eventually(async () => ((await campaign(campaignId)).phase === to ? true : null), 20000);
  }

  /** The user's open task of a stage on a case. */
  async function taskOf(caseId: string, stage: string, username: string): Promise<string> {
    return eventually(async () => {
      const [t] = await c.s.ds.query(
        `SELECT id FROM tasks WHERE case_id = $1 AND stage = $2 AND status = 'open' AND (assignee_user_id = $3 OR assignee_user_id IS NULL) ORDER BY assignee_user_id NULLS LAST LIMIT 1`,
        [caseId, stage, c.s.users[username]],
      );
      return t?.id as string | undefined;
    });
  }

  /** On the task page: the decision panel, then one of the stage's actions (同意 / 驳回 / 评论) with its comment. */
  async function taskAction(taskId: string, label: '同意' | '驳回' | '评论', comment?: string): Promise<void> {
    await page.goto(`${c.base}/#/tasks/${taskId}/show`);
    const panel = page.locator('[data-testid=decision-panel]');
    await panel.waitFor({ timeout: UI_TIMEOUT });
    await page.getByRole('button', { name: label, exact: true }).click({ timeout: UI_TIMEOUT });
    const dialog = page.getByRole('dialog');
    if (comment) await dialog.locator('textarea[name=comment]').fill(comment);
    await dialog.getByRole('button', { name: '提交' }).click();
    await dialog.waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
    await page.waitForURL(/#\/cases\//, { timeout: UI_TIMEOUT }); // the console goes on to the case page
  }

  /** A comment (or any text) reached the case's 审批记录 (api). */
  async function timelineHas(caseId: string, text: string): Promise<boolean> {
    const detail = (await c.s.http.get(`/api/cases/${caseId}`).set(await auth('admin'))).body;
    return JSON.stringify(detail.timeline ?? []).includes(text);
  }

  /** The task page's panel text: names as 姓名（工号）, never an id. */
  async function panelText(taskId: string, waitFor: string): Promise<string> {
    await page.goto(`${c.base}/#/tasks/${taskId}/show`);
    const panel = page.locator('[data-testid=decision-panel]');
    await panel.filter({ hasText: waitFor }).waitFor({ timeout: UI_TIMEOUT });
    const text = await panel.innerText();
    expect(text).not.toMatch(UUID);
    return text;
  }

  it('S-1 with no campaign open the agent is told so and gets no form; the admin creates the campaign in the console', async () => {
    await as('agent2');
    await c.ui.step(page, 'apply-closed', async () => {
      await page.goto(`${c.base}/#/star-applications/create`);
      await page.locator('[data-testid=star-apply-closed]').waitFor({ timeout: UI_TIMEOUT });
      expect(await page.locator('[data-testid=star-apply-submit]').count()).toBe(0);
    });
    await as('admin');
    campaignId = await c.ui.step(page, 'campaign-create', async () => {
      await page.goto(`${c.base}/#/star-campaigns/create`);
      await page.locator('input[name=year]').fill(String(year), { timeout: UI_TIMEOUT });
      const dates: Record<string, string> = {
        'starts.application': `${year}-03-01`,
        'starts.exam': `${year}-05-01`,
        'starts.committee': `${year}-08-01`,
        'starts.award': `${year}-10-01`,
        ceremonyDate: `${year}-10-20`,
        awardsFinishBy: `${year}-10-31`,
      };
      for (const [name, value] of Object.entries(dates)) await page.locator(`input[name="${name}"]`).fill(value);
      await page.getByRole('button', { name: '保存' }).click();
      const [row] = await eventually(async () => {
        const r = await c.s.ds.query(`SELECT id, phase, quotas FROM star_campaigns WHERE year = $1`, [year]);
        return r[0]?.quotas ? r : null;
      }, 20000);
      await page.locator('[data-testid=star-campaign-phase][data-phase=application]').waitFor({ timeout: UI_TIMEOUT });
      return row.id as string;
    });
    expect((await campaign(campaignId)).quotas).toEqual({ '1': 14, '2': 4, '3': 1 });
  }, 120000);

  it('S-2, S-6 the agents apply and the hotline lead nominates; the form names the open campaign', async () => {
    await as('agent2');
    const apply = async (who: string, level: number) => {
      await page.goto(`${c.base}/#/star-applications/create`);
      await page
        .locator('[data-testid=star-apply-open]')
        .filter({ hasText: String(year) })
        .waitFor({ timeout: UI_TIMEOUT });
      await page.locator(`input[name=level][value="${level}"]`).check();
      await page.locator('[data-testid=star-apply-submit]').click();
      const id = await eventually(async () => {
        const [r] = await c.s.ds.query(
          `SELECT case_id FROM star_applications WHERE campaign_id = $1 AND employee_id = $2`,
          [campaignId, people[who].id],
        );
        return r?.case_id as string | undefined;
      });
      // the application's page says the check it passed (S-2…S-4), not an empty "无"
      const eligibility = page.locator('[data-testid=star-eligibility]');
      await eligibility.filter({ hasText: `已通过申请 ${level} 星的资格审查` }).waitFor({ timeout: UI_TIMEOUT });
      expect(await eligibility.innerText()).not.toMatch(/无$/m);
      return id;
    };
    apps.agent2 = await c.ui.step(page, 'apply-agent2', () => apply('agent2', 2));
    await as('agent3');
    apps.agent3 = await c.ui.step(page, 'apply-agent3', () => apply('agent3', 3));
    // the hotline lead nominates agent1 for 1 star
    await as('hotlinelead1');
    apps.agent1 = await c.ui.step(page, 'nominate', async () => {
      await page.goto(`${c.base}/#/star-applications/create`);
      await page.locator('[data-testid=star-apply-open]').waitFor({ timeout: UI_TIMEOUT });
      const employee = page.locator('input[name=employeeId]');
      await employee.fill(people.agent1.name);
      await page
        .getByRole('option', { name: `${people.agent1.name}（${people.agent1.code}）` })
        .click({ timeout: UI_TIMEOUT });
      await page.locator('input[name=level][value="1"]').check();
      await page.locator('[data-testid=star-apply-submit]').click();
      return eventually(async () => {
        const [r] = await c.s.ds.query(
          `SELECT case_id, level FROM star_applications WHERE campaign_id = $1 AND employee_id = $2`,
          [campaignId, people.agent1.id],
        );
        return r?.level === 1 ? (r.case_id as string) : undefined;
      });
    });
    for (const id of Object.values(apps))
      await eventually(async () => ((await application(id)).stage === 'lead-review' ? true : null));
  }, 120000);

  it("S-6 the lead comments, approves and rejects with a reason beside the applicant's record, eligibility and quota (S-5)", async () => {
    const a2 = people.agent2;
    const task2 = await taskOf(apps.agent2, 'lead-review', 'hotlinelead1');
    await c.ui.step(page, 'lead-panel', async () => {
      const text = await panelText(task2, '2024 年星级评定授予 1 星');
      expect(text).toContain(`${a2.name}（${a2.code}）`);
      expect(text).toContain('客服热线中心');
      expect(text).toMatch(/2022-03-01（\d+ 年 \d+ 个月）/); // tenure
      expect(text).toContain('2 星推荐名额 4 个，已推荐 0 个，剩余 4 个');
      expect(text).toContain('已通过申请 2 星的资格审查');
      expect(text).toContain('2024 年星级评定授予 1 星'); // the star history
      await c.ui.shot(page, 'lead-review-panel');
    });
    await c.ui.step(page, 'lead-comment', async () => {
      await taskAction(task2, '评论', '请补充近半年的质检成绩');
      await eventually(async () => (await timelineHas(apps.agent2, '请补充近半年的质检成绩')) || null);
    });
    await c.ui.step(page, 'lead-approve', async () => {
      await taskAction(task2, '同意');
      await eventually(async () => ((await application(apps.agent2)).status === 'exam' ? true : null));
    });
    // the reject needs its reason (S-6): the dialog refuses an empty one, then the reason goes with it
    const task3 = await taskOf(apps.agent3, 'lead-review', 'hotlinelead1');
    await c.ui.step(page, 'lead-reject', async () => {
      const text = await panelText(task3, '推荐名额');
      expect(text).toContain('3 星推荐名额 1 个');
      await page.getByRole('button', { name: '驳回', exact: true }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('button', { name: '提交' }).click();
      await dialog.getByText('驳回必须填写意见').waitFor({ timeout: UI_TIMEOUT });
      await dialog.locator('textarea[name=comment]').fill('近三个月质检成绩未达标');
      await dialog.getByRole('button', { name: '提交' }).click();
      await page.waitForURL(/#\/cases\//, { timeout: UI_TIMEOUT }); // the console goes on to the case page
      await eventually(async () => ((await application(apps.agent3)).status === 'lead-rejected' ? true : null));
      await page.goto(`${c.base}/#/star-applications/${apps.agent3}/show`);
      await page
        .locator('[data-testid=star-explanation]')
        .filter({ hasText: '班组长驳回：近三个月质检成绩未达标（S-6）' })
        .waitFor({ timeout: UI_TIMEOUT });
    });
    expect(await application(apps.agent3)).toMatchObject({
      status: 'lead-rejected',
      leadReason: '近三个月质检成绩未达标',
    });
    // the nominee is approved on the application page
    await c.ui.step(page, 'lead-approve-page', async () => {
      await page.goto(`${c.base}/#/star-applications/${apps.agent1}/show`);
      await page.locator('[data-testid=star-review-approve]').click({ timeout: UI_TIMEOUT });
      await eventually(async () => ((await application(apps.agent1)).status === 'exam' ? true : null));
    });
    expect((await campaign(campaignId)).counts['2'].recommended).toBe(1);
  }, 180000);

  it('S-7 the admin opens the exam phase and HR enters the scores in the console', async () => {
    await as('admin');
    await c.ui.step(page, 'exam-phase', () => advance('exam'));
    await as('hr1');
    const enter = async (id: string, score: string) => {
      await page.goto(`${c.base}/#/star-applications/${id}/show`);
      await page.locator('[data-testid=star-exam-score]').fill(score, { timeout: UI_TIMEOUT });
      await page.locator('[data-testid=star-exam-submit]').click();
    };
    await c.ui.step(page, 'exam-scores', async () => {
      await enter(apps.agent2, '91');
      await eventually(async () => ((await application(apps.agent2)).exam?.passedLevel === 2 ? true : null));
      await page
        .locator('[data-testid=star-exam]')
        .filter({ hasText: '2 星考试 91 分（合格线 85 分），通过（S-7）' })
        .waitFor({ timeout: UI_TIMEOUT });
      await enter(apps.agent1, '88');
      await eventually(async () => ((await application(apps.agent1)).exam?.passedLevel === 1 ? true : null));
    });
    await as('admin');
    await c.ui.step(page, 'committee-phase', async () => {
      await advance('committee');
      for (const id of [apps.agent1, apps.agent2]) {
        await eventually(
          async () =>
            (await application(id)).status === 'committee' && (await application(id)).committee.members === 5
              ? true
              : null,
          20000,
        );
      }
    });
  }, 120000);

  it('S-8 five members vote for and against on the task page and the voting screen, change a vote and comment, seeing the vote so far', async () => {
    const { agent1: a1, agent2: a2 } = people;
    const ballots = async (caseId: string) =>
      (await c.s.http.get(`/api/committee-ballots/${caseId}`).set(await auth('admin'))).body;

    // committee1: for agent2 on the task page, the panel then says 已投票; against agent1 there too
    await as('committee1');
    await c.ui.step(page, 'vote-committee1', async () => {
      const t2 = await taskOf(apps.agent2, 'committee', 'committee1');
      const before = await panelText(t2, '未投票 5');
      expect(before).toContain(`${a2.name}（${a2.code}）`);
      expect(before).toContain('未投票 5');
      await taskAction(t2, '同意');
      await eventually(async () => ((await ballots(apps.agent2)).approve === 1 ? true : null));
      const after = await panelText(t2, '已投票：赞成');
      expect(after).toContain('赞成 1');
      await c.ui.shot(page, 'vote-panel');
      const t1 = await taskOf(apps.agent1, 'committee', 'committee1');
      await taskAction(t1, '驳回', '业务熟练度尚需提高');
      await eventually(async () => ((await ballots(apps.agent1)).reject === 1 ? true : null));
    });

    // committee2: against agent2 first, then changes to for in the voting screen; comments on agent1's task
    await as('committee2');
    await c.ui.step(page, 'vote-committee2', async () => {
      const t2 = await taskOf(apps.agent2, 'committee', 'committee2');
      const seen = await panelText(t2, '评定委员1');
      expect(seen).toContain('赞成 1');
      await taskAction(t2, '驳回', '考试成绩刚过合格线');
      await eventually(async () => ((await ballots(apps.agent2)).reject === 1 ? true : null));
      await page.goto(`${c.base}/#/star-voting`);
      await page.locator(`[data-testid=vote-mine-${a2.code}][data-vote=reject]`).waitFor({ timeout: UI_TIMEOUT });
      await page.locator(`[data-testid=vote-approve-${a2.code}]`).click();
      await page.locator(`[data-testid=vote-mine-${a2.code}][data-vote=approve]`).waitFor({ timeout: UI_TIMEOUT });
      await eventually(async () => {
        const b = await ballots(apps.agent2);
        return b.approve === 2 && b.reject === 0 ? true : null;
      });
      const t1 = await taskOf(apps.agent1, 'committee', 'committee2');
      await taskAction(t1, '评论', '建议半年后再评');
      await eventually(async () => (await timelineHas(apps.agent1, '建议半年后再评')) || null);
      await page.goto(`${c.base}/#/star-voting`);
      await page.locator(`[data-testid=vote-reject-${a1.code}]`).click({ timeout: UI_TIMEOUT });
      await page.locator(`[data-testid=vote-mine-${a1.code}][data-vote=reject]`).waitFor({ timeout: UI_TIMEOUT });
    });
    const a2b = await ballots(apps.agent2);
    expect(a2b.ballots.find((b: { userId: string }) => b.userId === c.s.users.committee2).vote).toBe('approve');

    // committee3…5 in the voting screen: for agent2; agent1 gets one more against and two for (not approved, 2 of 5)
    for (const [member, forAgent1] of [
      ['committee3', false],
      ['committee4', true],
      ['committee5', true],
    ] as const) {
      await as(member);
      await c.ui.step(page, `vote-${member}`, async () => {
        await page.goto(`${c.base}/#/star-voting`);
        await page.locator(`[data-testid=vote-approve-${a2.code}]`).click({ timeout: UI_TIMEOUT });
        await page.locator(`[data-testid=vote-mine-${a2.code}][data-vote=approve]`).waitFor({ timeout: UI_TIMEOUT });
        await page.locator(`[data-testid=vote-${forAgent1 ? 'approve' : 'reject'}-${a1.code}]`).click();
        await page
          .locator(`[data-testid=vote-mine-${a1.code}][data-vote=${forAgent1 ? 'approve' : 'reject'}]`)
          .waitFor({ timeout: UI_TIMEOUT });
      });
    }
    expect((await application(apps.agent2)).committee).toMatchObject({ members: 5, votesCast: 5, approvals: 5 });
    expect((await application(apps.agent1)).committee).toMatchObject({ members: 5, votesCast: 5, approvals: 2 });
    const voted = await c.s.ds.query(
      `SELECT decision, count(*)::int AS n FROM tasks WHERE case_id = $1 AND stage = 'committee' GROUP BY 1 ORDER BY 1`,
      [apps.agent1],
    );
    expect(voted).toEqual([
      { decision: 'approve', n: 2 },
      { decision: 'reject', n: 3 },
    ]);
  }, 240000);

  it('S-9 the award phase awards the approved candidate (star, history, 500 元 bonus) and not the other', async () => {
    await as('admin');
    await c.ui.step(page, 'award', async () => {
      await advance('award');
      await eventually(async () => ((await application(apps.agent2)).status === 'awarded' ? true : null), 30000);
      await eventually(async () => ((await application(apps.agent1)).status === 'not-awarded' ? true : null), 30000);
      await page.goto(`${c.base}/#/star-applications/${apps.agent2}/show`);
      await page
        .locator('[data-testid=star-explanation]')
        .filter({ hasText: `已授予 2 星，自 ${year}-10-20 起生效（S-9）` })
        .waitFor({ timeout: UI_TIMEOUT });
      const shown = await page.locator('main').innerText();
      expect(shown).not.toMatch(UUID);
      expect(shown).not.toMatch(/awarded|approved|quota|exam/i);
      await page.goto(`${c.base}/#/star-applications/${apps.agent1}/show`);
      await page
        .locator('[data-testid=star-explanation]')
        .filter({ hasText: '评委会未通过：已投 5 票，赞成 2 票（S-8）' })
        .waitFor({ timeout: UI_TIMEOUT });
    });
    const ledger = await c.s.ds.query(`SELECT money_fen::int AS fen, month FROM ledger_entries WHERE case_id = $1`, [
      apps.agent2,
    ]);
    expect(ledger).toEqual([{ fen: 50000, month: `${year}-10` }]);
    expect(
      await c.s.ds.query(`SELECT count(*)::int AS n FROM ledger_entries WHERE case_id = $1`, [apps.agent1]),
    ).toEqual([{ n: 0 }]);
    const [holder] = await c.s.ds.query(`SELECT level, since::text AS since FROM star_holders WHERE employee_id = $1`, [
      people.agent2.id,
    ]);
    expect(holder).toEqual({ level: 2, since: `${year}-10-20` });

    await as('agent2');
    await c.ui.step(page, 'history', async () => {
      await page.goto(`${c.base}/#/star-history`);
      await page.getByText(`${year} 年星级评定授予 2 星`).first().waitFor({ timeout: UI_TIMEOUT });
    });
  }, 180000);

  it('S-11 a committee member demotes a holder at once, with ground and reason', async () => {
    const a3 = people.agent3;
    await as('committee1');
    await c.ui.step(page, 'demote', async () => {
      await page.goto(`${c.base}/#/star-holders`);
      await page.locator(`[data-testid=star-holder-${a3.code}]`).click({ timeout: UI_TIMEOUT });
      await page.locator(`[data-testid=star-demote-${a3.code}]`).click({ timeout: UI_TIMEOUT });
      await page.locator('[data-testid=star-demote-ground]').selectOption('unqualified');
      await page.locator('[data-testid=star-demote-level]').selectOption('1');
      await page.locator('[data-testid=star-demote-reason]').fill('连续出现服务规范问题');
      await page.locator('[data-testid=star-demote-submit]').click();
      await eventually(async () => {
        const [h] = await c.s.ds.query(`SELECT level FROM star_holders WHERE employee_id = $1`, [a3.id]);
        return h?.level === 1 ? true : null;
      });
    });
    const [h] = await c.s.ds.query(
      `SELECT kind, from_level, to_level, reason, rule FROM star_history WHERE employee_id = $1 ORDER BY at DESC LIMIT 1`,
      [a3.id],
    );
    expect(h).toEqual({
      kind: 'demoted',
      from_level: 2,
      to_level: 1,
      reason: '不合格：连续出现服务规范问题',
      rule: 'S-11',
    });
  }, 120000);
});
