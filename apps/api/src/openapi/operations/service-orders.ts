import { z } from 'zod';
import * as C from '@qf/contracts';
import * as B from '../bodies';
import { ID, json, list, OperationDoc } from './shared';

/** Service work orders (K-1), their deadlines (K-2) and fines per event (K-8). */
export const SERVICE_ORDER_OPERATIONS: Record<string, OperationDoc> = {
  'POST /api/service-orders': {
    summary: 'Accept a service work order at the hotline (K-1); its deadlines follow from its kind (K-2)',
    body: C.CreateServiceOrderSchema,
    ok: { 201: json(C.ServiceOrderDetailResponseSchema) },
  },
  'GET /api/service-orders': {
    summary: 'Service work orders (team leads: their unit’s), open / late / re-dispatched',
    list: ['stage', 'unitId', 'kind', 'late', 'redispatched', 'open', 'month', 'q', 'id'],
    ok: { 200: list(C.ServiceOrderResponseSchema) },
  },
  'GET /api/service-orders/{id}': {
    summary: 'A service work order with its moves and tracking lines',
    params: ID,
    ok: { 200: json(C.ServiceOrderDetailResponseSchema) },
  },
  'POST /api/service-orders/{id}/moves': {
    summary: 'Move an order to its next stage (hotline → dispatch → handling → closed), recorded with who and when',
    params: ID,
    body: C.MoveServiceOrderSchema,
    ok: { 201: json(C.ServiceOrderDetailResponseSchema) },
  },
  'PUT /api/service-orders/{id}/tracking': {
    summary:
      'Record one of the four tracking lines of an order (handler feedback, re-complaint, callback, QA sampling)',
    params: ID,
    body: C.TrackServiceOrderSchema,
    ok: { 200: json(C.ServiceOrderDetailResponseSchema) },
  },
  'POST /api/service-orders/import': {
    summary: 'Import orders from the call system (dispatcher, admin): all rows checked first, nothing on an error',
    body: B.UploadBodySchema,
    multipart: true,
    ok: { 200: json(C.ServiceOrderImportResponseSchema), 201: json(C.ServiceOrderImportResponseSchema) },
  },
  'POST /api/service-fines': {
    summary: "Register a fine for an event within its range (K-8); the person's direct lead approves it",
    body: C.RegisterFineSchema,
    ok: { 201: json(C.FineResponseSchema) },
  },
  'GET /api/service-fines': {
    summary: 'Fines per event (K-8): those one registered, is fined in or decides; all for quality and admin',
    list: ['status', 'kind', 'month', 'employeeId', 'id'],
    ok: { 200: list(C.FineResponseSchema) },
  },
  'GET /api/service-fines/people': {
    summary: 'People to fine or to hand an order to, by name or 工号',
    query: { q: { schema: C.PeopleSearchQuerySchema.shape.q, description: 'part of a name or 工号' } },
    ok: { 200: json(z.array(C.PersonOptionResponseSchema)) },
  },
  'GET /api/service-fines/{id}': {
    summary: 'A fine per event (K-8)',
    params: ID,
    ok: { 200: json(C.FineResponseSchema) },
  },
};
