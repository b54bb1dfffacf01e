import * as argon2 from 'argon2';
import { DataSource } from 'typeorm';
import { DEFAULT_FLOWS, defaultPolicy } from '@qf/policy';

/** Reference data every installation needs: policy v1 and flow v1 per kind, published. Idempotent. */
export async function seedReference(ds: DataSource): Promise<void> {
  await ds.query(
    `INSERT INTO policy_versions (version, status, effective_from, body, published_at)
     VALUES (1, 'published', '2026-01-01', $1, now()) ON CONFLICT (version) DO NOTHING`,
    [JSON.stringify(defaultPolicy())],
  );
  for (const flow of DEFAULT_FLOWS) {
    await ds.query(
      `INSERT INTO flow_versions (kind, version, status, body, published_at)
       VALUES ($1, $2, 'published', $3, now()) ON CONFLICT (kind, version) DO NOTHING`,
      [flow.kind, flow.version, JSON.stringify(flow)],
    );
  }
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗'.split('');
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂'.split('');

interface DemoLogin {
  username: string;
  displayName: string;
  roles: string[];
  unit: string;
  post: string;
}

/** The demo logins of API.md (password "demo"), development mode only. */
export const DEMO_LOGINS: DemoLogin[] = [
  { username: 'admin', displayName: '系统管理员', roles: ['admin', 'employee'], unit: 'city', post: '系统管理员' },
  { username: 'verifier1', displayName: '核实员一', roles: ['verifier', 'employee'], unit: 'city', post: '核实专员' },
  { username: 'verifier2', displayName: '核实员二', roles: ['verifier', 'employee'], unit: 'city', post: '核实专员' },
  {
    username: 'ruling1',
    displayName: '认定组长',
    roles: ['ruling-lead', 'employee'],
    unit: 'city',
    post: '工作组组长',
  },
  { username: 'leader1', displayName: '领导小组一', roles: ['leadership', 'employee'], unit: 'city', post: '副总经理' },
  { username: 'leader2', displayName: '领导小组二', roles: ['leadership', 'employee'], unit: 'city', post: '副总经理' },
  { username: 'hr1', displayName: '人力专员', roles: ['hr', 'employee'], unit: 'city', post: '人力资源专员' },
  ...[1, 2, 3, 4, 5].map((i) => ({
    username: `committee${i}`,
    displayName: `评定委员${i}`,
    roles: ['committee', 'employee'],
    unit: 'city',
    post: '部门负责人',
  })),
  {
    username: 'branchhead1',
    displayName: '东城分公司经理',
    roles: ['branch-head', 'employee'],
    unit: 'a-branch',
    post: '分公司经理',
  },
  {
    username: 'branchhead2',
    displayName: '西城分公司经理',
    roles: ['branch-head', 'employee'],
    unit: 'b-branch',
    post: '分公司经理',
  },
  { username: 'teamlead1', displayName: '班组长一', roles: ['team-lead', 'employee'], unit: 'a-team1', post: '班组长' },
  { username: 'teamlead2', displayName: '班组长二', roles: ['team-lead', 'employee'], unit: 'b-team1', post: '班组长' },
  {
    username: 'dispatcher1',
    displayName: '调度员',
    roles: ['dispatcher', 'employee'],
    unit: 'a-team1',
    post: '调度员',
  },
  { username: 'manager1', displayName: '管理人员', roles: ['manager', 'employee'], unit: 'a-branch', post: '管理人员' },
  { username: 'foreman1', displayName: '工长', roles: ['foreman', 'employee'], unit: 'a-team1', post: '工长' },
  {
    username: 'hotlinelead1',
    displayName: '热线班长',
    roles: ['team-lead', 'employee'],
    unit: 'a-hotline',
    post: '热线班长',
  },
  ...[1, 2, 3].map((i) => ({
    username: `agent${i}`,
    displayName: `客服${i}`,
    roles: ['employee'],
    unit: 'a-hotline',
    post: '热线客服',
  })),
  {
    username: 'quality1',
    displayName: '质量管理专员',
    roles: ['quality', 'employee'],
    unit: 'city',
    post: '质量管理部专员',
  },
];

/** Demo org (city company, 2 county branches, halls and teams, ~60 employees) and logins. Idempotent. */
export async function seedDemo(ds: DataSource): Promise<boolean> {
  const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM users`);
  if (n > 0) return false;
  await ds.transaction(async (tx) => {
    const unitIds = new Map<string, string>();
    const addUnit = async (code: string, name: string, kind: string, parent?: string) => {
      const [row] = await tx.query(
        `INSERT INTO org_units (code, name, kind, parent_id) VALUES ($1,$2,$3,$4)
         ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name RETURNING id`,
        [code, name, kind, parent ? unitIds.get(parent) : null],
      );
      unitIds.set(code, row.id);
    };
    await addUnit('city', '市分公司', 'company');
    await addUnit('a-hotline', '客服热线中心', 'centre', 'city');
    for (const [b, name] of [
      ['a', '东城县分公司'],
      ['b', '西城县分公司'],
    ]) {
      await addUnit(`${b}-branch`, name, 'branch', 'city');
      await addUnit(`${b}-hall`, `${name}营业厅`, 'hall', `${b}-branch`);
      await addUnit(`${b}-team1`, `${name}装维一班`, 'team', `${b}-branch`);
      await addUnit(`${b}-team2`, `${name}装维二班`, 'team', `${b}-branch`);
    }
    const vp = await addEmployee(tx, 'E0001', '赵副总', unitIds.get('city')!, '分管副总', 'staff', null, null);
    const heads = new Map<string, string>();
    for (const b of ['a', 'b']) {
      heads.set(
        b,
        await addEmployee(
          tx,
          `E00${b === 'a' ? '02' : '03'}`,
          b === 'a' ? '钱主任' : '孙主任',
          unitIds.get(`${b}-branch`)!,
          '分公司经理',
          'staff',
          null,
          vp,
        ),
      );
    }
    const hash = await argon2.hash('demo', { type: argon2.argon2id });
    let seq = 10;
    for (const login of DEMO_LOGINS) {
      const branch = login.unit.startsWith('b-') ? 'b' : 'a';
      const employeeId = await addEmployee(
        tx,
        `E${String(seq++).padStart(4, '0')}`,
        login.displayName,
        unitIds.get(login.unit)!,
        login.post,
        'staff',
        heads.get(branch)!,
        vp,
      );
      await tx.query(
        `INSERT INTO users (username, display_name, password_hash, roles, employee_id) VALUES ($1,$2,$3,$4,$5)
         ON CONFLICT (username) DO NOTHING`,
        [login.username, login.displayName, hash, login.roles, employeeId],
      );
    }
    const units = ['a-hall', 'a-team1', 'a-team2', 'b-hall', 'b-team1', 'b-team2', 'a-hotline'];
    for (let i = 0; seq < 70; i++) {
      const unit = units[i % units.length];
      const branch = unit.startsWith('b-') ? 'b' : 'a';
      const name =
        SURNAMES[i % SURNAMES.length] + GIVEN[(i * 7) % GIVEN.length] + (i >= 20 ? GIVEN[(i * 3) % GIVEN.length] : '');
      const type = i % 9 === 0 ? 'outsourced' : i % 7 === 0 ? 'temporary' : 'staff';
      await addEmployee(
        tx,
        `E${String(seq++).padStart(4, '0')}`,
        name,
        unitIds.get(unit)!,
        unit.endsWith('hall') ? '营业员' : unit.endsWith('hotline') ? '热线客服' : '装维员',
        type,
        heads.get(branch)!,
        vp,
      );
    }
    // the hotline centre: 47 agents in all (S-5 quotas 14 / 4 / 1), some with stars from earlier campaigns
    const [{ agents }] = await tx.query(`SELECT count(*)::int AS agents FROM employees WHERE job_type = '热线客服'`);
    for (let i = 0; i < 47 - agents; i++) {
      const name =
        SURNAMES[(i * 5) % SURNAMES.length] + GIVEN[(i * 11) % GIVEN.length] + GIVEN[(i * 13 + 3) % GIVEN.length];
      await addEmployee(
        tx,
        `H${String(i + 1).padStart(4, '0')}`,
        name,
        unitIds.get('a-hotline')!,
        '热线客服',
        i % 6 === 0 ? 'outsourced' : 'staff',
        null,
        vp,
      );
    }
    const employeeOf = async (username: string) =>
      (await tx.query(`SELECT employee_id FROM users WHERE username = $1`, [username]))[0].employee_id as string;
    const award = async (employeeId: string, year: number, from: number, to: number) => {
      await tx.query(
        `INSERT INTO star_history (employee_id, effective_from, from_level, to_level, kind, reason, rule, actor, ref, idempotency_key)
         VALUES ($1, $2, $3, $4, 'award', $5, 'S-9', 'seed', 'demo', $6) ON CONFLICT (idempotency_key) DO NOTHING`,
        [employeeId, `${year}-10-20`, from, to, `${year} 年星级评定授予 ${to} 星`, `seed:${employeeId}:${year}`],
      );
      await tx.query(
        `INSERT INTO star_holders (employee_id, level, since) VALUES ($1, $2, $3)
        ON CONFLICT (employee_id) DO UPDATE SET level = EXCLUDED.level, since = EXCLUDED.since`,
        [employeeId, to, `${year}-10-20`],
      );
    };
    await award(await employeeOf('agent2'), 2024, 0, 1);
    await award(await employeeOf('agent3'), 2024, 0, 1);
    await award(await employeeOf('agent3'), 2025, 1, 2);
  });
  return true;
}

async function addEmployee(
  tx: { query: (sql: string, params?: unknown[]) => Promise<any> },
  code: string,
  name: string,
  unitId: string,
  post: string,
  type: string,
  supervisorId: string | null,
  vpId: string | null,
): Promise<string> {
  const bonus = post.includes('副总') ? 800000 : post.includes('经理') ? 600000 : 300000;
  const [row] = await tx.query(
    `INSERT INTO employees (code, name, unit_id, post, post_bonus_fen, hire_date, job_type, employment_type, supervisor_id, vp_id)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)
     ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name RETURNING id`,
    [code, name, unitId, post, bonus, '2022-03-01', post, type, supervisorId, vpId],
  );
  return row.id;
}
