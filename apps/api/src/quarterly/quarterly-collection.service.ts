import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ApiErrorDetail, QuarterlyFindingInput, QuarterlyValuesInput } from '@qf/contracts';
import {
  appendAudit,
  insertQuarterlyFinding,
  QuarterlyPlanRow,
  teamWithin,
  upsertQuarterlyValues,
} from '@qf/persistence';
import { RequestUser } from '../auth/auth.decorators';
import { badRequest, conflict } from '../common/errors';
import { readSheet, requireColumns, UploadedSheet } from '../common/sheet';
import { QuarterlyService } from './quarterly.service';

/** Q-1 data collection: values entered or imported by the quality department; Q-2 internal review findings. */
@Injectable()
export class QuarterlyCollectionService {
  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    private readonly plans: QuarterlyService,
  ) {}

  private async collecting(id: string): Promise<QuarterlyPlanRow> {
    const p = await this.plans.plan(id);
    if (p.status !== 'collecting')
      throw conflict('the plan is not collecting data now', 'quality.not_collecting', { status: p.status });
    return p;
  }

  /** one value per (unit of the plan, indicator of the plan); a later entry replaces the earlier one. */
  async putValues(user: RequestUser, id: string, body: QuarterlyValuesInput, file?: string) {
    const p = await this.collecting(id);
    const scope = new Set(p.scope);
    const codes = new Set(p.indicators.map((i) => i.code));
    const bad: ApiErrorDetail[] = [];
    body.values.forEach((v, i) => {
      if (!scope.has(v.unitId))
        bad.push({ path: `values.${i}.unitId`, message: 'not a unit of the plan', rule: 'Q-1', code: 'quality.unit' });
      if (!codes.has(v.indicator))
        bad.push({
          path: `values.${i}.indicator`,
          message: 'not an indicator of the plan',
          rule: 'Q-1',
          code: 'quality.indicator',
        });
    });
    if (bad.length) throw badRequest(`${bad.length} bad value(s): nothing was saved`, bad.slice(0, 200));
    return this.ds.transaction(async (tx) => {
      const saved = await upsertQuarterlyValues(tx, id, body.values, file ? 'import' : 'manual', user.id);
      await appendAudit(tx, {
        actor: { id: user.id, name: user.username },
        action: 'quarterly.values',
        entity: 'quarterly-plan',
        entityId: id,
        caseId: p.caseId,
        after: { values: body.values.length, file },
      });
      return { saved };
    });
  }

  /** values from a spreadsheet (单位编码 or 单位, 指标 by code or name, 数值): every row valid, or none saved. */
  async importValues(user: RequestUser, id: string, file: UploadedSheet | undefined) {
    if (!file) throw badRequest('a file is required', [{ path: 'file', message: 'required' }]);
    const p = await this.collecting(id);
    const { ws, header } = await readSheet(file);
    requireColumns(header, ['单位', '指标', '数值']);
    const col = (name: string) => header.indexOf(name) + 1;
    const units = await this.plans.get(id).then((d) => d.units);
    const values: QuarterlyValuesInput['values'] = [];
    const bad: ApiErrorDetail[] = [];
    ws.eachRow((row, line) => {
      if (line === 1) return;
      const cell = (c: string) => String(row.getCell(col(c)).value ?? '').trim();
      const unit = units.find((u) => u.name === cell('单位') || u.id === cell('单位'));
      const ind = p.indicators.find((i) => i.name === cell('指标') || i.code === cell('指标'));
      const value = Number(cell('数值'));
      if (!unit) bad.push({ path: `row ${line}.单位`, message: 'not a unit of the plan', code: 'quality.unit' });
      if (!ind)
        bad.push({ path: `row ${line}.指标`, message: 'not an indicator of the plan', code: 'quality.indicator' });
      if (cell('数值') === '' || !Number.isFinite(value))
        bad.push({ path: `row ${line}.数值`, message: 'not a number', code: 'quality.value' });
      if (unit && ind && Number.isFinite(value)) values.push({ unitId: unit.id, indicator: ind.code!, value });
    });
    if (bad.length) throw badRequest(`${bad.length} bad row(s): nothing was imported`, bad.slice(0, 200));
    if (!values.length) throw badRequest('the file has no data rows', [{ path: 'file', message: 'no rows' }]);
    return { ...(await this.putValues(user, id, { values }, file.originalname)), imported: values.length };
  }

  /** an internal review finding of a team within the plan's scope. */
  async addFinding(user: RequestUser, id: string, body: QuarterlyFindingInput) {
    const p = await this.collecting(id);
    if (!(await teamWithin(this.ds, body.teamUnitId, p.scope)))
      throw badRequest('teamUnitId must be a team within the plan (Q-2)', [
        { path: 'teamUnitId', message: 'not a team of the plan', rule: 'Q-2', code: 'quality.team' },
      ]);
    return this.ds.transaction(async (tx) => {
      const findingId = await insertQuarterlyFinding(tx, {
        planId: id,
        teamUnitId: body.teamUnitId,
        description: body.description,
        deadline: body.deadline ?? null,
        createdBy: user.id,
      });
      await appendAudit(tx, {
        actor: { id: user.id, name: user.username },
        action: 'quarterly.finding',
        entity: 'quarterly-plan',
        entityId: id,
        caseId: p.caseId,
        after: { findingId, ...body },
      });
      return { id: findingId };
    });
  }
}
