import type { Queryable } from '../core/queryable';
import { selectPage, Where } from '../core/list-page';
import { POLICY_IN_EFFECT } from '../case-versions';

type Page = { orderBy: string; limit: number; offset: number };

/** The author of a version `v` as 姓名（工号） (the user's employee, else the user's own name and login). */
const AUTHOR_SQL = `(SELECT COALESCE(e.name, u.display_name) || '（' || COALESCE(e.code, u.username) || '）'
  FROM users u LEFT JOIN employees e ON e.id = u.employee_id WHERE u.id = v.created_by) AS author`;

const FLOW_COLS = `v.*, ${AUTHOR_SQL}`;
const POLICY_COLS = `v.version, v.status, v.label, v.description, v.created_by, ${AUTHOR_SQL}, to_char(v.effective_from,'YYYY-MM-DD') AS effective_from,
  v.body, v.created_at, v.published_at`;

/** Drafts are work in progress of the administrators: everyone else reads published versions only. */
const visibleTo = (w: Where, drafts: boolean) => w.and(drafts ? null : `v.status = 'published'`);

// ---- flow versions (per process kind)

export function listFlowVersions(q: Queryable, f: { kind?: unknown; status?: unknown }, page: Page, drafts: boolean) {
  const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const w = visibleTo(new Where(), drafts).eq('v.kind', text(f.kind)).eq('v.status', text(f.status));
  return selectPage(q, {
    columns: FLOW_COLS,
    from: 'FROM flow_versions v',
    where: w,
    tieBreaker: 'v.kind, v.version',
    ...page,
  });
}

export async function flowVersion(q: Queryable, kind: string, version: number, drafts: boolean) {
  const w = visibleTo(new Where(), drafts).eq('v.kind', kind).eq('v.version', version);
  return (await q.query(`SELECT ${FLOW_COLS} FROM flow_versions v WHERE ${w.sql}`, w.params))[0];
}

export async function nextFlowVersion(q: Queryable, kind: string): Promise<{ next: number; known: boolean }> {
  const [r] = await q.query(
    `SELECT COALESCE(max(version), 0) + 1 AS next, count(*) > 0 AS known FROM flow_versions WHERE kind = $1`,
    [kind],
  );
  return { next: Number(r.next), known: !!r.known };
}

export interface VersionText {
  label?: string | null;
  description?: string | null;
}

export async function insertFlowDraft(
  q: Queryable,
  kind: string,
  version: number,
  body: unknown,
  t: VersionText,
  createdBy: string,
) {
  await q.query(
    `INSERT INTO flow_versions (kind, version, status, body, label, description, created_by) VALUES ($1,$2,'draft',$3,$4,$5,$6)`,
    [kind, version, JSON.stringify(body), t.label ?? '', t.description ?? '', createdBy],
  );
}

/** A draft's stages; name and description unchanged where not given. */
export async function updateFlowDraft(q: Queryable, kind: string, version: number, body: unknown, t: VersionText) {
  await q.query(
    `UPDATE flow_versions SET body = $3, label = COALESCE($4, label), description = COALESCE($5, description) WHERE kind = $1 AND version = $2`,
    [kind, version, JSON.stringify(body), t.label ?? null, t.description ?? null],
  );
}

export async function publishFlowVersion(q: Queryable, kind: string, version: number) {
  await q.query(
    `UPDATE flow_versions SET status = 'published', published_at = now() WHERE kind = $1 AND version = $2`,
    [kind, version],
  );
}

export async function deleteFlowDraft(q: Queryable, kind: string, version: number) {
  await q.query(`DELETE FROM flow_versions WHERE kind = $1 AND version = $2 AND status = 'draft'`, [kind, version]);
}

// ---- policy versions

export function listPolicyVersions(q: Queryable, page: Page, drafts: boolean) {
  return selectPage(q, {
    columns: POLICY_COLS,
    from: 'FROM policy_versions v',
    where: visibleTo(new Where(), drafts),
    tieBreaker: 'v.version',
    ...page,
  });
}

export async function policyVersion(q: Queryable, version: number, drafts: boolean) {
  const w = visibleTo(new Where(), drafts).eq('v.version', version);
  return (await q.query(`SELECT ${POLICY_COLS} FROM policy_versions v WHERE ${w.sql}`, w.params))[0];
}

/** The published policy in effect today (what new cases pin). */
export async function currentPolicyVersion(q: Queryable) {
  return (await q.query(`SELECT ${POLICY_COLS} ${POLICY_IN_EFFECT}`))[0];
}

export interface PolicyDraft extends VersionText {
  body: unknown;
  effectiveFrom: string | null;
}

/** A new draft, numbered next; returns its version. */
export async function insertPolicyDraft(q: Queryable, d: PolicyDraft, createdBy: string): Promise<number> {
  const [r] = await q.query(
    `INSERT INTO policy_versions (version, status, effective_from, body, label, description, created_by)
     SELECT COALESCE(max(version), 0) + 1, 'draft', $1, $2, $3, $4, $5 FROM policy_versions RETURNING version`,
    [d.effectiveFrom, JSON.stringify(d.body), d.label ?? '', d.description ?? '', createdBy],
  );
  return Number(r.version);
}

export async function updatePolicyDraft(q: Queryable, version: number, d: PolicyDraft) {
  await q.query(
    `UPDATE policy_versions SET body = $2, effective_from = $3, label = COALESCE($4, label), description = COALESCE($5, description) WHERE version = $1`,
    [version, JSON.stringify(d.body), d.effectiveFrom, d.label ?? null, d.description ?? null],
  );
}

export async function publishPolicyVersion(q: Queryable, version: number) {
  await q.query(`UPDATE policy_versions SET status = 'published', published_at = now() WHERE version = $1`, [version]);
}

export async function deletePolicyDraft(q: Queryable, version: number) {
  await q.query(`DELETE FROM policy_versions WHERE version = $1 AND status = 'draft'`, [version]);
}
