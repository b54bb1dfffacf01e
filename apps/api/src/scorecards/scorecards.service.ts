import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  appendAudit,
  getScorecardMonth,
  listScorecardMonths,
  postedScorecardMonths,
  saveImportProgress,
  scorecardFineRows,
  scorecardResults,
  setScorecardMonth,
  subjectIdsByCode,
  upsertKpiValues,
} from '@qf/persistence';
import { ApiErrorDetail } from '@qf/contracts';
import { RequestUser } from '../auth/auth.decorators';
import { CasesService } from '../cases/cases.service';
import { startMonthCase } from '../cases/month-case';
import { badRequest, notFound } from '../common/errors';
import { UploadedSheet } from '../common/sheet';
import { readKpiSheet } from './scorecard-import';

const UUID = /^[0-9a-f-]{36}$/i;

/** K-9: the month's scorecard run (a case), its results per unit and person, fines, and the indicator-value imports. */
@Injectable()
export class ScorecardsService {
  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    private readonly cases: CasesService,
  ) {}

  /** Starts (or returns) the month's run; a month still running has no final figures yet: 409. */
  async start(user: RequestUser, month: string) {
    const r = await startMonthCase(this.cases, user, month, {
      kind: 'scorecard-month',
      workflowType: 'scorecardMonth',
      title: `${month} KPI 考核卡月度考核`,
      figures: 'figures',
      code: 'scorecard.month_not_over',
      onCreated: (caseId) => setScorecardMonth(this.ds, month, { caseId }),
    });
    return { created: r.created, month: await this.month(month) };
  }

  list(limit: number, offset: number) {
    return listScorecardMonths(this.ds, limit, offset);
  }

  async month(month: string) {
    const row = await getScorecardMonth(this.ds, month);
    if (!row) throw notFound('scorecard month');
    const [results, fines] = await Promise.all([scorecardResults(this.ds, month), scorecardFineRows(this.ds, month)]);
    return { id: month, ...row, results, fines };
  }

  /** Indicator values the product does not hold (call volume, BOSS errors, network and device failures): all or none. */
  async importValues(user: RequestUser, file: UploadedSheet | undefined, importId?: string) {
    if (!file) throw badRequest('a file is required', [{ path: 'file', message: 'required' }]);
    const id = importId && UUID.test(importId) ? importId : null;
    const progress = async (phase: string, processed: number, total: number, message?: string) => {
      if (id) await saveImportProgress(this.ds, { id, kind: 'kpi-values', phase, processed, total, message });
    };
    await progress('reading', 0, 0);
    try {
      const imported = await this.importRows(user, file, progress);
      await progress('done', imported, imported);
      return { imported };
    } catch (e) {
      await progress('failed', 0, 0, (e as Error).message);
      throw e;
    }
  }

  private async importRows(
    user: RequestUser,
    file: UploadedSheet,
    progress: (phase: string, processed: number, total: number) => Promise<void>,
  ) {
    const { rows, errors } = await readKpiSheet(file);
    await progress('validating', 0, rows.length);
    const ids = await subjectIdsByCode(this.ds, {
      person: rows.filter((r) => r.scope === 'person').map((r) => r.code),
      unit: rows.filter((r) => r.scope === 'unit').map((r) => r.code),
    });
    const resolved: Parameters<typeof upsertKpiValues>[1] = [];
    const seen = new Set<string>();
    const bad = (line: number, field: string, message: string, code: string, params: Record<string, string>) =>
      errors.push({ path: `row ${line}.${field}`, message, code, params, rule: 'K-9' } satisfies ApiErrorDetail);
    for (const r of rows) {
      const subjectId = r.scope === 'person' ? ids.person.get(r.code) : ids.unit.get(r.code)?.id;
      if (!subjectId) {
        bad(r.line, 'code', `unknown code ${r.code}`, 'import.unknown_code', { code: r.code });
        continue;
      }
      const k = `${r.month}:${r.figure}:${r.scope}:${subjectId}:${r.device}`;
      if (seen.has(k)) bad(r.line, 'code', `duplicate row for ${r.code}`, 'import.duplicate_row', { code: r.code });
      seen.add(k);
      resolved.push({ month: r.month, figure: r.figure, scope: r.scope, subjectId, device: r.device, value: r.value });
    }
    const months = [...new Set(rows.map((r) => r.month))];
    for (const m of await postedScorecardMonths(this.ds, months))
      errors.push({
        path: 'month',
        message: `month ${m} is already posted`,
        code: 'scorecard.month_posted',
        params: { month: m },
        rule: 'K-9',
      });
    if (errors.length) throw badRequest(`${errors.length} bad rows: nothing was imported`, errors.slice(0, 200));
    await progress('inserting', 0, resolved.length);
    return this.ds.transaction(async (tx) => {
      const imported = await upsertKpiValues(tx, resolved, user.id);
      await appendAudit(tx, {
        actor: { id: user.id, name: user.username },
        action: 'kpi-values.imported',
        entity: 'kpi-values',
        entityId: file.originalname,
        after: { rows: imported, months },
      });
      return imported;
    });
  }
}
