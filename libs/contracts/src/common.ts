import { z } from 'zod';

/** Roles of RULES.md O-2. */
export const ROLES = [
  'verifier', 'ruling-lead', 'leadership', 'hr', 'team-lead', 'foreman',
  'dispatcher', 'manager', 'committee', 'admin', 'employee', 'branch-head',
] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

export const MonthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'month must be YYYY-MM');
export const IsoDateTimeSchema = z.string().datetime({ offset: true });
export const IdSchema = z.string().min(1);

/** Error body of every non-2xx answer (API.md). */
export interface ApiErrorDetail { path: string; message: string; rule?: string }
export interface ApiErrorBody { statusCode: number; error: string; message: string; details?: ApiErrorDetail[] }
