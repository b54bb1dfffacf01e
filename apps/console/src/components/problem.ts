import { useCallback, useState } from 'react';
import { HttpError, useLogoutIfAccessDenied } from 'react-admin';
import type { ApiErrorBody, ApiErrorDetail } from '@qf/contracts/common';

/** What an api error says: status, message and the rule-tagged details (400). */
export interface Problem {
  status: number | null;
  message: string;
  details: ApiErrorDetail[];
}

export const problemOf = (e: unknown): Problem => {
  if (e instanceof HttpError) {
    const body = e.body as Partial<ApiErrorBody> | undefined;
    return {
      status: e.status,
      message: typeof body?.message === 'string' ? body.message : e.message,
      details: Array.isArray(body?.details) ? body.details : [],
    };
  }
  return { status: null, message: (e as Error)?.message || 'ra.notification.http_error', details: [] };
};

/** The api's message alone (a translation key or text), never empty. */
export const messageOf = (e: unknown): string => problemOf(e).message || 'ra.notification.http_error';

/** "S-2 message" (the rule first, unless the message already names it). */
export const detailText = (d: ApiErrorDetail): string =>
  d.rule && !d.message.includes(d.rule) ? `${d.rule} ${d.message}` : d.message;

/** One line for a notification: the message, then each detail with its rule ("S-8 …"). */
export const problemText = (p: Problem): string => {
  const lines = p.details
    .map((d) => detailText(d))
    .filter((t) => t && !p.message.includes(t));
  return [p.message, ...lines].filter(Boolean).join('；');
};

/** A failed call's {@link Problem}, or null when it ended the session (react-admin then logs out). */
export const useFailure = () => {
  const logoutIfAccessDenied = useLogoutIfAccessDenied();
  return useCallback(async (e: unknown): Promise<Problem | null> => ((await logoutIfAccessDenied(e)) ? null : problemOf(e)), [logoutIfAccessDenied]);
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
