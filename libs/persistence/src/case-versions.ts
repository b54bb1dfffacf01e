import { Policy, PolicySchema } from '@qf/policy';
import type { Queryable } from './core/queryable';

/** SQL: the published policy version in effect today (`v`), newest effective date first — one definition. */
export const POLICY_IN_EFFECT = `FROM policy_versions v WHERE v.status = 'published' AND (v.effective_from IS NULL OR v.effective_from <= now()::date)
  ORDER BY v.effective_from DESC NULLS LAST, v.version DESC LIMIT 1`;

/** The version and body of the published policy in effect today. */
export async function policyVersionInEffect(q: Queryable): Promise<{ version: number; body: unknown } | null> {
  const [r] = await q.query(`SELECT v.version, v.body ${POLICY_IN_EFFECT}`);
  return r ?? null;
}

/** The published policy in effect today (the defaults when none is published yet). */
export async function policyInEffect(q: Queryable): Promise<Policy> {
  return PolicySchema.parse((await policyVersionInEffect(q))?.body ?? {});
}

/** The newest published flow of a case kind and the policy version in effect today: what a new case pins for its life. */
export async function publishedVersions(
  q: Queryable,
  kind: string,
): Promise<{ flow: { version: number; body: unknown } | null; policy: { version: number; body: unknown } | null }> {
  const [flow] = await q.query(
    `SELECT version, body FROM flow_versions WHERE kind = $1 AND status = 'published' ORDER BY version DESC LIMIT 1`,
    [kind],
  );
  return { flow: flow ?? null, policy: await policyVersionInEffect(q) };
}
