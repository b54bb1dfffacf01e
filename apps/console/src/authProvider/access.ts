import type { Role } from '@qf/contracts/common';

/**
 * Which roles see which resource in the menu (admin sees everything). The api enforces access;
 * this only keeps the menu to what a user can use.
 */
export const RESOURCE_ROLES: Record<string, readonly Role[] | 'all'> = {
  tasks: 'all',
  /** 已办 and 我的流程 (issue 17): everyone's own decided tasks and started cases. */
  'done-tasks': 'all',
  'my-cases': 'all',
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
  /** P-1…P-5 客户感知: the quality department runs and reviews the month; leadership, HR and branch heads follow. */
  'perception-months': ['quality', 'leadership', 'hr', 'branch-head'],
  'perception-rankings': ['quality', 'leadership', 'hr', 'branch-head'],
  'indicator-cards': ['quality', 'leadership', 'hr', 'branch-head'],
  /** K-9 KPI 考核卡: the quality department runs and reviews the month; leadership, HR and branch heads follow. */
  'scorecard-months': ['quality', 'leadership', 'hr', 'branch-head'],
  /** K-1/K-2 工单时限看板: dispatchers run it; managers and team leads (their unit) follow and act. */
  'service-orders': ['dispatcher', 'manager', 'team-lead'],
  /** K-8 违规罚款: supervisors register; leads decide in their inbox and read them here. */
  'service-fines': ['team-lead', 'manager', 'quality', 'branch-head', 'hr'],
  /** Q-1 季度考核: the quality department plans and reports; unit heads read the results they acknowledge. */
  'quarterly-assessments': ['quality', 'leadership', 'hr', 'branch-head', 'team-lead'],
  /** E-7/E-8/Q-2 整改看板 (dispatchers may still open rectifications: RECTIFICATION_CREATORS). */
  rectifications: ['manager', 'team-lead', 'branch-head', 'leadership'],
  /** 故障分析会: managers schedule (MEETING_EDITORS), team leads follow. */
  meetings: ['manager', 'team-lead'],
  audit: [],
  /** 通知投递 (issue 17): deliveries, retries and dead letters, administrators only. */
  'notification-outbox': [],
  /** 通知设置: everyone's own delivery preferences. */
  'notification-settings': 'all',
  /** 政策模拟 (issue 16): what-if runs of a draft policy, administrators only. */
  simulations: [],
  users: [],
  /** E-2…E-4 回访评价: the evaluators (foreman self-evaluation, dispatcher and manager callbacks). */
  evaluations: ['dispatcher', 'manager', 'foreman'],
  /** E-1 工单: import closed orders and assign the day's evaluations. */
  'work-orders': ['dispatcher', 'manager'],
  /** E-5/E-6 月度得分 (the api lets these roles read `/scores`). */
  scores: ['dispatcher', 'manager', 'foreman', 'team-lead'],
  /** S-1/S-5 星级评定: the campaign dashboard (admins open and advance it, HR imports exam results). */
  'star-campaigns': ['hr', 'committee', 'leadership', 'team-lead'],
  /** S-2…S-9 星级申请: every agent applies (我要申请); team leads review, HR enters exam scores. */
  'star-applications': 'all',
  /** S-8 评委投票 (page at /star-voting). */
  'star-voting': ['committee'],
  /** S-9…S-12 星级客服: current holders; the committee demotes at once (S-11). */
  'star-holders': ['hr', 'committee', 'leadership', 'team-lead'],
  /** 星级记录: everyone sees their own history (the api scopes rows). */
  'star-history': 'all',
  /** S-10 星级月度考核: HR starts the month, team leads score their holders. */
  'star-reviews': ['hr', 'team-lead', 'committee', 'leadership'],
  /** S-2 获奖记录: company awards / advanced individuals (HR records them; the committee and leads read them). */
  'employee-awards': ['hr', 'committee', 'leadership', 'team-lead'],
};

/** Roles that may change master data (employees, org units). */
export const MASTER_DATA_EDITORS: readonly Role[] = ['admin', 'hr'];

/** Roles that may open a rectification (`POST /rectifications`). */
export const RECTIFICATION_CREATORS: readonly Role[] = ['admin', 'manager', 'dispatcher'];

/** Roles that may schedule and move fault-analysis meetings. */
export const MEETING_EDITORS: readonly Role[] = ['admin', 'manager'];

/** Roles that start a star review month (`POST /star-reviews`, S-10). */
export const STAR_REVIEW_STARTERS: readonly Role[] = ['admin', 'hr'];

export const hasRole = (permissions: unknown, roles: readonly Role[]): boolean =>
  Array.isArray(permissions) && permissions.some((r) => r === 'admin' || roles.includes(r as Role));

export const canUse = (permissions: unknown, resource: string): boolean => {
  const allowed = RESOURCE_ROLES[resource];
  if (allowed === undefined) return false;
  if (allowed === 'all') return Array.isArray(permissions);
  return hasRole(permissions, allowed);
};
