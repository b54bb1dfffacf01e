import { Response } from 'express';
import { z } from 'zod';
import { badRequest } from './errors';
import { zodIssueDetail } from '@qf/contracts';

export interface ListQuery {
  sort: [string, 'ASC' | 'DESC'];
  range: [number, number];
  filter: Record<string, unknown>;
}

const json =
  <T extends z.ZodTypeAny>(name: string, schema: T, fallback: z.infer<T>) =>
  (raw: unknown): z.infer<T> => {
    if (raw === undefined || raw === '') return fallback;
    let v: unknown;
    try {
      v = JSON.parse(String(raw));
    } catch {
      throw badRequest(
        `${name} must be JSON`,
        [{ path: name, message: 'not valid JSON', code: 'list.not_json' }],
        'list.not_json',
        { name },
      );
    }
    const r = schema.safeParse(v);
    if (!r.success)
      throw badRequest(
        `${name} is malformed`,
        [{ ...zodIssueDetail(r.error.issues[0], { prefix: name }), path: name }],
        'list.malformed',
        { name },
      );
    return r.data;
  };

const parseSort = json('sort', z.tuple([z.string().regex(/^[a-zA-Z]+$/), z.enum(['ASC', 'DESC'])]), [
  'createdAt',
  'DESC',
]);
const parseRange = json('range', z.tuple([z.number().int().min(0), z.number().int().min(-1)]), [0, 24]);
const parseFilter = json('filter', z.record(z.string(), z.unknown()), {});

/** react-admin simple-rest list parameters: sort, range, filter (JSON in the query string). */
export function parseListQuery(
  q: Record<string, unknown>,
  sortable: Record<string, string>,
): ListQuery & { orderBy: string; limit: number; offset: number } {
  const sort = parseSort(q.sort);
  const range = parseRange(q.range);
  const filter = parseFilter(q.filter);
  const column = sortable[sort[0]];
  if (!column)
    throw badRequest(
      `cannot sort by ${sort[0]}`,
      [
        {
          path: 'sort',
          message: `one of ${Object.keys(sortable).join(', ')}`,
          code: 'list.sort_one_of',
          params: { fields: Object.keys(sortable).join(', ') },
        },
      ],
      'list.sort_unsupported',
      { field: sort[0] },
    );
  const limit = Math.min(1000, Math.max(0, range[1] - range[0] + 1));
  return { sort, range, filter, orderBy: `${column} ${sort[1]}`, limit, offset: range[0] };
}

export function sendList<T>(res: Response, resource: string, rows: T[], offset: number, total: number): T[] {
  const end = rows.length ? offset + rows.length - 1 : offset;
  res.setHeader('Content-Range', `${resource} ${offset}-${end}/${total}`);
  return rows;
}

/**
 * sendList for a page already written as JSON text (`count` rows): the text goes out as it is, as application/json
 * (issue 18: no parse and re-serialise of a list the database wrote).
 */
export function sendListJson(
  res: Response,
  resource: string,
  json: string,
  count: number,
  offset: number,
  total: number,
): string {
  const end = count ? offset + count - 1 : offset;
  res.setHeader('Content-Range', `${resource} ${offset}-${end}/${total}`);
  res.type('application/json');
  return json;
}
