/**
 * The console menu, grouped by process (issue 17). ONE line per resource: `'<resource name>': '<group key>'`.
 * A resource not listed here still appears, in the last group (系统管理), so a forgotten line is visible, not lost.
 * Whether a user sees an entry is decided by RESOURCE_ROLES (authProvider/access.ts); a group none of whose
 * entries the user may open is not shown. Group labels: `qf.menu.groups.<key>` (i18n/areas/menu.{zh,en}.ts).
 */
export const MENU_GROUP_KEYS = [
  'inbox',
  'complaints',
  'settlement',
  'stars',
  'evaluation',
  'perception',
  'kpi',
  'quarterly',
  'system',
] as const;

export type MenuGroupKey = (typeof MENU_GROUP_KEYS)[number];

/** Resource → group; within a group, entries keep the order of this list. */
export const MENU_GROUPS: Record<string, MenuGroupKey> = {
  // 审批中心: 待办 / 已办 / 我的流程 and every case
  tasks: 'inbox',
  'done-tasks': 'inbox',
  'my-cases': 'inbox',
  cases: 'inbox',

  // 投诉与扣分
  complaints: 'complaints',
  deductions: 'complaints',
  notices: 'complaints',

  // 月度结算
  settlements: 'settlement',

  // 星级评定
  'star-campaigns': 'stars',
  'star-applications': 'stars',
  'star-voting': 'stars',
  'star-holders': 'stars',
  'star-history': 'stars',
  'star-reviews': 'stars',
  'employee-awards': 'stars',

  // 回访与整改
  'work-orders': 'evaluation',
  evaluations: 'evaluation',
  scores: 'evaluation',
  rectifications: 'evaluation',
  meetings: 'evaluation',

  // 客户感知
  'perception-months': 'perception',
  'perception-rankings': 'perception',
  'indicator-cards': 'perception',

  // KPI 考核 (add KPI resources here: '<resource>': 'kpi')
  'service-orders': 'kpi',
  'service-fines': 'kpi',
  'scorecard-months': 'kpi',

  // 季度考核 (add quarterly resources here: '<resource>': 'quarterly')
  'quarterly-assessments': 'quarterly',

  // 系统管理
  employees: 'system',
  'org-units': 'system',
  users: 'system',
  flows: 'system',
  policies: 'system',
  simulations: 'system',
  audit: 'system',
  'notification-outbox': 'system',
  'notification-settings': 'system',
};

export const menuGroupOf = (resource: string): MenuGroupKey => MENU_GROUPS[resource] ?? 'system';

const ORDER = Object.keys(MENU_GROUPS);
/** Position of a resource within its group (the order of MENU_GROUPS; unlisted ones last). */
export const menuOrderOf = (resource: string): number => {
  const i = ORDER.indexOf(resource);
  return i < 0 ? ORDER.length : i;
};
