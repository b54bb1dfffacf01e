import { Inject, Injectable, Logger } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { ApiErrorDetail } from '@qf/contracts';
import { diffPolicies, PolicySchema } from '@qf/policy';
import {
  appendAudit,
  currentPolicyVersion,
  deletePolicyDraft,
  insertPolicyDraft,
  listPolicyVersions,
  policyVersion,
  publishPolicyVersion,
  updatePolicyDraft,
} from '@qf/persistence';
import { RequestUser } from '../auth/auth.decorators';
import { badRequest, conflict, notFound } from '../common/errors';
import { PolicyScheduleKeeper } from '../temporal/schedules';
import { issues, versionFields, versionNumber, versionText } from './version-input';

type Page = { orderBy: string; limit: number; offset: number };
export interface PolicyDraftInput {
  /** the whole policy */
  body?: unknown;
  /** or a version whose policy the draft copies (POST only) */
  from?: unknown;
  effectiveFrom?: unknown;
  label?: unknown;
  description?: unknown;
}

const isAdmin = (u: RequestUser) => u.roles.includes('admin');
const isObject = (v: unknown): v is Record<string, unknown> =>
  !!v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length > 0;

/**
 * Policy versions (every number of RULES.md): draft → publish (immutable) → effective from a date; diff.
 * Drafts are the administrators' work in progress: others read published versions only.
 */
@Injectable()
export class PoliciesService {
  private readonly log = new Logger('policies');

  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    private readonly discovery: DiscoveryService,
  ) {}

  /** Every Schedule whose timing is the policy's (E-2, S-10, P-1…P-5, K-9, Q-1): one keeper class each. */
  private policySchedules(): PolicyScheduleKeeper[] {
    const all = this.discovery.getProviders().map((w) => w.instance as unknown);
    return [...new Set(all.filter((i): i is PolicyScheduleKeeper => i instanceof PolicyScheduleKeeper))];
  }

  private view(r: any) {
    const effectiveFrom = r.effective_from ? String(r.effective_from).slice(0, 10) : null;
    return { id: r.version, version: r.version, ...versionFields(r), effectiveFrom, body: r.body };
  }

  /** 404 alike for a missing version and a draft the user may not read. */
  private async load(user: RequestUser, id: string) {
    const version = versionNumber(id);
    const r = version ? await policyVersion(this.ds, version, isAdmin(user)) : undefined;
    if (!r) throw notFound('policy version');
    return r;
  }

  private audit(user: RequestUser, action: string, id: string, after: unknown) {
    const actor = { id: user.id, name: user.username };
    return appendAudit(this.ds, { actor, action, entity: 'policy', entityId: id, after });
  }

  async list(user: RequestUser, page: Page) {
    const { rows, total } = await listPolicyVersions(this.ds, page, isAdmin(user));
    return { rows: rows.map((r) => this.view(r)), total };
  }

  /** The published policy in effect today (what new cases pin). */
  async current() {
    const r = await currentPolicyVersion(this.ds);
    if (!r) throw notFound('policy in effect');
    return this.view(r);
  }

  async get(user: RequestUser, id: string) {
    return this.view(await this.load(user, id));
  }

  async diff(user: RequestUser, id: string, other: string) {
    const [a, b] = [await this.load(user, id), await this.load(user, other)];
    return diffPolicies(PolicySchema.parse(a.body), PolicySchema.parse(b.body));
  }

  /**
   * The draft a body describes: the whole policy (`body`), or on creation a version to copy (`from`) — never
   * nothing: an empty request does not make a draft of the defaults (issue 12).
   */
  private async parse(user: RequestUser, input: PolicyDraftInput, creating: boolean) {
    const errors: ApiErrorDetail[] = [];
    let source = input?.body;
    if (!isObject(source) && creating && input?.from !== undefined) {
      const from = versionNumber(input.from);
      const copied = from ? await policyVersion(this.ds, from, isAdmin(user)) : undefined;
      if (copied) source = copied.body;
      else errors.push({ path: 'from', message: 'not a policy version', code: 'invalid' });
    } else if (!isObject(source))
      errors.push({
        path: 'body',
        message: creating ? 'required: the whole policy, or `from` a version to copy' : 'required: the whole policy',
        code: 'required',
      });
    const parsed = isObject(source) ? PolicySchema.safeParse(source) : undefined;
    const t = versionText(input);
    errors.push(...t.errors, ...(parsed && !parsed.success ? issues(parsed.error, 'body') : []));
    const eff = input?.effectiveFrom;
    if (eff !== undefined && eff !== null && !/^\d{4}-\d{2}-\d{2}$/.test(String(eff)))
      errors.push({ path: 'effectiveFrom', message: 'a date YYYY-MM-DD' });
    if (errors.length || !parsed?.success) throw badRequest('invalid policy', errors, 'policy.invalid');
    return { body: parsed.data, effectiveFrom: (eff as string | undefined) ?? null, ...t };
  }

  async create(user: RequestUser, input: PolicyDraftInput) {
    const d = await this.parse(user, input, true);
    const version = await insertPolicyDraft(this.ds, d, user.id);
    await this.audit(user, 'policy.drafted', String(version), { effectiveFrom: d.effectiveFrom, label: d.label ?? '' });
    return this.get(user, String(version));
  }

  async update(user: RequestUser, id: string, input: PolicyDraftInput) {
    const r = await this.load(user, id);
    if (r.status !== 'draft')
      throw conflict('a published policy version is immutable: create a new draft', 'version.immutable', {
        what: 'policy',
      });
    const d = await this.parse(user, input, false);
    await updatePolicyDraft(this.ds, r.version, d);
    await this.audit(user, 'policy.edited', id, { effectiveFrom: d.effectiveFrom });
    return this.get(user, id);
  }

  async publish(user: RequestUser, id: string) {
    const r = await this.load(user, id);
    if (r.status !== 'draft') throw conflict('this version is already published', 'version.published');
    if (!r.effective_from)
      throw badRequest(
        'set effectiveFrom before publishing',
        [{ path: 'effectiveFrom', message: 'required to publish', code: 'required' }],
        'policy.effective_from_required',
      );
    await publishPolicyVersion(this.ds, r.version);
    await this.audit(user, 'policy.published', id, { effectiveFrom: r.effective_from });
    // the Schedules follow the policy in effect (E-2 daily time, P-1…P-5 and K-9 monthly day, S-10, Q-1); a failure is
    // retried at startup
    for (const keeper of this.policySchedules())
      await keeper.ensure().catch((e) => this.log.warn(`schedule not updated: ${String(e)}`));
    return this.get(user, id);
  }

  /** Deletes a draft; a published version is immutable (409). */
  async remove(user: RequestUser, id: string): Promise<void> {
    const r = await this.load(user, id);
    if (r.status !== 'draft')
      throw conflict('a published policy version cannot be deleted', 'version.immutable', { what: 'policy' });
    await deletePolicyDraft(this.ds, r.version);
    await this.audit(user, 'policy.deleted', id, { label: r.label });
  }
}
