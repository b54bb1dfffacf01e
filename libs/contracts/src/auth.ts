import { z } from 'zod';
import { Role } from './common';

export const LoginSchema = z.object({
  username: z.string().trim().min(1, 'username is required').max(64),
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
export interface LoginResult { accessToken: string; expiresIn: number; user: AuthUser }
