import simpleRestProvider from 'ra-data-simple-rest';
import { fetchUtils, HttpError, type DataProvider } from 'react-admin';
import type { ApiErrorBody } from '@qf/contracts/common';
import type { BatchApproveInput, BatchApproveResult, CaseDetail, TaskActionInput } from '@qf/contracts/cases';
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
  /** `POST /tasks/batch` (批量同意): which tasks were approved, and each refusal's code. */
  batchApprove(input: BatchApproveInput): Promise<{ data: BatchApproveResult }>;
  /** `POST /<resource>/:id/publish` (flows, policies): a draft becomes immutable. */
  publish(
    resource: 'flows' | 'policies',
    id: string | number,
  ): Promise<{ data: { id: string | number } & Record<string, unknown> }>;
  policyDiff(id: string | number, other: string | number): Promise<{ data: PolicyChange[] }>;
}

const base = simpleRestProvider(API_URL, httpClient);

/**
 * Lists that are another resource's list under a fixed api filter (issue 17): 已办 (the tasks I decided) and 我的流程
 * (the cases I started or am named in). Their rows open as tasks and cases.
 */
export const LIST_ALIASES: Record<string, { resource: string; filter: Record<string, unknown> }> = {
  'done-tasks': { resource: 'tasks', filter: { done: 'mine' } },
  'my-cases': { resource: 'cases', filter: { mine: true } },
};

/** Fired when a list's sort or filter was refused (400) and the list fell back to its default view (layout/ListReset). */
export const LIST_RESET_EVENT = 'qf:list-reset';

/**
 * A list whose sort or filter the api refuses (400) recovers instead of showing an empty, broken view that the
 * console would keep in its store: the list is fetched again in the api's default order without filters, and the
 * layout resets the stored list parameters and says so (issue 11, "lists that don't lie").
 */
export const getListRecovering: DataProvider['getList'] = async (name, params) => {
  // a list that is another resource's list under a fixed filter keeps that filter, also when it recovers
  const { resource, filter: fixed } = LIST_ALIASES[name] ?? { resource: name, filter: {} };
  try {
    return await base.getList(resource, { ...params, filter: { ...params.filter, ...fixed } });
  } catch (e) {
    if (!(e instanceof HttpError) || e.status !== 400) throw e;
    const perPage = params.pagination?.perPage ?? 25;
    const query = new URLSearchParams({ range: JSON.stringify([0, perPage - 1]), filter: JSON.stringify(fixed) });
    const { json, headers } = await httpClient(`${API_URL}/${resource}?${query}`).catch(() => {
      throw e;
    });
    const total = Number(headers.get('content-range')?.split('/').pop());
    if (typeof window !== 'undefined')
      window.dispatchEvent(new CustomEvent(LIST_RESET_EVENT, { detail: { resource: name } }));
    return {
      data: Array.isArray(json) ? json : [],
      total: Number.isFinite(total) ? total : Array.isArray(json) ? json.length : 0,
    };
  }
};

export const dataProvider: QualityFlowDataProvider = {
  ...base,
  getList: getListRecovering,
  async taskAction(id, input) {
    const { json } = await httpClient(`${API_URL}/tasks/${encodeURIComponent(id)}/actions`, {
      method: 'POST',
      body: JSON.stringify(input),
    });
    return { data: json as CaseDetail };
  },
  async batchApprove(input) {
    const { json } = await httpClient(`${API_URL}/tasks/batch`, { method: 'POST', body: JSON.stringify(input) });
    return { data: json as BatchApproveResult };
  },
  async publish(resource, id) {
    const { json } = await httpClient(`${API_URL}/${resource}/${encodeURIComponent(String(id))}/publish`, {
      method: 'POST',
    });
    return { data: json };
  },
  async policyDiff(id, other) {
    const { json } = await httpClient(
      `${API_URL}/policies/${encodeURIComponent(String(id))}/diff/${encodeURIComponent(String(other))}`,
    );
    return { data: Array.isArray(json) ? (json as PolicyChange[]) : [] };
  },
};
