/**
 * Who may start a generic review case, which waits on the leadership group: the people who answer for a unit or a
 * function (admin, leadership, HR, branch heads, managers, team leads) — not every employee (issue 12).
 * A module of its own without zod: the console's App reads it on the login route, where zod does not load (issue 17).
 */
export const REVIEW_CASE_STARTERS = ['admin', 'leadership', 'hr', 'branch-head', 'manager', 'team-lead'] as const;
