import simpleRestProvider from 'ra-data-simple-rest';
import { fetchUtils, HttpError, type DataProvider } from 'react-admin';
import type { ApiErrorBody } from '@qf/contracts/common';
import type { CaseDetail, TaskActionInput } from '@qf/contracts/cases';
import { tokenStore } from '../authProvider/tokenStore';
import { detailText, problemMessage, problemOf, problemText } from '../components/problem';

export const API_URL = '/api';

/**
 * Field path of an api error detail, without a leading "body."/"data." wrapper added by some validators.
 * Policy forms edit a real `body` field, so their paths keep it (`keepBody`).
 */
const fieldOf = (path: string, keepBody = false) =>
  (keepBody ? path : path.replace(/^(body|data)\./, '')).replace(/\[(\d+)\]/g, '.$1');

/**
 * Turns a 400 with `details` into react-admin's server-side validation shape (`body.errors`), so forms
 * show each message under its input, and the top-level message as a notification (`root.serverError`).
 */
export const toValidationError = (error: unknown, keepBody = false): unknown => {
  if (!(error instanceof HttpError)) return error;
  const body = error.body as Partial<ApiErrorBody> | undefined;
  // README "Errors": messages in the user's language from the api's codes (components/problem.ts)
  const problem = problemOf(error);
  const withDetails = error.status === 400 && Array.isArray(body?.details) && body.details.length > 0;
  const message = withDetails ? problemMessage(problem) : problemText(problem);
  if (withDetails && body?.details) {
    const errors: Record<string, unknown> = { root: { serverError: message } };
    for (const d of body.details) {
      const key = fieldOf(String(d.path ?? ''), keepBody);
      const text = detailText(d);
      if (key && !(key in errors)) errors[key] = text;
    }
    return new HttpError(message, error.status, { ...body, errors });
  }
  if (message !== error.message) return new HttpError(message, error.status, body);
  return error;
};

export const httpClient = async (url: string, options: fetchUtils.Options = {}) => {
  const headers = new Headers(options.headers ?? { Accept: 'application/json' });
  const token = tokenStore.token;
  if (token) headers.set('Authorization', `Bearer ${token}`);
  try {
    return await fetchUtils.fetchJson(url, { ...options, headers });
  } catch (e) {
    throw toValidationError(e, url.startsWith(`${API_URL}/policies`));
  }
};

/** One changed leaf of `GET /policies/:id/diff/:other`. */
export interface PolicyChange {
  path: string;
  before: unknown;
  after: unknown;
}

export interface QualityFlowDataProvider extends DataProvider {
  taskAction(id: string, input: TaskActionInput): Promise<{ data: CaseDetail }>;
  /** `POST /<resource>/:id/publish` (flows, policies): a draft becomes immutable. */
  publish(resource: 'flows' | 'policies', id: string | number): Promise<{ data: { id: string | number } & Record<string, unknown> }>;
  policyDiff(id: string | number, other: string | number): Promise<{ data: PolicyChange[] }>;
}

const base = simpleRestProvider(API_URL, httpClient);

export const dataProvider: QualityFlowDataProvider = {
  ...base,
  async taskAction(id, input) {
    const { json } = await httpClient(`${API_URL}/tasks/${encodeURIComponent(id)}/actions`, {
      method: 'POST',
      body: JSON.stringify(input),
    });
    return { data: json as CaseDetail };
  },
  async publish(resource, id) {
    const { json } = await httpClient(`${API_URL}/${resource}/${encodeURIComponent(String(id))}/publish`, { method: 'POST' });
    return { data: json };
  },
  async policyDiff(id, other) {
    const { json } = await httpClient(
      `${API_URL}/policies/${encodeURIComponent(String(id))}/diff/${encodeURIComponent(String(other))}`,
    );
    return { data: Array.isArray(json) ? (json as PolicyChange[]) : [] };
  },
};
