import { randomUUID } from 'node:crypto';
import { eventually, startTestStack, TestStack } from '../support/stack';
import { whatIf } from '../support/what-if';

// months no other spec records facts for: the e2e layer shares one database
const STAR_MONTH = '2024-05'; // first half: S-10 alone
const STAR_MONTH_H2 = '2024-08'; // second half: the 2024 June exam factor applies (S-12)
const REPAIR_MONTH = '2024-03';
const CARD_MONTH = '2024-02';

describe('what-if beyond the settlement: star pay, repairer scores, scorecards (issue 16)', () => {
  let s: TestStack;
  let template: { unit_id: string; post_bonus_fen: number };
  let branchId: string;
  beforeAll(async () => {
    s = await startTestStack();
    [template] = await s.ds.query(
      `SELECT e.unit_id, e.post_bonus_fen FROM users u JOIN employees e ON e.id = u.employee_id WHERE u.username = 'agent1'`,
    );
    [{ id: branchId }] = await s.ds.query(`SELECT id FROM org_units WHERE kind = 'branch' ORDER BY code LIMIT 1`);
  });
  afterAll(async () => {
    await s?.stop();
  });
  const auth = async (u: string) => ({ Authorization: `Bearer ${await s.login(u)}` });

  /** a person of this spec alone */
  async function person(name: string, unitId = template.unit_id): Promise<{ id: string; code: string; name: string }> {
    const code = `R${randomUUID().slice(0, 6).toUpperCase()}`;
    const [r] = await s.ds.query(
      `INSERT INTO employees (code, name, unit_id, post_bonus_fen) VALUES ($1, $2, $3, $4) RETURNING id, code, name`,
      [code, name, unitId, template.post_bonus_fen],
    );
    return r;
  }
  async function team(name: string): Promise<string> {
    const [r] = await s.ds.query(
      `INSERT INTO org_units (parent_id, code, name, kind) VALUES ($1, $2, $3, 'team') RETURNING id`,
      [branchId, `T${randomUUID().slice(0, 6).toUpperCase()}`, name],
    );
    return r.id;
  }
  async function starMonth(employeeId: string, month: string, level: number, score: number) {
    await s.ds.query(
      `INSERT INTO star_monthly (employee_id, month, level, score, veto, percent, outcome, pay_fen, message)
       VALUES ($1, $2, $3, $4, false, 0, 'seeded', 0, 'seeded')`,
      [employeeId, month, level, score],
    );
  }
  /**
   * the recorded results the simulation must never touch — of this spec's months (no other spec uses them; the layer's
   * other specs write the same tables in the same database while this one runs)
   */
  const recorded = async () =>
    (
      await s.ds.query(
        `SELECT (SELECT md5(COALESCE(string_agg(m::text, '|' ORDER BY m.employee_id, m.month), '')) FROM star_monthly m WHERE m.month = ANY($1)) AS stars,
                (SELECT md5(COALESCE(string_agg(v::text, '|' ORDER BY v.id), '')) FROM evaluations v JOIN work_orders o ON o.id = v.order_id
                  WHERE to_char(o.closed_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') = ANY($1)) AS evaluations,
                (SELECT md5(COALESCE(string_agg(r::text, '|' ORDER BY r::text), '')) FROM scorecard_results r WHERE r.month = ANY($1)) AS cards,
                (SELECT md5(COALESCE(string_agg(l::text, '|' ORDER BY l.id), '')) FROM ledger_entries l WHERE l.month = ANY($1)) AS ledger`,
        [[STAR_MONTH, STAR_MONTH_H2, REPAIR_MONTH, CARD_MONTH]],
      )
    )[0];

  const { base, draft, simulate } = whatIf(() => s);

  it('S-10 a draft raising the 2-star pay moves only the 2-star holder paid that month, by the raise × the month’s percent; the cancelled 2-star holder and the 1- and 3-star holders do not move', async () => {
    const one = await person('星薪甲');
    const two = await person('星薪乙');
    const twoCancelled = await person('星薪丙');
    const three = await person('星薪丁');
    await starMonth(one.id, STAR_MONTH, 1, 96);
    await starMonth(two.id, STAR_MONTH, 2, 90); // S-10: 85–94 → pay × 90%
    await starMonth(twoCancelled.id, STAR_MONTH, 2, 80); // ≤ 84 → cancelled
    await starMonth(three.id, STAR_MONTH, 3, 97);
    const before = await recorded();
    const v = await draft((b) => ({
      ...b,
      stars: { ...b.stars, monthlyPayFen: { ...b.stars.monthlyPayFen, '2': b.stars.monthlyPayFen['2'] + 10000 } },
    }));
    const sim = await simulate(v, [STAR_MONTH]);
    const mine = new Set([one.id, two.id, twoCancelled.id, three.id]);
    const rows = sim.results.filter((r: any) => r.kind === 'star-pay' && mine.has(r.subjectId));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      month: STAR_MONTH,
      scope: 'person',
      subjectId: two.id,
      subject: `${two.name}（${two.code}）`,
      valueBefore: 90,
      valueAfter: 90,
      moneyBeforeFen: 18000,
      moneyAfterFen: 27000,
      moneyDeltaFen: 9000,
    });
    expect(sim.summary.starPayChanged).toBeGreaterThanOrEqual(1);
    expect(sim.summary).toMatchObject({ changed: 0, repairerScoresChanged: 0, scorecardsChanged: 0 });
    expect(await recorded()).toEqual(before);
  });

  it('S-12 a draft raising the top June exam factor moves only the holder whose June exam reached that bracket, in the second half year only', async () => {
    const top = await person('六月甲');
    const second = await person('六月乙');
    for (const [p, june] of [
      [top, 96],
      [second, 91],
    ] as const) {
      await s.ds.query(`INSERT INTO star_june_exams (employee_id, year, score, rank) VALUES ($1, 2024, $2, 1)`, [
        p.id,
        june,
      ]);
      await starMonth(p.id, STAR_MONTH_H2, 1, 100);
    }
    const v = await draft((b) => ({
      ...b,
      stars: {
        ...b.stars,
        juneExamBrackets: b.stars.juneExamBrackets.map((x: any) => (x.minScore === 95 ? { ...x, payPercent: 140 } : x)),
      },
    }));
    const sim = await simulate(v, [STAR_MONTH, STAR_MONTH_H2]);
    const mine = new Set([top.id, second.id]);
    const rows = sim.results.filter((r: any) => r.kind === 'star-pay' && mine.has(r.subjectId));
    expect(rows).toHaveLength(1);
    // 1 star: 100 CNY × 100% × the June factor 130% → 140%
    expect(rows[0]).toMatchObject({
      month: STAR_MONTH_H2,
      subjectId: top.id,
      moneyBeforeFen: 13000,
      moneyAfterFen: 14000,
    });
    expect(rows[0].detailBefore).toMatchObject({ juneFactorPercent: 130 });
    expect(rows[0].detailAfter).toMatchObject({ juneFactorPercent: 140 });
  });

  it('E-5 a draft raising the volume factor moves each repairer scored that month by orders × the difference, and nobody scored in another month', async () => {
    const teamId = await team('模拟维修班');
    const r1 = await person('维修甲', teamId);
    const r2 = await person('维修乙', teamId);
    const other = await person('维修丙', teamId);
    const evaluate = async (repairerId: string, day: string, score: number | null) => {
      const [o] = await s.ds.query(
        `INSERT INTO work_orders (order_no, repairer_id, team_unit_id, closed_at) VALUES ($1, $2, $3, $4) RETURNING id`,
        [`SIM-${randomUUID().slice(0, 8)}`, repairerId, teamId, `${day}T08:00:00+08:00`],
      );
      await s.ds.query(
        `INSERT INTO evaluations (order_id, kind, evaluate_on, due_at, choice, score, answered_at)
         VALUES ($1, 'foreman', $2, $3, $4, $5, $6)`,
        [
          o.id,
          day,
          `${day}T18:00:00+08:00`,
          score === null ? null : score === 10 ? 'satisfied' : score === 8 ? 'basic' : 'dissatisfied',
          score,
          score === null ? null : `${day}T10:00:00+08:00`,
        ],
      );
    };
    await evaluate(r1.id, `${REPAIR_MONTH}-05`, 10);
    await evaluate(r1.id, `${REPAIR_MONTH}-06`, 8);
    await evaluate(r1.id, `${REPAIR_MONTH}-07`, 10);
    await evaluate(r2.id, `${REPAIR_MONTH}-09`, 6);
    await evaluate(r2.id, `${REPAIR_MONTH}-10`, null); // not answered: not counted
    await evaluate(other.id, '2024-04-02', 10); // another month
    const v = await draft((b) => ({ ...b, evaluation: { ...b.evaluation, volumeFactor: 0.25 } }));
    const sim = await simulate(v, [REPAIR_MONTH]);
    const rows = sim.results.filter((r: any) => r.kind === 'repairer-score');
    const by = Object.fromEntries(rows.map((r: any) => [r.subjectId, r]));
    expect(Object.keys(by).filter((id) => [r1.id, r2.id, other.id].includes(id))).toEqual(
      expect.arrayContaining([r1.id, r2.id]),
    );
    expect(by[other.id]).toBeUndefined();
    // (28 ÷ 3 = 9.33) + 3 × 0.15 → + 3 × 0.25; (6 ÷ 1) + 1 × 0.15 → + 1 × 0.25
    expect(by[r1.id]).toMatchObject({ valueBefore: 9.78, valueAfter: 10.08, unitId: teamId, unit: '模拟维修班' });
    expect(by[r1.id].detailAfter).toMatchObject({ count: 3, average: 9.33, volumeBonus: 0.75 });
    expect(by[r2.id]).toMatchObject({ valueBefore: 6.15, valueAfter: 6.25 });
    expect(sim.summary.repairerScoresChanged).toBe(rows.length);
  });

  it('K-3 a draft doubling the retention weight on the account-manager card moves only the teams with a retention value above the floor', async () => {
    const above = await team('模拟片站甲');
    const below = await team('模拟片站乙');
    const none = await team('模拟片站丙');
    for (const [id, value] of [
      [above, 78],
      [below, 76], // under the floor 77: 0 under either weight
    ] as const)
      await s.ds.query(
        `INSERT INTO kpi_values (month, figure, scope, subject_id, value) VALUES ($1, 'subscriber-retention', 'unit', $2, $3)`,
        [CARD_MONTH, id, value],
      );
    const v = await draft((b) => ({
      ...b,
      kpi: {
        ...b.kpi,
        scorecards: b.kpi.scorecards.map((c: any) =>
          c.key !== 'account-manager'
            ? c
            : {
                ...c,
                indicators: c.indicators.map((i: any) => (i.key === 'retention' ? { ...i, weight: i.weight * 2 } : i)),
              },
        ),
      },
    }));
    const before = await recorded();
    const sim = await simulate(v, [CARD_MONTH]);
    const mine = new Set([above, below, none]);
    const rows = sim.results.filter((r: any) => r.kind === 'scorecard' && mine.has(r.subjectId));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ card: 'account-manager', scope: 'unit', subjectId: above, subject: '模拟片站甲' });
    // K-3 linear with floor: weight × min(1, 78 ÷ 80) → 10 × 0.975 = 9.75 → 20 × 0.975 = 19.5; the other indicators as they were
    expect(Math.round((rows[0].valueAfter - rows[0].valueBefore) * 100) / 100).toBe(9.75);
    const retention = (d: any) => d.indicators.find((i: any) => i.key === 'retention').score;
    expect([retention(rows[0].detailBefore), retention(rows[0].detailAfter)]).toEqual([9.75, 19.5]);
    expect(sim.summary.scorecardsChanged).toBeGreaterThanOrEqual(1);
    expect(sim.summary.finesDeltaFen).toBe(0);
    expect(await recorded()).toEqual(before);
  });
});
