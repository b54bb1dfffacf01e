import { z } from 'zod';
import { ROLES } from './common';

export const EMPLOYMENT_TYPES = ['staff', 'temporary', 'outsourced'] as const;
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD');

/** O-1: an employee as created or edited through the api. */
export const EmployeeSchema = z.object({
  code: z.string().trim().min(1, 'code is required (O-1)').max(32),
  name: z.string().trim().min(1, 'name is required (O-1)').max(100),
  unitId: z.string().uuid('unitId must be an org-unit id (O-1)'),
  post: z.string().trim().max(100).default(''),
  postBonusFen: z.number().int('post bonus is integer fen').min(0).max(100_000_000),
  hireDate: date.nullable().optional(),
  jobType: z.string().trim().max(100).default(''),
  employmentType: z.enum(EMPLOYMENT_TYPES),
  supervisorId: z.string().uuid().nullable().optional(),
  vpId: z.string().uuid().nullable().optional(),
});
export type EmployeeInput = z.infer<typeof EmployeeSchema>;

/** O-1: one row of an employee import file (xlsx or csv), by codes instead of ids. */
export const EmployeeImportRowSchema = z.object({
  code: z.string().trim().min(1, 'code is required'),
  name: z.string().trim().min(1, 'name is required'),
  unitCode: z.string().trim().min(1, 'unitCode is required'),
  post: z.string().trim().default(''),
  postBonusFen: z.coerce.number().int('postBonusFen must be an integer (fen)').min(0, 'postBonusFen must be ≥ 0'),
  hireDate: z.union([date, z.literal('')]).optional(),
  jobType: z.string().trim().default(''),
  employmentType: z.enum(EMPLOYMENT_TYPES, { message: 'employmentType must be staff, temporary or outsourced' }),
  supervisorCode: z.string().trim().optional(),
  vpCode: z.string().trim().optional(),
});
export type EmployeeImportRow = z.infer<typeof EmployeeImportRowSchema>;
export const EMPLOYEE_IMPORT_COLUMNS = [
  'code',
  'name',
  'unitCode',
  'post',
  'postBonusFen',
  'hireDate',
  'jobType',
  'employmentType',
  'supervisorCode',
  'vpCode',
] as const;

export const OrgUnitSchema = z.object({
  code: z.string().trim().min(1).max(32),
  name: z.string().trim().min(1).max(100),
  kind: z.enum(['company', 'branch', 'centre', 'hall', 'team']),
  parentId: z.string().uuid().nullable().optional(),
});

/** O-2: a login with its roles (admin manages). */
export const UserSchema = z.object({
  username: z
    .string()
    .trim()
    .toLowerCase()
    .min(2)
    .max(64)
    .regex(/^[a-z0-9._-]+$/i, 'letters, digits, . _ -'),
  displayName: z.string().trim().min(1).max(100),
  roles: z.array(z.enum(ROLES)).min(1, 'at least one role (O-2)'),
  employeeId: z.string().uuid().nullable().optional(),
  active: z.boolean().default(true),
  password: z.string().min(8, 'at least 8 characters').max(256).optional(),
});
export type UserInput = z.infer<typeof UserSchema>;
