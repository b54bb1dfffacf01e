import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  appendAudit,
  getPerceptionMonth,
  listPerceptionMonths,
  perceptionPeople,
  perceptionUnitResults,
  postedMonths,
  satisfactionRanking,
  satisfactionTrend,
  setPerceptionMonth,
  subjectIdsByCode,
  upsertImportedScores,
} from '@qf/persistence';
import { RankingQuery, SatisfactionImportRow } from '@qf/contracts';
import { RequestUser } from '../auth/auth.decorators';
import { CasesService } from '../cases/cases.service';
import { startMonthCase } from '../cases/month-case';
import { badRequest, notFound } from '../common/errors';
import { UploadedSheet } from '../common/sheet';
import { readSatisfactionSheet } from './perception-import';

/** P-1…P-5: the month's perception run (a case), its results, the rankings and the satisfaction imports. */
@Injectable()
export class PerceptionService {
  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    private readonly cases: CasesService,
  ) {}

  /** Starts (or returns) the month's run; a month still running has no final figures yet: 409. */
  async start(user: RequestUser, month: string) {
    const r = await startMonthCase(this.cases, user, month, {
      kind: 'perception-month',
      workflowType: 'perceptionMonth',
      title: `${month} 客户感知月度考核`,
      figures: 'satisfaction figures',
      code: 'perception.month_not_over',
      onCreated: (caseId) => setPerceptionMonth(this.ds, month, { caseId }),
    });
    return { created: r.created, month: await this.month(month) };
  }

  list(limit: number, offset: number) {
    return listPerceptionMonths(this.ds, limit, offset);
  }

  async month(month: string) {
    const row = await getPerceptionMonth(this.ds, month);
    if (!row) throw notFound('perception month');
    const [people, units] = await Promise.all([
      perceptionPeople(this.ds, month),
      perceptionUnitResults(this.ds, month),
    ]);
    return { id: month, ...row, people, units };
  }

  async ranking(q: RankingQuery) {
    const [rows, trend] = await Promise.all([
      satisfactionRanking(this.ds, q.month, q.channel, q.scope),
      satisfactionTrend(this.ds, q.month, q.channel, q.scope),
    ]);
    return { ...q, rows, trend };
  }

  /** Satisfaction figures the product does not hold (hall surveys, account managers): all rows or none. */
  async importScores(user: RequestUser, file: UploadedSheet | undefined) {
    if (!file) throw badRequest('a file is required', [{ path: 'file', message: 'required' }]);
    const { rows, errors } = await readSatisfactionSheet(file);
    const codes = {
      person: rows.filter((r) => r.scope === 'person').map((r) => r.code),
      unit: rows.filter((r) => r.scope !== 'person').map((r) => r.code),
    };
    const ids = await subjectIdsByCode(this.ds, codes);
    const resolved: (SatisfactionImportRow & { line: number; subjectId: string })[] = [];
    const seen = new Set<string>();
    for (const r of rows) {
      const unit = r.scope === 'person' ? null : ids.unit.get(r.code);
      const subjectId = r.scope === 'person' ? ids.person.get(r.code) : unit?.id;
      if (!subjectId)
        errors.push({
          path: `row ${r.line}.code`,
          message: `unknown code ${r.code}`,
          code: 'import.unknown_code',
          params: { code: r.code },
          rule: 'P-1',
        });
      else if (unit && unit.kind !== r.scope)
        errors.push({
          path: `row ${r.line}.scope`,
          message: `${r.code} is not a ${r.scope}`,
          code: 'import.scope_mismatch',
          params: { code: r.code },
          rule: 'P-1',
        });
      else {
        const k = `${r.month}:${r.channel}:${r.scope}:${subjectId}`;
        if (seen.has(k))
          errors.push({
            path: `row ${r.line}`,
            message: `duplicate row for ${r.code}`,
            code: 'import.duplicate_row',
            params: { code: r.code },
            rule: 'P-1',
          });
        seen.add(k);
        resolved.push({ ...r, subjectId });
      }
    }
    const posted = await postedMonths(this.ds, [...new Set(rows.map((r) => r.month))]);
    for (const m of posted)
      errors.push({
        path: 'month',
        message: `month ${m} is already posted`,
        code: 'perception.month_posted',
        params: { month: m },
        rule: 'P-1',
      });
    if (errors.length) throw badRequest(`${errors.length} bad rows: nothing was imported`, errors.slice(0, 200));
    return this.ds.transaction(async (tx) => {
      const imported = await upsertImportedScores(tx, resolved, user.id);
      await appendAudit(tx, {
        actor: { id: user.id, name: user.username },
        action: 'satisfaction.imported',
        entity: 'satisfaction',
        entityId: file.originalname,
        after: { rows: imported, months: [...new Set(rows.map((r) => r.month))] },
      });
      return { imported };
    });
  }
}
