import { useCallback, useMemo, useState } from 'react';
import { HttpError, useLocaleState, useLogoutIfAccessDenied, useTranslate } from 'react-admin';
import type { ApiErrorBody, ApiErrorDetail, ApiErrorParams } from '@qf/contracts/common';
import { i18nProvider } from '../i18n';

/**
 * What an api error says: status, message, its stable `code` (+`params`) and the rule-tagged details (400).
 * Render it with the helpers below — they translate `qf.errors.<code>` (README "Errors") and fall back to the message.
 */
export interface Problem {
  status: number | null;
  message: string;
  code?: string;
  params?: ApiErrorParams;
  details: ApiErrorDetail[];
}

/** react-admin's `translate` (from `useTranslate()`), or the app's i18n provider outside components. */
export type Translate = (key: string, options?: Record<string, unknown>) => string;
const appTranslate: Translate = (key, options) => i18nProvider.translate(key, options);

export const problemOf = (e: unknown): Problem => {
  if (e instanceof HttpError) {
    const body = e.body as Partial<ApiErrorBody> | undefined;
    return {
      status: e.status,
      message: typeof body?.message === 'string' ? body.message : e.message,
      ...(typeof body?.code === 'string' ? { code: body.code } : {}),
      ...(body?.params && typeof body.params === 'object' ? { params: body.params } : {}),
      details: Array.isArray(body?.details) ? body.details : [],
    };
  }
  return { status: null, message: (e as Error)?.message || 'ra.notification.http_error', details: [] };
};

/** Params whose values are words of the catalogue (role keys, severities, phases…): where to look them up. */
const TERMS: Record<string, string[]> = {
  role: ['qf.complaint.person_role', 'qf.roles'],
  roles: ['qf.complaint.person_role', 'qf.roles'],
  severity: ['qf.complaint.severity'],
  cause: ['qf.complaint.cause'],
  phase: ['qf.star.phase'],
  from: ['qf.star.phase'],
  previous: ['qf.star.phase'],
  kind: ['qf.kind'],
  action: ['qf.actions'],
  what: ['qf.errors.terms.what'],
  field: ['qf.errors.terms.field'],
};

const term = (t: Translate, prefixes: string[], value: string): string => {
  for (const prefix of prefixes) {
    const text = t(`${prefix}.${value}`, { _: '' });
    if (text) return text;
  }
  return value;
};

/** Params ready for a message: catalogue words translated ("responsible" → 责任人), lists joined ("责任人或处理人"). */
export const translateParams = (
  params: ApiErrorParams | undefined,
  t: Translate = appTranslate,
): Record<string, string | number> => {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(params ?? {})) {
    const prefixes = TERMS[k];
    if (!prefixes || typeof v !== 'string') out[k] = v;
    else if (k === 'roles')
      out[k] = v
        .split(/\s*,\s*/)
        .filter(Boolean)
        .map((r) => term(t, prefixes, r))
        .join(t('qf.errors.terms.list_separator', { _: ', ' }));
    else out[k] = term(t, prefixes, v);
  }
  return out;
};

/** `qf.errors.<code>` with its params, or '' when the catalogue has no such code. */
export const codeText = (
  code: string | undefined,
  params: ApiErrorParams | undefined,
  t: Translate = appTranslate,
): string => (code ? t(`qf.errors.${code}`, { ...translateParams(params, t), _: '' }) : '');

/** A detail's message in the user's language (from its code), without the rule. */
export const detailMessage = (d: ApiErrorDetail, t: Translate = appTranslate): string =>
  codeText(d.code, d.params, t) || t(d.message, { _: d.message });

/** A detail's message with its rule: "责任人扣分须在 10.0 到 20.0 之间（C-3）". */
export const detailText = (d: ApiErrorDetail, t: Translate = appTranslate): string => {
  const text = detailMessage(d, t);
  return d.rule && !text.includes(d.rule)
    ? t('qf.errors.with_rule', { text, rule: d.rule, _: `${text} (${d.rule})` })
    : text;
};

/** The problem's own message in the user's language (from its code), else the api's message (a key or text). */
export const problemMessage = (p: Problem, t: Translate = appTranslate): string =>
  codeText(p.code, p.params, t) || (p.message ? t(p.message, { _: p.message }) : t('ra.notification.http_error'));

/** The api's message alone, translated, never empty. */
export const messageOf = (e: unknown, t: Translate = appTranslate): string => problemMessage(problemOf(e), t);

/** One line for a notification: the message, then each detail with its rule ("…（S-8）"), in the user's language. */
export const problemText = (p: Problem, t: Translate = appTranslate): string => {
  const message = problemMessage(p, t);
  const lines = p.details.map((d) => detailText(d, t)).filter((x) => x && !message.includes(x));
  return [message, ...new Set(lines)].filter(Boolean).join('；');
};

/** The helpers above bound to the component's `translate` (re-rendered when the locale changes). */
export const useProblemText = () => {
  const translate = useTranslate() as Translate;
  const [locale] = useLocaleState();
  return useMemo(
    () => ({
      problemText: (p: Problem) => problemText(p, translate),
      problemMessage: (p: Problem) => problemMessage(p, translate),
      detailText: (d: ApiErrorDetail) => detailText(d, translate),
      detailMessage: (d: ApiErrorDetail) => detailMessage(d, translate),
      messageOf: (e: unknown) => messageOf(e, translate),
      locale,
    }),
    [translate, locale],
  );
};

/** A failed call's {@link Problem}, or null when it ended the session (react-admin then logs out). */
export const useFailure = () => {
  const logoutIfAccessDenied = useLogoutIfAccessDenied();
  return useCallback(
    async (e: unknown): Promise<Problem | null> => ((await logoutIfAccessDenied(e)) ? null : problemOf(e)),
    [logoutIfAccessDenied],
  );
};

/**
 * Runs an api call with a busy flag: a 401/403 that ends the session logs out (react-admin), any other
 * failure goes to `onProblem` as a {@link Problem}. `onError` sees every failure first (e.g. to close a dialog).
 */
export const useApiCall = () => {
  const failure = useFailure();
  const [busy, setBusy] = useState(false);
  const run = useCallback(
    async (call: () => Promise<void>, onProblem: (p: Problem) => void, onError?: (e: unknown) => void) => {
      setBusy(true);
      try {
        await call();
      } catch (e) {
        onError?.(e);
        const problem = await failure(e);
        if (problem) onProblem(problem);
      } finally {
        setBusy(false);
      }
    },
    [failure],
  );
  return { busy, run };
};
