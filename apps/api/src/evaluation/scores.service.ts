import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { MonthSchema, RepairStarCaseData } from '@qf/contracts';
import { localMonth, monthlyWinners, repairerMonthlyScoreOf } from '@qf/domain';
import { monthScoreRows, policyVersionInEffect, repairStarCaseOf } from '@qf/persistence';
import { PolicySchema } from '@qf/policy';
import { RequestUser } from '../auth/auth.decorators';
import { badRequest, conflict } from '../common/errors';
import { CasesService } from '../cases/cases.service';

/** E-5 / E-6: month-to-date repairer scores, the repair star and the best team; the star's committee case. */
@Injectable()
export class ScoresService {
  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    private readonly cases: CasesService,
  ) {}

  private month(month: string, rule?: string): string {
    const m = MonthSchema.safeParse(month);
    if (!m.success)
      throw badRequest('month must be YYYY-MM', [
        { path: 'month', message: m.error.issues[0].message, ...(rule ? { rule } : {}) },
      ]);
    return month;
  }

  /** E-5 / E-6: two-part repairer scores, team ranking, repair star and best team; the star's committee case. */
  async scores(month: string) {
    this.month(month);
    return {
      ...(await this.monthScores(month)).scores,
      repairStarCase: await repairStarCaseOf(this.ds, month),
    };
  }

  /** E-5 with why: each score carries its rule, the policy version in effect and the evaluations it counted. */
  private async monthScores(month: string) {
    const inEffect = await policyVersionInEffect(this.ds);
    const policy = PolicySchema.parse(inEffect?.body ?? {});
    const rows = await monthScoreRows(this.ds, month);
    const repairers = rows
      .map(({ evaluations, ...r }) => ({
        ...r,
        ...repairerMonthlyScoreOf(evaluations, policy, inEffect?.version ?? null),
      }))
      .sort((a, b) => b.total - a.total);
    const winners = monthlyWinners(
      rows.map((r) => ({ repairerId: r.repairerId, teamId: r.teamId, scores: r.scores })),
      policy,
    );
    return { scores: { month, repairers, ...winners }, policy };
  }

  /**
   * E-6: sends the repair star of a finished month to the performance committee (case kind 'repair-star', workflow
   * `repairStar`); once approved its 0.5 points go to the ledger in January of the next year. One case per month:
   * sending it again returns that case and starts nothing.
   */
  async sendRepairStar(user: RequestUser, month: string) {
    this.month(month, 'E-6');
    const { scores, policy } = await this.monthScores(month);
    if (month >= localMonth(new Date().toISOString(), policy.calendar.timeZone))
      throw conflict(`${month} is not over yet: the repair star is chosen from a finished month (E-6)`);
    const star = scores.repairStar && scores.repairers.find((r) => r.repairerId === scores.repairStar!.repairerId);
    if (!star) throw conflict(`${month} has no scored evaluations: there is no repair star (E-6)`);
    const data: RepairStarCaseData = {
      month,
      repairerId: star.repairerId,
      repairerName: star.name,
      teamId: star.teamId,
      teamName: star.teamName,
      count: star.count,
      average: star.average,
      volumeBonus: star.volumeBonus,
      total: star.total,
      why: star.why,
    };
    return this.cases.start(
      {
        kind: 'repair-star',
        workflowType: 'repairStar',
        businessKey: month,
        title: `${month} 月度维修之星：${star.name}（${star.total} 分）`,
        data: data as unknown as Record<string, unknown>,
        unitId: star.teamId,
        subjectEmployeeIds: [star.repairerId],
      },
      user,
    );
  }
}
