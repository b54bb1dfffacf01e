import ExcelJS from 'exceljs';
import { startTestStack, TestStack } from '../support/stack';

describe('organisation and identity (O-1, O-2)', () => {
  let s: TestStack;
  beforeAll(async () => {
    s = await startTestStack();
  });
  afterAll(async () => {
    await s?.stop();
  });
  const auth = async (u: string) => ({ Authorization: `Bearer ${await s.login(u)}` });
  const header = 'code,name,unitCode,post,postBonusFen,hireDate,jobType,employmentType,supervisorCode,vpCode';

  it('O-1 an import with bad rows imports nothing and lists every bad row with its reason', async () => {
    const csv = [
      header,
      'T001,甲,a-team1,装维员,300000,2024-01-01,装维,staff,,',
      'T002,乙,no-such-unit,装维员,abc,2024-01-01,装维,contract,T999,',
      'T003,,a-team1,x,1,,,staff,,',
    ].join('\n');
    const res = await s.http
      .post('/api/employees/import')
      .set(await auth('hr1'))
      .attach('file', Buffer.from(csv), 'staff.csv');
    expect(res.status).toBe(400);
    const rows = new Set(res.body.details.map((d: { path: string }) => d.path));
    expect([...rows].sort()).toEqual(['row 3', 'row 4']);
    expect(res.body.message).toMatch(/nothing was imported/);
    expect(await s.ds.query(`SELECT 1 FROM employees WHERE code = 'T001'`)).toHaveLength(0);
  });

  it('O-1 a valid xlsx imports all rows with their reporting chain, and re-importing updates them', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('staff');
    ws.addRow(header.split(','));
    ws.addRow(['X001', '班长甲', 'b-team2', '班组长', 400000, '2020-05-01', '装维', 'staff', '', '']);
    for (let i = 2; i <= 300; i++)
      ws.addRow([
        `X${String(i).padStart(3, '0')}`,
        `员工${i}`,
        'b-team2',
        '装维员',
        300000,
        '2023-01-01',
        '装维',
        i % 5 ? 'staff' : 'outsourced',
        'X001',
        '',
      ]);
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const res = await s.http
      .post('/api/employees/import')
      .set(await auth('hr1'))
      .attach('file', buf, 'staff.xlsx');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ imported: 300 });
    const [e] = await s.ds.query(
      `SELECT e.employment_type, s.code AS sup FROM employees e JOIN employees s ON s.id = e.supervisor_id WHERE e.code = 'X005'`,
    );
    expect(e).toEqual({ employment_type: 'outsourced', sup: 'X001' });
    const again = await s.http
      .post('/api/employees/import')
      .set(await auth('hr1'))
      .attach('file', buf, 'staff.xlsx');
    expect(again.body).toEqual({ imported: 300 });
    expect((await s.ds.query(`SELECT count(*)::int AS n FROM employees WHERE code LIKE 'X%'`))[0].n).toBe(300);
    expect(
      (
        await s.http
          .post('/api/employees/import')
          .set(await auth('agent1'))
          .attach('file', buf, 'staff.xlsx')
      ).status,
    ).toBe(403);
  });

  it('O-2 admin creates a user with roles; the new login works; changing roles revokes the old token', async () => {
    const admin = await auth('admin');
    const bad = await s.http
      .post('/api/users')
      .set(admin)
      .send({ username: 'newbie', displayName: '新人', roles: ['wizard'] });
    expect(bad.status).toBe(400);
    expect(bad.body.details[0].path).toBe('roles.0');
    const created = await s.http
      .post('/api/users')
      .set(admin)
      .send({ username: 'newbie', displayName: '新人', roles: ['verifier'], password: 'long-password-1' });
    expect(created.status).toBe(201);
    const token = (await s.http.post('/api/auth/login').send({ username: 'newbie', password: 'long-password-1' })).body
      .accessToken;
    expect((await s.http.get('/api/auth/me').set('Authorization', `Bearer ${token}`)).body.roles).toEqual(['verifier']);
    await s.http
      .put(`/api/users/${created.body.id}`)
      .set(admin)
      .send({ username: 'newbie', displayName: '新人', roles: ['hr'] });
    expect((await s.http.get('/api/auth/me').set('Authorization', `Bearer ${token}`)).status).toBe(401);
    const dup = await s.http
      .post('/api/users')
      .set(admin)
      .send({ username: 'newbie', displayName: 'x', roles: ['hr'], password: 'long-password-1' });
    expect(dup.status).toBe(409);
  });

  it('logout revokes the token', async () => {
    // a user of this file only: revoking a shared demo login would break other files' cached tokens
    const t = (await s.http.post('/api/auth/login').send({ username: 'newbie', password: 'long-password-1' })).body
      .accessToken;
    expect((await s.http.post('/api/auth/logout').set('Authorization', `Bearer ${t}`)).status).toBe(204);
    expect((await s.http.get('/api/cases').set('Authorization', `Bearer ${t}`)).status).toBe(401);
  });

  it('C-11 named notices export as xlsx with Chinese headers', async () => {
    const res = await s.http
      .get('/api/notices/export?format=xlsx')
      .set(await auth('leader1'))
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body);
    expect(wb.worksheets[0].getRow(1).values).toEqual(expect.arrayContaining(['发布时间', '姓名', '扣分']));
    expect((await s.http.get('/api/notices').set(await auth('agent1'))).status).toBe(403);
  });
});
