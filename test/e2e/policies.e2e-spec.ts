import { startTestStack, TestStack } from '../support/stack';

/** Policy and flow drafts: a label (名称/说明), an author (姓名（工号）, from the caller), and deletion of drafts only. */
describe('versions: labelled drafts, author, delete', () => {
  let s: TestStack;
  let admin: { Authorization: string };
  let authorName: string;
  beforeAll(async () => {
    s = await startTestStack({}, { worker: false });
    admin = { Authorization: `Bearer ${await s.login('admin')}` };
    const [e] = await s.ds.query(
      `SELECT e.name, e.code FROM users u JOIN employees e ON e.id = u.employee_id WHERE u.username = 'admin'`,
    );
    authorName = `${e.name}（${e.code}）`;
  });
  afterAll(async () => {
    await s?.stop();
  });

  it('policy: a labelled draft records its author; a draft is deleted (204), a published version is not (409); others get 403', async () => {
    const v1 = (await s.http.get('/api/policies/1').set(admin)).body;
    const created = await s.http
      .post('/api/policies')
      .set(admin)
      .send({ body: v1.body, effectiveFrom: null, label: '2027 年投诉扣分调整', description: '申诉期延长' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      status: 'draft',
      label: '2027 年投诉扣分调整',
      description: '申诉期延长',
      authorId: s.users.admin,
      author: authorName,
    });
    const id = created.body.id;
    // the label is edited with the body; omitted, it stays
    const edited = await s.http
      .put(`/api/policies/${id}`)
      .set(admin)
      .send({ body: v1.body, effectiveFrom: '2099-01-01', label: '2027 年调整（修订）' });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({
      label: '2027 年调整（修订）',
      description: '申诉期延长',
      effectiveFrom: '2099-01-01',
    });
    const listed = await s.http.get('/api/policies').set(admin);
    expect(listed.body.find((p: { id: number }) => p.id === id)).toMatchObject({
      label: '2027 年调整（修订）',
      author: authorName,
    });
    const tooLong = await s.http
      .post('/api/policies')
      .set(admin)
      .send({ body: v1.body, label: '名'.repeat(61) });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.details).toEqual([expect.objectContaining({ path: 'label' })]);

    expect((await s.http.delete(`/api/policies/${id}`).set(await auth('hr1'))).status).toBe(403);
    expect((await s.http.delete(`/api/policies/${id}`).set(admin)).status).toBe(204);
    expect((await s.http.get(`/api/policies/${id}`).set(admin)).status).toBe(404);
    expect((await s.http.delete(`/api/policies/${id}`).set(admin)).status).toBe(404);
    const published = await s.http.delete('/api/policies/1').set(admin);
    expect(published.status).toBe(409);
    expect((await s.http.get('/api/policies/1').set(admin)).body.status).toBe('published');
    const [audit] = await s.ds.query(`SELECT actor FROM audit_log WHERE action = 'policy.deleted' AND entity_id = $1`, [
      String(id),
    ]);
    expect(audit).toEqual({ actor: 'admin' });
  });

  it('flow: a labelled draft records its author; a draft is deleted (204), a published version is not (409); others get 403', async () => {
    const v1 = (await s.http.get('/api/flows/review-v1').set(admin)).body;
    const created = await s.http
      .post('/api/flows')
      .set(admin)
      .send({ kind: 'review', stages: v1.stages, label: '审批加急', description: '缩短期限' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      kind: 'review',
      status: 'draft',
      label: '审批加急',
      description: '缩短期限',
      author: authorName,
    });
    const id = created.body.id;
    expect(
      (await s.http.put(`/api/flows/${id}`).set(admin).send({ stages: v1.stages, description: '缩短期限至 1 天' }))
        .body,
    ).toMatchObject({ label: '审批加急', description: '缩短期限至 1 天' });
    expect((await s.http.delete(`/api/flows/${id}`).set(await auth('leader1'))).status).toBe(403);
    expect((await s.http.delete(`/api/flows/${id}`).set(admin)).status).toBe(204);
    expect((await s.http.get(`/api/flows/${id}`).set(admin)).status).toBe(404);
    expect((await s.http.delete('/api/flows/review-v1').set(admin)).status).toBe(409);
  });

  const auth = async (u: string) => ({ Authorization: `Bearer ${await s.login(u)}` });
});
