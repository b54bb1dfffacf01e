import { z } from 'zod';
import { ApiErrorDetail } from '@qf/contracts';

/** zod issues as error details under `prefix` (e.g. `body.complaints.appealWindowWorkingDays`). */
export const issues = (e: z.ZodError, prefix: string): ApiErrorDetail[] =>
  e.issues.map((i) => ({ path: [prefix, ...i.path.map(String)].filter(Boolean).join('.'), message: i.message }));

/** The draft's name and description (名称/说明), checked alike for flows and policies; `undefined` = not given. */
export function versionText(body: { label?: unknown; description?: unknown } | undefined) {
  const errors: ApiErrorDetail[] = [];
  const text = (key: 'label' | 'description', max: number) => {
    const v = body?.[key];
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'string') errors.push({ path: key, message: 'must be text', code: 'invalid_type' });
    else if (v.trim().length > max)
      errors.push({ path: key, message: `at most ${max} characters`, code: 'too_big', params: { maximum: max } });
    else return v.trim();
    return undefined;
  };
  return { label: text('label', 60), description: text('description', 500), errors };
}

/** A version number from a path or body: a positive integer within the column's range, else null. */
export function versionNumber(raw: unknown): number | null {
  const s = String(raw ?? '');
  if (!/^\d{1,10}$/.test(s)) return null;
  const n = Number(s);
  return n >= 1 && n <= 2_147_483_647 ? n : null;
}

/** What every version shows, flows and policies alike: status, name and description, author, times. */
export const versionFields = (r: any) => ({
  status: r.status,
  label: r.label ?? '',
  description: r.description ?? '',
  authorId: r.created_by ?? null,
  author: r.author ?? null,
  createdAt: r.created_at,
  publishedAt: r.published_at,
});
