import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { EmployeeAwardSchema, JuneExamSchema, StarDemoteSchema } from '@qf/contracts';
import { juneExamStanding, localDate, StarLevel, validateCommitteeDemotion } from '@qf/domain';
import {
  appendAudit,
  changeStar,
  employeeAwardPage,
  employeeExists,
  heldStarLevel,
  insertEmployeeAward,
  policyInEffect,
  saveJuneExam,
  setStarPayFactor,
  starHistoryPage,
  starHolderPage,
} from '@qf/persistence';
import { RequestUser } from '../auth/auth.decorators';
import { badRequest, notFound } from '../common/errors';
import { assertUuid, ownEmployeeOnly } from './star-access';

type Page = { orderBy: string; limit: number; offset: number };

/** S-2, S-4, S-11, S-12: who holds a star, its history, immediate demotion, the June exam, company awards. */
@Injectable()
export class StarHoldersService {
  constructor(@Inject(DataSource) private readonly ds: DataSource) {}

  holders(user: RequestUser, filter: Record<string, unknown>, page: Page) {
    return starHolderPage(this.ds, { employeeOnly: ownEmployeeOnly(user), level: filter.level }, page);
  }

  history(user: RequestUser, filter: Record<string, unknown>, page: Page) {
    return starHistoryPage(this.ds, { employeeOnly: ownEmployeeOnly(user), employeeId: filter.employeeId }, page);
  }

  /** S-11 the committee demotes or revokes at once, with a ground and a reason. */
  async demote(user: RequestUser, employeeId: string, body: z.infer<typeof StarDemoteSchema>) {
    assertUuid(employeeId, 'star holder');
    const violations = validateCommitteeDemotion(body);
    if (violations.length) throw badRequest(violations.map((v) => v.message).join('; '), violations);
    const held = await heldStarLevel(this.ds, employeeId);
    if (held === undefined) throw notFound('star holder');
    if (body.toLevel >= held)
      throw badRequest(`toLevel must be below the held ${held} star(s) (S-11)`, [
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
        actorId: user.id,
        ref: body.ground,
        key: `demote:${employeeId}:${randomUUID()}`,
      }),
    );
    return { employeeId, level: body.toLevel };
  }

  /**
   * S-4, S-12: the June comprehensive exam, in one transaction: each result is stored, each holder gets the
   * second-half pay factor, and a low score or a lost rank lowers the star from 1 July.
   */
  async juneExams(user: RequestUser, body: z.infer<typeof JuneExamSchema>) {
    const policy = await policyInEffect(this.ds);
    const changes: { employeeId: string; from: number; to: number; rule: string; reason: string }[] = [];
    await this.ds.transaction(async (tx) => {
      for (const r of body.results) {
        await saveJuneExam(tx, { ...r, year: body.year });
        // the result (and the pay factor it sets) is one record: its audit row; a lowered star is another
        await appendAudit(tx, {
          actor: { id: user.id, name: user.username },
          action: 'star.june-exam.recorded',
          entity: 'star-june-exam',
          entityId: `${body.year}:${r.employeeId}`,
          after: { ...r, year: body.year },
        });
        const level = await heldStarLevel(tx, r.employeeId);
        if (level === undefined) continue;
        const { percent, toLevel: to, rule, reason } = juneExamStanding(level as StarLevel, r.score, r.rank, policy);
        await setStarPayFactor(tx, r.employeeId, percent, body.year);
        if (to < level) {
          await changeStar(tx, {
            employeeId: r.employeeId,
            toLevel: to,
            effectiveFrom: `${body.year}-07-01`,
            kind: to === 0 ? 'revoked' : 'lowered',
            reason,
            rule,
            actor: user.username,
            actorId: user.id,
            ref: `june-${body.year}`,
            key: `june:${body.year}:${r.employeeId}`,
          });
          changes.push({ employeeId: r.employeeId, from: level, to, rule, reason });
        }
      }
    });
    return { results: body.results.length, changes };
  }

  /** S-2: a company award or "advanced individual" title (kinds from the policy); `created` false when already recorded */
  async addAward(user: RequestUser, body: z.infer<typeof EmployeeAwardSchema>) {
    const policy = await policyInEffect(this.ds);
    if (!policy.stars.directTwoStarAwards.includes(body.kind)) {
      throw badRequest(`kind must be one of ${policy.stars.directTwoStarAwards.join(', ')} (S-2)`, [
        { path: 'kind', message: 'unknown award kind', rule: 'S-2' },
      ]);
    }
    if (!(await employeeExists(this.ds, body.employeeId)))
      throw badRequest('unknown employee', [{ path: 'employeeId', message: 'not found' }]);
    const created = await this.ds.transaction(async (tx) => {
      const inserted = await insertEmployeeAward(tx, body);
      if (inserted)
        await appendAudit(tx, {
          actor: { id: user.id, name: user.username },
          action: 'employee.award',
          entity: 'employee',
          entityId: body.employeeId,
          after: body,
          idempotencyKey: `award:${body.employeeId}:${body.kind}:${body.year}`,
        });
      return inserted;
    });
    return { created, award: { id: `${body.employeeId}:${body.kind}:${body.year}`, ...body } };
  }

  awards(user: RequestUser, filter: Record<string, unknown>, page: Page) {
    return employeeAwardPage(this.ds, { employeeOnly: ownEmployeeOnly(user), employeeId: filter.employeeId }, page);
  }
}
