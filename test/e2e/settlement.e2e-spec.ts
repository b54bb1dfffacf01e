import ExcelJS from 'exceljs';
import { randomUUID } from 'node:crypto';
import { createComplaintActivities } from '@qf/activities';
import { localMonth, nextMonth } from '@qf/domain';
import { eventually, startTestStack, TestStack } from '../support/stack';

const MONTH = '2025-03';

describe('monthly HR settlement (H-1…H-3)', () => {
  let s: TestStack;
  const emp: Record<string, { id: string; bonus: number }> = {};
  beforeAll(async () => {
    s = await startTestStack();
    for (const r of await s.ds.query(
      `SELECT u.username, e.id, e.post_bonus_fen FROM users u JOIN employees e ON e.id = u.employee_id`,
    ))
      emp[r.username] = { id: r.id, bonus: r.post_bonus_fen };
  });
  afterAll(async () => {
    await s?.stop();
  });
  const auth = async (u: string) => ({ Authorization: `Bearer ${await s.login(u)}` });
  const binary = (r: any, cb: (e: Error | null, b: Buffer) => void) => {
    const c: Buffer[] = [];
    r.on('data', (x: Buffer) => c.push(x));
    r.on('end', () => cb(null, Buffer.concat(c)));
  };

  async function caseRow(): Promise<string> {
    const [c] = await s.ds.query(
      `INSERT INTO cases (kind, business_key, title, workflow_id, policy_version, flow_version, status) VALUES ('complaint', $1, 'seeded', $2, 1, 1, 'closed') RETURNING id`,
      [randomUUID(), `seed-${randomUUID()}`],
    );
    return c.id;
  }
  async function post(user: string, month: string, severity: string, points: number) {
    await s.ds.query(
      `INSERT INTO ledger_entries (employee_id, month, case_id, source, reason, points_x10, severity) VALUES ($1,$2,$3,'complaint','ruling',$4,$5)`,
      [emp[user].id, month, await caseRow(), points, severity],
    );
  }
  const exportXlsx = async (id: string) =>
    (
      await s.http
        .get(`/api/settlements/${id}/export?format=xlsx`)
        .set(await auth('hr1'))
        .buffer(true)
        .parse(binary)
    ).body as Buffer;

  it('H-1 gathers the month, computes points, money and grades per employee, then branches confirm, HR approves, the month locks', async () => {
    for (let i = 0; i < 6; i++) await post('agent1', MONTH, 'ordinary', 20); // C-9: six ordinary → P5
    for (let i = 0; i < 3; i++) await post('agent2', MONTH, 'ordinary', 20); // three → P4
    await post('teamlead2', MONTH, 'serious', 50);
    await post('teamlead2', MONTH, 'serious', 60); // C-8: two serious → P4
    const bad = await s.http
      .post('/api/settlements')
      .set(await auth('hr1'))
      .send({ month: '2025-13' });
    expect(bad.status).toBe(400);
    expect(
      (
        await s.http
          .post('/api/settlements')
          .set(await auth('agent1'))
          .send({ month: MONTH })
      ).status,
    ).toBe(403);
    const started = await s.http
      .post('/api/settlements')
      .set(await auth('hr1'))
      .send({ month: MONTH });
    expect(started.status).toBe(201);
    const again = await s.http
      .post('/api/settlements')
      .set(await auth('hr1'))
      .send({ month: MONTH });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(started.body.id);
    const id = started.body.id;
    const computed = await eventually(async () => {
      const r = await s.http.get(`/api/settlements/${id}`).set(await auth('hr1'));
      return r.body.status === 'confirming' && r.body.stage === 'confirm' ? r.body : null;
    });
    expect(computed.totals.employees).toBe(3);
    expect(computed.pendingBranchIds).toHaveLength(2); // H-2: both branches still to confirm
    const rows = (await s.http.get(`/api/settlements/${id}/rows`).set(await auth('hr1'))).body;
    const by = Object.fromEntries(rows.map((r: any) => [r.employeeId, r]));
    expect(by[emp.agent1.id]).toMatchObject({
      points: 120,
      grade: 'P5',
      moneyFen: Math.round(12 * emp.agent1.bonus * 0.01),
    });
    expect(by[emp.agent2.id]).toMatchObject({ points: 60, grade: 'P4' });
    expect(by[emp.teamlead2.id]).toMatchObject({ points: 110, grade: 'P4' });
    expect(by[emp.agent1.id].sourceCases).toHaveLength(6);
    // a branch head sees only their branch's rows
    const b2 = (await s.http.get(`/api/settlements/${id}/rows`).set(await auth('branchhead2'))).body;
    expect(b2.map((r: any) => r.employeeId)).toEqual([emp.teamlead2.id]);
    // … and their branch's totals, not the company's (issue 12); HR keeps the company's
    const own = { employees: 1, pointsX10: 110, moneyFen: by[emp.teamlead2.id].moneyFen, branches: 1, p4: 1, p5: 0 };
    expect((await s.http.get(`/api/settlements/${id}`).set(await auth('branchhead2'))).body.totals).toEqual(own);
    const listed = (await s.http.get('/api/settlements').set(await auth('branchhead2'))).body;
    expect(listed.find((x: any) => x.id === id).totals).toEqual(own);
    expect((await s.http.get(`/api/settlements/${id}`).set(await auth('hr1'))).body.totals).toMatchObject({
      employees: 3,
      pointsX10: 290,
    });
    // nor through the month's case (its workflow state holds the company's totals): only org-wide roles see them there
    const caseOf = async (u: string) => (await s.http.get(`/api/cases/${computed.caseId}`).set(await auth(u))).body;
    expect((await caseOf('branchhead2')).data.totals).toBeUndefined();
    expect((await caseOf('hr1')).data.totals).toMatchObject({ employees: 3 });

    const tasks = await s.ds.query(
      `SELECT t.id, u.username FROM tasks t JOIN users u ON u.id = t.assignee_user_id WHERE t.case_id = $1 AND t.stage = 'confirm' AND t.status = 'open'`,
      [computed.caseId],
    );
    expect(tasks.map((t: any) => t.username).sort()).toEqual(['branchhead1', 'branchhead2']);
    for (const t of tasks)
      expect(
        (
          await s.http
            .post(`/api/tasks/${t.id}/actions`)
            .set(await auth(t.username))
            .send({ action: 'approve' })
        ).status,
      ).toBe(200);
    const hrTask = await eventually(
      async () =>
        (
          await s.ds.query(`SELECT id FROM tasks WHERE case_id = $1 AND stage = 'approve' AND status = 'open'`, [
            computed.caseId,
          ])
        )[0]?.id,
    );
    const approved = await s.http
      .post(`/api/tasks/${hrTask}/actions`)
      .set(await auth('hr1'))
      .send({ action: 'approve' });
    expect(approved.body).toMatchObject({ status: 'closed', outcome: 'locked' });
    const final = (await s.http.get(`/api/settlements/${id}`).set(await auth('hr1'))).body;
    expect(final.status).toBe('locked');
    expect(final.pendingBranchIds).toEqual([]);
    expect(final.branches.map((b: any) => [b.employees, b.confirmed])).toEqual(
      expect.arrayContaining([
        [2, null],
        [1, true],
      ]),
    ); // agents sit in the company-level hotline centre
  });

  it('H-2 a ledger entry of a locked month cannot be updated, deleted or added in the database; a late posting is an adjustment in the next month', async () => {
    const [{ id: settlementId }] = await s.ds.query(`SELECT id FROM settlements WHERE month = $1`, [MONTH]);
    const before = await exportXlsx(settlementId);
    // as the owner: the app role may not update or delete ledger entries at all (db-privileges.e2e-spec.ts)
    await expect(s.asOwner(`UPDATE ledger_entries SET points_x10 = 1 WHERE month = $1`, [MONTH])).rejects.toThrow(
      /locked/,
    );
    await expect(s.asOwner(`DELETE FROM ledger_entries WHERE month = $1`, [MONTH])).rejects.toThrow(/locked/);
    await expect(post('agent3', MONTH, 'ordinary', 20)).rejects.toThrow(/locked/);
    await expect(s.ds.query(`DELETE FROM settlement_rows WHERE settlement_id = $1`, [settlementId])).rejects.toThrow(
      /locked/,
    );
    // an appeal decided after the lock posts through the activity: booked in the next open month, naming the original
    const caseId = await caseRow();
    await createComplaintActivities(s.ds).postLedger({
      caseId,
      workflowId: 'late',
      source: 'complaint',
      month: MONTH,
      lines: [{ employeeId: emp.agent3.id, reason: 'ruling', points: 20, severity: 'ordinary' }],
    });
    const [adj] = await s.ds.query(`SELECT month, original_month FROM ledger_entries WHERE case_id = $1`, [caseId]);
    expect(adj).toEqual({ month: '2025-04', original_month: MONTH });
    expect(
      (await exportXlsx(settlementId)).equals(before) ||
        (await rowsOf(before)) === (await rowsOf(await exportXlsx(settlementId))),
    ).toBe(true);
  });

  async function rowsOf(buf: Buffer): Promise<string> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const out: unknown[] = [];
    wb.worksheets[0].eachRow((r) => out.push(r.values));
    return JSON.stringify(out);
  }

  it('H-3 the export has one row per employee with Chinese headers (xlsx and csv)', async () => {
    const [{ id }] = await s.ds.query(`SELECT id FROM settlements WHERE month = $1`, [MONTH]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await exportXlsx(id)) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.getRow(1).values).toEqual(
      expect.arrayContaining(['工号', '姓名', '扣分', '扣款(元)', '绩效等级', '来源案件']),
    );
    expect(ws.rowCount).toBe(4);
    const csv = await s.http.get(`/api/settlements/${id}/export?format=csv`).set(await auth('hr1'));
    expect(csv.status).toBe(200);
    expect(csv.text.split('\n').filter(Boolean)).toHaveLength(4);
    expect((await s.http.get(`/api/settlements/${id}/export?format=pdf`).set(await auth('hr1'))).status).toBe(400);
  });
  /** Publishes the policy in effect with one change (effective today), as an admin would in the policy editor. */
  async function publishPolicy(change: (body: any) => any) {
    const admin = await auth('admin');
    const body = (await s.http.get('/api/policies/current').set(admin)).body.body;
    const draft = await s.http
      .post('/api/policies')
      .set(admin)
      .send({ body: change(body), effectiveFrom: new Date().toISOString().slice(0, 10) });
    expect(draft.status).toBe(201);
    expect((await s.http.post(`/api/policies/${draft.body.id}/publish`).set(admin)).status).toBe(200);
    return body;
  }

  it('H-2 the running or a future month cannot be settled (409) unless the policy allows an early close', async () => {
    const policy = await publishPolicy((b) => ({ ...b, settlement: { ...b.settlement, allowEarlyClose: false } }));
    const running = localMonth(new Date().toISOString(), policy.calendar.timeZone);
    for (const month of [running, nextMonth(running), '2099-12']) {
      const r = await s.http
        .post('/api/settlements')
        .set(await auth('hr1'))
        .send({ month });
      expect([month, r.status, r.body.code, r.body.params]).toEqual([
        month,
        409,
        'settlement.month_not_over',
        { month },
      ]);
    }
    expect(await s.ds.query(`SELECT 1 FROM settlements WHERE month IN ($1, '2099-12')`, [running])).toEqual([]);
    // an explicit early close: a future month nobody posts to (the running month stays open for the other tests)
    // the e2e specs share one database: another spec may publish a policy (from the one before this) in between, so
    // a refusal counts only while the policy in effect still allows the early close; else publish again (bounded)
    try {
      let early: { status: number; body: any } = { status: 0, body: null };
      for (let attempt = 0; attempt < 5; attempt++) {
        await publishPolicy((b) => ({ ...b, settlement: { ...b.settlement, allowEarlyClose: true } }));
        early = await s.http
          .post('/api/settlements')
          .set(await auth('hr1'))
          .send({ month: '2099-12' });
        const current = (await s.http.get('/api/policies/current').set(await auth('admin'))).body.body;
        if (early.status === 201 || current.settlement.allowEarlyClose === true) break;
      }
      expect(early.status).toBe(201);
      expect(early.body.month).toBe('2099-12');
    } finally {
      await publishPolicy((b) => ({ ...b, settlement: { ...b.settlement, allowEarlyClose: false } }));
    }
  });
});
