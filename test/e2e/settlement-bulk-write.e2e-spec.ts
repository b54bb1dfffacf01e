import { replaceSettlementRows, ComputedSettlementRow } from '@qf/persistence';
import { startTestStack, TestStack } from '../support/stack';

// issue 18: the settlement's rows go in as one COPY; the H-2 lock and the rows' references are checked per statement
const MONTH = '2022-11';

describe('settlement bulk write (issue 18): COPY, H-2 lock and reference checks per statement', () => {
  let s: TestStack;
  let settlementId: string;
  let employeeId: string;
  let branchId: string;
  beforeAll(async () => {
    s = await startTestStack();
    [{ id: settlementId }] = await s.ds.query(`INSERT INTO settlements (month) VALUES ($1) RETURNING id`, [MONTH]);
    [{ id: employeeId }] = await s.ds.query(
      `SELECT e.id FROM users u JOIN employees e ON e.id = u.employee_id WHERE u.username = 'agent1'`,
    );
    [{ id: branchId }] = await s.ds.query(`SELECT id FROM org_units WHERE kind = 'branch' ORDER BY code LIMIT 1`);
  });
  afterAll(async () => {
    await s?.stop();
  });

  const row = (over: Partial<ComputedSettlementRow> = {}): ComputedSettlementRow => ({
    employeeId,
    branchId,
    pointsX10: 25,
    deductionFen: 7500,
    grade: 'P4',
    flags: { suspension: false, exit: false, training: false },
    sourceCases: [],
    reasons: [{ rule: 'H-1', message: 'tab\there, "quotes", back\\slash, line\nbreak' }],
    bonusesFen: 0,
    starPayFen: 0,
    finesFen: 0,
    why: [{ rule: 'H-1', on: 'money', facts: { counts: { cases: 0 } } }],
    ...over,
  });
  const totals = { employees: 1, pointsX10: 25, moneyFen: 7500, branches: 1, p4: 1, p5: 0 };
  const write = (rows: ComputedSettlementRow[]) =>
    s.ds.transaction((tx) => replaceSettlementRows(tx, settlementId, rows, totals));
  const stored = () =>
    s.ds.query(
      `SELECT employee_id, branch_id, points_x10, money_fen::int AS money_fen, grade, source_cases, reasons, why FROM settlement_rows WHERE settlement_id = $1`,
      [settlementId],
    );

  it('H-1 the rows written by COPY read back exactly (JSON with tabs, quotes, backslashes, line breaks; uuid[])', async () => {
    const [{ id: caseId }] = await s.ds.query(
      `INSERT INTO cases (kind, business_key, title, workflow_id, policy_version, flow_version, status) VALUES ('complaint', 'bulk-write-2022-11', 'seeded', 'bulk-write-2022-11', 1, 1, 'closed') RETURNING id`,
    );
    const r = row({ sourceCases: [caseId] });
    await write([r]);
    await write([r]); // a rerun replaces, never adds
    expect(await stored()).toEqual([
      {
        employee_id: employeeId,
        branch_id: branchId,
        points_x10: 25,
        money_fen: 7500,
        grade: 'P4',
        source_cases: [caseId],
        reasons: r.reasons,
        why: r.why,
      },
    ]);
  });

  it('H-1 a row naming an unknown employee, branch or settlement is refused (foreign key error 23503), nothing is written', async () => {
    const unknown = '00000000-0000-4000-8000-00000000dead';
    for (const bad of [row({ employeeId: unknown }), row({ branchId: unknown })])
      await expect(write([bad])).rejects.toMatchObject({ code: '23503' });
    await expect(
      s.ds.query(
        `INSERT INTO settlement_rows (settlement_id, employee_id, points_x10, money_fen) VALUES ($1, $2, 0, 0)`,
        [unknown, employeeId],
      ),
    ).rejects.toMatchObject({ code: '23503' });
    expect(await stored()).toHaveLength(1); // the earlier rows stay
  });

  it('H-1 an employee, branch or settlement named by settlement rows cannot be deleted or change its id; other updates pass', async () => {
    // an employee and a branch that nothing but a settlement row names, made and deleted in one statement (rolled
    // back by the refusal: the shared database keeps nothing)
    const deleteNamed = (table: 'employees' | 'org_units') =>
      s.asOwner(`DO $$
        DECLARE u uuid; e uuid;
        BEGIN
          INSERT INTO org_units (code, name, kind) VALUES ('bulk-write-2022-11', 'bulk write', 'branch') RETURNING id INTO u;
          INSERT INTO employees (code, name, unit_id, post_bonus_fen, employment_type)
            SELECT 'bulk-write-2022-11', 'bulk write', unit_id, 0, 'staff' FROM employees WHERE id = '${employeeId}' RETURNING id INTO e;
          INSERT INTO settlement_rows (settlement_id, employee_id, branch_id, points_x10, money_fen) VALUES ('${settlementId}', e, u, 0, 0);
          DELETE FROM ${table} WHERE id = CASE WHEN '${table}' = 'employees' THEN e ELSE u END;
        END $$`);
    await expect(deleteNamed('employees')).rejects.toThrow(/employees named by settlement rows cannot be deleted/);
    await expect(deleteNamed('org_units')).rejects.toThrow(/org_units named by settlement rows cannot be deleted/);
    await expect(s.asOwner(`DELETE FROM settlements WHERE id = $1`, [settlementId])).rejects.toThrow(
      /settlements named by settlement rows/,
    );
    await expect(
      s.asOwner(`UPDATE settlements SET id = gen_random_uuid() WHERE id = $1`, [settlementId]),
    ).rejects.toThrow(/settlement rows/);
    await s.ds.query(`UPDATE employees SET name = name WHERE id = $1`, [employeeId]);
    await s.ds.query(`UPDATE settlements SET status = 'confirming' WHERE id = $1`, [settlementId]);
  });

  it('H-2 once the settlement is locked its rows cannot be rewritten by the bulk write', async () => {
    await s.ds.query(`UPDATE settlements SET status = 'locked' WHERE id = $1`, [settlementId]);
    await expect(write([row({ pointsX10: 99 })])).rejects.toThrow(/locked/);
    expect((await stored()).map((r: { points_x10: number }) => r.points_x10)).toEqual([25]);
  });
});
