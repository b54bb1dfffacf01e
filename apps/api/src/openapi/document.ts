import { z, ZodType } from 'zod';
import * as contracts from '@qf/contracts';
import { ApiErrorBodySchema } from '@qf/contracts';
import * as bodies from './bodies';
import { Answer, OPERATIONS, OperationDoc, ParamFormat } from './operations';

type Json = Record<string, any>;

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
const WITH_BODY = new Set(['post', 'put', 'patch']);
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Component names of the zod schemas: the exported constant's name without `Schema` (`CaseViewResponseSchema` → `CaseViewResponse`). */
const NAMES = new Map<unknown, string>();
for (const [name, value] of [...Object.entries(contracts), ...Object.entries(bodies)])
  if (value instanceof z.ZodType && name.endsWith('Schema') && !NAMES.has(value))
    NAMES.set(value, name.slice(0, -'Schema'.length));

/** JSON Schema (2020-12, as OpenAPI 3.1 uses) of a zod schema; requests as zod reads them, answers as the api writes them. */
export function jsonSchemaOf(schema: ZodType, io: 'input' | 'output'): Json {
  const out = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as Json;
  delete out.$schema;
  if (out.$defs) throw new Error('a recursive schema needs $defs, which an OpenAPI component cannot carry');
  return out;
}

const PARAM_SCHEMAS: Record<ParamFormat, Json> = {
  uuid: { type: 'string', format: 'uuid' },
  int: { type: 'integer', minimum: 1, maximum: 2147483647 },
  month: { type: 'string', pattern: '^\\d{4}-(0[1-9]|1[0-2])$' },
  'flow-version': { type: 'string', pattern: '^[a-z][a-z-]*-v[1-9]\\d{0,8}$' },
};

/** The react-admin list parameters, JSON in the query string (README "Lists"). */
function listParameters(filterKeys: string[]): Json[] {
  return [
    {
      name: 'sort',
      in: 'query',
      required: false,
      description: 'JSON `["field","ASC"|"DESC"]`; an unknown field is a 400 naming the sortable ones',
      schema: { type: 'string', pattern: '^\\["[a-zA-Z]+","(ASC|DESC)"\\]$', example: '["createdAt","DESC"]' },
    },
    {
      name: 'range',
      in: 'query',
      required: false,
      description:
        "JSON `[first, last]` (0-based, inclusive; at most 1000 rows); the answer's Content-Range says `resource first-last/total`",
      schema: { type: 'string', pattern: '^\\[\\d{1,9},\\d{1,9}\\]$', example: '[0,24]' },
    },
    {
      name: 'filter',
      in: 'query',
      required: false,
      description:
        'JSON object of filters' +
        (filterKeys.length ? `: ${filterKeys.map((k) => '`' + k + '`').join(', ')}` : ' (none besides the defaults)'),
      schema: { type: 'string', example: '{}' },
    },
  ];
}

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/ApiErrorBody' } } },
});

/**
 * The OpenAPI 3.1 document the api serves at /api/docs and /api/docs-json: Nest's list of routes (paths, operation ids,
 * tags, header parameters) with every operation's body, parameters, answers and error shape from the zod registry.
 */
export function buildOpenApi(nestDoc: Json): Json {
  const components: Record<string, Json> = {};
  const ref = (schema: ZodType, io: 'input' | 'output'): Json => {
    const name = NAMES.get(schema);
    if (!name) return jsonSchemaOf(schema, io);
    const converted = jsonSchemaOf(schema, io);
    const existing = components[name];
    if (existing && JSON.stringify(existing) !== JSON.stringify(converted))
      throw new Error(`component ${name} is used both as a request and as an answer with different shapes`);
    components[name] = converted;
    return { $ref: `#/components/schemas/${name}` };
  };
  components.ApiErrorBody = jsonSchemaOf(ApiErrorBodySchema, 'output');

  const paths: Json = {};
  for (const [path, item] of Object.entries<Json>(nestDoc.paths ?? {})) {
    paths[path] = {};
    for (const method of METHODS) {
      const nestOp = item[method];
      if (!nestOp) continue;
      const doc: OperationDoc | undefined = OPERATIONS[`${method.toUpperCase()} ${path}`];
      // an operation without an entry (undocumentedOperations names it) still gets the error shape and the token
      paths[path][method] = doc
        ? operation(method, path, nestOp, doc, ref)
        : {
            ...nestOp,
            responses: { ...nestOp.responses, ...errorResponses(method, path, !!nestOp.requestBody, false) },
          };
    }
  }
  return {
    ...nestDoc,
    openapi: '3.1.0',
    info: {
      ...nestDoc.info,
      description:
        'Every error answers `{statusCode, error, message, code, params?, details?}` (`code` + `params`: the stable key ' +
        'a client translates; `details[]` names each refused field). Lists take `sort`, `range` and `filter` as JSON ' +
        'in the query string and answer a `Content-Range` header.',
    },
    paths,
    components: {
      ...nestDoc.components,
      schemas: { ...(nestDoc.components?.schemas ?? {}), ...components },
    },
  };
}

function operation(
  method: string,
  path: string,
  nestOp: Json,
  doc: OperationDoc,
  ref: (s: ZodType, io: 'input' | 'output') => Json,
): Json {
  const pathNames = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
  const parameters: Json[] = [
    ...pathNames.map((name) => ({
      name,
      in: 'path',
      required: true,
      schema: PARAM_SCHEMAS[doc.params?.[name] ?? 'uuid'],
    })),
    ...(doc.list ? listParameters(doc.list) : []),
    ...Object.entries(doc.query ?? {}).map(([name, q]) => ({
      name,
      in: 'query',
      required: !!q.required,
      description: q.description,
      schema: jsonSchemaOf(q.schema, 'input'),
    })),
    // header parameters Nest knows (e.g. Idempotency-Key of task actions)
    ...((nestOp.parameters ?? []) as Json[]).filter((p) => p.in === 'header'),
  ];
  const responses: Json = {};
  for (const [status, answer] of Object.entries(doc.ok) as [string, Answer][])
    responses[status] = success(status, answer, ref);
  Object.assign(responses, errorResponses(method, path, !!doc.body, !!doc.public));

  const out: Json = {
    operationId: nestOp.operationId,
    summary: doc.summary,
    tags: nestOp.tags,
    parameters,
    responses,
    security: doc.public ? [] : [{ bearer: [] }],
  };
  if (doc.body) {
    const schema = ref(doc.body, 'input');
    out.requestBody = {
      required: true,
      content: doc.multipart ? { 'multipart/form-data': { schema } } : { 'application/json': { schema } },
    };
  }
  return out;
}

/** The error answers of an operation, all in the one error shape. */
function errorResponses(method: string, path: string, hasBody: boolean, isPublic: boolean): Json {
  const responses: Json = {};
  responses['400'] = errorResponse('Bad input: `details[]` names each refused field');
  if (!isPublic) {
    responses['401'] = errorResponse('No valid bearer token');
    responses['403'] = errorResponse('Not allowed for your roles');
  }
  responses['404'] = errorResponse('No such record, or one outside your scope');
  if (WITH_BODY.has(method) || method === 'delete') responses['409'] = errorResponse('The state does not allow it');
  if (hasBody) responses['413'] = errorResponse('Request body too large');
  if (path === '/api/auth/login') responses['429'] = errorResponse('Too many attempts: wait Retry-After seconds');
  if (method !== 'get' || path === '/api/health')
    responses['503'] = errorResponse('Busy or a dependency is down: retry after Retry-After seconds');
  responses['4XX'] = errorResponse('Any other refusal, in the same shape');
  return responses;
}

function success(status: string, answer: Answer, ref: (s: ZodType, io: 'input' | 'output') => Json): Json {
  if ('empty' in answer) return { description: 'Done (no content)' };
  if ('file' in answer)
    return {
      description: 'The spreadsheet as a download (Content-Disposition: attachment)',
      content: {
        [XLSX]: { schema: { type: 'string', contentMediaType: XLSX } },
        'text/csv': { schema: { type: 'string' } },
      },
    };
  if ('list' in answer)
    return {
      description: 'One page of the list',
      headers: {
        'Content-Range': {
          description: '`resource first-last/total`',
          schema: { type: 'string', pattern: '^[a-z-]+ \\d+-\\d+/\\d+$' },
        },
      },
      content: { 'application/json': { schema: { type: 'array', items: ref(answer.list, 'output') } } },
    };
  return {
    description: status === '201' ? 'Created' : 'OK',
    content: { 'application/json': { schema: ref(answer.json, 'output') } },
  };
}

/**
 * What the document misses: operations Nest serves with no registry entry, POST/PUT/PATCH without a body schema
 * (unless the registry says it takes none), operations without a 2xx answer schema, and registry entries Nest does not serve.
 */
export function undocumentedOperations(nestDoc: Json): string[] {
  const problems: string[] = [];
  const served = new Set<string>();
  for (const [path, item] of Object.entries<Json>(nestDoc.paths ?? {}))
    for (const method of METHODS) {
      if (!item[method]) continue;
      const key = `${method.toUpperCase()} ${path}`;
      served.add(key);
      const doc = OPERATIONS[key];
      if (!doc) {
        problems.push(`${key}: no entry in apps/api/src/openapi/operations.ts`);
        continue;
      }
      const statuses = Object.keys(doc.ok);
      if (!statuses.some((s) => /^2\d\d$/.test(s))) problems.push(`${key}: no 2xx answer`);
      if (WITH_BODY.has(method) && !doc.body && !BODYLESS.has(key)) problems.push(`${key}: no request body schema`);
    }
  for (const key of Object.keys(OPERATIONS)) if (!served.has(key)) problems.push(`${key}: documented but not served`);
  return problems;
}

/** POSTs that take no body at all (the path says everything). */
export const BODYLESS = new Set([
  'POST /api/auth/logout',
  'POST /api/flows/{id}/publish',
  'POST /api/policies/{id}/publish',
  'POST /api/star-campaigns/{id}/advance',
  'POST /api/quarterly-assessments/{id}/submit',
  'POST /api/scores/{month}/repair-star',
  'POST /api/notification-outbox/{id}/retry',
]);
