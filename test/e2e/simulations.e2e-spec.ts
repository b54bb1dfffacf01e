import ExcelJS from 'exceljs';
import { randomUUID } from 'node:crypto';
import { eventually, startTestStack, TestStack } from '../support/stack';
import { whatIf } from '../support/what-if';

const MONTH = '2025-05';
const MONTH2 = '2025-06';

describe('what-if simulation of a draft policy (issue 16)', () => {
  let s: TestStack;
  const emp: Record<string, { id: string; bonus: number; name: string; code: string }> = {};
  beforeAll(async () => {
    s = await startTestStack();
    for (const r of await s.ds.query(
      `SELECT u.username, e.id, e.post_bonus_fen, e.name, e.code FROM users u JOIN employees e ON e.id = u.employee_id`,
    ))
      emp[r.username] = { id: r.id, bonus: r.post_bonus_fen, name: r.name, code: r.code };
    // people of this spec alone, like the demo agents (unit, post bonus): the e2e layer shares one database, and other
    // specs' rows for the demo people earlier in the year moved their yearly grades (a P4 became P5 in one CI run)
    for (const [u, name] of [
      ['agent1', '模拟甲'],
      ['agent2', '模拟乙'],
      ['teamlead2', '模拟丙'],
    ]) {
      const code = `M${randomUUID().slice(0, 6).toUpperCase()}`;
      const [r] = await s.ds.query(
        `INSERT INTO employees (code, name, unit_id, post_bonus_fen, employment_type)
         SELECT $2, $3, unit_id, post_bonus_fen, employment_type FROM employees WHERE id = $1
         RETURNING id, post_bonus_fen, name, code`,
        [emp[u].id, code, name],
      );
      emp[u] = { id: r.id, bonus: r.post_bonus_fen, name: r.name, code: r.code };
    }
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

  async function post(user: string, month: string, severity: string, points: number) {
    const [c] = await s.ds.query(
      `INSERT INTO cases (kind, business_key, title, workflow_id, policy_version, flow_version, status) VALUES ('complaint', $1, 'seeded', $2, 1, 1, 'closed') RETURNING id`,
      [randomUUID(), `seed-${randomUUID()}`],
    );
    await s.ds.query(
      `INSERT INTO ledger_entries (employee_id, month, case_id, source, reason, points_x10, severity) VALUES ($1,$2,$3,'complaint','ruling',$4,$5)`,
      [emp[user].id, month, c.id, points, severity],
    );
  }
  /**
   * what the simulation must never touch: the ledger and the settlements, byte for byte — of this spec's months (no other
   * spec uses them; the layer's other specs post and settle in the same database while this one runs)
   */
  const recorded = async () =>
    (
      await s.ds.query(
        `SELECT (SELECT md5(COALESCE(string_agg(l::text, '|' ORDER BY l.id), '')) FROM ledger_entries l WHERE l.month = ANY($1)) AS ledger,
                (SELECT md5(COALESCE(string_agg(r::text, '|' ORDER BY r.settlement_id, r.employee_id), ''))
                   FROM settlement_rows r JOIN settlements x ON x.id = r.settlement_id WHERE x.month = ANY($1)) AS rows,
                (SELECT md5(COALESCE(string_agg(x::text, '|' ORDER BY x.id), '')) FROM settlements x WHERE x.month = ANY($1)) AS settlements,
                (SELECT count(*)::int FROM month_locks WHERE month = ANY($1)) AS locks`,
        [[MONTH, MONTH2]],
      )
    )[0];
  const { base, draft, simulate } = whatIf(() => s);

  beforeAll(async () => {
    for (let i = 0; i < 3; i++) await post('agent1', MONTH, 'ordinary', 20); // C-9: three ordinary → P4
    for (let i = 0; i < 6; i++) await post('agent2', MONTH, 'ordinary', 20); // six → P5
    await post('teamlead2', MONTH, 'ordinary', 30); // one → no grade
    for (let i = 0; i < 2; i++) await post('teamlead2', MONTH2, 'serious', 50); // C-8: two serious → P4
  });

  it('C-9 a draft raising the ordinary P4 threshold moves the person with three ordinary cases from P4 to none; nothing else changes; ledger and settlements untouched', async () => {
    const before = await recorded();
    const v = await draft((b) => ({
      ...b,
      grades: { ...b.grades, ordinary: { ...b.grades.ordinary, p4MonthlyCount: 4 } },
    }));
    const sim = await simulate(v, [MONTH, MONTH2]);
    expect(sim.progress).toEqual({ done: 2, total: 2 });
    expect(sim.policyVersion).toBe(v);
    expect(sim.baselineVersion).toBe(base);
    expect(sim.summary).toMatchObject({
      employees: 4,
      changed: 1,
      gradeMoves: 1,
      p4Before: 2, // agent1 in May, teamlead2 in June
      p4After: 1,
      p5Before: 1,
      p5After: 1,
      moneyDeltaFen: 0,
      pointsDeltaX10: 0,
    });
    expect(sim.moves).toEqual([{ before: 'P4', after: null, people: 1 }]);
    const changes = await s.http.get(`/api/simulations/${sim.id}/changes`).set(await auth('admin'));
    expect(changes.status).toBe(200);
    expect(changes.body).toHaveLength(1);
    expect(changes.body[0]).toMatchObject({
      month: MONTH,
      kind: 'settlement',
      employeeId: emp.agent1.id,
      employee: `${emp.agent1.name}（${emp.agent1.code}）`,
      gradeBefore: 'P4',
      gradeAfter: null,
      pointsBefore: 60,
      pointsAfter: 60,
      moneyDeltaFen: 0,
    });
    expect(sim.units).toHaveLength(1);
    expect(sim.units[0]).toMatchObject({ people: 1, gradeMoves: 1, moneyDeltaFen: 0 });

    const xlsx = (
      await s.http
        .get(`/api/simulations/${sim.id}/export?format=xlsx`)
        .set(await auth('admin'))
        .buffer(true)
        .parse(binary)
    ).body as Buffer;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx as any);
    const ws = wb.worksheets[0];
    expect(ws.rowCount).toBe(2);
    expect(ws.getRow(2).getCell(3).value).toBe(`${emp.agent1.name}（${emp.agent1.code}）`);
    expect(ws.getRow(2).getCell(5).value).toBe('P4');
    expect(ws.getRow(2).getCell(6).value).toBe('无');

    expect(await recorded()).toEqual(before);
    const listed = await s.http.get('/api/simulations').set(await auth('admin'));
    expect(listed.body.map((x: any) => x.id)).toContain(sim.id);

    // kept until deleted: delete removes the run and its results
    expect((await s.http.delete(`/api/simulations/${sim.id}`).set(await auth('admin'))).status).toBe(204);
    expect((await s.http.get(`/api/simulations/${sim.id}`).set(await auth('admin'))).status).toBe(404);
    expect((await s.http.get(`/api/simulations/${sim.id}/changes`).set(await auth('admin'))).status).toBe(404);
    const [left] = await s.ds.query(
      `SELECT (SELECT count(*)::int FROM simulation_changes WHERE simulation_id = $1) AS c,
              (SELECT count(*)::int FROM simulation_months WHERE simulation_id = $1) AS m`,
      [sim.id],
    );
    expect(left).toEqual({ c: 0, m: 0 });
    expect(await recorded()).toEqual(before);
  });

  it("H-1 a draft changing the points-to-money rate: each person's money delta is points × post bonus × the difference, grades unchanged, nobody else moves; ledger and settlements untouched", async () => {
    const before = await recorded();
    const rateBefore: number = (await s.http.get(`/api/policies/${base}`).set(await auth('admin'))).body.body.settlement
      .moneyRateBasisPointsPerPoint;
    const rateAfter = rateBefore + 50; // basis points of the post bonus per point: +0.5%
    const v = await draft((b) => ({ ...b, settlement: { ...b.settlement, moneyRateBasisPointsPerPoint: rateAfter } }));
    const sim = await simulate(v, [MONTH]);
    expect(sim.summary).toMatchObject({ changed: 3, gradeMoves: 0, p4Before: 1, p4After: 1, pointsDeltaX10: 0 });
    const rows = (await s.http.get(`/api/simulations/${sim.id}/changes`).set(await auth('admin'))).body;
    expect(rows).toHaveLength(3);
    const by = Object.fromEntries(rows.map((r: any) => [r.employeeId, r]));
    // pointsX10 × bonus (fen) × rate (basis points) ÷ (10 × 10,000)
    const money = (pointsX10: number, bonus: number, rate: number) => Math.round((pointsX10 * bonus * rate) / 100000);
    for (const [u, points] of [
      ['agent1', 60],
      ['agent2', 120],
      ['teamlead2', 30],
    ] as const) {
      const r = by[emp[u].id];
      expect(r.pointsBefore).toBe(points);
      expect(r.pointsAfter).toBe(points);
      expect(r.moneyBeforeFen).toBe(money(points, emp[u].bonus, rateBefore));
      expect(r.moneyAfterFen).toBe(money(points, emp[u].bonus, rateAfter));
      expect(r.moneyDeltaFen).toBe(money(points, emp[u].bonus, rateAfter - rateBefore));
      expect(r.gradeBefore).toBe(r.gradeAfter);
    }
    expect(sim.summary.moneyDeltaFen).toBe(rows.reduce((a: number, r: any) => a + r.moneyDeltaFen, 0));
    expect(await recorded()).toEqual(before);
  });

  it('bad input is 400 naming the field; only administrators simulate (403); an unknown simulation is 404', async () => {
    const admin = await auth('admin');
    const bad = await s.http
      .post('/api/simulations')
      .set(admin)
      .send({ policyVersion: 1, months: ['2025-13'] });
    expect(bad.status).toBe(400);
    expect(bad.body.details[0].path).toMatch(/^months/);
    const none = await s.http
      .post('/api/simulations')
      .set(admin)
      .send({ policyVersion: 999, months: [MONTH] });
    expect(none.status).toBe(400);
    expect(none.body.details[0].path).toBe('policyVersion');
    for (const u of ['hr1', 'agent1'])
      for (const r of [
        s.http.post('/api/simulations').send({ policyVersion: 1, months: [MONTH] }),
        s.http.get('/api/simulations'),
      ])
        expect((await r.set(await auth(u))).status).toBe(403);
    expect((await s.http.get(`/api/simulations/${randomUUID()}`).set(admin)).status).toBe(404);
    expect((await s.http.get(`/api/simulations/not-a-uuid`).set(admin)).status).toBe(404);
  });
});
