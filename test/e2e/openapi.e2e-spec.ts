import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { undocumentedOperations } from '../../apps/api/src/openapi/document';
import { eventually, startTestStack, TestStack } from '../support/stack';

/* eslint-disable @typescript-eslint/no-explicit-any */

/**
 * Issue 12: an OpenAPI document a client can be generated from. Every operation Nest serves is in the zod registry
 * (a body schema for each POST/PUT with a body, a 2xx answer schema), and real answers — 2xx and errors, as an admin
 * and as an employee — validate against the served document (Ajv 8, JSON Schema 2020-12 as OpenAPI 3.1 uses, with
 * ajv-formats for uuid / date-time / date).
 */
describe('OpenAPI: complete, and real answers match it', () => {
  let s: TestStack;
  let doc: any;
  let ajv: Ajv2020;
  const seen = new Map<string, Set<number>>();

  beforeAll(async () => {
    s = await startTestStack();
    doc = (await s.http.get('/api/docs-json')).body;
    ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addFormat('binary', true);
    ajv.addSchema(doc, 'qf-openapi');
  });
  afterAll(() => s?.stop());

  const pointer = (...parts: string[]) =>
    'qf-openapi#/' + parts.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');

  /** The operation of the document a concrete path answers (`/api/cases/<uuid>` → `/api/cases/{id}`). */
  function operationOf(method: string, url: string): { template: string; op: any } {
    const path = url.split('?')[0];
    const templates = Object.keys(doc.paths).filter((t) => doc.paths[t][method]);
    // literal segments win over parameters (`/api/policies/current` before `/api/policies/{id}`)
    const matches = templates
      .filter((t) => new RegExp('^' + t.replace(/\{\w+\}/g, '[^/]+') + '$').test(path))
      .sort((a, b) => (a.match(/\{/g)?.length ?? 0) - (b.match(/\{/g)?.length ?? 0));
    if (!matches.length) throw new Error(`${method.toUpperCase()} ${path} is not in the OpenAPI document`);
    return { template: matches[0], op: doc.paths[matches[0]][method] };
  }

  /** Checks one real answer against the document: a documented status, the body by its schema, list headers. */
  function conforms(method: string, url: string, res: Response): Response {
    const { template, op } = operationOf(method, url);
    const status = String(res.status);
    const key = op.responses[status] ? status : op.responses[`${status[0]}XX`] ? `${status[0]}XX` : null;
    const label = `${method.toUpperCase()} ${url} → ${status}`;
    expect([label, key]).toEqual([label, expect.any(String)]);
    const response = op.responses[key!];
    const name = `${method.toUpperCase()} ${template}`;
    seen.set(name, (seen.get(name) ?? new Set()).add(res.status));
    const json = response.content?.['application/json'];
    if (json) {
      const validate =
        ajv.getSchema(pointer('paths', template, method, 'responses', key!, 'content', 'application/json', 'schema')) ??
        ajv.compile({
          $ref: pointer('paths', template, method, 'responses', key!, 'content', 'application/json', 'schema'),
        });
      const ok = validate(res.body);
      expect([label, ok ? [] : validate.errors?.slice(0, 5)]).toEqual([label, []]);
    } else if (!response.content) {
      expect([label, res.text ?? '']).toEqual([label, '']);
    }
    const range = response.headers?.['Content-Range'];
    if (range)
      expect([label, res.headers['content-range']]).toEqual([label, expect.stringMatching(range.schema.pattern)]);
    return res;
  }

  const auth = async (user: string) => ({ Authorization: `Bearer ${await s.login(user)}` });
  const get = async (user: string, url: string) => conforms('get', url, await s.http.get(url).set(await auth(user)));
  const send = async (user: string, method: 'post' | 'put', url: string, body?: object) =>
    conforms(
      method,
      url,
      await s.http[method](url)
        .set(await auth(user))
        .send(body ?? {}),
    );

  it('every operation Nest serves has a registry entry: a body schema for each POST/PUT with a body, a 2xx answer', () => {
    const nest = SwaggerModule.createDocument(s.app, new DocumentBuilder().addBearerAuth().build());
    expect(undocumentedOperations(nest)).toEqual([]);
    expect(doc.openapi).toBe('3.1.0');
    for (const [path, item] of Object.entries<any>(doc.paths))
      for (const [method, op] of Object.entries<any>(item)) {
        const label = `${method.toUpperCase()} ${path}`;
        const ok = Object.keys(op.responses).filter((k) => /^2\d\d$/.test(k));
        expect([label, ok.length > 0]).toEqual([label, true]);
        for (const k of ok)
          if (k !== '204')
            expect([label, k, Object.keys(op.responses[k].content ?? {}).length > 0]).toEqual([label, k, true]);
        expect([label, op.responses['400']?.content['application/json'].schema]).toEqual([
          label,
          { $ref: '#/components/schemas/ApiErrorBody' },
        ]);
        for (const p of op.parameters ?? []) expect([label, p.name, !!p.schema]).toEqual([label, p.name, true]);
      }
    // lists describe sort / range / filter, path ids their format
    const cases = doc.paths['/api/cases'].get.parameters.map((p: any) => p.name);
    expect(cases).toEqual(expect.arrayContaining(['sort', 'range', 'filter']));
    expect(doc.paths['/api/cases/{id}'].get.parameters[0].schema).toEqual({ type: 'string', format: 'uuid' });
    expect(doc.paths['/api/policies/{id}'].get.parameters[0].schema).toMatchObject({
      type: 'integer',
      maximum: 2147483647,
    });
    expect(doc.components.schemas.ApiErrorBody.required).toEqual(
      expect.arrayContaining(['statusCode', 'error', 'message', 'code']),
    );
  });

  it('real answers of every list and detail and the main writes, as an admin and as an employee, match the document', async () => {
    const admin = 'admin';
    const employee = 'agent1';
    const month = '2025-03';
    // --- writes (admin), each answer checked
    const units = (await get(admin, '/api/org-units?range=[0,99]')).body as { id: string; kind: string }[];
    const team = units.find((u) => u.kind === 'team')!.id;
    const hall = units.find((u) => u.kind === 'hall')!.id;
    const employees = (await get(admin, '/api/employees?range=[0,9]')).body as { id: string }[];
    const reviewCase = await send(admin, 'post', '/api/cases', { title: `接口文档检查 ${randomUUID().slice(0, 6)}` });
    expect(reviewCase.status).toBe(201);
    const complaint = await send(admin, 'post', '/api/complaints', {
      source: 'hotline-work-order',
      workOrderNo: `WO-${randomUUID().slice(0, 8)}`,
      customer: '李先生',
      channel: '10000',
      occurredAt: '2025-03-02T08:00:00+08:00',
      description: '装机人员未按约定时间上门',
      unitId: hall,
      employeeIds: [employees[0].id],
    });
    expect(complaint.status).toBe(201);
    const order = await send(admin, 'post', '/api/work-orders', {
      orderNo: `OA-${randomUUID().slice(0, 8)}`,
      repairerId: employees[1].id,
      teamUnitId: team,
      reporter: '王女士',
      closedAt: '2025-03-03T03:00:00Z',
    });
    expect(order.status).toBe(201);
    const assigned = await send(admin, 'post', '/api/evaluations/assign', { date: '2025-03-03', seed: 'openapi' });
    expect(assigned.status).toBe(200);
    const meeting = await send(admin, 'post', '/api/meetings', {
      title: '故障分析会',
      scheduledAt: new Date(Date.now() + 7 * 86400_000).toISOString(),
    });
    expect(meeting.status).toBe(201);
    expect(
      (await send(admin, 'put', `/api/meetings/${meeting.body.id}`, { ...meeting.body, title: '故障分析会（改）' }))
        .status,
    ).toBe(200);
    const rect = await send(admin, 'post', '/api/rectifications', {
      origin: 'inspection',
      teamUnitId: team,
      description: '巡检发现光交箱未上锁',
    });
    expect(rect.status).toBe(201);
    const settlement = await send(admin, 'post', '/api/settlements', { month });
    expect([200, 201]).toContain(settlement.status);
    const campaign = await send(admin, 'post', '/api/star-campaigns', {
      year: 2031,
      starts: { application: '2031-03-01', exam: '2031-05-01', committee: '2031-08-01', award: '2031-10-01' },
      ceremonyDate: '2031-10-20',
      awardsFinishBy: '2031-10-31',
    });
    expect(campaign.status).toBe(201);
    const review = await send(admin, 'post', '/api/star-reviews', { month });
    expect([200, 201]).toContain(review.status);
    const code = `OA${Date.now() % 100000}`;
    const person = await send(admin, 'post', '/api/employees', {
      code,
      name: '文档检查',
      unitId: team,
      postBonusFen: 100000,
      employmentType: 'staff',
    });
    expect(person.status).toBe(201);
    expect(
      (await send(admin, 'put', `/api/employees/${person.body.id}`, { ...person.body, post: '装维' })).status,
    ).toBe(200);
    const unit = await send(admin, 'post', '/api/org-units', {
      code: `oa-${code}`,
      name: `文档检查班 ${code}`,
      kind: 'team',
      parentId: hall,
    });
    expect(unit.status).toBe(201);
    const login = await send(admin, 'post', '/api/users', {
      username: `oa-${code.toLowerCase()}`,
      displayName: '文档检查',
      roles: ['employee'],
      employeeId: person.body.id,
      password: 'long-enough-password',
    });
    expect(login.status).toBe(201);
    const award = await send(admin, 'post', '/api/employee-awards', {
      employeeId: person.body.id,
      kind: '公司先进个人',
      year: 2030,
    });
    expect([200, 201, 400]).toContain(award.status);
    const flow = (await get(admin, '/api/flows/review-v1')).body;
    const flowDraft = await send(admin, 'post', '/api/flows', {
      kind: 'review',
      stages: flow.stages,
      label: '文档检查',
    });
    expect(flowDraft.status).toBe(201);
    const policy = (await get(admin, '/api/policies/current')).body;
    const policyDraft = await send(admin, 'post', '/api/policies', { body: policy.body, label: '文档检查' });
    expect(policyDraft.status).toBe(201);
    // a task of the review case, and its action
    const task = await eventually(async () => {
      const r = await get(
        admin,
        `/api/tasks?filter=${encodeURIComponent(JSON.stringify({ caseId: reviewCase.body.id }))}`,
      );
      return r.body[0];
    });
    const settlementTask = await eventually(async () => {
      const r = await get(
        admin,
        `/api/tasks?filter=${encodeURIComponent(JSON.stringify({ caseId: settlement.body.caseId }))}`,
      );
      return r.body[0];
    }, 30000).catch(() => null);

    // --- every list and detail, as admin and as employee (an employee's refusals are checked against the error shape)
    const needsQuery = (p: string) =>
      (doc.paths[p].get.parameters ?? []).some((x: any) => x.in === 'query' && x.required);
    const lists = Object.keys(doc.paths).filter(
      (p) => doc.paths[p].get && !p.includes('{') && !p.endsWith('/export') && !needsQuery(p),
    );
    const details: string[] = [
      `/api/cases/${reviewCase.body.id}`,
      `/api/tasks/${task.id}`,
      `/api/complaints/${complaint.body.id}`,
      `/api/org-units/${team}`,
      `/api/employees/${person.body.id}`,
      `/api/users/${login.body.id}`,
      '/api/flows/review-v1',
      `/api/policies/${policy.id}`,
      `/api/policies/${policy.id}/diff/${policyDraft.body.id}`,
      `/api/settlements/${settlement.body.id}`,
      `/api/settlements/${settlement.body.id}/rows`,
      `/api/rectifications/${rect.body.id}`,
      `/api/meetings/${meeting.body.id}`,
      `/api/work-orders/${order.body.id}`,
      `/api/imports/${randomUUID()}`,
      `/api/star-campaigns/${campaign.body.id}`,
      `/api/star-reviews/${review.body.id}`,
      `/api/committee-ballots/${randomUUID()}`,
      `/api/repair-stars/${randomUUID()}`,
      `/api/star-applications/${randomUUID()}`,
      `/api/settlements/by-task/${settlementTask?.id ?? randomUUID()}`,
      `/api/scores?month=${month}`,
      `/api/perception-rankings?month=${month}`,
      `/api/perception-months/${month}`,
    ];
    for (const user of [admin, employee])
      for (const url of [...lists, ...details]) {
        const res = await get(user, url);
        if (
          user === admin &&
          !/imports|committee-ballots|repair-stars|star-applications\/|by-task|perception-months\//.test(url)
        )
          expect([url, res.status]).toEqual([url, 200]);
      }
    // an action on a task, and answers to bad input, in the documented shapes
    const [actor] = await s.ds.query(
      `SELECT username FROM users WHERE $1 = ANY(roles) AND active ORDER BY username LIMIT 1`,
      [task.assigneeRole],
    );
    const acted = await send(actor.username, 'post', `/api/tasks/${task.id}/actions`, {
      action: 'comment',
      comment: '文档检查',
    });
    expect(acted.status).toBe(200);
    expect((await send(admin, 'post', '/api/cases', { title: '' })).status).toBe(400);
    expect((await send(employee, 'post', '/api/star-campaigns', {})).status).toBeGreaterThanOrEqual(400);
    expect((await get(admin, `/api/cases/${randomUUID()}`)).status).toBe(404);
    expect((await get(admin, '/api/cases?sort=nope')).status).toBe(400);
    conforms('get', '/api/auth/me', await s.http.get('/api/auth/me'));
    conforms(
      'post',
      '/api/auth/login',
      await s.http.post('/api/auth/login').send({ username: 'agent1', password: 'demo' }),
    );
    conforms(
      'post',
      '/api/auth/login',
      await s.http.post('/api/auth/login').send({ username: 'agent1', password: 'wrong' }),
    );

    // GETs added since this list was written: called with ids of the documented format (their 404 is checked too)
    const sample = (schema: any) =>
      schema.format === 'uuid'
        ? randomUUID()
        : schema.type === 'integer'
          ? '1'
          : (schema.pattern ?? '').includes('(0[1-9]|1[0-2])')
            ? month
            : 'review-v1';
    /** required query parameters: a month where the pattern says so, else a year (2025) */
    const query = (required: any[]) =>
      required.length
        ? '?' +
          required
            .map((x) => `${x.name}=${(x.schema?.pattern ?? '').includes('(0[1-9]|1[0-2])') ? month : '2025'}`)
            .join('&')
        : '';
    for (const [path, item] of Object.entries<any>(doc.paths)) {
      if (!item.get || seen.has(`GET ${path}`) || path.endsWith('/export')) continue;
      const params = item.get.parameters ?? [];
      const url =
        path.replace(/\{(\w+)\}/g, (_m: string, name: string) =>
          sample(params.find((x: any) => x.name === name && x.in === 'path').schema),
        ) + query(params.filter((x: any) => x.in === 'query' && x.required));
      for (const user of [admin, employee]) await get(user, url);
    }
    // every GET of the document was called and checked
    const gets = Object.entries<any>(doc.paths)
      .filter(([, item]) => item.get)
      .map(([p]) => `GET ${p}`)
      .filter((op) => !op.endsWith('/export'));
    expect(gets.filter((op) => !seen.has(op))).toEqual([]);
    console.log(
      `openapi: ${[...seen.values()].reduce((n, v) => n + v.size, 0)} (operation, status) pairs checked over ${seen.size} operations`,
    );
  });
});
