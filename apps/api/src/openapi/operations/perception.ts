import { z } from 'zod';
import * as C from '@qf/contracts';
import * as B from '../bodies';
import { createdOrExisting, EMPTY, FILE, FORMAT, ID, json, list, OperationDoc } from './shared';

/** Customer perception (P-*), indicator cards and incidents, what-if simulations. */
export const PERCEPTION_OPERATIONS: Record<string, OperationDoc> = {
  // --------------------------------------------------------------------------------------------- perception (P-*)
  'POST /api/perception-months': {
    summary: "Start a month's customer-perception run (P-1…P-5): 201, or 200 with the existing one",
    body: C.StartPerceptionMonthSchema,
    ok: createdOrExisting(C.PerceptionMonthDetailResponseSchema),
  },
  'GET /api/perception-months': {
    summary: 'Customer-perception months',
    list: [],
    ok: { 200: list(C.PerceptionMonthResponseSchema) },
  },
  'GET /api/perception-months/{month}': {
    summary: 'A perception month with its people and units',
    params: { month: 'month' },
    ok: { 200: json(C.PerceptionMonthDetailResponseSchema) },
  },
  'GET /api/perception-rankings': {
    summary: 'Satisfaction ranking of a month, with the year-to-date trend',
    query: {
      month: { schema: C.MonthSchema, required: true, description: 'YYYY-MM' },
      channel: { schema: C.RankingQuerySchema.shape.channel, description: 'repair (default) or hall' },
      scope: { schema: C.RankingQuerySchema.shape.scope, description: 'person (default), team, hall, centre, branch' },
    },
    ok: { 200: json(C.SatisfactionRankingResponseSchema) },
  },
  'POST /api/satisfaction-scores/import': {
    summary: 'Import satisfaction figures from a spreadsheet (quality, admin): all rows checked first',
    body: B.UploadBodySchema,
    multipart: true,
    ok: { 200: json(C.ImportResultResponseSchema), 201: json(C.ImportResultResponseSchema) },
  },
  'POST /api/indicator-results/import': {
    summary:
      'Import monthly service-indicator results per unit (P-6; quality, admin): all rows checked first, then cards',
    body: B.UploadBodySchema,
    multipart: true,
    ok: { 200: json(C.IndicatorImportResponseSchema), 201: json(C.IndicatorImportResponseSchema) },
  },
  'GET /api/indicator-rankings': {
    summary: "A month's units ranked by the service indicators they met (P-6)",
    query: { month: { schema: C.MonthSchema, required: true, description: 'YYYY-MM' } },
    ok: { 200: json(C.IndicatorRankingResponseSchema) },
  },
  'GET /api/indicator-year-rankings': {
    summary: "The year's units ranked by failing months, then by the organisational score posted against them (P-6)",
    query: { year: { schema: C.IndicatorBoardQuerySchema.shape.year, required: true, description: 'calendar year' } },
    ok: { 200: json(C.IndicatorYearRankingResponseSchema) },
  },
  'GET /api/indicator-cards': {
    summary: "The year's failing months per unit: yellow/red cards, deductions, notices, interviews (P-6)",
    query: { year: { schema: C.IndicatorBoardQuerySchema.shape.year, required: true, description: 'calendar year' } },
    ok: { 200: json(z.array(C.IndicatorCardResponseSchema)) },
  },
  'POST /api/incidents': {
    summary: 'Register a major service incident: a written-explanation interview of the department head (P-7)',
    body: C.IncidentSchema,
    ok: { 201: json(C.IncidentResponseSchema) },
  },
  'GET /api/incident-heads': {
    summary: 'People to name as the responsible department head of an incident, by name or 工号 (P-7; quality, admin)',
    query: { q: { schema: C.PeopleSearchQuerySchema.shape.q, description: 'part of a name or 工号' } },
    ok: { 200: json(z.array(C.PersonOptionResponseSchema)) },
  },
  'GET /api/interviews/{caseId}': {
    summary: 'An interview (P-6, P-7) with its record',
    params: { caseId: 'uuid' },
    ok: { 200: json(C.InterviewResponseSchema) },
  },
  // ------------------------------------------------------------------------------------ what-if simulations (issue 16)
  'POST /api/simulations': {
    summary: 'Simulate a policy version (a draft too) over recorded months against a baseline (admin)',
    body: C.StartSimulationSchema,
    ok: { 201: json(C.SimulationDetailResponseSchema) },
  },
  'GET /api/simulations': { summary: 'Simulations (admin)', list: [], ok: { 200: list(C.SimulationResponseSchema) } },
  'GET /api/simulations/{id}': {
    summary: 'A simulation: progress and the summary of what would change',
    params: ID,
    ok: { 200: json(C.SimulationDetailResponseSchema) },
  },
  'GET /api/simulations/{id}/changes': {
    summary: 'The people whose results would change',
    params: ID,
    list: ['month', 'kind', 'branchId'],
    ok: { 200: list(C.SimulationChangeResponseSchema) },
  },
  'GET /api/simulations/{id}/export': {
    summary: 'The people whose results would change, as a spreadsheet',
    params: ID,
    query: FORMAT,
    ok: { 200: FILE },
  },
  'DELETE /api/simulations/{id}': { summary: 'Delete a simulation and its results', params: ID, ok: { 204: EMPTY } },
};
