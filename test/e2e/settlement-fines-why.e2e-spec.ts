import ExcelJS from 'exceljs';
import { randomUUID } from 'node:crypto';
import { createActivities } from '@qf/activities';
import { SettlementRowResponseSchema, SettlementRowWhyResponseSchema } from '@qf/contracts';
import { policyBody } from '@qf/persistence';
import { eventually, startTestStack, TestStack } from '../support/stack';

/** A past month no other spec uses: its ledger is written here as the processes of the month would have left it. */
const MONTH = '2022-10';

describe('settlement: KPI fines reach the month (H-1 with K-5/K-8) and every row says why (issue 16)', () => {
  let s: TestStack;
  const emp: Record<string, { id: string; unit: string }> = {};
  let settlementId = '';
  let policyVersion = 0;
  const ordinaryCases: { id: string; no: string }[] = [];

  beforeAll(async () => {
    s = await startTestStack();
    for (const r of await s.ds.query(
      `SELECT u.username, e.id, e.unit_id FROM users u JOIN employees e ON e.id = u.employee_id`,
    ))
      emp[r.username] = { id: r.id, unit: r.unit_id };
  });
  afterAll(async () => {
    await s?.stop();
  });
  const auth = async (u: string) => ({ Authorization: `Bearer ${await s.login(u)}` });

  async function caseRow(kind: string, key: string, title: string, data: unknown = {}): Promise<string> {
    const [c] = await s.ds.query(
      `INSERT INTO cases (kind, business_key, title, workflow_id, policy_version, flow_version, status, data)
       VALUES ($1, $2, $3, $4, 1, 1, 'closed', $5) RETURNING id`,
      [kind, key, title, `settlement-why-${randomUUID()}`, JSON.stringify(data)],
    );
    return c.id;
  }

  /** The K-8 fine approved by the lead (the activity the fine's workflow runs on approval) and the K-5 month posted. */
  async function postFines(fineId: string, fineCase: string, scorecardCase: string) {
    const acts = createActivities(s.ds);
    await acts.settleFine({ caseId: fineCase, workflowId: `fine-${fineId}`, fineId, approved: true });
    await acts.postScorecardMonth({
      month: MONTH,
      caseId: scorecardCase,
      workflowId: `scorecard-${MONTH}`,
    });
  }

  async function rowsOf(id: string) {
    const r = await s.http.get(`/api/settlements/${id}/rows`).set(await auth('hr1'));
    expect(r.status).toBe(200);
    return Object.fromEntries(r.body.map((x: any) => [x.employeeId, x]));
  }

  it('H-1 an approved K-8 fine and a K-5 scorecard fine of one employee appear once in the month’s row, a money line of their own; rerunning adds nothing', async () => {
    // K-8: an attitude complaint fine of 150 元 for agent2, registered for the month and approved by the lead
    const fineCase = await caseRow('service-fine', `fine-${randomUUID()}`, 'K-8 态度投诉罚款');
    const [fine] = await s.ds.query(
      `INSERT INTO service_fines (kind, employee_id, unit_id, amount_fen, month, description, case_id)
       VALUES ('attitude-complaint', $1, $2, 15000, $3, '态度投诉（结算测试）', $4) RETURNING id`,
      [emp.agent2.id, emp.agent2.unit, MONTH, fineCase],
    );
    // K-5: seven late orders → 350 元 to agent2 in the month's scorecard result
    const scorecardCase = await caseRow('scorecard-month', MONTH, `${MONTH} KPI 考核`);
    await s.ds.query(
      `INSERT INTO scorecard_fines (month, employee_id, reason, unit_id, amount_fen, why) VALUES ($1, $2, 'late-orders', $3, 35000, '{}')`,
      [MONTH, emp.agent2.id, emp.agent2.unit],
    );
    await postFines(fine.id, fineCase, scorecardCase);
    // C-9: six ordinary cases for agent1 (P5), each a complaint with its work-order number
    for (let i = 1; i <= 6; i++) {
      const no = `WO-2210-${String(i).padStart(4, '0')}`;
      const id = await caseRow('complaint', `test-${no}`, `投诉 ${no}`, { complaint: { workOrderNo: no } });
      ordinaryCases.push({ id, no });
      await s.ds.query(
        `INSERT INTO ledger_entries (employee_id, month, case_id, source, reason, points_x10, severity) VALUES ($1,$2,$3,'complaint','ruling',20,'ordinary')`,
        [emp.agent1.id, MONTH, id],
      );
    }
    // one ordinary case earlier in the year: counted in the year, not in the month's C-9 count
    const earlier = await caseRow('complaint', `test-WO-2209-0001`, '投诉 WO-2209-0001', {
      complaint: { workOrderNo: 'WO-2209-0001' },
    });
    await s.ds.query(
      `INSERT INTO ledger_entries (employee_id, month, case_id, source, reason, points_x10, severity) VALUES ($1,'2022-09',$2,'complaint','ruling',20,'ordinary')`,
      [emp.agent1.id, earlier],
    );

    const started = await s.http
      .post('/api/settlements')
      .set(await auth('hr1'))
      .send({ month: MONTH });
    expect(started.status).toBe(201);
    settlementId = started.body.id;
    const computed = await eventually(async () => {
      const r = await s.http.get(`/api/settlements/${settlementId}`).set(await auth('hr1'));
      return r.body.status === 'confirming' ? r.body : null;
    });
    policyVersion = computed.policyVersion;
    const by = await rowsOf(settlementId);
    expect(by[emp.agent2.id]).toMatchObject({ points: 0, moneyFen: 0, finesFen: 50000 });
    const fineWhy = by[emp.agent2.id].why.filter((w: any) => w.on === 'fines');
    expect(fineWhy.map((w: any) => [w.rule, w.params.fineFen, w.facts.caseIds])).toEqual(
      expect.arrayContaining([
        ['K-8', 15000, [fineCase]],
        ['K-5', 35000, [scorecardCase]],
      ]),
    );
    expect(fineWhy).toHaveLength(2);

    // rerunning: the postings again (retries of the approval and of the month's posting) and the month's computation
    await postFines(fine.id, fineCase, scorecardCase);
    const policy = await policyBody(s.ds, policyVersion);
    await createActivities(s.ds).computeSettlement({ settlementId, month: MONTH, policy });
    const again = await rowsOf(settlementId);
    expect(again[emp.agent2.id]).toMatchObject({ finesFen: 50000, moneyFen: 0 });
    expect(
      await s.ds.query(
        `SELECT source, reason, money_fen::int AS fen FROM ledger_entries WHERE month = $1 AND employee_id = $2 ORDER BY source`,
        [MONTH, emp.agent2.id],
      ),
    ).toEqual([
      { source: 'kpi', reason: 'late-orders', fen: 35000 },
      { source: 'kpi-fine', reason: 'kpi-fine', fen: 15000 },
    ]);

    // H-3: the payroll export shows the fines in their own column
    const res = await s.http
      .get(`/api/settlements/${settlementId}/export?format=xlsx`)
      .set(await auth('hr1'))
      .buffer(true)
      .parse((r: any, cb: (e: Error | null, b: Buffer) => void) => {
        const c: Buffer[] = [];
        r.on('data', (x: Buffer) => c.push(x));
        r.on('end', () => cb(null, Buffer.concat(c)));
      });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as ArrayBuffer);
    const ws = wb.worksheets[0];
    const headers = ws.getRow(1).values as unknown[];
    const col = headers.indexOf('罚款(元)');
    expect(col).toBeGreaterThan(0);
    const codes = await s.ds.query(`SELECT code FROM employees WHERE id = $1`, [emp.agent2.id]);
    const rowOf = [...Array(ws.rowCount).keys()]
      .map((i) => ws.getRow(i + 1))
      .find((r) => r.getCell(1).value === codes[0].code);
    expect(rowOf?.getCell(col).value).toBe(500);
  });

  it('C-9 the why of a P5 row names C-9, the policy version and exactly the month’s counted cases by number', async () => {
    const row = (await rowsOf(settlementId))[emp.agent1.id];
    expect(row).toMatchObject({ grade: 'P5', points: 120 });
    expect(SettlementRowResponseSchema.safeParse(row).error).toBeUndefined(); // the documented response
    const c9 = row.why.filter((w: any) => w.rule === 'C-9');
    expect(c9).toHaveLength(1);
    expect(c9[0]).toMatchObject({
      on: 'grade',
      grade: 'P5',
      policyVersion,
      params: { count: 6, grade: 'P5' },
      facts: { counts: { ordinary: 6 } },
    });
    // issue 18: the rows name the ledger group of the counted cases; the opened row reads them, by number
    expect(c9[0].facts).toEqual({ counts: { ordinary: 6 }, ledgerCases: { group: 'month:ordinary', count: 6 } });
    const opened = await s.http
      .get(`/api/settlements/${settlementId}/rows/${emp.agent1.id}/why`)
      .set(await auth('hr1'));
    expect(opened.status).toBe(200);
    expect(SettlementRowWhyResponseSchema.safeParse(opened.body).error).toBeUndefined();
    const openedC9 = opened.body.why.find((w: any) => w.rule === 'C-9');
    expect(openedC9.facts.caseIds).toEqual(ordinaryCases.map((c) => c.id)); // in posting order, as counted
    expect(openedC9.facts.caseNos).toEqual(ordinaryCases.map((c) => c.no));
    expect(openedC9.facts.casesFound).toBeUndefined();
    // the money: H-1 with the same policy version, the six cases with points (the earlier month's case is not one)
    const h1 = opened.body.why.find((w: any) => w.rule === 'H-1');
    expect(h1).toMatchObject({ on: 'money', policyVersion, params: { points: '12.0', moneyFen: row.moneyFen } });
    expect([...h1.facts.caseNos].sort()).toEqual(ordinaryCases.map((c) => c.no).sort());
    // the source cases are stored as a uuid array (no string join): exactly the month's cases
    const [{ sc }] = await s.ds.query(
      `SELECT source_cases AS sc FROM settlement_rows WHERE settlement_id = $1 AND employee_id = $2`,
      [settlementId, emp.agent1.id],
    );
    expect([...sc].sort()).toEqual(ordinaryCases.map((c) => c.id).sort());
  });

  it('C-9 an opened row’s why: a posting after the close is not counted (and says so when it races the close); rows stored with their case ids (issue 16) read as stored; others’ rows 404', async () => {
    const url = `/api/settlements/${settlementId}/rows/${emp.agent1.id}/why`;
    const c9Of = async () =>
      (await s.http.get(url).set(await auth('hr1'))).body.why.find((w: any) => w.rule === 'C-9').facts;
    // a seventh ordinary case posted after the computation: not among the counted six
    const late = await caseRow('complaint', `test-WO-2210-0099`, '投诉 WO-2210-0099', {
      complaint: { workOrderNo: 'WO-2210-0099' },
    });
    await s.ds.query(
      `INSERT INTO ledger_entries (employee_id, month, case_id, source, reason, points_x10, severity) VALUES ($1,$2,$3,'complaint','ruling',20,'ordinary')`,
      [emp.agent1.id, MONTH, late],
    );
    expect((await c9Of()).caseNos).toEqual(ordinaryCases.map((c) => c.no));
    // one posted while the computation ran (before its time): the row says the ledger holds more than were counted
    await s.ds.query(
      `UPDATE settlements SET computed_at = (SELECT created_at FROM ledger_entries WHERE case_id = $2) WHERE id = $1`,
      [settlementId, late],
    );
    expect(await c9Of()).toMatchObject({ casesFound: 7, ledgerCases: { count: 6 } });
    // a row stored before issue 18, its cases listed: read as stored, by number
    const [{ why }] = await s.ds.query(
      `SELECT why FROM settlement_rows WHERE settlement_id = $1 AND employee_id = $2`,
      [settlementId, emp.agent1.id],
    );
    const stored = why.map((w: any) =>
      w.rule === 'C-9' ? { ...w, facts: { counts: w.facts.counts, caseIds: ordinaryCases.map((c) => c.id) } } : w,
    );
    const cols = `settlement_id, employee_id, branch_id, points_x10, money_fen, grade, suspension, exit, training, source_cases, reasons, bonus_fen, star_pay_fen, fines_fen`;
    await s.ds.transaction(async (tx) => {
      // the app may not update rows (a computation replaces them): the row again, with the why of issue 16's format
      const [[r]] = await tx.query(
        `DELETE FROM settlement_rows WHERE settlement_id = $1 AND employee_id = $2 RETURNING ${cols}`,
        [settlementId, emp.agent1.id],
      );
      await tx.query(
        `INSERT INTO settlement_rows (${cols}, why) SELECT ${cols}, $2::json FROM jsonb_populate_record(NULL::settlement_rows, $1)`,
        [JSON.stringify(r), JSON.stringify(stored)],
      );
    });
    const listed = (await rowsOf(settlementId))[emp.agent1.id].why.find((w: any) => w.rule === 'C-9');
    expect(listed.facts.caseNos).toEqual(ordinaryCases.map((c) => c.no));
    expect((await c9Of()).caseNos).toEqual(ordinaryCases.map((c) => c.no));
    // no such row, or not a uuid: 404
    for (const path of [
      `/api/settlements/${settlementId}/rows/${randomUUID()}/why`,
      `/api/settlements/${settlementId}/rows/not-a-uuid/why`,
      `/api/settlements/${'-'.repeat(36)}/rows/${emp.agent1.id}/why`,
    ])
      expect((await s.http.get(path).set(await auth('hr1'))).status).toBe(404);
  });
});
