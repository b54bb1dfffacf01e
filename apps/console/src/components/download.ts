import { HttpError } from 'react-admin';
import { tokenStore } from '../authProvider/tokenStore';
import { messageOf } from './problem';

/** Saves a blob under a file name through a temporary object URL and `a[download]`. */
export const saveBlob = (blob: Blob, filename: string) => {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Give the browser a moment to start the download before the URL is revoked.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
};

/** Saves text generated in the browser as UTF-8 (with `bom`, Excel reads Chinese text correctly). */
export const saveText = (text: string, filename: string, { type = 'text/csv;charset=utf-8', bom = false } = {}) =>
  saveBlob(new Blob(bom ? ['\uFEFF', text] : [text], { type }), filename);

const filenameFrom = (res: Response, fallback: string): string => {
  const cd = res.headers.get('Content-Disposition') ?? '';
  const star = /filename\*=(?:UTF-8'')?([^;]+)/i.exec(cd);
  if (star) {
    try {
      return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''));
    } catch {
      /* fall through */
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(cd);
  return plain ? plain[1].trim() : fallback;
};

/** GET with the bearer token and save the answer as a file; throws an Error with the server's message. */
export const downloadWithToken = async (url: string, fallbackName: string): Promise<void> => {
  const headers: Record<string, string> = {};
  const token = tokenStore.token;
  if (token) headers.Authorization = `Bearer ${token}`;
  const res = await fetch(url, { headers });
  if (!res.ok) {
    let body: unknown;
    try {
      body = await res.json();
    } catch {
      /* not JSON */
    }
    // the refusal in the user's language, rendered from its code and params
    throw Object.assign(new Error(messageOf(new HttpError(res.statusText || `HTTP ${res.status}`, res.status, body))), {
      status: res.status,
    });
  }
  saveBlob(await res.blob(), filenameFrom(res, fallbackName));
};
