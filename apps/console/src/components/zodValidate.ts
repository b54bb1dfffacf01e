import type { z } from 'zod';

type ErrorTree = { [key: string]: string | ErrorTree | ErrorTree[] };

const setPath = (tree: ErrorTree, path: (string | number)[], message: string) => {
  let node: Record<string | number, unknown> = tree;
  path.forEach((key, i) => {
    if (i === path.length - 1) {
      if (node[key] === undefined) node[key] = message;
      return;
    }
    if (typeof node[key] !== 'object' || node[key] === null) node[key] = typeof path[i + 1] === 'number' ? [] : {};
    node = node[key] as Record<string | number, unknown>;
  });
};

/**
 * Form-level validator from a zod schema (the api validates with the same schemas), returning the
 * nested `{field: message}` shape react-admin's `validate` prop expects.
 */
export const zodValidate =
  (schema: z.ZodType) =>
  (values: Record<string, unknown>): ErrorTree => {
    const result = schema.safeParse(values);
    if (result.success) return {};
    const errors: ErrorTree = {};
    for (const issue of result.error.issues) {
      const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
      setPath(errors, path.length ? path : ['root'], issue.message);
    }
    return errors;
  };
