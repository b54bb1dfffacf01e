import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { IndicatorImportRow } from '@qf/contracts';
import { indicatorFailureAction } from '@qf/domain';
import {
  appendAudit,
  bookUnitLedgerEntries,
  cardPeople,
  failingUnits,
  indicatorBoard,
  indicatorRanking,
  indicatorYearRanking,
  insertIndicatorFailure,
  insertNamedNotice,
  policyInEffect,
  unitName,
  unitsByCode,
  upsertIndicatorResults,
} from '@qf/persistence';
import { RequestUser } from '../auth/auth.decorators';
import { InterviewsService } from './interviews.service';
import { badRequest } from '../common/errors';
import { UploadedSheet } from '../common/sheet';
import { readIndicatorSheet } from './perception-import';

const CARD_ZH: Record<string, string> = { 'yellow-card': '黄牌', 'red-card': '红牌', interview: '约谈', none: '' };

/** P-6 indicator cards: import, carding of each imported month (interviews through InterviewsService), ranking, board. */
@Injectable()
export class IndicatorsService {
  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    private readonly interviews: InterviewsService,
  ) {}

  /** P-6: a month's indicator results per unit (xlsx/csv, all rows or none); then each imported month is carded. */
  async importResults(user: RequestUser, file: UploadedSheet | undefined) {
    if (!file) throw badRequest('a file is required', [{ path: 'file', message: 'required' }]);
    const { rows, errors } = await readIndicatorSheet(file);
    const units = await unitsByCode(this.ds, [...new Set(rows.map((r) => r.code))]);
    const resolved: (IndicatorImportRow & { unitId: string })[] = [];
    const seen = new Set<string>();
    for (const r of rows) {
      const unit = units.get(r.code);
      const key = `${r.month}:${r.code}:${r.indicator}`;
      if (!unit)
        errors.push({
          path: `row ${r.line}.code`,
          message: `unknown unit ${r.code}`,
          code: 'import.unknown_code',
          params: { code: r.code },
          rule: 'P-6',
        });
      else if (seen.has(key))
        errors.push({
          path: `row ${r.line}`,
          message: `duplicate row for ${r.code}`,
          code: 'import.duplicate_row',
          params: { code: r.code },
          rule: 'P-6',
        });
      else resolved.push({ ...r, unitId: unit.id });
      seen.add(key);
    }
    if (errors.length) throw badRequest(`${errors.length} bad rows: nothing was imported`, errors.slice(0, 200));
    const months = [...new Set(rows.map((r) => r.month))].sort();
    const imported = await this.ds.transaction(async (tx) => {
      const n = await upsertIndicatorResults(tx, resolved, user.id);
      await appendAudit(tx, {
        actor: { id: user.id, name: user.username },
        action: 'indicators.imported',
        entity: 'indicator-results',
        entityId: file.originalname,
        after: { rows: n, months },
      });
      return n;
    });
    const cards = [];
    for (const m of months) cards.push(...(await this.cardMonth(user, m)));
    return { imported, cards };
  }

  /**
   * P-6: each unit failing in `month` — its n-th failing month of the year decides the card (indicatorFailureAction):
   * the organisational deduction, the named notices and the interviews. Written once per (unit, month).
   */
  private async cardMonth(user: RequestUser, month: string) {
    const policy = await policyInEffect(this.ds);
    const out: { unitId: string; month: string; card: string; failureNo: number; interviews: string[] }[] = [];
    for (const u of await failingUnits(this.ds, month)) {
      const failureNo = u.failingMonthsBefore + 1;
      const action = indicatorFailureAction(failureNo, policy);
      const people = await cardPeople(this.ds, u.unitId);
      const noticeTo = { vp: people.vp, 'general-manager': people.generalManager };
      const postZh = { vp: '分管副总经理', 'general-manager': '总经理' };
      const card = CARD_ZH[action.card];
      const what = `${u.unitName} ${month.slice(0, 4)} 年第 ${failureNo} 个服务指标不达标月（${month}：${u.failed.join('、')}）`;
      const notices = action.notices.map((n) => ({
        to: n,
        name: noticeTo[n]?.name ?? null,
        message: `${card}通报：${what}，致${postZh[n]}${noticeTo[n]?.name ? ` ${noticeTo[n]!.name}` : ''}（P-6）`,
      }));
      const first = await this.ds.transaction(async (tx) => {
        const inserted = await insertIndicatorFailure(tx, {
          unitId: u.unitId,
          month,
          failureNo,
          card: action.card,
          orgScoreX10: action.orgScoreX10,
          failed: u.failed,
          notices,
        });
        if (!inserted) return false;
        // P-6: the deduction belongs to the unit's organisational score, posted once per (unit, month)
        const orgScorePosted = await bookUnitLedgerEntries(
          tx,
          action.orgScoreX10 > 0
            ? [
                {
                  unitId: u.unitId,
                  month,
                  source: 'indicators',
                  reason: 'indicator-P-6',
                  orgScoreX10: action.orgScoreX10,
                  detail: `${what}：扣组织绩效 ${action.orgScoreX10 / 10} 分（P-6）`,
                },
              ]
            : [],
        );
        for (const n of notices)
          await insertNamedNotice(tx, {
            key: `indicator-card:${u.unitId}:${month}:${n.to}`,
            role: 'leadership',
            userId: noticeTo[n.to]?.userId ?? null,
            message: n.message,
          });
        await appendAudit(tx, {
          actor: { id: user.id, name: user.username },
          action: 'indicator.failure',
          entity: 'org-unit',
          entityId: u.unitId,
          after: { month, failureNo, card: action.card, orgScoreX10: action.orgScoreX10, orgScorePosted, notices },
        });
        return true;
      });
      const interviews: string[] = [];
      // the interviews are (re)ordered even when the failure was recorded before: the case's key makes them once
      for (const who of action.interviews) {
        const person = who === 'branch-head' ? people.branchHead : (people.branchVp ?? people.branchHead);
        const role = who === 'branch-head' ? '分公司经理' : '分公司副经理';
        const caseId = await this.interviews.order(user, {
          businessKey: `card-${month}-${u.unitId}-${who}`,
          title: `${card ? `${card}` : ''}约谈：${u.unitName}${role}（${month}）`,
          person,
          data: {
            origin: 'indicator-card',
            unitId: u.unitId,
            unitName: u.unitName,
            month,
            card: action.card,
            reason: `${what}${card ? `，${card}` : ''}：约谈${role}（P-6）`,
          },
          branchId: people.branchId,
          policy,
        });
        interviews.push(caseId);
      }
      if (first || interviews.length) out.push({ unitId: u.unitId, month, card: action.card, failureNo, interviews });
    }
    return out;
  }

  board(year: number) {
    return indicatorBoard(this.ds, year);
  }

  async yearRanking(year: number) {
    return { year, rows: await indicatorYearRanking(this.ds, year) };
  }

  async ranking(month: string) {
    return { month, rows: await indicatorRanking(this.ds, month) };
  }
}
