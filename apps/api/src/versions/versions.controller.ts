import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { diffPolicies, FlowDefinitionSchema, PolicySchema } from '@qf/policy';
import { CurrentUser, RequestUser, Roles } from '../auth/auth.decorators';
import { badRequest, conflict, notFound } from '../common/errors';
import { parseListQuery, sendList } from '../common/list-query';
import { EvaluationScheduleService } from '../evaluation/evaluation-schedule.service';

const issues = (e: z.ZodError, prefix: string) =>
  e.issues.map((i) => ({ path: [prefix, ...i.path.map(String)].filter(Boolean).join('.'), message: i.message }));

/** The draft's name and description (名称/说明), checked alike for flows and policies; `undefined` = not given. */
function meta(body: { label?: unknown; description?: unknown } | undefined) {
  const errors: { path: string; message: string; code: string; params?: Record<string, number> }[] = [];
  const text = (key: 'label' | 'description', max: number) => {
    const v = body?.[key];
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'string') errors.push({ path: key, message: 'must be text', code: 'invalid_type' });
    else if (v.trim().length > max)
      errors.push({ path: key, message: `at most ${max} characters`, code: 'too_big', params: { maximum: max } });
    else return v.trim();
    return undefined;
  };
  const out = { label: text('label', 60), description: text('description', 500) };
  return { ...out, errors };
}

/** The author of a version as 姓名（工号） (the user's employee, else the user's own name and login). */
const AUTHOR_SQL = `(SELECT COALESCE(e.name, u.display_name) || '（' || COALESCE(e.code, u.username) || '）'
  FROM users u LEFT JOIN employees e ON e.id = u.employee_id WHERE u.id = v.created_by) AS author`;

async function audit(ds: DataSource, user: RequestUser, action: string, entityId: string, after: unknown) {
  await ds.query(
    `INSERT INTO audit_log (actor_id, actor, action, entity, entity_id, after) VALUES ($1,$2,$3,$4,$5,$6)`,
    [user.id, user.username, action, action.split('.')[0], entityId, JSON.stringify(after)],
  );
}

/**
 * Flow definitions per process kind: draft → publish (immutable, enforced by a trigger). New cases take the
 * newest published version; running cases keep the one they started with (pinned in the workflow input).
 */
@ApiTags('flows')
@ApiBearerAuth()
@Controller('flows')
export class FlowsController {
  constructor(@Inject(DataSource) private readonly ds: DataSource) {}

  private view(r: any) {
    return {
      id: `${r.kind}-v${r.version}`,
      kind: r.kind,
      version: r.version,
      status: r.status,
      label: r.label ?? '',
      description: r.description ?? '',
      authorId: r.created_by ?? null,
      author: r.author ?? null,
      stages: r.body.stages,
      createdAt: r.created_at,
      publishedAt: r.published_at,
    };
  }

  private async load(id: string) {
    const m = /^([a-z-]+)-v(\d+)$/.exec(id);
    if (!m) throw notFound('flow version');
    const [r] = await this.ds.query(`SELECT v.*, ${AUTHOR_SQL} FROM flow_versions v WHERE kind = $1 AND version = $2`, [
      m[1],
      Number(m[2]),
    ]);
    if (!r) throw notFound('flow version');
    return r;
  }

  @Get()
  async list(@Query() q: Record<string, unknown>, @Res({ passthrough: true }) res: Response) {
    const lq = parseListQuery(
      { sort: '["kind","ASC"]', ...q },
      { kind: 'kind, version', version: 'version', status: 'status' },
    );
    const params: unknown[] = [];
    let where = 'TRUE';
    const conds: string[] = [];
    for (const k of ['kind', 'status'] as const)
      if (typeof lq.filter[k] === 'string') {
        params.push(lq.filter[k]);
        conds.push(`${k} = $${params.length}`);
      }
    if (conds.length) where = conds.join(' AND ');
    const [{ total }] = await this.ds.query(`SELECT count(*)::int AS total FROM flow_versions WHERE ${where}`, params);
    const rows = await this.ds.query(
      `SELECT v.*, ${AUTHOR_SQL} FROM flow_versions v WHERE ${where} ORDER BY ${lq.orderBy} LIMIT ${lq.limit} OFFSET ${lq.offset}`,
      params,
    );
    return sendList(
      res,
      'flows',
      rows.map((r: unknown) => this.view(r)),
      lq.offset,
      total,
    );
  }

  @Get(':id')
  async get(@Param('id') id: string) {
    return this.view(await this.load(id));
  }

  /** A new draft: the next version of the kind, validated by the flow schema (400 naming each field). */
  @Roles('admin')
  @Post()
  async create(
    @CurrentUser() user: RequestUser,
    @Body() body: { kind?: string; stages?: unknown; label?: unknown; description?: unknown },
  ) {
    const kind = String(body?.kind ?? '');
    const m = meta(body);
    if (m.errors.length) throw badRequest('invalid flow draft', m.errors);
    const [{ next }] = await this.ds.query(
      `SELECT COALESCE(max(version), 0) + 1 AS next FROM flow_versions WHERE kind = $1`,
      [kind],
    );
    const parsed = FlowDefinitionSchema.safeParse({ kind, version: next, stages: body?.stages });
    if (!parsed.success) throw badRequest('invalid flow definition', issues(parsed.error, ''));
    if (!(await this.ds.query(`SELECT 1 FROM flow_versions WHERE kind = $1`, [kind])).length)
      throw badRequest(`unknown process kind ${kind}`, [{ path: 'kind', message: 'unknown process kind' }]);
    await this.ds.query(
      `INSERT INTO flow_versions (kind, version, status, body, label, description, created_by) VALUES ($1,$2,'draft',$3,$4,$5,$6)`,
      [kind, next, JSON.stringify(parsed.data), m.label ?? '', m.description ?? '', user.id],
    );
    await audit(this.ds, user, 'flow.drafted', `${kind}-v${next}`, parsed.data);
    return this.get(`${kind}-v${next}`);
  }

  @Roles('admin')
  @Put(':id')
  async update(
    @CurrentUser() user: RequestUser,
    @Param('id') id: string,
    @Body() body: { stages?: unknown; label?: unknown; description?: unknown },
  ) {
    const r = await this.load(id);
    if (r.status !== 'draft') throw conflict('a published flow version is immutable: create a new draft');
    const m = meta(body);
    if (m.errors.length) throw badRequest('invalid flow draft', m.errors);
    const parsed = FlowDefinitionSchema.safeParse({ kind: r.kind, version: r.version, stages: body?.stages });
    if (!parsed.success) throw badRequest('invalid flow definition', issues(parsed.error, ''));
    await this.ds.query(
      `UPDATE flow_versions SET body = $3, label = COALESCE($4, label), description = COALESCE($5, description) WHERE kind = $1 AND version = $2`,
      [r.kind, r.version, JSON.stringify(parsed.data), m.label ?? null, m.description ?? null],
    );
    await audit(this.ds, user, 'flow.edited', id, parsed.data);
    return this.get(id);
  }

  @Roles('admin')
  @Post(':id/publish')
  @HttpCode(200)
  async publish(@CurrentUser() user: RequestUser, @Param('id') id: string) {
    const r = await this.load(id);
    if (r.status !== 'draft') throw conflict('this version is already published');
    await this.ds.query(
      `UPDATE flow_versions SET status = 'published', published_at = now() WHERE kind = $1 AND version = $2`,
      [r.kind, r.version],
    );
    await audit(this.ds, user, 'flow.published', id, { kind: r.kind, version: r.version });
    return this.get(id);
  }

  /** Deletes a draft (204); a published version is immutable (409). */
  @Roles('admin')
  @Delete(':id')
  @HttpCode(204)
  async remove(@CurrentUser() user: RequestUser, @Param('id') id: string) {
    const r = await this.load(id);
    if (r.status !== 'draft') throw conflict('a published flow version cannot be deleted');
    await this.ds.query(`DELETE FROM flow_versions WHERE kind = $1 AND version = $2 AND status = 'draft'`, [
      r.kind,
      r.version,
    ]);
    await audit(this.ds, user, 'flow.deleted', id, { kind: r.kind, version: r.version, label: r.label });
  }
}

/** Policy versions (every number of RULES.md): draft → publish (immutable) → effective from a date; diff. */
@ApiTags('policies')
@ApiBearerAuth()
@Controller('policies')
export class PoliciesController {
  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    private readonly schedule: EvaluationScheduleService,
  ) {}

  private view(r: any) {
    return {
      id: r.version,
      version: r.version,
      status: r.status,
      label: r.label ?? '',
      description: r.description ?? '',
      authorId: r.created_by ?? null,
      author: r.author ?? null,
      effectiveFrom: r.effective_from ? String(r.effective_from).slice(0, 10) : null,
      body: r.body,
      createdAt: r.created_at,
      publishedAt: r.published_at,
    };
  }

  private async load(id: string) {
    if (!/^\d+$/.test(id)) throw notFound('policy version');
    const [r] = await this.ds.query(
      `SELECT version, status, label, description, created_by, ${AUTHOR_SQL}, to_char(effective_from,'YYYY-MM-DD') AS effective_from, body, created_at, published_at FROM policy_versions v WHERE version = $1`,
      [Number(id)],
    );
    if (!r) throw notFound('policy version');
    return r;
  }

  @Get()
  async list(@Query() q: Record<string, unknown>, @Res({ passthrough: true }) res: Response) {
    const lq = parseListQuery({ sort: '["version","DESC"]', ...q }, { version: 'version', status: 'status' });
    const [{ total }] = await this.ds.query(`SELECT count(*)::int AS total FROM policy_versions`);
    const rows = await this.ds.query(
      `SELECT version, status, label, description, created_by, ${AUTHOR_SQL}, to_char(effective_from,'YYYY-MM-DD') AS effective_from, body, created_at, published_at FROM policy_versions v ORDER BY ${lq.orderBy} LIMIT ${lq.limit} OFFSET ${lq.offset}`,
    );
    return sendList(
      res,
      'policies',
      rows.map((r: unknown) => this.view(r)),
      lq.offset,
      total,
    );
  }

  /** The published policy in effect today (what new cases pin). */
  @Get('current')
  async current() {
    const [r] = await this.ds.query(
      `SELECT version, status, label, description, created_by, ${AUTHOR_SQL}, to_char(effective_from,'YYYY-MM-DD') AS effective_from, body, created_at, published_at FROM policy_versions v
       WHERE status = 'published' AND (effective_from IS NULL OR effective_from <= now()::date) ORDER BY effective_from DESC NULLS LAST, version DESC LIMIT 1`,
    );
    if (!r) throw notFound('policy in effect');
    return this.view(r);
  }

  @Get(':id')
  async get(@Param('id') id: string) {
    return this.view(await this.load(id));
  }

  @Get(':id/diff/:other')
  async diff(@Param('id') id: string, @Param('other') other: string) {
    const [a, b] = [await this.load(id), await this.load(other)];
    return diffPolicies(PolicySchema.parse(a.body), PolicySchema.parse(b.body));
  }

  private parse(body: { body?: unknown; effectiveFrom?: unknown; label?: unknown; description?: unknown }) {
    const parsed = PolicySchema.safeParse(body?.body ?? {});
    const m = meta(body);
    const errors = [...m.errors, ...(parsed.success ? [] : issues(parsed.error, 'body'))];
    const eff = body?.effectiveFrom;
    if (eff !== undefined && eff !== null && !/^\d{4}-\d{2}-\d{2}$/.test(String(eff)))
      errors.push({ path: 'effectiveFrom', message: 'a date YYYY-MM-DD' });
    if (errors.length || !parsed.success) throw badRequest('invalid policy', errors);
    return {
      policy: parsed.data,
      effectiveFrom: (eff as string | undefined) ?? null,
      label: m.label,
      description: m.description,
    };
  }

  @Roles('admin')
  @Post()
  async create(
    @CurrentUser() user: RequestUser,
    @Body() body: { body?: unknown; effectiveFrom?: unknown; label?: unknown; description?: unknown },
  ) {
    const { policy, effectiveFrom, label, description } = this.parse(body);
    const [{ next }] = await this.ds.query(`SELECT COALESCE(max(version), 0) + 1 AS next FROM policy_versions`);
    await this.ds.query(
      `INSERT INTO policy_versions (version, status, effective_from, body, label, description, created_by) VALUES ($1,'draft',$2,$3,$4,$5,$6)`,
      [next, effectiveFrom, JSON.stringify(policy), label ?? '', description ?? '', user.id],
    );
    await audit(this.ds, user, 'policy.drafted', String(next), { effectiveFrom, label: label ?? '' });
    return this.get(String(next));
  }

  @Roles('admin')
  @Put(':id')
  async update(
    @CurrentUser() user: RequestUser,
    @Param('id') id: string,
    @Body() body: { body?: unknown; effectiveFrom?: unknown; label?: unknown; description?: unknown },
  ) {
    const r = await this.load(id);
    if (r.status !== 'draft') throw conflict('a published policy version is immutable: create a new draft');
    const { policy, effectiveFrom, label, description } = this.parse(body);
    await this.ds.query(
      `UPDATE policy_versions SET body = $2, effective_from = $3, label = COALESCE($4, label), description = COALESCE($5, description) WHERE version = $1`,
      [r.version, JSON.stringify(policy), effectiveFrom, label ?? null, description ?? null],
    );
    await audit(this.ds, user, 'policy.edited', id, { effectiveFrom });
    return this.get(id);
  }

  @Roles('admin')
  @Post(':id/publish')
  @HttpCode(200)
  async publish(@CurrentUser() user: RequestUser, @Param('id') id: string) {
    const r = await this.load(id);
    if (r.status !== 'draft') throw conflict('this version is already published');
    if (!r.effective_from)
      throw badRequest('set effectiveFrom before publishing', [
        { path: 'effectiveFrom', message: 'required to publish' },
      ]);
    await this.ds.query(`UPDATE policy_versions SET status = 'published', published_at = now() WHERE version = $1`, [
      r.version,
    ]);
    await audit(this.ds, user, 'policy.published', id, { effectiveFrom: r.effective_from });
    // E-2: the daily assignment's Schedule follows the policy in effect (its local time); a failure is retried at startup
    await this.schedule.ensure().catch(() => undefined);
    return this.get(id);
  }

  /** Deletes a draft (204); a published version is immutable (409). */
  @Roles('admin')
  @Delete(':id')
  @HttpCode(204)
  async remove(@CurrentUser() user: RequestUser, @Param('id') id: string) {
    const r = await this.load(id);
    if (r.status !== 'draft') throw conflict('a published policy version cannot be deleted');
    await this.ds.query(`DELETE FROM policy_versions WHERE version = $1 AND status = 'draft'`, [r.version]);
    await audit(this.ds, user, 'policy.deleted', id, { label: r.label });
  }
}
