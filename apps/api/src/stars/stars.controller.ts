import {
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  Param,
  Post,
  Query,
  Res,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import {
  ApiErrorDetail,
  EmployeeAwardSchema,
  JuneExamSchema,
  OpenStarCampaignInput,
  OpenStarCampaignSchema,
  STAR_UPDATE_ADVANCE,
  STAR_UPDATE_APPLY,
  STAR_UPDATE_EXAM,
  StarAdvanceUpdate,
  StarApplyInput,
  StarApplySchema,
  StarApplyUpdate,
  StarDemoteSchema,
  StarExamScoreSchema,
  StarExamUpdate,
  StarReviewDecisionSchema,
  StarScoresSchema,
  StarVoteSchema,
  StartStarReviewSchema,
} from '@qf/contracts';
import {
  juneExamStanding,
  localDate,
  StarLevel,
  validateCampaignSchedule,
  validateCommitteeDemotion,
} from '@qf/domain';
import { changeStar, policyInEffect } from '@qf/persistence';
import { CurrentUser, RequestUser, Roles } from '../auth/auth.decorators';
import { badRequest, conflict, forbidden, notFound } from '../common/errors';
import { parseListQuery, sendList } from '../common/list-query';
import { ZodPipe } from '../common/zod.pipe';
import { readSheet } from '../common/sheet';
import { CasesService, mapWorkflowError } from '../cases/cases.service';
import { TemporalService } from '../temporal/temporal.module';

const STAFF_ROLES = ['admin', 'hr', 'committee', 'team-lead', 'leadership'] as const;
const isStaff = (u: RequestUser) => u.roles.some((r) => (STAFF_ROLES as readonly string[]).includes(r));
const uuid = (id: string, what: string) => {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound(what);
};

const CAMPAIGN_SQL = `
  SELECT c.id, c.year, c.phase, c.starts, c.ceremony_date::text AS "ceremonyDate", c.awards_finish_by::text AS "awardsFinishBy", c.headcount, c.quotas,
         c.results_published AS "resultsPublished", c.case_id AS "caseId", cs.workflow_id AS "workflowId", c.created_at AS "createdAt",
         COALESCE((SELECT jsonb_object_agg(l::text, jsonb_build_object(
             'applied', (SELECT count(*) FROM star_applications a WHERE a.campaign_id = c.id AND a.level = l),
             'recommended', (SELECT count(*) FROM star_applications a WHERE a.campaign_id = c.id AND a.level = l AND a.lead_approved),
             'passed', (SELECT count(*) FROM star_applications a WHERE a.campaign_id = c.id AND a.passed_level = l),
             'approved', (SELECT count(*) FROM star_applications a WHERE a.campaign_id = c.id AND a.passed_level = l AND (a.committee->>'approved')::boolean),
             'awarded', (SELECT count(*) FROM star_applications a WHERE a.campaign_id = c.id AND a.awarded_level = l)))
           FROM generate_series(1, 3) l), '{}') AS counts
  FROM star_campaigns c LEFT JOIN cases cs ON cs.id = c.case_id`;

const APPLICATION_SQL = (userParam: string) => `
  SELECT a.case_id AS id, a.case_id AS "caseId", a.campaign_id AS "campaignId", sc.year, a.employee_id AS "employeeId", e.code AS "employeeCode",
         e.name AS "employeeName", u.name AS "unitName", a.level, a.recommended, a.status, a.eligibility_notes AS "eligibilityNotes",
         a.lead_reason AS "leadReason", a.exam_scores AS "examScores", a.exam_result AS "examResult", a.passed_level AS "passedLevel",
         a.committee AS "committeeResult", a.awarded_level AS "awardedLevel", a.explanation, cs.stage, cs.workflow_id AS "workflowId",
         a.created_at AS "createdAt", sc.results_published AS "resultsPublished", sc.phase,
         (SELECT count(*)::int FROM tasks t WHERE t.case_id = a.case_id AND t.stage = 'committee') AS members,
         (SELECT count(*)::int FROM tasks t WHERE t.case_id = a.case_id AND t.stage = 'committee' AND t.decision IS NOT NULL) AS "votesCast",
         (SELECT count(*)::int FROM tasks t WHERE t.case_id = a.case_id AND t.stage = 'committee' AND t.decision = 'approve') AS approvals,
         (SELECT t.decision FROM tasks t WHERE t.case_id = a.case_id AND t.stage = 'committee' AND t.assignee_user_id = ${userParam} LIMIT 1) AS "myVote",
         EXISTS (SELECT 1 FROM tasks t WHERE t.case_id = a.case_id AND t.stage = 'committee' AND t.status = 'open' AND t.assignee_user_id = ${userParam}) AS "canVote",
         e.hire_date::text AS "hireDate", e.job_type AS "jobType",
         (SELECT h.level FROM star_holders h WHERE h.employee_id = a.employee_id) AS "currentLevel",
         (SELECT h.since::text FROM star_holders h WHERE h.employee_id = a.employee_id) AS "currentSince",
         (sc.quotas->>(a.level::text))::int AS "quotaPlaces",
         (SELECT count(*)::int FROM star_applications q WHERE q.campaign_id = a.campaign_id AND q.level = a.level AND q.lead_approved) AS "quotaUsed"
  FROM star_applications a JOIN star_campaigns sc ON sc.id = a.campaign_id JOIN employees e ON e.id = a.employee_id
  JOIN org_units u ON u.id = e.unit_id JOIN cases cs ON cs.id = a.case_id`;

function toApplicationView(r: any, user: RequestUser) {
  const own = r.employeeId === user.employeeId;
  const showExam = isStaff(user) || (own && r.resultsPublished);
  const result = r.examResult ?? null;
  return {
    id: r.id,
    caseId: r.caseId,
    campaignId: r.campaignId,
    year: r.year,
    employeeId: r.employeeId,
    employeeCode: r.employeeCode,
    employeeName: r.employeeName,
    unitName: r.unitName,
    level: r.level,
    recommended: r.recommended,
    status: r.status,
    eligibilityNotes: r.eligibilityNotes ?? [],
    leadReason: r.leadReason,
    exam: showExam
      ? {
          scores: r.examScores ?? {},
          passedLevel: r.passedLevel ?? null,
          nextExam: result?.nextExam ?? (r.status === 'exam' && !result ? r.level : null),
          explanation: result?.explanation ?? '',
        }
      : null,
    committee: {
      members: r.members,
      votesCast: r.votesCast,
      approvals: r.approvals,
      myVote: r.myVote ?? null,
      canVote: !!r.canVote,
      approved: r.committeeResult?.approved ?? null,
      explanation: r.committeeResult?.explanation ?? null,
    },
    awardedLevel: r.awardedLevel ?? null,
    explanation: r.explanation ?? null,
    stage: r.stage,
    workflowId: r.workflowId,
    createdAt: r.createdAt,
    // S-2, S-5: what the team lead decides on (staff only)
    applicant: isStaff(user)
      ? {
          hireDate: r.hireDate ?? null,
          jobType: r.jobType ?? '',
          currentLevel: r.currentLevel ?? 0,
          currentSince: r.currentSince ?? null,
        }
      : null,
    quota: isStaff(user)
      ? {
          places: r.quotaPlaces ?? null,
          used: r.quotaUsed ?? 0,
          remaining: r.quotaPlaces == null ? null : Math.max(0, r.quotaPlaces - (r.quotaUsed ?? 0)),
        }
      : null,
  };
}

/** S-1…S-9: campaigns, applications, exams, the committee vote. */
@ApiTags('stars')
@ApiBearerAuth()
@Controller()
export class StarsController {
  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    private readonly cases: CasesService,
    private readonly temporal: TemporalService,
  ) {}

  private async update<T>(workflowId: string, name: string, arg: unknown): Promise<T> {
    const client = await this.temporal.client();
    try {
      return await client.workflow
        .getHandle(workflowId)
        .executeUpdate<T, [unknown]>(name, { args: [arg], updateId: randomUUID() });
    } catch (e) {
      throw mapWorkflowError(e);
    }
  }

  // ---------------------------------------------------------------------------------------------- campaigns

  @Roles('admin')
  @Post('star-campaigns')
  async openCampaign(
    @CurrentUser() user: RequestUser,
    @Body(new ZodPipe(OpenStarCampaignSchema)) body: OpenStarCampaignInput,
    @Res({ passthrough: true }) res: Response,
  ) {
    const policy = await policyInEffect(this.ds);
    const violations: ApiErrorDetail[] = validateCampaignSchedule(body, policy);
    const today = localDate(new Date().toISOString(), policy.calendar.timeZone);
    if (body.awardsFinishBy < today)
      violations.push({
        path: 'awardsFinishBy',
        message: `the awards deadline ${body.awardsFinishBy} has passed (S-1)`,
        rule: 'S-1',
      });
    if (body.ceremonyDate < body.starts.award || body.ceremonyDate > body.awardsFinishBy) {
      violations.push({
        path: 'ceremonyDate',
        message: 'the ceremony falls in the award phase, by the awards deadline (S-1, S-9)',
        rule: 'S-9',
      });
    }
    if (violations.length) throw badRequest(violations.map((v) => v.message).join('; '), violations);
    const [existing] = await this.ds.query(`SELECT id FROM star_campaigns WHERE year = $1`, [body.year]);
    if (existing) throw conflict(`the ${body.year} campaign already exists: one campaign a year (S-1)`);
    const campaignId = randomUUID();
    const r = await this.cases.start(
      {
        kind: 'star-campaign',
        workflowType: 'starCampaign',
        businessKey: String(body.year),
        title: `${body.year} 年星级客服评定`,
        data: { ...body, campaignId },
        onCreated: (caseId) =>
          this.ds.query(
            `INSERT INTO star_campaigns (id, year, starts, ceremony_date, awards_finish_by, case_id) VALUES ($1,$2,$3,$4,$5,$6) ON CONFLICT (year) DO NOTHING`,
            [campaignId, body.year, JSON.stringify(body.starts), body.ceremonyDate, body.awardsFinishBy, caseId],
          ),
      },
      user,
    );
    const [row] = await this.ds.query(`SELECT id FROM star_campaigns WHERE year = $1`, [body.year]);
    // the quotas appear once the workflow has taken its headcount snapshot
    for (let i = 0; i < 50; i++) {
      const [q] = await this.ds.query(`SELECT quotas FROM star_campaigns WHERE id = $1`, [row.id]);
      if (q?.quotas) break;
      await new Promise((res2) => setTimeout(res2, 100));
    }
    res.status(r.created ? 201 : 200);
    return this.campaign(row.id);
  }

  @Roles(...STAFF_ROLES, 'employee')
  @Get('star-campaigns')
  async campaigns(@Query() q: Record<string, unknown>, @Res({ passthrough: true }) res: Response) {
    const lq = parseListQuery(
      { sort: '["year","DESC"]', ...q },
      { year: 'c.year', createdAt: 'c.created_at', phase: 'c.phase' },
    );
    const [{ total }] = await this.ds.query(`SELECT count(*)::int AS total FROM star_campaigns`);
    const rows = await this.ds.query(`${CAMPAIGN_SQL} ORDER BY ${lq.orderBy} LIMIT ${lq.limit} OFFSET ${lq.offset}`);
    return sendList(
      res,
      'star-campaigns',
      rows.map((r: any) => this.campaignView(r)),
      lq.offset,
      total,
    );
  }

  private campaignView(r: any) {
    const n = (x: unknown) => Number(x ?? 0);
    const counts = Object.fromEntries(
      ['1', '2', '3'].map((l) => [
        l,
        Object.fromEntries(Object.entries(r.counts?.[l] ?? {}).map(([k, v]) => [k, n(v)])),
      ]),
    );
    return { ...r, counts, temporalUrl: this.temporal.workflowUrl(r.workflowId) };
  }

  @Roles(...STAFF_ROLES, 'employee')
  @Get('star-campaigns/:id')
  async campaign(@Param('id') id: string) {
    uuid(id, 'campaign');
    const [r] = await this.ds.query(`${CAMPAIGN_SQL} WHERE c.id = $1`, [id]);
    if (!r) throw notFound('campaign');
    return this.campaignView(r);
  }

  @Roles('admin')
  @Post('star-campaigns/:id/advance')
  @HttpCode(200)
  async advance(@CurrentUser() user: RequestUser, @Param('id') id: string) {
    const c = await this.campaign(id);
    if (c.phase === 'award' || c.phase === 'closed')
      throw conflict(`the ${c.phase} phase ends by itself when every award is made`);
    await this.update<{ phase: string }>(c.workflowId, STAR_UPDATE_ADVANCE, {
      from: c.phase,
      actor: { userId: user.id, username: user.username },
    } satisfies StarAdvanceUpdate);
    return this.campaign(id);
  }

  /** S-7: exam scores from a file (columns 工号 / employeeCode, 级别 / level, 成绩 / score); every row is checked first. */
  @Roles('admin', 'hr')
  @Post('star-campaigns/:id/exam-import')
  @HttpCode(200)
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: 20 * 1024 * 1024 } }))
  async examImport(
    @CurrentUser() user: RequestUser,
    @Param('id') id: string,
    @UploadedFile() file?: { buffer: Buffer; originalname: string },
  ) {
    const c = await this.campaign(id);
    if (!file) throw badRequest('send the file as multipart field "file"', [{ path: 'file', message: 'required' }]);
    const { ws, header } = await readSheet(file);
    const col = (...names: string[]) => header.findIndex((h) => names.includes(h));
    const [ci, li, si] = [col('工号', 'employeeCode'), col('级别', 'level'), col('成绩', 'score')];
    if (ci < 0 || li < 0 || si < 0)
      throw badRequest('the file needs the columns 工号, 级别, 成绩', [
        { path: 'header', message: 'missing column', rule: 'S-7' },
      ]);
    const apps = await this.ds.query(
      `SELECT e.code, a.case_id, cs.workflow_id FROM star_applications a JOIN employees e ON e.id = a.employee_id JOIN cases cs ON cs.id = a.case_id WHERE a.campaign_id = $1`,
      [c.id],
    );
    const byCode = new Map<string, { case_id: string; workflow_id: string }>(apps.map((a: any) => [a.code, a]));
    const rows: { row: number; workflowId: string; level: StarLevel; score: number }[] = [];
    const errors: ApiErrorDetail[] = [];
    for (let r = 2; r <= ws.rowCount; r++) {
      const v = (ws.getRow(r).values as unknown[]).slice(1);
      if (v.every((x) => x === null || x === undefined || String(x).trim() === '')) continue;
      const code = String(v[ci] ?? '').trim();
      const level = Number(v[li]);
      const score = Number(v[si]);
      const app = byCode.get(code);
      if (!app)
        errors.push({
          path: `rows.${r}.工号`,
          message: `row ${r}: ${code || '(empty)'} has no application in this campaign`,
          rule: 'S-7',
        });
      else if (![1, 2, 3].includes(level))
        errors.push({ path: `rows.${r}.级别`, message: `row ${r}: level must be 1, 2 or 3`, rule: 'S-7' });
      else if (!Number.isFinite(score) || score < 0 || score > 100)
        errors.push({ path: `rows.${r}.成绩`, message: `row ${r}: score must be 0–100`, rule: 'S-7' });
      else rows.push({ row: r, workflowId: app.workflow_id, level: level as StarLevel, score });
    }
    if (errors.length) throw badRequest(`${errors.length} bad row(s): nothing was imported`, errors);
    // cascade order: the higher exam first for each candidate
    rows.sort((a, b) => a.workflowId.localeCompare(b.workflowId) || b.level - a.level);
    const results: { row: number; ok: boolean; message?: string }[] = [];
    for (const r of rows) {
      try {
        await this.update(r.workflowId, STAR_UPDATE_EXAM, {
          level: r.level,
          score: r.score,
          actor: { userId: user.id, username: user.username },
        } satisfies StarExamUpdate);
        results.push({ row: r.row, ok: true });
      } catch (e) {
        results.push({ row: r.row, ok: false, message: (e as Error).message });
      }
    }
    return { imported: results.filter((r) => r.ok).length, rejected: results.filter((r) => !r.ok) };
  }

  // ---------------------------------------------------------------------------------------------- applications

  @Roles(...STAFF_ROLES, 'employee')
  @Post('star-applications')
  async apply(
    @CurrentUser() user: RequestUser,
    @Body(new ZodPipe(StarApplySchema)) body: StarApplyInput,
    @Res({ passthrough: true }) res: Response,
  ) {
    const employeeId = body.employeeId ?? user.employeeId;
    if (!employeeId)
      throw badRequest('your login has no employee record; name the employee', [
        { path: 'employeeId', message: 'required' },
      ]);
    const nominating = employeeId !== user.employeeId;
    const lead = user.roles.includes('team-lead') || user.roles.includes('admin');
    if (nominating && !lead) throw forbidden('only a team lead nominates someone else (S-6)');
    if (body.recommended && !lead)
      throw badRequest('only a team lead recommends an agent as outstanding (S-2)', [
        { path: 'recommended', message: 'team lead only', rule: 'S-2' },
      ]);
    const [c] = body.campaignId
      ? await this.ds.query(
          `SELECT c.id, c.phase, c.year, cs.workflow_id FROM star_campaigns c JOIN cases cs ON cs.id = c.case_id WHERE c.id = $1`,
          [body.campaignId],
        )
      : await this.ds.query(
          `SELECT c.id, c.phase, c.year, cs.workflow_id FROM star_campaigns c JOIN cases cs ON cs.id = c.case_id WHERE c.phase = 'application' ORDER BY c.year LIMIT 1`,
        );
    if (!c) throw conflict('no star campaign is open for applications (S-1)');
    const r = await this.update<{ applicationId: string; created: boolean }>(c.workflow_id, STAR_UPDATE_APPLY, {
      employeeId,
      level: body.level,
      recommended: body.recommended,
      actor: { userId: user.id, username: user.username },
    } satisfies StarApplyUpdate);
    res.status(r.created ? 201 : 200);
    return this.application(user, r.applicationId);
  }

  @Roles(...STAFF_ROLES, 'employee')
  @Get('star-applications')
  async applications(
    @CurrentUser() user: RequestUser,
    @Query() q: Record<string, unknown>,
    @Res({ passthrough: true }) res: Response,
  ) {
    const lq = parseListQuery(q, {
      createdAt: 'a.created_at',
      level: 'a.level',
      status: 'a.status',
      employeeName: 'e.name',
    });
    const params: unknown[] = [user.id];
    const where: string[] = ['true'];
    const eq = (col: string, v: unknown) => {
      if (v !== undefined && v !== null && v !== '') {
        params.push(v);
        where.push(`${col} = $${params.length}`);
      }
    };
    // an agent sees their own applications only
    if (!isStaff(user) || lq.filter.mine === true) {
      params.push(user.employeeId ?? '00000000-0000-0000-0000-000000000000');
      where.push(`a.employee_id = $${params.length}`);
    }
    eq('a.campaign_id::text', lq.filter.campaignId);
    eq('a.status', lq.filter.status);
    eq('a.level', lq.filter.level);
    eq('a.employee_id::text', lq.filter.employeeId);
    if (lq.filter.voting === true) where.push(`a.status = 'committee'`);
    if (lq.filter.id) {
      params.push(([] as unknown[]).concat(lq.filter.id));
      where.push(`a.case_id::text = ANY($${params.length}::text[])`);
    }
    const sql = `${APPLICATION_SQL('$1')} WHERE ${where.join(' AND ')}`;
    const [{ total }] = await this.ds.query(`SELECT count(*)::int AS total FROM (${sql}) x`, params);
    const rows = await this.ds.query(
      `${sql} ORDER BY ${lq.orderBy}, a.case_id LIMIT ${lq.limit} OFFSET ${lq.offset}`,
      params,
    );
    return sendList(
      res,
      'star-applications',
      rows.map((r: any) => toApplicationView(r, user)),
      lq.offset,
      total,
    );
  }

  @Roles(...STAFF_ROLES, 'employee')
  @Get('star-applications/:id')
  async application(@CurrentUser() user: RequestUser, @Param('id') id: string) {
    uuid(id, 'application');
    const [r] = await this.ds.query(`${APPLICATION_SQL('$2')} WHERE a.case_id = $1`, [id, user.id]);
    if (!r) throw notFound('application');
    if (!isStaff(user) && r.employeeId !== user.employeeId) throw forbidden('this application is outside your scope');
    return toApplicationView(r, user);
  }

  /** S-6 review by the team lead; S-5 a recommendation beyond the level's quota is refused. */
  @Roles('team-lead', 'admin')
  @Post('star-applications/:id/review')
  @HttpCode(200)
  async review(
    @CurrentUser() user: RequestUser,
    @Param('id') id: string,
    @Body(new ZodPipe(StarReviewDecisionSchema)) body: z.infer<typeof StarReviewDecisionSchema>,
  ) {
    const app = await this.application(user, id);
    if (body.decision === 'reject' && !body.reason?.trim())
      throw badRequest('a rejection needs a reason (S-6)', [{ path: 'reason', message: 'required', rule: 'S-6' }]);
    const [task] = await this.ds.query(
      `SELECT id FROM tasks WHERE case_id = $1 AND stage = 'lead-review' AND status = 'open' ORDER BY (assignee_user_id = $2) DESC NULLS LAST LIMIT 1`,
      [id, user.id],
    );
    if (!task) throw conflict(`the application is not waiting for a team lead's review (status ${app.status})`);
    if (body.decision === 'approve') {
      const [q] = await this.ds.query(
        `SELECT (c.quotas->>$2)::int AS quota, (SELECT count(*)::int FROM star_applications a WHERE a.campaign_id = c.id AND a.level = $3 AND a.lead_approved) AS used
         FROM star_campaigns c WHERE c.id = $1`,
        [app.campaignId, String(app.level), app.level],
      );
      if (q && q.used >= q.quota)
        throw conflict(
          `the recommendation quota of ${q.quota} place(s) for ${app.level} star(s) is used: ${q.used} already recommended (S-5)`,
        );
    }
    await this.cases.act(user, task.id, { action: body.decision, comment: body.reason });
    return this.application(user, id);
  }

  /** S-7 one exam score; the next exam of the cascade is named in the answer. */
  @Roles('admin', 'hr')
  @Post('star-applications/:id/exam')
  @HttpCode(200)
  async exam(
    @CurrentUser() user: RequestUser,
    @Param('id') id: string,
    @Body(new ZodPipe(StarExamScoreSchema)) body: z.infer<typeof StarExamScoreSchema>,
  ) {
    const app = await this.application(user, id);
    await this.update(app.workflowId, STAR_UPDATE_EXAM, {
      level: body.level,
      score: body.score,
      actor: { userId: user.id, username: user.username },
    } satisfies StarExamUpdate);
    return this.application(user, id);
  }

  /** S-8 a committee member's vote (changeable until the vote closes); members of the candidate's team are refused. */
  @Roles('committee')
  @Post('star-applications/:id/vote')
  @HttpCode(200)
  async vote(
    @CurrentUser() user: RequestUser,
    @Param('id') id: string,
    @Body(new ZodPipe(StarVoteSchema)) body: z.infer<typeof StarVoteSchema>,
  ) {
    uuid(id, 'application');
    const [row] = await this.ds.query(
      `SELECT a.status, e.unit_id, cs.data->'committee'->'conflicted' AS conflicted FROM star_applications a JOIN employees e ON e.id = a.employee_id
       JOIN cases cs ON cs.id = a.case_id WHERE a.case_id = $1`,
      [id],
    );
    if (!row) throw notFound('application');
    if (row.status !== 'committee')
      throw conflict(`the vote on this candidate is not open (status ${row.status}) (S-8)`);
    const [task] = await this.ds.query(
      `SELECT id FROM tasks WHERE case_id = $1 AND stage = 'committee' AND status = 'open' AND assignee_user_id = $2`,
      [id, user.id],
    );
    if (!task) {
      const conflicted = (row.conflicted ?? []).includes(user.id) || (user.unitId && user.unitId === row.unit_id);
      if (conflicted)
        throw forbidden("conflict of interest: a member of the candidate's own team may not vote on them (S-8)");
      throw conflict('you have no open vote on this candidate (S-8)');
    }
    await this.cases.act(user, task.id, { action: body.approve ? 'approve' : 'reject' });
    return this.application(user, id);
  }

  /**
   * S-8, E-6: the committee's ballots on one case (a star application or the month's repair star) — each member's
   * current vote by name (votes are open to the committee and the staff who follow the case; they change until the
   * vote closes). Members who have not voted count as not voted (there is no abstain action).
   */
  @Roles('committee', 'admin', 'hr', 'leadership', 'manager')
  @Get('committee-ballots/:caseId')
  async ballots(@CurrentUser() user: RequestUser, @Param('caseId') caseId: string) {
    uuid(caseId, 'case');
    const [c] = await this.ds.query(
      `SELECT id, kind FROM cases WHERE id = $1 AND kind IN ('star-application', 'repair-star')`,
      [caseId],
    );
    if (!c) throw notFound('case');
    const rows = await this.ds.query(
      `SELECT t.assignee_user_id AS "userId", COALESCE(e.name || '（' || e.code || '）', u.display_name, u.username) AS voter,
              t.decision AS vote, t.decided_at AS at, t.status
       FROM tasks t LEFT JOIN users u ON u.id = t.assignee_user_id LEFT JOIN employees e ON e.id = u.employee_id
       WHERE t.case_id = $1 AND t.stage = 'committee' AND t.round = (SELECT max(round) FROM tasks WHERE case_id = $1 AND stage = 'committee')
       ORDER BY e.code NULLS LAST, u.username`,
      [caseId],
    );
    const ballots = rows.map((r: any) => ({
      userId: r.userId,
      voter: r.voter ?? '—',
      vote: r.vote === 'approve' || r.vote === 'reject' ? r.vote : null,
      at: r.vote ? r.at : null,
      mine: r.userId === user.id,
    }));
    const count = (v: string | null) => ballots.filter((b: { vote: string | null }) => b.vote === v).length;
    return {
      caseId,
      open: rows.some((r: any) => r.status === 'open'),
      members: ballots.length,
      approve: count('approve'),
      reject: count('reject'),
      notVoted: count(null),
      myVote: ballots.find((b: { mine: boolean }) => b.mine)?.vote ?? null,
      ballots,
    };
  }

  /** E-6: the repair star under the committee's vote — month, nominee by name, the E-5 score that made them the star, the points. */
  @Roles('committee', 'admin', 'hr', 'leadership', 'manager')
  @Get('repair-stars/:caseId')
  async repairStar(@Param('caseId') caseId: string) {
    uuid(caseId, 'case');
    const [c] = await this.ds.query(
      `SELECT c.id, c.status, c.outcome, c.data, e.name, e.code, u.name AS "teamName"
       FROM cases c LEFT JOIN employees e ON e.id::text = c.data->>'repairerId' LEFT JOIN org_units u ON u.id = e.unit_id
       WHERE c.id = $1 AND c.kind = 'repair-star'`,
      [caseId],
    );
    if (!c) throw notFound('repair star');
    const d = c.data ?? {};
    const pointsX10 = d.award?.pointsX10 ?? (await policyInEffect(this.ds)).evaluation.repairStarPointsX10;
    const n = (v: unknown) => (typeof v === 'number' ? v : v == null ? null : Number(v));
    return {
      caseId,
      month: d.month,
      status: c.status,
      outcome: c.outcome,
      nominees: [
        {
          employeeId: d.repairerId,
          name: c.name ?? d.repairerName,
          code: c.code ?? null,
          teamName: c.teamName ?? d.teamName ?? null,
          count: n(d.count),
          average: n(d.average),
          volumeBonus: n(d.volumeBonus),
          total: n(d.total),
        },
      ],
      points: pointsX10 / 10,
      bookMonth: d.award?.bookMonth ?? `${Number(String(d.month).slice(0, 4)) + 1}-01`,
    };
  }

  // ---------------------------------------------------------------------------------------------- holders, history

  @Roles(...STAFF_ROLES, 'employee')
  @Get('star-holders')
  async holders(
    @CurrentUser() user: RequestUser,
    @Query() q: Record<string, unknown>,
    @Res({ passthrough: true }) res: Response,
  ) {
    const lq = parseListQuery(
      { sort: '["level","DESC"]', ...q },
      { level: 'h.level', since: 'h.since', employeeName: 'e.name' },
    );
    const params: unknown[] = [];
    const where = ['true'];
    if (!isStaff(user)) {
      params.push(user.employeeId);
      where.push(`h.employee_id = $${params.length}`);
    }
    if (lq.filter.level) {
      params.push(lq.filter.level);
      where.push(`h.level = $${params.length}`);
    }
    const sql = `FROM star_holders h JOIN employees e ON e.id = h.employee_id JOIN org_units u ON u.id = e.unit_id WHERE ${where.join(' AND ')}`;
    const [{ total }] = await this.ds.query(`SELECT count(*)::int AS total ${sql}`, params);
    const rows = await this.ds.query(
      `SELECT h.employee_id AS id, h.employee_id AS "employeeId", e.code AS "employeeCode", e.name AS "employeeName", u.name AS "unitName", h.level,
              h.since::text AS since, h.pay_factor_percent AS "payFactorPercent" ${sql} ORDER BY ${lq.orderBy}, e.code LIMIT ${lq.limit} OFFSET ${lq.offset}`,
      params,
    );
    return sendList(res, 'star-holders', rows, lq.offset, total);
  }

  @Roles(...STAFF_ROLES, 'employee')
  @Get('star-history')
  async history(
    @CurrentUser() user: RequestUser,
    @Query() q: Record<string, unknown>,
    @Res({ passthrough: true }) res: Response,
  ) {
    const lq = parseListQuery({ sort: '["at","DESC"]', ...q }, { at: 'h.at', effectiveFrom: 'h.effective_from' });
    const params: unknown[] = [];
    const where = ['true'];
    if (!isStaff(user)) {
      params.push(user.employeeId);
      where.push(`h.employee_id = $${params.length}`);
    }
    if (lq.filter.employeeId) {
      params.push(lq.filter.employeeId);
      where.push(`h.employee_id::text = $${params.length}`);
    }
    const sql = `FROM star_history h JOIN employees e ON e.id = h.employee_id WHERE ${where.join(' AND ')}`;
    const [{ total }] = await this.ds.query(`SELECT count(*)::int AS total ${sql}`, params);
    const rows = await this.ds.query(
      `SELECT h.id::text AS id, h.employee_id AS "employeeId", e.name AS "employeeName", e.code AS "employeeCode", h.at, h.effective_from::text AS "effectiveFrom", h.from_level AS "fromLevel",
              h.to_level AS "toLevel", h.kind, h.reason, h.rule, h.actor, h.ref ${sql} ORDER BY ${lq.orderBy}, h.id DESC LIMIT ${lq.limit} OFFSET ${lq.offset}`,
      params,
    );
    return sendList(res, 'star-history', rows, lq.offset, total);
  }

  /** S-11 the committee demotes or revokes at once, with a ground and a reason. */
  @Roles('committee', 'admin')
  @Post('star-holders/:employeeId/demote')
  @HttpCode(200)
  async demote(
    @CurrentUser() user: RequestUser,
    @Param('employeeId') employeeId: string,
    @Body(new ZodPipe(StarDemoteSchema)) body: z.infer<typeof StarDemoteSchema>,
  ) {
    uuid(employeeId, 'star holder');
    const violations = validateCommitteeDemotion(body);
    if (violations.length) throw badRequest(violations.map((v) => v.message).join('; '), violations);
    const [h] = await this.ds.query(`SELECT level FROM star_holders WHERE employee_id = $1`, [employeeId]);
    if (!h) throw notFound('star holder');
    if (body.toLevel >= h.level)
      throw badRequest(`toLevel must be below the held ${h.level} star(s) (S-11)`, [
        { path: 'toLevel', message: 'not lower', rule: 'S-11' },
      ]);
    const today = localDate(new Date().toISOString(), (await policyInEffect(this.ds)).calendar.timeZone);
    await this.ds.transaction((tx) =>
      changeStar(tx, {
        employeeId,
        toLevel: body.toLevel,
        effectiveFrom: today,
        kind: body.toLevel === 0 ? 'revoked' : 'demoted',
        reason: `${body.ground === 'unqualified' ? '不合格' : '不在级'}：${body.reason}`,
        rule: 'S-11',
        actor: user.username,
        ref: body.ground,
        key: `demote:${employeeId}:${randomUUID()}`,
      }),
    );
    return { employeeId, level: body.toLevel };
  }

  /** S-4, S-12: the June comprehensive exam sets the second-half pay factor; a low score or a lost rank lowers the star. */
  @Roles('admin', 'hr')
  @Post('star-june-exams')
  @HttpCode(200)
  async juneExams(
    @CurrentUser() user: RequestUser,
    @Body(new ZodPipe(JuneExamSchema)) body: z.infer<typeof JuneExamSchema>,
  ) {
    const policy = await policyInEffect(this.ds);
    const changes: { employeeId: string; from: number; to: number; rule: string; reason: string }[] = [];
    await this.ds.transaction(async (tx) => {
      for (const r of body.results) {
        await tx.query(
          `INSERT INTO star_june_exams (employee_id, year, score, rank) VALUES ($1,$2,$3,$4)
          ON CONFLICT (employee_id, year) DO UPDATE SET score = EXCLUDED.score, rank = EXCLUDED.rank`,
          [r.employeeId, body.year, r.score, r.rank],
        );
        const [h] = await tx.query(`SELECT level FROM star_holders WHERE employee_id = $1`, [r.employeeId]);
        if (!h) continue;
        const { percent, toLevel: to, rule, reason } = juneExamStanding(h.level, r.score, r.rank, policy);
        await tx.query(`UPDATE star_holders SET pay_factor_percent = $2, pay_factor_year = $3 WHERE employee_id = $1`, [
          r.employeeId,
          percent,
          body.year,
        ]);
        if (to < h.level) {
          await changeStar(tx, {
            employeeId: r.employeeId,
            toLevel: to,
            effectiveFrom: `${body.year}-07-01`,
            kind: to === 0 ? 'revoked' : 'lowered',
            reason,
            rule,
            actor: user.username,
            ref: `june-${body.year}`,
            key: `june:${body.year}:${r.employeeId}`,
          });
          changes.push({ employeeId: r.employeeId, from: h.level, to, rule, reason });
        }
      }
    });
    return { results: body.results.length, changes };
  }

  /** S-2: company awards and "advanced individual" titles, which open the direct path to 2 stars in their year. */
  @Roles('admin', 'hr')
  @Post('employee-awards')
  async addAward(
    @CurrentUser() user: RequestUser,
    @Body(new ZodPipe(EmployeeAwardSchema)) body: z.infer<typeof EmployeeAwardSchema>,
    @Res({ passthrough: true }) res: Response,
  ) {
    const policy = await policyInEffect(this.ds);
    if (!policy.stars.directTwoStarAwards.includes(body.kind)) {
      throw badRequest(`kind must be one of ${policy.stars.directTwoStarAwards.join(', ')} (S-2)`, [
        { path: 'kind', message: 'unknown award kind', rule: 'S-2' },
      ]);
    }
    const [e] = await this.ds.query(`SELECT id FROM employees WHERE id = $1`, [body.employeeId]);
    if (!e) throw badRequest('unknown employee', [{ path: 'employeeId', message: 'not found' }]);
    const inserted = await this.ds.query(
      `INSERT INTO employee_awards (employee_id, kind, year) VALUES ($1,$2,$3) ON CONFLICT DO NOTHING RETURNING employee_id`,
      [body.employeeId, body.kind, body.year],
    );
    if (inserted.length) {
      await this.ds.query(
        `INSERT INTO audit_log (actor_id, actor, action, entity, entity_id, after, idempotency_key) VALUES ($1,$2,'employee.award','employee',$3,$4,$5)
         ON CONFLICT (idempotency_key) DO NOTHING`,
        [
          user.id,
          user.username,
          body.employeeId,
          JSON.stringify(body),
          `award:${body.employeeId}:${body.kind}:${body.year}`,
        ],
      );
    }
    res.status(inserted.length ? 201 : 200);
    return { id: `${body.employeeId}:${body.kind}:${body.year}`, ...body };
  }

  @Roles(...STAFF_ROLES, 'employee')
  @Get('employee-awards')
  async awards(
    @CurrentUser() user: RequestUser,
    @Query() q: Record<string, unknown>,
    @Res({ passthrough: true }) res: Response,
  ) {
    const lq = parseListQuery({ sort: '["year","DESC"]', ...q }, { year: 'a.year', employeeName: 'e.name' });
    const params: unknown[] = [];
    const where = ['true'];
    if (!isStaff(user)) {
      params.push(user.employeeId);
      where.push(`a.employee_id = $${params.length}`);
    }
    if (lq.filter.employeeId) {
      params.push(lq.filter.employeeId);
      where.push(`a.employee_id::text = $${params.length}`);
    }
    const sql = `FROM employee_awards a JOIN employees e ON e.id = a.employee_id WHERE ${where.join(' AND ')}`;
    const [{ total }] = await this.ds.query(`SELECT count(*)::int AS total ${sql}`, params);
    const rows = await this.ds.query(
      `SELECT a.employee_id || ':' || a.kind || ':' || a.year AS id, a.employee_id AS "employeeId", e.name AS "employeeName", e.code AS "employeeCode", a.kind, a.year
       ${sql} ORDER BY ${lq.orderBy}, e.code LIMIT ${lq.limit} OFFSET ${lq.offset}`,
      params,
    );
    return sendList(res, 'employee-awards', rows, lq.offset, total);
  }

  // ---------------------------------------------------------------------------------------------- monthly review

  @Roles('admin', 'hr')
  @Post('star-reviews')
  async startReview(
    @CurrentUser() user: RequestUser,
    @Body(new ZodPipe(StartStarReviewSchema)) body: { month: string },
    @Res({ passthrough: true }) res: Response,
  ) {
    const [row] = await this.ds.query(
      `INSERT INTO star_reviews (id, month) VALUES ($1, $2) ON CONFLICT (month) DO UPDATE SET month = EXCLUDED.month RETURNING id, (xmax = 0) AS created`,
      [randomUUID(), body.month],
    );
    const r = await this.cases.start(
      {
        kind: 'star-review',
        workflowType: 'starMonthlyReview',
        businessKey: body.month,
        title: `${body.month} 星级月度考核`,
        data: { reviewId: row.id, month: body.month },
      },
      user,
    );
    await this.ds.query(`UPDATE star_reviews SET case_id = $2 WHERE id = $1 AND case_id IS NULL`, [row.id, r.case.id]);
    res.status(row.created ? 201 : 200);
    return this.reviewDetail(row.id);
  }

  @Roles(...STAFF_ROLES)
  @Get('star-reviews')
  async reviews(@Query() q: Record<string, unknown>, @Res({ passthrough: true }) res: Response) {
    const lq = parseListQuery({ sort: '["month","DESC"]', ...q }, { month: 'r.month', createdAt: 'r.created_at' });
    const [{ total }] = await this.ds.query(`SELECT count(*)::int AS total FROM star_reviews`);
    const rows = await this.ds.query(
      `SELECT r.id, r.month, r.status, r.case_id AS "caseId", c.due_at AS "dueAt", c.stage, c.workflow_id AS "workflowId"
       FROM star_reviews r LEFT JOIN cases c ON c.id = r.case_id ORDER BY ${lq.orderBy} LIMIT ${lq.limit} OFFSET ${lq.offset}`,
    );
    return sendList(res, 'star-reviews', rows, lq.offset, total);
  }

  @Roles(...STAFF_ROLES)
  @Get('star-reviews/:id')
  async reviewDetail(@Param('id') id: string) {
    uuid(id, 'review');
    const [r] = await this.ds.query(
      `SELECT r.id, r.month, r.status, r.case_id AS "caseId", c.due_at AS "dueAt", c.stage, c.workflow_id AS "workflowId"
       FROM star_reviews r LEFT JOIN cases c ON c.id = r.case_id WHERE r.id = $1`,
      [id],
    );
    if (!r) throw notFound('review');
    const rows = await this.ds.query(
      `SELECT e.id AS "employeeId", e.code AS "employeeCode", e.name AS "employeeName", COALESCE(m.level, h.level) AS level, m.score::float AS score,
              COALESCE(m.veto, false) AS veto, m.percent::float AS percent, m.outcome, m.pay_fen::int AS "payFen", m.message
       FROM employees e LEFT JOIN star_holders h ON h.employee_id = e.id LEFT JOIN star_monthly m ON m.employee_id = e.id AND m.month = $1
       WHERE (m.employee_id IS NOT NULL) OR ($2 = 'open' AND h.employee_id IS NOT NULL AND to_char(h.since, 'YYYY-MM') <= $1) ORDER BY e.code`,
      [r.month, r.status],
    );
    return { ...r, rows };
  }

  /** S-10 the team lead submits the month's scores (one per star holder; a veto needs its reason). */
  @Roles('team-lead', 'admin')
  @Post('star-reviews/:id/scores')
  @HttpCode(200)
  async scores(
    @CurrentUser() user: RequestUser,
    @Param('id') id: string,
    @Body(new ZodPipe(StarScoresSchema)) body: z.infer<typeof StarScoresSchema>,
  ) {
    const r = await this.reviewDetail(id);
    const [task] = await this.ds.query(
      `SELECT id FROM tasks WHERE case_id = $1 AND stage = 'scores' AND status = 'open' ORDER BY created_at DESC LIMIT 1`,
      [r.caseId],
    );
    if (!task) throw conflict(`the ${r.month} star review is not waiting for scores`);
    await this.cases.act(user, task.id, { action: 'approve', data: { scores: body.scores } });
    return this.reviewDetail(id);
  }
}
