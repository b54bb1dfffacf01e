import { z } from 'zod';
import { Role } from './common';

/**
 * The one form of a username for login and its throttles: Unicode-normalised (NFKC), trimmed, lower-case — so
 * " alice", "alice\t" and "ALICE" are one account and one rate-limit bucket.
 */
export const normaliseUsername = (u: string): string => u.normalize('NFKC').trim().toLowerCase();

export const LoginSchema = z.object({
  username: z.string().max(64).transform(normaliseUsername).pipe(z.string().min(1, 'username is required')),
  password: z.string().min(1, 'password is required').max(256),
});
export type LoginInput = z.infer<typeof LoginSchema>;

export interface AuthUser {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  employeeId: string | null;
  unitId: string | null;
}
export interface LoginResult {
  accessToken: string;
  expiresIn: number;
  user: AuthUser;
}
