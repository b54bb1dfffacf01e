import { eventually, startTestStack, TestStack } from '../support/stack';

/** Service indicators (P-6) and major incidents (P-7) through the api on real Postgres and Temporal. */
describe('indicator cards and major incidents (P-6, P-7)', () => {
  let s: TestStack;
  let unit: { id: string; code: string };
  let branch: { id: string };
  const emp: Record<string, string> = {};
  const uid: Record<string, string> = {};
  let gm: { employeeId: string; userId: string; name: string };
  let branchVp: { employeeId: string; userId: string; name: string };

  const auth = async (u: string) => ({ Authorization: `Bearer ${await s.login(u)}` });

  /** An employee with a post and a login (as the admin enters them, O-1/O-2). */
  async function person(code: string, name: string, unitId: string, post: string, username: string) {
    const admin = await auth('admin');
    const e = await s.http
      .post('/api/employees')
      .set(admin)
      .send({ code, name, unitId, post, postBonusFen: 0, employmentType: 'staff' });
    expect(e.status).toBe(201);
    const u = await s.http
      .post('/api/users')
      .set(admin)
      .send({ username, displayName: name, roles: ['employee'], employeeId: e.body.id, password: 'demo-password' });
    expect(u.status).toBe(201);
    return { employeeId: e.body.id as string, userId: u.body.id as string, name: `${name}（${code}）` };
  }

  beforeAll(async () => {
    s = await startTestStack();
    for (const r of await s.ds.query(
      `SELECT u.username, u.id AS uid, e.id FROM users u JOIN employees e ON e.id = u.employee_id`,
    )) {
      emp[r.username] = r.id;
      uid[r.username] = r.uid;
    }
    [unit] = await s.ds.query(`SELECT id, code FROM org_units WHERE code = 'a-team1'`);
    [branch] = await s.ds.query(`SELECT id FROM org_units WHERE code = 'a-branch'`);
    const [city] = await s.ds.query(`SELECT id FROM org_units WHERE code = 'city'`);
    gm = await person('GM001', '总经理甲', city.id, '总经理', 'gm1');
    branchVp = await person('BVP001', '东城副经理', branch.id, '分公司副经理', 'branchvp1');
  });
  afterAll(async () => {
    await s?.stop();
  });

  const importCsv = async (lines: string[], user = 'quality1') =>
    s.http
      .post('/api/indicator-results/import')
      .set(await auth(user))
      .attach('file', Buffer.from(['月份,单位编码,指标,结果,目标,是否达标', ...lines].join('\n')), 'indicators.csv');
  const openTask = (caseId: string) =>
    eventually(
      async () =>
        (
          await s.ds.query(
            `SELECT id, assignee_user_id, due_at FROM tasks WHERE case_id = $1 AND stage = 'record' AND status = 'open'`,
            [caseId],
          )
        )[0],
    );

  it('P-6 a unit failing in February, May and August gets a yellow card in May and a red card in August, with named notices and interview tasks', async () => {
    const bad = await importCsv([`2026-02,${unit.code},装机及时率,0.9,0.95,否`, `2026-02,NOPE,装机及时率,0.9,0.95,否`]);
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { path: string }) => d.path)).toContain('row 3.code');
    expect((await importCsv([`2026-02,${unit.code},装机及时率,0.9,0.95,否`], 'agent1')).status).toBe(403);

    const feb = await importCsv([
      `2026-02,${unit.code},装机及时率,0.9,0.95,否`,
      `2026-02,a-team2,装机及时率,0.97,0.95,是`,
    ]);
    expect(feb.status).toBe(201);
    expect(feb.body.cards).toEqual([expect.objectContaining({ unitId: unit.id, card: 'none', failureNo: 1 })]);
    const march = await importCsv([`2026-03,${unit.code},装机及时率,0.96,0.95,是`]);
    expect(march.body.cards).toEqual([]);

    const may = await importCsv([`2026-05,${unit.code},修障及时率,0.8,0.9,否`]);
    expect(may.body.cards).toEqual([expect.objectContaining({ unitId: unit.id, card: 'yellow-card', failureNo: 2 })]);
    const [yellowCase] = may.body.cards[0].interviews;
    // the interview of the branch head: a task for branchhead1 with a due date
    const yTask = await openTask(yellowCase);
    expect(yTask.assignee_user_id).toBe(uid.branchhead1);
    expect(yTask.due_at).not.toBeNull();

    const aug = await importCsv([`2026-08,${unit.code},装机及时率,0.85,0.95,否`]);
    expect(aug.body.cards).toEqual([expect.objectContaining({ unitId: unit.id, card: 'red-card', failureNo: 3 })]);
    const rTask = await openTask(aug.body.cards[0].interviews[0]);
    expect(rTask.assignee_user_id).toBe(branchVp.userId); // the interview of the branch VP

    const board = await s.http.get('/api/indicator-cards?year=2026').set(await auth('quality1'));
    expect(board.status).toBe(200);
    const mine = board.body.filter((r: { unitId: string }) => r.unitId === unit.id);
    expect(
      mine.map((r: { month: string; card: string; orgScoreX10: number }) => [r.month, r.card, r.orgScoreX10]),
    ).toEqual([
      ['2026-02', 'none', 10],
      ['2026-05', 'yellow-card', 10],
      ['2026-08', 'red-card', 10],
    ]);
    // named notices: the VP in May, the general manager in August
    const mayNotice = mine[1].notices[0];
    expect(mayNotice).toMatchObject({ to: 'vp', name: expect.stringMatching(/（.+）$/) });
    expect(mayNotice.message).toContain('黄牌');
    expect(mine[2].notices[0]).toMatchObject({ to: 'general-manager', name: gm.name });
    const gmNote = await s.ds.query(`SELECT message FROM notifications WHERE user_id = $1`, [gm.userId]);
    expect(gmNote).toEqual([{ message: expect.stringContaining('红牌') }]);
    expect(mine[1].interviews).toEqual([expect.objectContaining({ caseId: yellowCase, recorded: false })]);

    // importing May again changes nothing: one failure row, one interview
    const again = await importCsv([`2026-05,${unit.code},修障及时率,0.8,0.9,否`]);
    expect(again.status).toBe(201);
    expect(
      (
        await s.ds.query(
          `SELECT count(*)::int AS n FROM cases WHERE kind = 'interview' AND business_key LIKE 'card-2026-05-%'`,
        )
      )[0].n,
    ).toBe(1);
    expect(
      (await s.ds.query(`SELECT count(*)::int AS n FROM indicator_failures WHERE unit_id = $1`, [unit.id]))[0].n,
    ).toBe(3);

    // the branch head holds the interview and records it: date, people, minutes, commitments all required
    const head = await auth('branchhead1');
    const incomplete = await s.http
      .post(`/api/tasks/${yTask.id}/actions`)
      .set(head)
      .send({ action: 'approve', data: { date: '2026-06-03', people: '东城分公司经理' } });
    expect(incomplete.status).toBe(400);
    expect(JSON.stringify(incomplete.body.details)).toContain('data.minutes');
    const record = {
      date: '2026-06-03',
      people: '东城分公司经理、质量管理部',
      minutes: '分析修障超时原因',
      commitments: '六月底前恢复达标',
    };
    const done = await s.http
      .post(`/api/tasks/${yTask.id}/actions`)
      .set(head)
      .send({ action: 'approve', data: record });
    expect(done.status).toBe(200);
    const kept = await eventually(async () => {
      const r = await s.http.get(`/api/interviews/${yellowCase}`).set(await auth('quality1'));
      return r.body.record ? r.body : null;
    });
    expect(kept).toMatchObject({ origin: 'indicator-card', record, interviewee: expect.stringMatching(/（.+）$/) });
  });

  it("P-6 each failing month's organisational score is posted once to the unit's ledger, and the year's ranking counts failing months and the posted score", async () => {
    const posted = () =>
      s.ds.query(
        `SELECT month, source, org_score_x10 FROM unit_ledger_entries WHERE unit_id = $1 AND reason = 'indicator-P-6' ORDER BY month`,
        [unit.id],
      );
    expect(await posted()).toEqual([
      { month: '2026-02', source: 'indicators', org_score_x10: 10 },
      { month: '2026-05', source: 'indicators', org_score_x10: 10 },
      { month: '2026-08', source: 'indicators', org_score_x10: 10 },
    ]);
    // re-importing failing months posts nothing twice
    const again = await importCsv([
      `2026-05,${unit.code},修障及时率,0.8,0.9,否`,
      `2026-08,${unit.code},装机及时率,0.85,0.95,否`,
    ]);
    expect(again.status).toBe(201);
    expect(await posted()).toHaveLength(3);
    // the deduction is the unit's: nobody's points ledger carries it
    expect((await s.ds.query(`SELECT count(*)::int AS n FROM ledger_entries WHERE source = 'indicators'`))[0].n).toBe(
      0,
    );
    const [team2] = await s.ds.query(`SELECT id FROM org_units WHERE code = 'a-team2'`);
    const r = await s.http.get('/api/indicator-year-rankings?year=2026').set(await auth('branchhead1'));
    expect(r.status).toBe(200);
    const mine = r.body.rows.find((x: { unitId: string }) => x.unitId === unit.id);
    const passing = r.body.rows.find((x: { unitId: string }) => x.unitId === team2.id);
    expect(mine).toMatchObject({
      unitName: expect.any(String),
      failingMonths: 3,
      orgScoreX10: 30,
      lastCard: 'red-card',
    });
    expect(passing).toMatchObject({ failingMonths: 0, orgScoreX10: 0, lastCard: null });
    expect(passing.rank).toBeLessThan(mine.rank);
    expect((await s.http.get('/api/indicator-year-rankings?year=2026').set(await auth('agent1'))).status).toBe(403);
    expect((await s.http.get('/api/indicator-year-rankings?year=20').set(await auth('quality1'))).status).toBe(400);
  });

  it('P-7 a major service incident opens a written-explanation interview of the responsible department head', async () => {
    const body = {
      title: '城区宽带大面积中断',
      description: '光缆被挖断，三小时未恢复',
      occurredAt: '2026-09-02T10:00:00+08:00',
      unitId: branch.id,
      departmentHeadId: emp.branchhead1,
    };
    expect(
      (
        await s.http
          .post('/api/incidents')
          .set(await auth('agent1'))
          .send(body)
      ).status,
    ).toBe(403);
    const heads = await s.http
      .get(`/api/incident-heads?q=${encodeURIComponent('东城分公司')}`)
      .set(await auth('quality1'));
    expect(heads.status).toBe(200);
    expect(heads.body.map((p: { id: string }) => p.id)).toContain(emp.branchhead1);
    expect((await s.http.get('/api/incident-heads?q=x').set(await auth('agent1'))).status).toBe(403);
    const unknown = await s.http
      .post('/api/incidents')
      .set(await auth('quality1'))
      .send({ ...body, departmentHeadId: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.details[0].path).toBe('departmentHeadId');
    const r = await s.http
      .post('/api/incidents')
      .set(await auth('quality1'))
      .send(body);
    expect(r.status).toBe(201);
    expect(r.body.caseId).toMatch(/^[0-9a-f-]{36}$/);
    const task = await openTask(r.body.caseId);
    expect(task.assignee_user_id).toBe(uid.branchhead1);
    const view = await s.http.get(`/api/interviews/${r.body.caseId}`).set(await auth('quality1'));
    expect(view.body).toMatchObject({ origin: 'major-incident', incidentTitle: body.title, record: null });
    expect(view.body.reason).toContain('书面说明');
    // a minor incident orders nothing
    const minor = await s.http
      .post('/api/incidents')
      .set(await auth('quality1'))
      .send({ ...body, major: false });
    expect(minor.status).toBe(201);
    expect(minor.body.caseId).toBeNull();
  });
});
