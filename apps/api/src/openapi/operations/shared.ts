import { z, ZodType } from 'zod';

/**
 * The OpenAPI registry's vocabulary: every operation of the api by `METHOD /path` (as Nest lists it), with its request
 * body, query and path parameters and its success answers, all as zod schemas (the body schemas are the ones the
 * ZodPipe applies). The entries live per area (core, processes, perception, stars); `index.ts` joins them.
 */
export type ParamFormat = 'uuid' | 'int' | 'month' | 'flow-version';
/** A success answer: a JSON schema, a list of items (Content-Range header), a spreadsheet download, or no content. */
export type Answer = { json: ZodType } | { list: ZodType } | { file: true } | { empty: true };
export interface OperationDoc {
  summary: string;
  /** no bearer token needed */
  public?: true;
  body?: ZodType;
  /** the body is multipart/form-data (a file upload) */
  multipart?: true;
  /** react-admin list parameters: the keys `filter` understands */
  list?: string[];
  query?: Record<string, { schema: ZodType; required?: boolean; description: string }>;
  params?: Record<string, ParamFormat>;
  /** success statuses and their answers */
  ok: Partial<Record<200 | 201 | 204, Answer>>;
}

export const json = (schema: ZodType): Answer => ({ json: schema });
export const list = (item: ZodType): Answer => ({ list: item });
export const FILE: Answer = { file: true };
export const EMPTY: Answer = { empty: true };
export const ID = { id: 'uuid' } as const;
export const FORMAT = {
  format: { schema: z.enum(['xlsx', 'csv']).default('xlsx'), description: 'spreadsheet format (default xlsx)' },
};
/** POSTs that answer 201 for a new record and 200 with the existing one (idempotent by business key). */
export const createdOrExisting = (schema: ZodType) => ({ 201: json(schema), 200: json(schema) });
