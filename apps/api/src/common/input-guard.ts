import type { NextFunction, Request, Response } from 'express';
import { ApiErrorDetail } from '@qf/contracts';

/** Deepest nesting of a request body or query an endpoint of this api can mean (deeper input is refused, not walked). */
export const MAX_INPUT_DEPTH = 32;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Text no field of this product may hold: NUL (Postgres refuses it, 22021) and lone UTF-16 surrogates (not text at all).
 * Returns the first offending place, or null. Walks at most MAX_INPUT_DEPTH levels, without recursion.
 */
export function inputProblem(value: unknown, root: string): ApiErrorDetail | null {
  const stack: Array<{ v: unknown; path: string; depth: number }> = [{ v: value, path: root, depth: 0 }];
  while (stack.length) {
    const { v, path, depth } = stack.pop()!;
    if (typeof v === 'string') {
      if (v.includes('\u0000')) return { path, message: 'text must not contain a NUL character', code: 'text.nul' };
      if (LONE_SURROGATE.test(v))
        return { path, message: 'text must not contain a lone surrogate', code: 'text.lone_surrogate' };
      continue;
    }
    if (v === null || typeof v !== 'object') continue;
    if (depth >= MAX_INPUT_DEPTH)
      return {
        path,
        message: `input nested deeper than ${MAX_INPUT_DEPTH} levels`,
        code: 'input.too_deep',
        params: { maximum: MAX_INPUT_DEPTH },
      };
    for (const [k, child] of Object.entries(v as Record<string, unknown>)) {
      if (LONE_SURROGATE.test(k) || k.includes('\u0000'))
        return { path, message: 'a key must not contain NUL or a lone surrogate', code: 'text.nul' };
      stack.push({ v: child, path: path ? `${path}.${k}` : k, depth: depth + 1 });
    }
  }
  return null;
}

/**
 * Express middleware after the body parser: every string of the body and the query is checked once at the edge, so no
 * handler, filter or database sees NUL, lone surrogates or unbounded nesting (400 naming the field).
 */
export const inputGuard =
  (badRequest: (detail: ApiErrorDetail) => unknown) => (req: Request, _res: Response, next: NextFunction) => {
    const problem = inputProblem(req.body, '') ?? inputProblem(req.query, 'query');
    next(problem ? badRequest(problem) : undefined);
  };
