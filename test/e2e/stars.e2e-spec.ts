import { randomUUID } from 'node:crypto';
import { starQuotas } from '@qf/domain';
import { defaultPolicy } from '@qf/policy';
import { starReviewScheduleId } from '@qf/contracts';
import { addMonths, localMonth } from '@qf/domain';
import { TemporalService } from '../../apps/api/src/temporal/temporal.module';
import { eventually, startTestStack, TestStack } from '../support/stack';

/** Star-rated agents end to end: campaign, eligibility, review, exam cascade, committee vote, award, monthly pay. */
describe('star-rated agents (S-1…S-12)', () => {
  let s: TestStack;
  let hotline: string;
  beforeAll(async () => {
    s = await startTestStack();
    [{ id: hotline }] = await s.ds.query(`SELECT id FROM org_units WHERE code = 'a-hotline'`);
  });
  afterAll(async () => {
    await s?.stop();
  });
  const auth = async (u: string) => ({ Authorization: `Bearer ${await s.login(u)}` });
  const post = async (user: string, url: string, body: object = {}) =>
    s.http
      .post(url)
      .set(await auth(user))
      .send(body);
  const get = async (user: string, url: string, query: Record<string, string> = {}) =>
    s.http
      .get(url)
      .query(query)
      .set(await auth(user));
  /**
   * H-1: the settlement of a month of these tests' future calendar. A month is settled once it is over (H-2), so the
   * month is closed early under a policy that allows it explicitly; the policy in effect before is published back.
   */
  const settleEarly = async (month: string) => {
    const body = (await get('admin', '/api/policies/current')).body.body;
    const publish = async (policy: object) => {
      const effectiveFrom = new Date().toISOString().slice(0, 10);
      const draft = await post('admin', '/api/policies', { body: policy, effectiveFrom });
      expect((await post('admin', `/api/policies/${draft.body.id}/publish`)).status).toBe(200);
    };
    await publish({ ...body, settlement: { ...body.settlement, allowEarlyClose: true } });
    try {
      return (await post('hr1', '/api/settlements', { month })).body;
    } finally {
      await publish(body);
    }
  };
  const codes = new Map<string, string>();
  const employee = async (name: string, hireDate: string, jobType = '热线客服') => {
    const code = `S${randomUUID().slice(0, 8)}`;
    const r = await post('admin', '/api/employees', {
      code,
      name,
      unitId: hotline,
      post: jobType,
      postBonusFen: 300000,
      hireDate,
      jobType,
      employmentType: 'staff',
    });
    expect(r.status).toBe(201);
    codes.set(r.body.id, code);
    return r.body.id as string;
  };
  const holder = async (employeeId: string, level: number, since: string) => {
    await s.ds.query(`INSERT INTO star_holders (employee_id, level, since) VALUES ($1,$2,$3)`, [
      employeeId,
      level,
      since,
    ]);
  };
  const monthsAgo = (n: number) => {
    const d = new Date();
    d.setUTCMonth(d.getUTCMonth() - n);
    return d.toISOString().slice(0, 10);
  };
  const app = async (id: string, user = 'admin') => (await get(user, `/api/star-applications/${id}`)).body;
  const statusOf = (id: string, status: string) =>
    eventually(async () => ((await app(id)).status === status ? true : null), 30000);
  const campaignBody = (year: number) => ({
    year,
    starts: { application: `${year}-03-01`, exam: `${year}-05-01`, committee: `${year}-08-01`, award: `${year}-10-01` },
    ceremonyDate: `${year}-10-20`,
    awardsFinishBy: `${year}-10-31`,
  });

  it('S-1 one campaign a year with its phases in order; S-5 quotas from the headcount snapshot, rounded down', async () => {
    const bad = await post('admin', '/api/star-campaigns', {
      ...campaignBody(2039),
      starts: { ...campaignBody(2039).starts, exam: '2039-02-01' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { rule: string }) => d.rule)).toContain('S-1');
    expect((await post('agent1', '/api/star-campaigns', campaignBody(2039))).status).toBe(403);
    const [{ n }] = await s.ds.query(`SELECT count(*)::int AS n FROM employees WHERE job_type = '热线客服'`);
    const c = await post('admin', '/api/star-campaigns', campaignBody(2039));
    expect(c.status).toBe(201);
    const q = starQuotas(n, defaultPolicy());
    expect(c.body).toMatchObject({
      year: 2039,
      phase: 'application',
      headcount: n,
      quotas: { '1': q[1], '2': q[2], '3': q[3] },
    });
    expect((await post('admin', '/api/star-campaigns', campaignBody(2039))).status).toBe(409);
    expect((await post('admin', `/api/star-campaigns/${c.body.id}/advance`)).body.phase).toBe('exam');
  });

  it('S-2 S-3 S-5 S-6 S-7 S-8 S-9 apply, review within the quota, exam cascade, committee vote counted once per member, award and bonus', async () => {
    const c = (await post('admin', '/api/star-campaigns', campaignBody(2040))).body;
    expect(c.quotas['3']).toBe(1); // 47+ hotline agents: 14 / 4 / 1
    // S-2: under a year on the hotline needs the team lead's recommendation
    const newcomer = await employee('新员工', monthsAgo(6));
    const refused = await post('hotlinelead1', '/api/star-applications', { level: 1, employeeId: newcomer });
    expect(refused.status).toBe(400);
    expect(refused.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ rule: 'S-2' })]));
    expect((await post('agent1', '/api/star-applications', { level: 1, employeeId: newcomer })).status).toBe(403);
    const recommended = await post('hotlinelead1', '/api/star-applications', {
      level: 1,
      employeeId: newcomer,
      recommended: true,
    });
    expect(recommended.status).toBe(201);
    expect(recommended.body.eligibilityNotes[0].rule).toBe('S-2');
    // S-3: demoted 11 months ago refused, 13 months ago allowed
    const [d11, d13] = [await employee('降级十一月', '2020-01-01'), await employee('降级十三月', '2020-01-01')];
    for (const [e, m] of [
      [d11, 11],
      [d13, 13],
    ] as const) {
      await s.ds.query(
        `INSERT INTO star_history (employee_id, effective_from, from_level, to_level, kind, reason, rule, idempotency_key)
        VALUES ($1, $2, 1, 0, 'revoked', 'test', 'S-11', $3)`,
        [e, monthsAgo(m), `test:${e}`],
      );
    }
    const r11 = await post('hotlinelead1', '/api/star-applications', { level: 1, employeeId: d11 });
    expect(r11.status).toBe(400);
    expect(r11.body.details.map((d: { rule: string }) => d.rule)).toEqual(['S-3']);
    const a13 = await post('hotlinelead1', '/api/star-applications', { level: 1, employeeId: d13 });
    expect(a13.status).toBe(201);

    // the agent applies for 3 stars (holds 2 since 2025-10-20); a double click returns the same application
    const mine = await post('agent3', '/api/star-applications', { level: 3 });
    expect(mine.status).toBe(201);
    expect(mine.body).toMatchObject({ status: 'lead-review', level: 3 });
    expect((await post('agent3', '/api/star-applications', { level: 3 })).body.id).toBe(mine.body.id);
    expect((await post('agent3', '/api/star-applications', { level: 2 })).status).toBe(409);
    const other = await employee('二星老将', '2018-01-01');
    await holder(other, 2, '2024-01-01');
    const rival = (await post('hotlinelead1', '/api/star-applications', { level: 3, employeeId: other })).body;

    // S-6: the team's own lead reviews; a rejection needs a reason
    await eventually(async () => ((await app(mine.body.id)).stage === 'lead-review' ? true : null));
    expect(
      (await post('teamlead1', `/api/star-applications/${mine.body.id}/review`, { decision: 'approve' })).status,
    ).toBe(403);
    const noReason = await post('hotlinelead1', `/api/star-applications/${recommended.body.id}/review`, {
      decision: 'reject',
    });
    expect(noReason.status).toBe(400);
    expect(noReason.body.details[0].rule).toBe('S-6');
    expect(
      (
        await post('hotlinelead1', `/api/star-applications/${recommended.body.id}/review`, {
          decision: 'reject',
          reason: '业务尚不熟练',
        })
      ).body.status,
    ).toBe('lead-rejected');
    expect(
      (await post('hotlinelead1', `/api/star-applications/${mine.body.id}/review`, { decision: 'approve' })).body
        .status,
    ).toBe('exam');
    // S-5: the single 3-star recommendation is used
    const over = await post('hotlinelead1', `/api/star-applications/${rival.id}/review`, { decision: 'approve' });
    expect(over.status).toBe(409);
    expect(over.body.message).toContain('S-5');
    expect(
      (await post('hotlinelead1', `/api/star-applications/${a13.body.id}/review`, { decision: 'approve' })).body.status,
    ).toBe('exam');

    // S-7: scores only in the exam phase; fail 3 stars, then pass 2 stars
    expect((await post('admin', `/api/star-applications/${mine.body.id}/exam`, { level: 3, score: 95 })).status).toBe(
      409,
    );
    expect((await post('admin', `/api/star-campaigns/${c.id}/advance`)).body.phase).toBe('exam');
    await eventually(async () =>
      (await get('admin', `/api/star-campaigns/${c.id}`)).body.phase === 'exam' ? true : null,
    );
    const failed3 = await post('admin', `/api/star-applications/${mine.body.id}/exam`, { level: 3, score: 85 });
    expect(failed3.status).toBe(200);
    expect(failed3.body.exam).toMatchObject({ passedLevel: null, nextExam: 2 });
    const wrong = await post('admin', `/api/star-applications/${mine.body.id}/exam`, { level: 1, score: 99 });
    expect(wrong.status).toBe(400);
    expect(wrong.body.details[0].rule).toBe('S-7');
    expect(
      (await post('admin', `/api/star-applications/${mine.body.id}/exam`, { level: 2, score: 88 })).body.exam,
    ).toMatchObject({ passedLevel: 2, nextExam: null });
    await post('admin', `/api/star-applications/${a13.body.id}/exam`, { level: 1, score: 70 });
    expect((await app(mine.body.id, 'agent3')).exam).toBeNull(); // published with the committee phase

    // S-8: the committee votes; five members at the same moment (each clicking twice) are counted once each
    await post('admin', `/api/star-campaigns/${c.id}/advance`);
    await statusOf(mine.body.id, 'committee');
    await statusOf(a13.body.id, 'exam-failed');
    expect((await app(mine.body.id, 'agent3')).exam.scores).toEqual({ '2': 88, '3': 85 });
    await eventually(async () => ((await app(mine.body.id)).committee.members === 5 ? true : null));
    const members = ['committee1', 'committee2', 'committee3', 'committee4', 'committee5'];
    for (const m of members) await s.login(m);
    const votes = await Promise.all(
      [...members, ...members].map((m) => post(m, `/api/star-applications/${mine.body.id}/vote`, { approve: true })),
    );
    expect(votes.map((v) => v.status)).toEqual(Array(10).fill(200));
    expect((await app(mine.body.id)).committee).toMatchObject({ members: 5, votesCast: 5, approvals: 5 });
    const changed = await post('committee3', `/api/star-applications/${mine.body.id}/vote`, { approve: false });
    expect(changed.body.committee).toMatchObject({ votesCast: 5, approvals: 4, myVote: 'reject' });
    expect((await post('agent3', `/api/star-applications/${mine.body.id}/vote`, { approve: true })).status).toBe(403);
    // what the committee sees (issue 11): each member's current vote by name, my vote; the agent sees no ballots
    const ballots = (await get('committee3', `/api/committee-ballots/${mine.body.id}`)).body;
    expect(ballots).toMatchObject({ open: true, members: 5, approve: 4, reject: 1, notVoted: 0, myVote: 'reject' });
    expect(ballots.ballots.find((b: { mine: boolean }) => b.mine).voter).toMatch(/^评定委员3（E\d+）$/);
    expect((await get('agent3', `/api/committee-ballots/${mine.body.id}`)).status).toBe(403);
    expect((await get('admin', `/api/committee-ballots/${c.caseId}`)).status).toBe(404); // not a voted case
    // the lead's view of the record: tenure, current star, the level's quota (S-5); an agent's own view has none of it
    expect(await app(mine.body.id, 'hotlinelead1')).toMatchObject({
      applicant: { currentLevel: 2, currentSince: '2025-10-20', jobType: '热线客服' },
      quota: { places: 1, used: 1, remaining: 0 },
    });
    expect(await app(mine.body.id, 'agent3')).toMatchObject({ applicant: null, quota: null });
    // a committee member of the candidate's own team is refused (conflict of interest)
    const insider = await employee('热线评委', '2015-01-01', '热线主管');
    const u = await post('admin', '/api/users', {
      username: `insider${Date.now()}`,
      displayName: '热线评委',
      password: 'insider-pass-1',
      roles: ['committee', 'employee'],
      employeeId: insider,
    });
    expect(u.status).toBe(201);
    const conflict = await s.http
      .post(`/api/star-applications/${mine.body.id}/vote`)
      .set({
        Authorization: `Bearer ${(await s.http.post('/api/auth/login').send({ username: u.body.username, password: 'insider-pass-1' })).body.accessToken}`,
      })
      .send({ approve: true });
    expect(conflict.status).toBe(403);
    expect(conflict.body.message).toContain('S-8');
    await s.ds.query(`UPDATE users SET active = false WHERE id = $1`, [u.body.id]);

    // S-9: the award phase closes the vote; the star is effective from the ceremony; the bonus goes to the ledger once
    await post('admin', `/api/star-campaigns/${c.id}/advance`);
    await statusOf(mine.body.id, 'awarded');
    const done = await app(mine.body.id);
    expect(done).toMatchObject({ awardedLevel: 2, committee: { approved: true, approvals: 4, votesCast: 5 } });
    const [agent3] = await s.ds.query(`SELECT employee_id FROM users WHERE username = 'agent3'`);
    const history = (await get('agent3', '/api/star-history')).body;
    expect(history[0]).toMatchObject({ kind: 'award', toLevel: 2, effectiveFrom: '2040-10-20', rule: 'S-9' });
    const ledger = await s.ds.query(
      `SELECT month, money_fen::int AS fen, source FROM ledger_entries WHERE case_id = $1`,
      [mine.body.id],
    );
    expect(ledger).toEqual([{ month: '2040-10', fen: 50000, source: 'star-award' }]);
    const settlement = await settleEarly('2040-10');
    const bonusRow = await eventually(
      async () =>
        (
          (await get('hr1', `/api/settlements/${settlement.id}/rows`, { range: '[0,999]' })).body as {
            employeeId: string;
          }[]
        ).find((x) => x.employeeId === agent3.employee_id),
      30000,
    );
    expect(bonusRow).toMatchObject({ bonusFen: 50000, points: 0 });
    expect((await get('agent3', '/api/star-holders')).body).toEqual([
      expect.objectContaining({ employeeId: agent3.employee_id, level: 2, since: '2040-10-20' }),
    ]);
    await statusOf(rival.id, 'lead-rejected');
    const closed = await eventually(async () => {
      const x = (await get('admin', `/api/star-campaigns/${c.id}`)).body;
      return x.phase === 'closed' ? x : null;
    }, 30000);
    expect(closed.counts['2']).toMatchObject({ passed: 1, approved: 1, awarded: 1 });
  });

  it('S-8 approvals beyond the award quota go to the highest exam scores; the one who lost out is told why', async () => {
    const c = (await post('admin', '/api/star-campaigns', campaignBody(2042))).body;
    const quota2 = c.quotas['2'] as number; // 4 with the demo hotline
    // quota2 recommended 2-star candidates and one 3-star candidate who falls back to the 2-star exam (S-7)
    const twos: string[] = [];
    for (let i = 0; i < quota2; i++) {
      const e = await employee(`二星候选${i}`, '2015-01-01');
      await holder(e, 1, '2020-01-01');
      twos.push(e);
    }
    const three = await employee('三星候选', '2015-01-01');
    await holder(three, 2, '2020-01-01');
    const apps: string[] = [];
    for (const [e, level] of [...twos.map((e) => [e, 2] as const), [three, 3] as const]) {
      const r = await post('hotlinelead1', '/api/star-applications', { campaignId: c.id, level, employeeId: e });
      expect(r.status).toBe(201);
      apps.push(r.body.id);
    }
    for (const id of apps) {
      await eventually(async () => ((await app(id)).stage === 'lead-review' ? true : null));
      expect(
        (await post('hotlinelead1', `/api/star-applications/${id}/review`, { decision: 'approve' })).body.status,
      ).toBe('exam');
    }
    await post('admin', `/api/star-campaigns/${c.id}/advance`);
    await eventually(async () =>
      (await get('admin', `/api/star-campaigns/${c.id}`)).body.phase === 'exam' ? true : null,
    );
    // 2-star exam scores 86, 87, … for the 2-star candidates; the 3-star candidate fails 3 stars, then scores 99 at 2 stars
    for (const [i, id] of apps.slice(0, quota2).entries())
      expect((await post('admin', `/api/star-applications/${id}/exam`, { level: 2, score: 86 + i })).status).toBe(200);
    await post('admin', `/api/star-applications/${apps[quota2]}/exam`, { level: 3, score: 80 });
    expect(
      (await post('admin', `/api/star-applications/${apps[quota2]}/exam`, { level: 2, score: 99 })).body.exam
        .passedLevel,
    ).toBe(2);
    await post('admin', `/api/star-campaigns/${c.id}/advance`);
    for (const id of apps) {
      await statusOf(id, 'committee');
      await eventually(async () => ((await app(id)).committee.members === 5 ? true : null));
      for (const m of ['committee1', 'committee2', 'committee3', 'committee4'])
        expect((await post(m, `/api/star-applications/${id}/vote`, { approve: true })).status).toBe(200);
    }
    await post('admin', `/api/star-campaigns/${c.id}/advance`);
    const lowest = apps[0];
    await statusOf(lowest, 'not-awarded');
    for (const id of apps.slice(1)) await statusOf(id, 'awarded');
    const lost = await app(lowest);
    expect(lost.committee).toMatchObject({ approved: true, approvals: 4, votesCast: 4 });
    expect(lost.explanation).toContain(
      `over the quota of ${quota2}: exam score 86 ranks below the last awarded score 87 of 二星候选1 (S-8)`,
    );
    expect((await app(apps[quota2])).awardedLevel).toBe(2);
    const closed = await eventually(async () => {
      const x = (await get('admin', `/api/star-campaigns/${c.id}`)).body;
      return x.phase === 'closed' ? x : null;
    }, 30000);
    expect(closed.counts['2']).toMatchObject({ passed: quota2 + 1, approved: quota2 + 1, awarded: quota2 });
  });

  it('S-2 a company award this year opens the direct path to 2 stars (exam still required)', async () => {
    const c = (await post('admin', '/api/star-campaigns', campaignBody(2044))).body;
    const e = await employee('获奖新秀', '2015-01-01');
    const refused = await post('hotlinelead1', '/api/star-applications', { campaignId: c.id, level: 2, employeeId: e });
    expect(refused.status).toBe(400);
    expect(refused.body.details[0].rule).toBe('S-2');
    const year = new Date().getUTCFullYear();
    expect((await post('hr1', '/api/employee-awards', { employeeId: e, kind: 'lottery', year })).status).toBe(400);
    expect((await post('agent1', '/api/employee-awards', { employeeId: e, kind: 'company-award', year })).status).toBe(
      403,
    );
    expect((await post('hr1', '/api/employee-awards', { employeeId: e, kind: 'company-award', year })).status).toBe(
      201,
    );
    expect((await post('hr1', '/api/employee-awards', { employeeId: e, kind: 'company-award', year })).status).toBe(
      200,
    );
    const direct = await post('hotlinelead1', '/api/star-applications', { campaignId: c.id, level: 2, employeeId: e });
    expect(direct.status).toBe(201);
    expect(direct.body.eligibilityNotes[0]).toMatchObject({ rule: 'S-2' });
    expect(direct.body.eligibilityNotes[0].message).toContain('directly');
  });

  it('S-7 exam scores from a file: every row is checked first (a bad row imports nothing), then the cascade runs per candidate', async () => {
    const c = (await post('admin', '/api/star-campaigns', campaignBody(2043))).body;
    const e = await employee('考试导入', '2015-01-01');
    await holder(e, 2, '2020-01-01');
    const a = (await post('hotlinelead1', '/api/star-applications', { campaignId: c.id, level: 3, employeeId: e }))
      .body;
    await eventually(async () => ((await app(a.id)).stage === 'lead-review' ? true : null));
    await post('hotlinelead1', `/api/star-applications/${a.id}/review`, { decision: 'approve' });
    await post('admin', `/api/star-campaigns/${c.id}/advance`);
    const upload = async (csv: string) =>
      s.http
        .post(`/api/star-campaigns/${c.id}/exam-import`)
        .set(await auth('hr1'))
        .attach('file', Buffer.from(csv, 'utf8'), 'exam.csv');
    const bad = await upload(`工号,级别,成绩\n${codes.get(e)},3,85\nNOPE,2,90\n${codes.get(e)},2,120\n`);
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { path: string }) => d.path)).toEqual(['rows.3.工号', 'rows.4.成绩']);
    expect((await app(a.id)).exam.scores).toEqual({});
    expect((await upload('name,score\nx,1\n')).status).toBe(400);
    const ok = await upload(`工号,级别,成绩\n${codes.get(e)},2,88\n${codes.get(e)},3,85\n`);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ imported: 2, rejected: [] });
    expect((await app(a.id)).exam).toMatchObject({ scores: { '3': 85, '2': 88 }, passedLevel: 2 });
  });

  it('S-10 each month: the Schedule (1st, 08:00 Shanghai) starts the review of the month before, once per month', async () => {
    const client = await s.app.get(TemporalService).client();
    const handle = client.schedule.getHandle(starReviewScheduleId(s.env.TEMPORAL_TASK_QUEUE));
    const d = await handle.describe();
    expect(d.spec.timezone).toBe('Asia/Shanghai');
    expect(d.action).toMatchObject({ type: 'startWorkflow', workflowType: 'starMonthlyReview' });
    const next = d.info.nextActionTimes[0];
    expect([next.getUTCDate(), next.getUTCHours(), next.getUTCMinutes()]).toEqual([1, 0, 0]); // 08:00 on the 1st in Shanghai
    const month = addMonths(`${localMonth(new Date().toISOString(), 'Asia/Shanghai')}-01`, -1).slice(0, 7);
    await handle.trigger();
    const review = await eventually(async () => {
      const [r] = await s.ds.query(
        `SELECT r.id, c.workflow_id, c.stage FROM star_reviews r JOIN cases c ON c.id = r.case_id WHERE r.month = $1`,
        [month],
      );
      return r?.stage === 'scores' ? r : null;
    }, 30000);
    expect(review.workflow_id.startsWith(handle.scheduleId)).toBe(true);
    // triggered again (the next second): the month already has its review, the run ends without a second one
    const [first] = (await handle.describe()).info.recentActions;
    await eventually(async () => Math.floor(Date.now() / 1000) > Math.floor(first.takenAt.getTime() / 1000));
    await handle.trigger();
    const runs = await eventually(async () => {
      const x = (await handle.describe()).info.recentActions;
      return x.length >= 2 ? x : null;
    }, 30000);
    const second = await client.workflow.getHandle(runs[runs.length - 1].action.workflow.workflowId).result();
    expect(second).toMatchObject({ month, skipped: expect.stringContaining(month) });
    expect(
      (
        await s.ds.query(`SELECT count(*)::int AS n FROM cases WHERE kind = 'star-review' AND business_key = $1`, [
          month,
        ])
      )[0].n,
    ).toBe(1);
    // HR starting the same month by hand gets the running review, and no second workflow runs for it
    const byHand = await post('hr1', '/api/star-reviews', { month });
    expect(byHand.status).toBe(200);
    expect(byHand.body).toMatchObject({ id: review.id, workflowId: review.workflow_id });
    await expect(client.workflow.getHandle(`star-review-${month}`).describe()).rejects.toThrow();
  });

  it('S-10 S-11 S-12 S-4 monthly pay by score and veto, three months below 95 lower the star, June exam factor and rank', async () => {
    const [m1, m2, m3, m4] = [
      await employee('月考一星', '2015-01-01'),
      await employee('月考二星', '2015-01-01'),
      await employee('月考三星', '2015-01-01'),
      await employee('月考二星乙', '2015-01-01'),
    ];
    await holder(m1, 1, '2030-01-01');
    await holder(m2, 2, '2030-01-01');
    await holder(m3, 3, '2030-01-01');
    await holder(m4, 2, '2030-01-01');
    const special: Record<string, Record<string, { score: number; veto?: boolean; vetoReason?: string }>> = {
      '2038-01': { [m1]: { score: 90 }, [m2]: { score: 94 } },
      '2038-02': { [m1]: { score: 94 }, [m2]: { score: 100, veto: true, vetoReason: '重大差错' } },
      '2038-03': { [m1]: { score: 80 } },
    };
    const runMonth = async (
      month: string,
      over: Record<string, { score: number; veto?: boolean; vetoReason?: string }>,
    ) => {
      const r = await post('hr1', '/api/star-reviews', { month });
      expect([200, 201]).toContain(r.status);
      await eventually(async () =>
        (await get('admin', `/api/star-reviews/${r.body.id}`)).body.stage === 'scores' ? true : null,
      );
      const rows = (await get('admin', `/api/star-reviews/${r.body.id}`)).body.rows as { employeeId: string }[];
      const scores = rows.map((x) =>
        Object.assign({ employeeId: x.employeeId, score: 100, veto: false }, over[x.employeeId]),
      );
      const submitted = await post('hotlinelead1', `/api/star-reviews/${r.body.id}/scores`, { scores });
      expect(submitted.status).toBe(200);
      return eventually(async () => {
        const v = (await get('admin', `/api/star-reviews/${r.body.id}`)).body;
        return v.status === 'closed' ? v : null;
      });
    };
    // S-10: the review is due by the 5th of the next month (end of that day, Shanghai); a veto needs a reason; every holder is scored
    const jan = await post('hr1', '/api/star-reviews', { month: '2038-01' });
    await eventually(async () =>
      (await get('admin', `/api/star-reviews/${jan.body.id}`)).body.stage === 'scores' ? true : null,
    );
    expect((await get('admin', `/api/star-reviews/${jan.body.id}`)).body.dueAt).toBe('2038-02-05T15:59:59.999Z');
    const noReason = await post('hotlinelead1', `/api/star-reviews/${jan.body.id}/scores`, {
      scores: [{ employeeId: m1, score: 100, veto: true }],
    });
    expect(noReason.status).toBe(400);
    expect(noReason.body.details.map((d: { rule: string }) => d.rule)).toContain('S-10');
    const v1 = await runMonth('2038-01', special['2038-01']);
    const row = (v: { rows: { employeeId: string }[] }, e: string) => v.rows.find((x) => x.employeeId === e) as any;
    expect(row(v1, m2)).toMatchObject({ score: 94, percent: 94, outcome: 'proportional', payFen: 18800 });
    // S-10 why: the rule, the review case's pinned policy version and exactly the facts the pay counted
    const pinned = async (month: string) =>
      (
        await s.ds.query(
          `SELECT c.policy_version AS v FROM star_reviews r JOIN cases c ON c.id = r.case_id WHERE r.month = $1`,
          [month],
        )
      )[0].v;
    expect(row(v1, m2).why).toEqual({
      rules: ['S-10'],
      policyVersion: await pinned('2038-01'),
      facts: [
        { code: 'star_level_pay', params: { level: 2, yuan: 200 } },
        { code: 'star_score', params: { score: 94, full: 95, proportional: 85 } },
        { code: 'star_outcome_proportional', params: { percent: 94 } },
        { code: 'star_pay', params: { yuan: 188 } },
      ],
    });
    expect(typeof row(v1, m2).why.policyVersion).toBe('number');
    expect(row(v1, m3)).toMatchObject({ percent: 100, payFen: 30000 });
    const v2 = await runMonth('2038-02', special['2038-02']);
    expect(row(v2, m2)).toMatchObject({ veto: true, outcome: 'vetoed', payFen: 0 });
    expect(row(v2, m2).why.facts).toContainEqual({ code: 'star_veto', params: { reason: '重大差错' } });
    await runMonth('2038-03', special['2038-03']);
    // S-11: m1 was below 95 three months running → the star is lost; m2 keeps 2 stars
    const h1 = (await get('admin', '/api/star-history', { filter: JSON.stringify({ employeeId: m1 }) })).body;
    expect(h1[0]).toMatchObject({ kind: 'revoked', fromLevel: 1, toLevel: 0, rule: 'S-11' });
    expect((await s.ds.query(`SELECT level FROM star_holders WHERE employee_id = $1`, [m2]))[0].level).toBe(2);
    const pay = await s.ds.query(
      `SELECT month, money_fen::int AS fen FROM ledger_entries WHERE employee_id = $1 AND source = 'star-pay' ORDER BY month`,
      [m2],
    );
    expect(pay).toEqual([
      { month: '2038-01', fen: 18800 },
      { month: '2038-03', fen: 20000 },
    ]);
    // H-1: the month's settlement carries the star pay to payroll
    const settlement = await settleEarly('2038-01');
    const settled = await eventually(async () => {
      const rows = (await get('hr1', `/api/settlements/${settlement.id}/rows`, { range: '[0,999]' })).body as {
        employeeId: string;
        starPayFen: number;
      }[];
      return rows.find((x) => x.employeeId === m2);
    }, 30000);
    expect(settled).toMatchObject({ starPayFen: 18800, bonusFen: 0 });

    // S-12 / S-4: June exam 92 → 120 % in the second half; 60 → lowered; rank 8 keeps no 3 stars
    const june = await post('hr1', '/api/star-june-exams', {
      year: 2038,
      results: [
        { employeeId: m2, score: 92, rank: 3 },
        { employeeId: m3, score: 96, rank: 8 },
        { employeeId: m4, score: 60, rank: 20 },
      ],
    });
    expect(june.status).toBe(200);
    expect(june.body.changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ employeeId: m3, from: 3, to: 2, rule: 'S-4' }),
        expect.objectContaining({ employeeId: m4, from: 2, to: 1, rule: 'S-12' }),
      ]),
    );
    const jul = await runMonth('2038-07', {});
    expect(row(jul, m2)).toMatchObject({ percent: 100, payFen: 24000 });
    // S-12 why: in the second half year the June exam factor is counted
    expect(row(jul, m2).why).toEqual({
      rules: ['S-10', 'S-12'],
      policyVersion: await pinned('2038-07'),
      facts: [
        { code: 'star_level_pay', params: { level: 2, yuan: 200 } },
        { code: 'star_score', params: { score: 100, full: 95, proportional: 85 } },
        { code: 'star_outcome_full', params: { percent: 100 } },
        { code: 'star_june_factor', params: { percent: 120, year: '2038' } },
        { code: 'star_pay', params: { yuan: 240 } },
      ],
    });

    // S-11: the committee demotes at once with a ground and a reason
    expect(
      (await post('committee1', `/api/star-holders/${m2}/demote`, { ground: 'not-at-level', reason: '', toLevel: 1 }))
        .status,
    ).toBe(400);
    expect(
      (await post('agent1', `/api/star-holders/${m2}/demote`, { ground: 'not-at-level', reason: 'x', toLevel: 1 }))
        .status,
    ).toBe(403);
    expect(
      (
        await post('committee1', `/api/star-holders/${m2}/demote`, {
          ground: 'not-at-level',
          reason: '服务水平不达标',
          toLevel: 1,
        })
      ).status,
    ).toBe(200);
    const h2 = (await get('admin', '/api/star-history', { filter: JSON.stringify({ employeeId: m2 }) })).body;
    expect(h2[0]).toMatchObject({ kind: 'demoted', fromLevel: 2, toLevel: 1, rule: 'S-11' });
  });
});
