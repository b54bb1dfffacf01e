import type { WaitingOn } from '@qf/contracts/cases';

/** E-7/E-8/Q-2 rectifications (整改). The record id is the case id. */
export const ORIGINS = ['dissatisfied-callback', 'supervision-order', 'inspection'] as const;
export type RectificationOrigin = (typeof ORIGINS)[number];

export const RECTIFICATION_STATUSES = ['open', 'submitted', 'confirmed'] as const;
export type RectificationStatus = (typeof RECTIFICATION_STATUSES)[number];

export interface RectificationRecord {
  id: string;
  caseId: string;
  origin: RectificationOrigin;
  internal: boolean;
  orderNo: string | null;
  description: string | null;
  teamUnitId: string | null;
  teamName: string | null;
  branchId: string | null;
  branchName: string | null;
  meetingId: string | null;
  meetingTitle: string | null;
  dueAt: string | null;
  status: RectificationStatus;
  /** E-8 (the api's one definition, shared with the board's counts): not confirmed, and past its meeting while open or submitted after it. */
  overdue: boolean;
  /** Submitted after its meeting (kept once confirmed). */
  late?: boolean;
  meetingAt?: string | null;
  openedAt: string | null;
  submittedAt: string | null;
  waitingOn: WaitingOn[] | null;
  waitingSince: string | null;
  stage: string | null;
  /** Only on `GET /rectifications/:id`: the team lead's submitted plan (E-7). */
  plan?: { revisit?: string; causes?: string; plan?: string } | null;
  /** Only on `GET /rectifications/:id`: the callback whose 不满意 opened it. */
  callback?: RectificationCallback | null;
}

/** The evaluation behind a dissatisfied-callback rectification, with names (姓名（工号）) and the answers given. */
export interface RectificationCallback {
  id: string;
  kind: 'foreman' | 'dispatcher' | 'manager';
  choice: 'satisfied' | 'basic' | 'dissatisfied' | null;
  score: number | null;
  answeredAt: string | null;
  evaluateOn: string | null;
  orderNo: string;
  reporter: string | null;
  closedAt: string | null;
  repairerName: string;
  evaluatorName: string | null;
  answers: { key: string; question: string; answer: string | null }[];
  note: string | null;
}

export interface TeamCount {
  teamUnitId: string;
  teamName: string | null;
  branchName: string | null;
  open: number;
  overdue: number;
}

export interface BranchCount {
  branchId: string;
  branchName: string | null;
  open: number;
  overdue: number;
}

/** `GET /rectifications/summary`. */
export interface RectificationSummary {
  open: number;
  dueThisWeek: number;
  overdue: number;
  byTeam: TeamCount[];
  byBranch: BranchCount[];
}

export const originChoices = ORIGINS.map((id) => ({ id, name: `qf.rectification.origin.${id}` }));
export const rectificationStatusChoices = RECTIFICATION_STATUSES.map((id) => ({
  id,
  name: `qf.rectification.status.${id}`,
}));

export const STATUS_COLOR: Record<RectificationStatus, 'warning' | 'info' | 'success'> = {
  open: 'warning',
  submitted: 'info',
  confirmed: 'success',
};

export const caseUrl = (caseId: string) => `/cases/${encodeURIComponent(caseId)}/show`;
export const meetingUrl = (meetingId: string) => `/meetings/${encodeURIComponent(meetingId)}/show`;
/** The inbox filtered to this rectification's open tasks (plan, review, note). */
export const inboxUrl = (caseId: string) =>
  `/tasks?filter=${encodeURIComponent(JSON.stringify({ caseId, status: 'open' }))}`;
/** The board with a filter set (the list reads its filter from the location). */
export const boardUrl = (filter: Record<string, unknown>) =>
  `/rectifications?filter=${encodeURIComponent(JSON.stringify(filter))}`;

/** Counts may be missing while the api is young: anything that is not a finite number shows as "—". */
export const count = (v: unknown): number | '—' => (typeof v === 'number' && Number.isFinite(v) ? v : '—');
const n0 = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/** Normalizes the summary (arrays may be absent, counts may be null). */
export const normalizeSummary = (json: unknown): RectificationSummary | null => {
  if (!json || typeof json !== 'object') return null;
  const s = json as Partial<RectificationSummary>;
  return {
    open: s.open as number,
    dueThisWeek: s.dueThisWeek as number,
    overdue: s.overdue as number,
    byTeam: (Array.isArray(s.byTeam) ? s.byTeam : []).map((t) => ({ ...t, open: n0(t.open), overdue: n0(t.overdue) })),
    byBranch: (Array.isArray(s.byBranch) ? s.byBranch : []).map((b) => ({
      ...b,
      open: n0(b.open),
      overdue: n0(b.overdue),
    })),
  };
};
