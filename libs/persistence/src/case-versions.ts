import { DataSource } from 'typeorm';

type Q = Pick<DataSource, 'query'>;

/** The newest published flow of a case kind and the policy version in effect today: what a new case pins for its life. */
export async function publishedVersions(
  ds: Q,
  kind: string,
): Promise<{ flow: { version: number; body: unknown } | null; policy: { version: number; body: unknown } | null }> {
  const [flow] = await ds.query(
    `SELECT version, body FROM flow_versions WHERE kind = $1 AND status = 'published' ORDER BY version DESC LIMIT 1`,
    [kind],
  );
  const [policy] = await ds.query(
    `SELECT version, body FROM policy_versions WHERE status = 'published' AND (effective_from IS NULL OR effective_from <= now()::date)
     ORDER BY effective_from DESC NULLS LAST, version DESC LIMIT 1`,
  );
  return { flow: flow ?? null, policy: policy ?? null };
}
