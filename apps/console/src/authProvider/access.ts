import type { Role } from '@qf/contracts/common';

/**
 * Which roles see which resource in the menu (admin sees everything). The api enforces access;
 * this only keeps the menu to what a user can use.
 */
export const RESOURCE_ROLES: Record<string, readonly Role[] | 'all'> = {
  tasks: 'all',
  cases: 'all',
  complaints: ['verifier', 'ruling-lead', 'leadership', 'hr', 'team-lead', 'manager', 'branch-head', 'committee'],
  deductions: 'all',
  /** C-11 named notices of liable complaints. */
  notices: ['verifier', 'ruling-lead', 'leadership', 'hr'],
  employees: ['hr', 'leadership', 'branch-head'],
  'org-units': ['hr', 'leadership', 'branch-head'],
  /** Flow definitions: everyone signed in may read; admins edit drafts and publish. */
  flows: 'all',
  /** Policy versions (every number of RULES.md): for the people who apply them; admins edit. */
  policies: ['leadership', 'ruling-lead', 'verifier', 'hr', 'branch-head', 'committee'],
  /** H-1…H-3 month close: HR starts and exports, branch heads confirm their branch, leadership follows. */
  settlements: ['hr', 'branch-head', 'leadership'],
  audit: [],
  users: [],
};

/** Roles that may change master data (employees, org units). */
export const MASTER_DATA_EDITORS: readonly Role[] = ['admin', 'hr'];

export const hasRole = (permissions: unknown, roles: readonly Role[]): boolean =>
  Array.isArray(permissions) && permissions.some((r) => r === 'admin' || roles.includes(r as Role));

export const canUse = (permissions: unknown, resource: string): boolean => {
  const allowed = RESOURCE_ROLES[resource];
  if (allowed === undefined) return false;
  if (allowed === 'all') return Array.isArray(permissions);
  return hasRole(permissions, allowed);
};
