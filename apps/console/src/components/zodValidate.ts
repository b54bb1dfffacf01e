import type { z } from 'zod';
import { zodIssueCode } from '@qf/contracts/common';
import { setFieldError } from './errorTree';

type ErrorTree = { [key: string]: string | ErrorTree | ErrorTree[] };

/** react-admin renders a field error in this form as `translate(message, args)` when it shows it (ValidationError). */
const RA_ERROR = '@@react-admin@@';

const isKey = (m: string) => /^(ra|qf|resources)\.[\w.-]+$/.test(m);

/**
 * The field message of a zod issue, translated when shown: a schema's own translation key (`ra.validation.required`,
 * `qf.…`) for missing or wrong values, else the stable code's catalogue text (`qf.errors.zod.too_small` → "须不小于 0.5");
 * numbers out of range always say their bound, whatever the schema's message.
 */
export const zodIssueMessage = (issue: z.core.$ZodIssue): string => {
  const { code, params } = zodIssueCode(issue);
  const range = issue.code === 'too_small' || issue.code === 'too_big' || issue.code === 'not_multiple_of';
  const numeric =
    range && !('origin' in issue && (issue.origin === 'string' || issue.origin === 'array' || issue.origin === 'set'));
  if (isKey(issue.message) && !numeric) return issue.message;
  return (
    RA_ERROR +
    JSON.stringify({ message: `qf.errors.${code}`, args: { ...params, _: isKey(issue.message) ? '' : issue.message } })
  );
};

/**
 * Form-level validator from a zod schema (the api validates with the same schemas), returning the
 * nested `{field: message}` shape react-admin's `validate` prop expects, in the user's language.
 */
export const zodValidate =
  (schema: z.ZodType) =>
  (values: Record<string, unknown>): ErrorTree => {
    const result = schema.safeParse(values);
    if (result.success) return {};
    const errors: ErrorTree = {};
    for (const issue of result.error.issues) {
      const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
      // a form-level validator's leaf is a plain key or {message, args} (react-admin's resolver wraps it once more itself)
      const m = zodIssueMessage(issue);
      setFieldError(
        errors,
        path.length ? path : ['root'],
        (m.startsWith(RA_ERROR) ? JSON.parse(m.slice(RA_ERROR.length)) : m) as string,
      );
    }
    return errors;
  };
