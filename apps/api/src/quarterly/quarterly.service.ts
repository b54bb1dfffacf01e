import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { QuarterlyIndicator, QuarterlyPlanInput } from '@qf/contracts';
import { shiftQuarter, validateAssessmentPlan } from '@qf/domain';
import {
  appendAudit,
  employeeOfUser,
  employeeExists,
  getQuarterlyPlan,
  insertQuarterlyPlan,
  listQuarterlyPlans,
  QuarterlyPlanWrite,
  quarterlyFindings,
  quarterlyResults,
  quarterlyUnits,
  quarterlyValues,
  setQuarterlyPlan,
  unitSubtree,
  updateDraftQuarterlyPlan,
} from '@qf/persistence';
import { RequestUser } from '../auth/auth.decorators';
import { CasesService } from '../cases/cases.service';
import { badRequest, conflict, notFound } from '../common/errors';
import { isUuid } from '../common/ids';

/** the roles that read every unit's plans and results; a unit head (branch head, team lead) reads their own. */
const COMPANY_WIDE = ['quality', 'admin', 'leadership', 'hr'];

/** quarterly assessment plans — drafts, submission for approval (a case), and the plan with its results. */
@Injectable()
export class QuarterlyService {
  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    private readonly cases: CasesService,
  ) {}

  /** The plan as stored: indicator codes k1… where left out; the owner the creator's employee; checked by Q-1. */
  private async checked(user: RequestUser, body: QuarterlyPlanInput): Promise<QuarterlyPlanWrite> {
    const indicators: QuarterlyIndicator[] = body.indicators.map((i, n) => ({ ...i, code: i.code ?? `k${n + 1}` }));
    const ownerId = body.ownerId ?? (await employeeOfUser(this.ds, user.id));
    const units = await quarterlyUnits(this.ds, body.scope);
    const bad = validateAssessmentPlan({ period: body.period, scope: body.scope, indicators });
    body.scope.forEach((id, i) => {
      const u = units.find((x) => x.id === id);
      if (!u || u.kind === 'company')
        bad.push({ path: `scope.${i}`, message: 'not a unit that can be assessed', rule: 'Q-1', code: 'quality.unit' });
    });
    if (body.ownerId && !(await employeeExists(this.ds, body.ownerId)))
      bad.push({ path: 'ownerId', message: 'unknown employee', rule: 'Q-1', code: 'quality.owner' });
    if (bad.length) throw badRequest(bad.map((b) => b.message).join('; '), bad, bad[0].code, bad[0].params);
    return {
      period: body.period,
      title: body.title || `${body.period} 季度考核`,
      scope: body.scope,
      indicators,
      ownerId,
    };
  }

  async create(user: RequestUser, body: QuarterlyPlanInput) {
    const p = await this.checked(user, body);
    const id = await this.ds.transaction(async (tx) => {
      const id = await insertQuarterlyPlan(tx, p, user.id);
      if (!id)
        throw conflict(`the quarter ${p.period} already has a plan`, 'quality.period_taken', { period: p.period });
      await appendAudit(tx, {
        actor: { id: user.id, name: user.username },
        action: 'quarterly.created',
        entity: 'quarterly-plan',
        entityId: id,
        after: p,
      });
      return id;
    });
    return this.get(id);
  }

  async update(user: RequestUser, id: string, body: QuarterlyPlanInput) {
    const before = await this.plan(id);
    const p = await this.checked(user, body);
    await this.ds.transaction(async (tx) => {
      if (!(await updateDraftQuarterlyPlan(tx, id, p)))
        throw conflict('only a draft plan can be edited, and its quarter must be free', 'quality.not_draft');
      await appendAudit(tx, {
        actor: { id: user.id, name: user.username },
        action: 'quarterly.updated',
        entity: 'quarterly-plan',
        entityId: id,
        before,
        after: p,
      });
    });
    return this.get(id);
  }

  /** a draft goes to the quality department's lead for approval: its case and workflow start. */
  async submit(user: RequestUser, id: string) {
    const p = await this.plan(id);
    if (p.status !== 'draft' || p.caseId) throw conflict('the plan has been submitted already', 'quality.not_draft');
    await this.checked(user, { ...p, title: p.title, ownerId: p.ownerId ?? undefined });
    await this.cases.start(
      {
        kind: 'quarterly-assessment',
        workflowType: 'quarterlyAssessment',
        businessKey: p.period,
        title: p.title,
        data: { planId: p.id, period: p.period },
        onCreated: (caseId) => setQuarterlyPlan(this.ds, id, { caseId, status: 'approval' }),
      },
      user,
    );
    return this.get(id);
  }

  /**
   * Q-1 row scoping: the units a reader may see — null for the company-wide roles, else the unit head's own unit and
   * the units below it (none without a unit).
   */
  private async unitsOf(user?: RequestUser): Promise<string[] | null> {
    if (!user || user.roles.some((r) => COMPANY_WIDE.includes(r))) return null;
    return user.unitId ? unitSubtree(this.ds, user.unitId) : [];
  }

  async list(filter: Record<string, unknown>, orderBy: string, limit: number, offset: number, user?: RequestUser) {
    const units = (await this.unitsOf(user)) ?? undefined;
    return listQuarterlyPlans(this.ds, { filter, orderBy, limit, offset, units });
  }

  async plan(id: string) {
    const p = isUuid(id) ? await getQuarterlyPlan(this.ds, id) : null;
    if (!p) throw notFound('quarterly plan');
    return p;
  }

  /**
   * The plan with its units, the values collected, the findings and the results (best first). A unit head (`user`
   * given, not a company-wide role) sees only their units' rows, and a plan naming none of their units is 404.
   */
  async get(id: string, user?: RequestUser) {
    const p = await this.plan(id);
    const seen = await this.unitsOf(user);
    if (seen && !p.scope.some((u) => seen.includes(u))) throw notFound('quarterly plan');
    const [units, values, findings, results] = await Promise.all([
      quarterlyUnits(this.ds, p.scope),
      quarterlyValues(this.ds, id),
      quarterlyFindings(this.ds, id),
      quarterlyResults(this.ds, id),
    ]);
    const full = { ...p, units, values, findings, results, previousPeriod: shiftQuarter(p.period, -1) };
    if (!seen) return full;
    const mine = (unitId: string) => seen.includes(unitId);
    return {
      ...full,
      units: units.filter((u) => mine(u.id)),
      values: values.filter((v) => mine(v.unitId)),
      findings: findings.filter((f) => mine(f.teamUnitId)),
      results: (results as { unitId: string }[]).filter((r) => mine(r.unitId)),
    };
  }
}
