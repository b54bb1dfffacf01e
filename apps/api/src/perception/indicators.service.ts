import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { IndicatorImportRow } from '@qf/contracts';
import {
  appendAudit,
  cardIndicatorMonth,
  indicatorBoard,
  indicatorRanking,
  indicatorYearRanking,
  policyInEffect,
  unitsByCode,
  upsertIndicatorResults,
} from '@qf/persistence';
import { RequestUser } from '../auth/auth.decorators';
import { InterviewsService } from './interviews.service';
import { badRequest } from '../common/errors';
import { UploadedSheet } from '../common/sheet';
import { readIndicatorSheet } from './perception-import';

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
   * P-6: each unit failing in `month` is carded once (cardIndicatorMonth: failure, deduction, notices); the interviews
   * are (re)ordered even when the failure was recorded before: the case's key makes them once.
   */
  private async cardMonth(user: RequestUser, month: string) {
    const policy = await policyInEffect(this.ds);
    const out: { unitId: string; month: string; card: string; failureNo: number; interviews: string[] }[] = [];
    for (const u of await cardIndicatorMonth(this.ds, month, policy, { id: user.id, name: user.username })) {
      const interviews: string[] = [];
      for (const i of u.interviews) interviews.push(await this.interviews.order(user, { ...i, policy }));
      if (u.first || interviews.length)
        out.push({ unitId: u.unitId, month, card: u.card, failureNo: u.failureNo, interviews });
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
