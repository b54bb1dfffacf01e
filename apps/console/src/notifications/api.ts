import type { MyNotification } from '@qf/contracts/notifications';
import { API_URL, httpClient } from '../dataProvider';

export type { MyNotification };

export const UNREAD_KEY = ['notifications', 'unread-count'];
export const LATEST_KEY = ['notifications', 'latest'];

export const fetchUnread = async (): Promise<number> =>
  Number((await httpClient(`${API_URL}/notifications/unread-count`)).json?.count ?? 0);

export const fetchLatest = async (n = 20): Promise<MyNotification[]> => {
  const q = new URLSearchParams({ range: JSON.stringify([0, n - 1]), sort: JSON.stringify(['createdAt', 'DESC']) });
  const { json } = await httpClient(`${API_URL}/notifications?${q}`);
  return Array.isArray(json) ? json : [];
};

/** Marks the given notifications read, or all of the user's (`ids` null). */
export const markRead = async (ids: string[] | null): Promise<void> => {
  await httpClient(`${API_URL}/notifications/read`, {
    method: 'POST',
    body: JSON.stringify(ids ? { ids } : { all: true }),
  });
};
