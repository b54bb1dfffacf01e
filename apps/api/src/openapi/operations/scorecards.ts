import * as C from '@qf/contracts';
import * as B from '../bodies';
import { createdOrExisting, json, list, OperationDoc } from './shared';

/** KPI scorecards (K-3…K-7, K-9). */
export const SCORECARD_OPERATIONS: Record<string, OperationDoc> = {
  'POST /api/scorecard-months': {
    summary: "Start a month's KPI scorecard run (K-9; quality, admin): 201, or 200 with the existing one",
    body: C.StartScorecardMonthSchema,
    ok: createdOrExisting(C.ScorecardMonthDetailResponseSchema),
  },
  'GET /api/scorecard-months': {
    summary: 'KPI scorecard months',
    list: [],
    ok: { 200: list(C.ScorecardMonthResponseSchema) },
  },
  'GET /api/scorecard-months/{month}': {
    summary: 'A scorecard month with its results per unit and person (each indicator with its formula) and fines',
    params: { month: 'month' },
    ok: { 200: json(C.ScorecardMonthDetailResponseSchema) },
  },
  'POST /api/kpi-values/import': {
    summary:
      'Import indicator values (call volume, BOSS error rate, network exit and device failures …; quality, admin): all rows checked first',
    body: B.WorkOrderUploadBodySchema,
    multipart: true,
    ok: { 200: json(C.ImportResultResponseSchema) },
  },
};
