import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { FlowDefinitionSchema } from '@qf/policy';
import {
  appendAudit,
  deleteFlowDraft,
  flowVersion,
  insertFlowDraft,
  listFlowVersions,
  nextFlowVersion,
  publishFlowVersion,
  updateFlowDraft,
} from '@qf/persistence';
import { RequestUser } from '../auth/auth.decorators';
import { badRequest, conflict, notFound } from '../common/errors';
import { issues, versionFields, versionNumber, versionText } from './version-input';

type Page = { orderBy: string; limit: number; offset: number };
export interface FlowDraftInput {
  kind?: unknown;
  stages?: unknown;
  label?: unknown;
  description?: unknown;
}

const isAdmin = (u: RequestUser) => u.roles.includes('admin');

/**
 * Flow definitions per process kind: draft → publish (immutable, enforced by a trigger). New cases take the
 * newest published version; running cases keep the one they started with (pinned in the workflow input).
 * Drafts are the administrators' work in progress: others read published versions only.
 */
@Injectable()
export class FlowsService {
  constructor(@Inject(DataSource) private readonly ds: DataSource) {}

  private view(r: any) {
    return {
      id: `${r.kind}-v${r.version}`,
      kind: r.kind,
      version: r.version,
      ...versionFields(r),
      stages: r.body.stages,
    };
  }

  /** `<kind>-v<version>`; 404 alike for a missing version and a draft the user may not read. */
  private async load(user: RequestUser, id: string) {
    const m = /^([a-z-]+)-v(\d+)$/.exec(id);
    const version = m ? versionNumber(m[2]) : null;
    const r = m && version ? await flowVersion(this.ds, m[1], version, isAdmin(user)) : undefined;
    if (!r) throw notFound('flow version');
    return r;
  }

  private audit(user: RequestUser, action: string, id: string, after: unknown) {
    const actor = { id: user.id, name: user.username };
    return appendAudit(this.ds, { actor, action, entity: 'flow', entityId: id, after });
  }

  async list(user: RequestUser, filter: Record<string, unknown>, page: Page) {
    const { rows, total } = await listFlowVersions(this.ds, filter, page, isAdmin(user));
    return { rows: rows.map((r) => this.view(r)), total };
  }

  async get(user: RequestUser, id: string) {
    return this.view(await this.load(user, id));
  }

  /** A new draft: the next version of the kind, validated by the flow schema (400 naming each field). */
  async create(user: RequestUser, body: FlowDraftInput) {
    const kind = String(body?.kind ?? '');
    const t = versionText(body);
    if (t.errors.length) throw badRequest('invalid flow draft', t.errors, 'validation');
    const { next, known } = await nextFlowVersion(this.ds, kind);
    const parsed = FlowDefinitionSchema.safeParse({ kind, version: next, stages: body?.stages });
    if (!parsed.success) throw badRequest('invalid flow definition', issues(parsed.error, ''), 'flow.invalid');
    if (!known)
      throw badRequest(
        `unknown process kind ${kind}`,
        [{ path: 'kind', message: 'unknown process kind', code: 'flow.unknown_kind' }],
        'flow.unknown_kind',
        { kind },
      );
    await insertFlowDraft(this.ds, kind, next, parsed.data, t, user.id);
    await this.audit(user, 'flow.drafted', `${kind}-v${next}`, parsed.data);
    return this.get(user, `${kind}-v${next}`);
  }

  async update(user: RequestUser, id: string, body: FlowDraftInput) {
    const r = await this.load(user, id);
    if (r.status !== 'draft')
      throw conflict('a published flow version is immutable: create a new draft', 'version.immutable', {
        what: 'flow',
      });
    const t = versionText(body);
    if (t.errors.length) throw badRequest('invalid flow draft', t.errors, 'validation');
    const parsed = FlowDefinitionSchema.safeParse({ kind: r.kind, version: r.version, stages: body?.stages });
    if (!parsed.success) throw badRequest('invalid flow definition', issues(parsed.error, ''), 'flow.invalid');
    await updateFlowDraft(this.ds, r.kind, r.version, parsed.data, t);
    await this.audit(user, 'flow.edited', id, parsed.data);
    return this.get(user, id);
  }

  async publish(user: RequestUser, id: string) {
    const r = await this.load(user, id);
    if (r.status !== 'draft') throw conflict('this version is already published', 'version.published');
    await publishFlowVersion(this.ds, r.kind, r.version);
    await this.audit(user, 'flow.published', id, { kind: r.kind, version: r.version });
    return this.get(user, id);
  }

  /** Deletes a draft; a published version is immutable (409). */
  async remove(user: RequestUser, id: string): Promise<void> {
    const r = await this.load(user, id);
    if (r.status !== 'draft')
      throw conflict('a published flow version cannot be deleted', 'version.immutable', { what: 'flow' });
    await deleteFlowDraft(this.ds, r.kind, r.version);
    await this.audit(user, 'flow.deleted', id, { kind: r.kind, version: r.version, label: r.label });
  }
}
