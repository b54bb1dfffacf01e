import { randomUUID } from 'node:crypto';
import { registerCase } from '@qf/persistence';
import { startTestStack, TestStack } from '../support/stack';

/**
 * Issue 18: the case list's rows are written as JSON by Postgres (caseViewJsonSql), the case page's view by the api
 * (toCaseView + scopedCaseData). For every kind of row the two must be the same view: waiting on users with and
 * without an employee, on an unknown user, on a role; a settlement's totals (org-wide roles only); no creator;
 * timestamps with microseconds; numbers and text JSON writes differently; a workflow id the Temporal link must encode.
 */
describe('case list rows are the case view (issue 18)', () => {
  let s: TestStack;
  const tag = randomUUID().slice(0, 8);
  const ids: string[] = [];
  const bearer = async (u: string) => ({ Authorization: `Bearer ${await s.login(u)}` });

  beforeAll(async () => {
    s = await startTestStack({ TEMPORAL_UI_PORT: '18298' }, { worker: false });
    const [{ policy, flow }] = await s.ds.query(
      `SELECT (SELECT max(version) FROM policy_versions)::int AS policy, (SELECT max(version) FROM flow_versions WHERE kind = 'review')::int AS flow`,
    );
    // a login without an employee (shown by its display name)
    const created = await s.http
      .post('/api/users')
      .set(await bearer('admin'))
      .send({
        username: `listview${tag}`,
        displayName: `列表${tag}`,
        roles: ['employee'],
        employeeId: null,
        password: 'list-view-1',
      });
    expect(created.status).toBe(201);
    const noEmployeeUser = created.body.id as string;
    const add = async (kind: string, key: string, data: unknown, createdBy: string | null, set: string) => {
      const id = (await registerCase(s.ds, {
        kind,
        businessKey: `list-view-${key}-${tag}`,
        title: `列表视图 ${key} "引号" \\ ${tag}`,
        workflowId: `${kind}-list view/${key}?${tag}`,
        policyVersion: policy,
        flowVersion: flow,
        data,
        createdBy,
      }))!;
      await s.asOwner(`UPDATE cases SET ${set} WHERE id = $1`, [id]);
      ids.push(id);
    };
    const [agent, admin] = [s.users.agent1, s.users.admin];
    await add(
      'review',
      'users',
      { description: '1.50', n: 1.5, big: 1e21, nested: { a: [1, 'x', null] } },
      agent,
      `waiting_on = jsonb_build_array(jsonb_build_object('userId', '${agent}'), jsonb_build_object('userId', '${admin}', 'name', 'old'),
        jsonb_build_object('userId', '${noEmployeeUser}'), jsonb_build_object('userId', '${randomUUID()}'), 'text', jsonb_build_object('role', 'hr')),
       waiting_since = '2026-01-02 03:04:05.678901+00', due_at = '2026-01-03 00:00:00.999999+08', created_at = created_at + interval '1.234567 second'`,
    );
    await add(
      'review',
      'role',
      {},
      null,
      `waiting_on = '[{"role": "leadership"}]', status = 'closed', outcome = 'approved'`,
    );
    await add('review', 'none', [1, 2], agent, `waiting_on = 'null', stage = NULL`);
    await add(
      'settlement',
      'totals',
      { month: '2026-01', totals: { fen: 12345, people: 3 }, rows: 3 },
      agent,
      `waiting_on = '[{"role": "hr"}]', stage = 'review'`,
    );
  });
  afterAll(async () => {
    if (ids.length) await s?.asOwner(`DELETE FROM cases WHERE id = ANY($1::uuid[])`, [ids]);
    await s?.stop();
  });

  it.each([
    ['admin (the Temporal link, every total)', 'admin'],
    ['hr (org-wide: totals, no link)', 'hr1'],
    ['the creator (an employee: no totals, no link)', 'agent1'],
  ])('%s: each list row equals the case page view of the same case', async (_, username) => {
    const auth = await bearer(username);
    const list = await s.http
      .get('/api/cases')
      .query({ filter: JSON.stringify({ q: tag }), range: JSON.stringify([0, 24]) })
      .set(auth);
    expect(list.status).toBe(200);
    expect(list.headers['content-type']).toMatch(/^application\/json/);
    const visible = username === 'agent1' ? 3 : 4; // the case without a creator is the creator's no more
    expect(list.headers['content-range']).toBe(`cases 0-${visible - 1}/${visible}`);
    expect(list.body).toHaveLength(visible);
    for (const row of list.body) {
      const page = await s.http.get(`/api/cases/${row.id}`).set(auth);
      expect(page.status).toBe(200);
      const view = Object.fromEntries(Object.keys(row).map((k) => [k, page.body[k]]));
      expect(Object.keys(row).sort()).toEqual(
        Object.keys(page.body)
          .filter((k) => !['tasks', 'timeline', 'names', 'flow'].includes(k))
          .sort(),
      );
      expect(row).toStrictEqual(view);
    }
    const settlement = list.body.find((c: { kind: string }) => c.kind === 'settlement');
    expect('totals' in settlement.data).toBe(username !== 'agent1');
    const users = list.body.find((c: { businessKey: string }) => c.businessKey === `list-view-users-${tag}`);
    expect(users.waitingOn.map((w: { name?: string }) => w.name ?? null)).toEqual([
      expect.stringMatching(/（.+）$/),
      expect.stringMatching(/（.+）$/),
      `列表${tag}`,
      null,
      null,
      null,
    ]);
    expect(users.waitingSince).toBe('2026-01-02T03:04:05.678Z');
    expect(users.temporalUrl).toBe(
      username === 'admin'
        ? `http://localhost:18298/namespaces/default/workflows/${encodeURIComponent(users.workflowId)}`
        : null,
    );
  });
});
