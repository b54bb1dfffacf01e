import { HttpError, type AuthProvider } from 'react-admin';
import { messageOf } from '../components/problem';
import type { AuthUser, LoginResult } from '@qf/contracts/auth';
import { tokenStore } from './tokenStore';

export { tokenStore } from './tokenStore';
export * from './access';

const API = '/api';

interface ErrorLike {
  status?: number;
  message?: string;
}

/** The refusal in the user's language, rendered from its code and params (401 wrong credentials, 429 with the wait). */
const readMessage = async (res: Response): Promise<string> => {
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    /* not JSON */
  }
  return messageOf(new HttpError(res.statusText || `HTTP ${res.status}`, res.status, body));
};

export const authProvider: AuthProvider = {
  async login(params: { username?: string; password?: string }) {
    // zod (the login schema) loads on signing in, not with the login form: it keeps ~60 KB off the first visit (issue 17)
    const { LoginSchema } = await import('@qf/contracts/auth');
    const parsed = LoginSchema.safeParse(params);
    if (!parsed.success) throw new Error('ra.auth.sign_in_error');
    const res = await fetch(`${API}/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(parsed.data),
    });
    if (!res.ok) {
      // 401 wrong credentials, 429 rate-limited: show the server's message either way.
      throw new Error(await readMessage(res));
    }
    const result = (await res.json()) as LoginResult;
    tokenStore.set(result.accessToken, result.user);
  },

  async logout() {
    const token = tokenStore.token;
    tokenStore.clear();
    if (token) {
      // Best effort: the token is already forgotten locally.
      await fetch(`${API}/auth/logout`, { method: 'POST', headers: { Authorization: `Bearer ${token}` } }).catch(
        () => undefined,
      );
    }
  },

  async checkAuth() {
    if (!tokenStore.token) throw new Error('ra.auth.auth_check_error');
  },

  async checkError(error: ErrorLike & { body?: { code?: string } }) {
    if (error?.status === 401) {
      // The token is forgotten by logout (which follows): until then checkAuth passes, so react-admin shows the
      // message, and the login page returns to this page afterwards (issue 17). An expired or revoked session says so.
      throw new Error(
        error.body?.code === 'auth.session_expired' ? 'qf.session.expired' : 'ra.notification.logged_out',
      );
    }
    // 403 and everything else: stay logged in; the caller shows a notification.
  },

  async getPermissions() {
    return tokenStore.user?.roles ?? [];
  },

  async getIdentity() {
    let user: AuthUser | null = tokenStore.user;
    if (!user && tokenStore.token) {
      const res = await fetch(`${API}/auth/me`, { headers: { Authorization: `Bearer ${tokenStore.token}` } });
      if (res.ok) {
        user = (await res.json()) as AuthUser;
        tokenStore.setUser(user);
      }
    }
    if (!user) throw new Error('ra.auth.auth_check_error');
    return { ...user, id: user.id, fullName: user.displayName || user.username };
  },
};
