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

  it('policy and flow drafts are read by admins only: others see published versions and get 404 for a draft', async () => {
    const v1 = (await s.http.get('/api/policies/1').set(admin)).body;
    const draft = await s.http.post('/api/policies').set(admin).send({ body: v1.body, label: '草稿可见性' });
    expect(draft.status).toBe(201);
    const flowV1 = (await s.http.get('/api/flows/review-v1').set(admin)).body;
    const flowDraft = await s.http.post('/api/flows').set(admin).send({ kind: 'review', stages: flowV1.stages });
    expect(flowDraft.status).toBe(201);
    for (const user of ['agent1', 'hr1', 'leader1']) {
      const h = await auth(user);
      const list = await s.http.get('/api/policies').query({ range: '[0,999]' }).set(h);
      expect(list.status).toBe(200);
      expect(list.body.length).toBeGreaterThan(0);
      expect(list.body.every((p: { status: string }) => p.status === 'published')).toBe(true);
      expect(Number(list.headers['content-range'].split('/')[1])).toBe(list.body.length);
      const missing = await s.http.get('/api/policies/999999').set(h);
      const hidden = await s.http.get(`/api/policies/${draft.body.id}`).set(h);
      expect([hidden.status, hidden.body.code]).toEqual([404, missing.body.code]);
      expect((await s.http.get(`/api/policies/1/diff/${draft.body.id}`).set(h)).status).toBe(404);
      expect((await s.http.get(`/api/flows/${flowDraft.body.id}`).set(h)).status).toBe(404);
      const flows = await s.http.get('/api/flows').query({ range: '[0,999]' }).set(h);
      expect(flows.body.every((f: { status: string }) => f.status === 'published')).toBe(true);
    }
    expect((await s.http.get(`/api/policies/${draft.body.id}`).set(admin)).status).toBe(200);
    const all = await s.http.get('/api/policies').query({ range: '[0,999]' }).set(admin);
    expect(all.body.map((p: { id: number }) => p.id)).toContain(draft.body.id);
  });

  it('a new policy draft needs an explicit body or a version to copy: {} is a 400 naming body and creates nothing', async () => {
    const count = async () => (await s.ds.query(`SELECT count(*)::int AS n FROM policy_versions`))[0].n as number;
    const before = await count();
    const empty = await s.http.post('/api/policies').set(admin).send({});
    expect(empty.status).toBe(400);
    expect(empty.body.details).toEqual([expect.objectContaining({ path: 'body' })]);
    expect((await s.http.post('/api/policies').set(admin).send({ body: {} })).status).toBe(400);
    expect((await s.http.post('/api/policies').set(admin).send({ from: 999999 })).status).toBe(400);
    expect(await count()).toBe(before);
    const copy = await s.http.post('/api/policies').set(admin).send({ from: 1, label: '复制 v1' });
    expect(copy.status).toBe(201);
    expect(copy.body).toMatchObject({ status: 'draft', label: '复制 v1' });
    expect(copy.body.body).toEqual((await s.http.get('/api/policies/1').set(admin)).body.body);
    expect(await count()).toBe(before + 1);
  });

  const auth = async (u: string) => ({ Authorization: `Bearer ${await s.login(u)}` });
});
