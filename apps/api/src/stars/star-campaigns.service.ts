import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { OpenStarCampaignInput, StarCampaignView, StarExamUpdate } from '@qf/contracts';
import { starAdvanceUpdate, starCampaignOpenedUpdate, starExamUpdate } from '@qf/contracts/messages';
import { localDate, validateCampaignOpening } from '@qf/domain';
import {
  findStarCampaign,
  insertStarCampaign,
  policyInEffect,
  starApplicationsByCode,
  starCampaignIdOfYear,
  starCampaignPage,
} from '@qf/persistence';
import { RequestUser } from '../auth/auth.decorators';
import { CasesService } from '../cases/cases.service';
import { badRequest, conflict, notFound } from '../common/errors';
import { UploadedSheet } from '../common/sheet';
import { TemporalService } from '../temporal/temporal.module';
import { assertUuid, starUpdate } from './star-access';
import { readExamScores } from './star-exam-import';
import { toCampaignView } from './star-views';

const actorOf = (user: RequestUser) => ({ userId: user.id, username: user.username });

/** S-1, S-5, S-7: the year's campaign — opening, phases, the exam import. */
@Injectable()
export class StarCampaignsService {
  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    private readonly cases: CasesService,
    private readonly temporal: TemporalService,
  ) {}

  /** S-1: one campaign a year; answers once the campaign has its S-5 quotas (the workflow's headcount snapshot). */
  async open(
    user: RequestUser,
    body: OpenStarCampaignInput,
  ): Promise<{ created: boolean; campaign: StarCampaignView }> {
    const policy = await policyInEffect(this.ds);
    const today = localDate(new Date().toISOString(), policy.calendar.timeZone);
    const violations = validateCampaignOpening(body, today, policy);
    if (violations.length) throw badRequest(violations.map((v) => v.message).join('; '), violations);
    if (await starCampaignIdOfYear(this.ds, body.year))
      throw conflict(`the ${body.year} campaign already exists: one campaign a year (S-1)`);
    const campaignId = randomUUID();
    const r = await this.cases.start(
      {
        kind: 'star-campaign',
        workflowType: 'starCampaign',
        businessKey: String(body.year),
        title: `${body.year} 年星级客服评定`,
        data: { ...body, campaignId },
        onCreated: (caseId) =>
          insertStarCampaign(this.ds, {
            id: campaignId,
            year: body.year,
            starts: body.starts,
            ceremonyDate: body.ceremonyDate,
            awardsFinishBy: body.awardsFinishBy,
            caseId,
          }),
      },
      user,
    );
    const id = (await starCampaignIdOfYear(this.ds, body.year))!;
    let campaign = await this.get(id);
    if (!campaign.quotas) {
      await starUpdate(this.temporal, campaign.workflowId, (h, updateId) =>
        h.executeUpdate(starCampaignOpenedUpdate, { updateId }),
      );
      campaign = await this.get(id);
    }
    return { created: r.created, campaign };
  }

  async list(page: { orderBy: string; limit: number; offset: number }) {
    const { rows, total } = await starCampaignPage(this.ds, page);
    return { rows: rows.map((r) => toCampaignView(r, (w) => this.temporal.workflowUrl(w))), total };
  }

  async get(id: string): Promise<StarCampaignView> {
    assertUuid(id, 'campaign');
    const r = await findStarCampaign(this.ds, id);
    if (!r) throw notFound('campaign');
    return toCampaignView(r, (w) => this.temporal.workflowUrl(w));
  }

  /** S-1: the admin ends the current phase early; the answer shows the next phase. */
  async advance(user: RequestUser, id: string): Promise<StarCampaignView> {
    const c = await this.get(id);
    if (c.phase === 'award' || c.phase === 'closed')
      throw conflict(`the ${c.phase} phase ends by itself when every award is made`);
    await starUpdate(this.temporal, c.workflowId, (h, updateId) =>
      h.executeUpdate(starAdvanceUpdate, {
        args: [{ from: c.phase, actor: actorOf(user) }],
        updateId,
      }),
    );
    return this.get(id);
  }

  /** S-7: exam scores from a file, every row checked first; each score goes to its application's workflow. */
  async importExamScores(user: RequestUser, id: string, file?: UploadedSheet) {
    const c = await this.get(id);
    const rows = await readExamScores(file, await starApplicationsByCode(this.ds, c.id));
    const results: { row: number; ok: boolean; message?: string }[] = [];
    for (const r of rows) {
      try {
        const exam: StarExamUpdate = { level: r.level, score: r.score, actor: actorOf(user) };
        await starUpdate(this.temporal, r.workflowId, (h, updateId) =>
          h.executeUpdate(starExamUpdate, { args: [exam], updateId }),
        );
        results.push({ row: r.row, ok: true });
      } catch (e) {
        results.push({ row: r.row, ok: false, message: (e as Error).message });
      }
    }
    return { imported: results.filter((r) => r.ok).length, rejected: results.filter((r) => !r.ok) };
  }
}
