import { z } from 'zod';
import * as C from '@qf/contracts';
import * as B from '../bodies';
import { FILE, FORMAT, ID, json, list, OperationDoc } from './shared';

/** Quarterly assessment. */
export const QUARTERLY_OPERATIONS: Record<string, OperationDoc> = {
  'POST /api/quarterly-assessments': {
    summary: 'Draft a quarterly assessment plan (Q-1; quality, admin): period, scope, indicators with weights, owner',
    body: C.QuarterlyPlanSchema,
    ok: { 201: json(C.QuarterlyPlanDetailResponseSchema) },
  },
  'GET /api/quarterly-assessments': {
    summary: 'Quarterly assessment plans, latest quarter first',
    list: ['status', 'period', 'id'],
    ok: { 200: list(C.QuarterlyPlanResponseSchema) },
  },
  'GET /api/quarterly-assessments/{id}': {
    summary: 'A quarterly plan with its units, collected values, findings and results (ranked, with trend)',
    params: ID,
    ok: { 200: json(C.QuarterlyPlanDetailResponseSchema) },
  },
  'PUT /api/quarterly-assessments/{id}': {
    summary: 'Edit a draft quarterly plan (quality, admin)',
    params: ID,
    body: C.QuarterlyPlanSchema,
    ok: { 200: json(C.QuarterlyPlanDetailResponseSchema) },
  },
  'POST /api/quarterly-assessments/{id}/submit': {
    summary: "Submit a draft plan for the quality department lead's approval: its case starts (Q-1)",
    params: ID,
    ok: { 201: json(C.QuarterlyPlanDetailResponseSchema) },
  },
  'PUT /api/quarterly-assessments/{id}/values': {
    summary: 'Enter indicator values per unit during data collection (Q-1): all valid, or none saved',
    params: ID,
    body: C.QuarterlyValuesSchema,
    ok: { 200: json(z.looseObject({ saved: z.number() })) },
  },
  'POST /api/quarterly-assessments/{id}/values/import': {
    summary: 'Import indicator values (columns 单位, 指标, 数值) during data collection (Q-1): all rows or none',
    params: ID,
    body: B.UploadBodySchema,
    multipart: true,
    ok: { 201: json(z.looseObject({ saved: z.number() })) },
  },
  'POST /api/quarterly-assessments/{id}/findings': {
    summary: 'Record an internal review finding of a team (Q-2): it becomes a rectification with the report',
    params: ID,
    body: C.QuarterlyFindingSchema,
    ok: { 201: json(C.QuarterlyFindingResponseSchema) },
  },
  'GET /api/quarterly-assessments/{id}/export': {
    summary: 'The quarterly report as a spreadsheet: ranking, indicator scores, trend, worst indicators, findings',
    params: ID,
    query: FORMAT,
    ok: { 200: FILE },
  },
};
