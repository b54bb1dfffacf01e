import { eventually, TestStack } from './stack';

/**
 * What-if helpers of the e2e specs: the layer shares one database and other specs publish policies with other numbers,
 * so a draft is made from the seeded policy v1 (RULES.md defaults) and simulated against it, named explicitly. `stack` is read when a helper runs (after beforeAll).
 */
export function whatIf(stack: () => TestStack) {
  const base = 1;
  const admin = async () => ({ Authorization: `Bearer ${await stack().login('admin')}` });
  async function draft(patch: (body: any) => any): Promise<number> {
    const current = (
      await stack()
        .http.get(`/api/policies/${base}`)
        .set(await admin())
    ).body;
    const r = await stack()
      .http.post('/api/policies')
      .set(await admin())
      .send({ body: patch(structuredClone(current.body)), effectiveFrom: '2099-01-01' });
    expect(r.status).toBe(201);
    return Number(r.body.id ?? r.body.version);
  }
  async function simulate(policyVersion: number, months: string[]) {
    const started = await stack()
      .http.post('/api/simulations')
      .set(await admin())
      .send({ policyVersion, baselineVersion: base, months });
    expect(started.status).toBe(201);
    expect(started.body.progress.total).toBe(months.length);
    return eventually(async () => {
      const r = await stack()
        .http.get(`/api/simulations/${started.body.id}`)
        .set(await admin());
      return r.body.status === 'done' ? r.body : null;
    }, 30000);
  }
  return { base, draft, simulate };
}
