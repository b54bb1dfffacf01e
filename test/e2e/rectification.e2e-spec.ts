import { eventually, startTestStack, TestStack } from '../support/stack';

describe('rectification before the fault-analysis meeting (E-7, E-8, Q-2)', () => {
  let s: TestStack;
  let team: string;
  beforeAll(async () => {
    s = await startTestStack();
    [{ id: team }] = await s.ds.query(`SELECT id FROM org_units WHERE code = 'a-team1'`);
  });
  afterAll(async () => {
    await s?.stop();
  });
  const auth = async (u: string) => ({ Authorization: `Bearer ${await s.login(u)}` });
  const meeting = async (title: string, at: Date) =>
    (
      await s.http
        .post('/api/meetings')
        .set(await auth('manager1'))
        .send({ title, scheduledAt: at.toISOString() })
    ).body;
  const open = async (over: Record<string, unknown> = {}) => {
    const r = await s.http
      .post('/api/rectifications')
      .set(await auth('dispatcher1'))
      .send({ origin: 'dissatisfied-callback', teamUnitId: team, description: '回访不满意：上门超时', ...over });
    expect(r.status).toBe(201);
    return r.body;
  };
  const task = (caseId: string, stage: string) =>
    eventually(
      async () =>
        (
          await s.ds.query(`SELECT id FROM tasks WHERE case_id = $1 AND stage = $2 AND status = 'open'`, [
            caseId,
            stage,
          ])
        )[0]?.id as string,
    );
  const act = async (taskId: string, user: string, body: object) =>
    s.http
      .post(`/api/tasks/${taskId}/actions`)
      .set(await auth(user))
      .send(body);
  const rect = async (id: string) => (await s.http.get(`/api/rectifications/${id}`).set(await auth('manager1'))).body;
  const plan = { revisit: '已上门回访报修人', causes: '派单延误', plan: '调整派单流程' };

  it('E-8 a rectification past its meeting is overdue, the team lead and manager are reminded, and a late submission stays overdue', async () => {
    // sign in first: two logins on a busy machine can outlast the meeting's 3 seconds
    await auth('manager1');
    await auth('dispatcher1');
    const soon = await meeting('临时故障分析会', new Date(Date.now() + 3000));
    const r = await open();
    expect(r.dueAt).toBe(soon.scheduledAt);
    await eventually(async () => (await rect(r.id)).overdue === true, 20000);
    // the workflow's timer fires at the meeting: it records the overdue flag and reminds both roles
    const notes = await eventually(async () => {
      const n = await s.ds.query(
        `SELECT role FROM notifications WHERE case_id = $1 AND kind = 'overdue' ORDER BY role`,
        [r.id],
      );
      return n.length === 2 ? n : null;
    });
    expect((await s.ds.query(`SELECT overdue FROM rectifications WHERE case_id = $1`, [r.id]))[0].overdue).toBe(true);
    expect(notes.map((n: { role: string }) => n.role)).toEqual(['manager', 'team-lead']);
    const board = (
      await s.http
        .get('/api/rectifications')
        .query({ filter: JSON.stringify({ overdue: true }) })
        .set(await auth('manager1'))
    ).body;
    expect(board.map((x: { id: string }) => x.id)).toContain(r.id);
    const submitted = await act(await task(r.id, 'plan'), 'teamlead1', { action: 'approve', data: plan });
    expect(submitted.status).toBe(200);
    expect(submitted.body.data.late).toBe(true);
    expect(await rect(r.id)).toMatchObject({ status: 'submitted', overdue: true });
  });

  it('E-7 the team lead submits the revisit, causes and plan before the meeting; the meeting confirms or reopens it', async () => {
    const m1 = await meeting('十二月故障分析会', new Date(Date.now() + 10 * 86400_000));
    const r = await open();
    expect(r).toMatchObject({ status: 'open', meetingId: m1.id, dueAt: m1.scheduledAt, overdue: false });
    const t = await task(r.id, 'plan');
    const missing = await act(t, 'teamlead1', { action: 'approve', data: { revisit: '已回访' } });
    expect(missing.status).toBe(400);
    expect(missing.body.details.map((d: { rule: string }) => d.rule)).toContain('E-7');
    // someone who may not see the case: 404, as for a task that does not exist (issue 12)
    expect((await act(t, 'agent1', { action: 'approve', data: plan })).status).toBe(404);
    await act(t, 'teamlead1', { action: 'approve', data: plan });
    expect(await rect(r.id)).toMatchObject({ status: 'submitted', overdue: false });
    const m2 = await meeting('一月故障分析会', new Date(Date.now() + 40 * 86400_000));
    // the meeting reopens it: due at the following meeting
    const reopened = await act(await task(r.id, 'review'), 'manager1', { action: 'reject', comment: '整改不彻底' });
    expect(reopened.body.stage).toBe('plan');
    await eventually(async () => (await rect(r.id)).meetingId === m2.id);
    await act(await task(r.id, 'plan'), 'teamlead1', { action: 'approve', data: plan });
    const confirmed = await act(await task(r.id, 'review'), 'manager1', { action: 'approve' });
    expect(confirmed.body).toMatchObject({ status: 'closed', outcome: 'confirmed' });
    expect((await rect(r.id)).status).toBe('confirmed');
  });

  it("E-7 the plan goes to the lead of the rectification's own team: another team's lead gets 404 (does not see it)", async () => {
    await meeting('班组长分派', new Date(Date.now() + 12 * 86400_000));
    const r = await open({ description: '回访不满意：分派给本班组长' });
    const [t] = await eventually(async () => {
      const rows = await s.ds.query(
        `SELECT id, assignee_role, assignee_user_id FROM tasks WHERE case_id = $1 AND stage = 'plan' AND status = 'open'`,
        [r.id],
      );
      return rows.length ? rows : null;
    });
    // a-team1's lead is teamlead1 (demo seed); teamlead2 leads b-team1
    expect(t).toMatchObject({ assignee_role: 'team-lead', assignee_user_id: s.users.teamlead1 });
    expect(r.waitingOn).toEqual([expect.objectContaining({ userId: s.users.teamlead1 })]);
    const other = await act(t.id, 'teamlead2', { action: 'approve', data: plan });
    expect(other.status).toBe(404);
    const mine = (
      await s.http
        .get('/api/tasks')
        .query({ filter: JSON.stringify({ mine: true }) })
        .set(await auth('teamlead2'))
    ).body;
    expect(mine.map((x: { id: string }) => x.id)).not.toContain(t.id);
    expect((await act(t.id, 'teamlead1', { action: 'approve', data: plan })).status).toBe(200);
  });

  it('E-7 moving the meeting moves the due date of open items and not of finished ones', async () => {
    const m = await meeting('待调整的分析会', new Date(Date.now() + 5 * 86400_000));
    const openOne = await open({ description: '仍在整改' });
    const doneOne = await open({ description: '已提交' });
    expect(openOne.meetingId).toBe(m.id);
    await act(await task(doneOne.id, 'plan'), 'teamlead1', { action: 'approve', data: plan });
    const later = new Date(Date.now() + 7 * 86400_000).toISOString();
    const moved = await s.http
      .put(`/api/meetings/${m.id}`)
      .set(await auth('manager1'))
      .send({ title: '待调整的分析会', scheduledAt: later });
    expect(moved.body.movedOpenRectifications).toBe(1);
    await eventually(async () => (await rect(openOne.id)).dueAt === later);
    expect((await rect(doneOne.id)).dueAt).toBe(m.scheduledAt);
    const summary = (await s.http.get('/api/rectifications/summary').set(await auth('manager1'))).body;
    expect(summary.open).toBeGreaterThanOrEqual(1);
    expect(summary.byTeam.length).toBeGreaterThanOrEqual(1);
  });

  it("Q-2 an inspection finding becomes a rectification like E-7; a foreman's own dissatisfied self-evaluation needs only an internal note", async () => {
    const finding = await open({ origin: 'inspection', description: '检查发现：工单记录不完整' });
    expect(finding).toMatchObject({ origin: 'inspection', status: 'open' });
    expect(await task(finding.id, 'plan')).toBeTruthy();
    const note = await open({ internal: true, description: '工长自评不满意' });
    expect(note.meetingId).toBeNull();
    const noteTask = await task(note.id, 'note');
    expect((await act(noteTask, 'foreman1', { action: 'approve', data: {} })).status).toBe(400);
    const done = await act(noteTask, 'foreman1', { action: 'approve', data: { note: '已内部整改：补录记录' } });
    expect(done.body).toMatchObject({ status: 'closed', outcome: 'noted' });
  });
});
