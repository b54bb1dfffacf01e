import type { WaitingOn } from '@qf/contracts/cases';

/** H-1…H-3: a month's close. Points are ×10, money in fen. */
export const SETTLEMENT_STATUSES = ['computing', 'confirming', 'approving', 'locked'] as const;
export type SettlementStatus = (typeof SETTLEMENT_STATUSES)[number];

export const GRADES = ['P4', 'P5'] as const;
export type Grade = (typeof GRADES)[number];

export interface SettlementTotals {
  employees: number;
  pointsX10: number;
  moneyFen: number;
  branches: number;
  p4: number;
  p5: number;
}

export interface SettlementBranch {
  branchId: string;
  branchName: string | null;
  employees: number;
  /** ×10 */
  points: number;
  moneyFen: number;
  p4: number;
  p5: number;
  /** null for company-level people (no branch confirmation: HR's approval covers them) */
  confirmed: boolean | null;
  /** The branch head's confirmation task of the latest round: its state, decision and who decided (姓名（工号）). */
  taskId?: string | null;
  round?: number | null;
  taskStatus?: 'open' | 'done' | 'cancelled' | null;
  decision?: string | null;
  decidedAt?: string | null;
  headName?: string | null;
  decidedByName?: string | null;
}

/** `GET /settlements/by-task/:taskId`: the settlement a confirmation / approval task decides. */
export interface SettlementForTask extends SettlementRecord {
  taskStage: string;
  taskRound: number;
  /** the branch of the confirming branch head (null for HR's approval) */
  taskBranchId: string | null;
}

/** Money in 元 with two decimals (fen in the api). */
export const formatYuan = (fen: unknown): string =>
  typeof fen === 'number' && Number.isFinite(fen) ? `${(fen / 100).toFixed(2)} 元` : '—';

export interface SettlementRecord {
  id: string;
  month: string;
  status: SettlementStatus;
  totals: Partial<SettlementTotals> | null;
  caseId: string | null;
  policyVersion: number | null;
  createdAt: string;
  lockedAt: string | null;
  stage: string | null;
  waitingOn: WaitingOn[] | null;
  dueAt: string | null;
  /** Only on `GET /settlements/:id`. */
  branches?: SettlementBranch[];
}

export interface SettlementReason {
  rule: string;
  message: string;
  /** the same reason in Chinese (the api's translation) */
  messageZh?: string;
}

/** One employee of `GET /settlements/:id/rows` (resource `settlement-rows`). */
export interface SettlementRow {
  id: string;
  employeeId: string;
  code: string;
  name: string;
  /** 姓名（工号） */
  displayName?: string;
  branchId: string | null;
  /** ×10 */
  points: number;
  moneyFen: number;
  /** K-5/K-8 fines of the month (fen), deducted as a line of their own */
  finesFen?: number;
  grade: Grade | null;
  suspension?: unknown;
  exit?: unknown;
  training?: unknown;
  sourceCases: string[] | null;
  /** the source cases with their titles */
  sourceCaseList?: { id: string; title: string }[] | null;
  reasons: SettlementReason[] | null;
  /** issue 16: the rules behind the row's money, fines, grade and flags, with the counted facts */
  why?: SettlementWhy[] | null;
}

/** One rule's part in a settlement row (issue 16): what it explains, its parameters, counted facts, policy version. */
export interface SettlementWhy {
  rule: string;
  on: 'money' | 'fines' | 'grade' | 'suspension' | 'exit' | 'training';
  grade?: Grade | null;
  params?: Record<string, string | number>;
  facts?: {
    caseIds?: string[];
    caseNos?: string[];
    counts?: Record<string, number>;
    /** issue 18: the ledger group the rule's cases come from and their number (the ids come with the opened row) */
    ledgerCases?: { group: string; count: number };
    /** the opened row: the group's entries in the ledger, when they differ from the count the rule stored */
    casesFound?: number;
  };
  policyVersion?: number | null;
}

export const settlementStatusChoices = SETTLEMENT_STATUSES.map((id) => ({ id, name: `qf.settlement.status.${id}` }));
export const gradeChoices = GRADES.map((id) => ({ id, name: id }));

export const STATUS_COLOR: Record<SettlementStatus, 'default' | 'info' | 'warning' | 'secondary' | 'success'> = {
  computing: 'info',
  confirming: 'warning',
  approving: 'secondary',
  locked: 'success',
};

/** Data-provider resource of one settlement's employee rows (ra-data-simple-rest builds `${apiUrl}/${resource}`). */
export const rowsResource = (id: string | number) => `settlements/${encodeURIComponent(String(id))}/rows`;

/** The inbox filtered to this close's open tasks (branch confirmation, HR approval). */
export const inboxUrl = (caseId: string) =>
  `/tasks?filter=${encodeURIComponent(JSON.stringify({ caseId, status: 'open' }))}`;

export const caseUrl = (caseId: string) => `/cases/${encodeURIComponent(caseId)}/show`;

export { previousMonth } from '../components/format';

/** Flags (suspension/exit/training) may come as booleans or as details; anything present counts. */
export const flagSet = (v: unknown): boolean =>
  v === true ||
  (typeof v === 'string' && v !== '') ||
  (typeof v === 'number' && v !== 0) ||
  (typeof v === 'object' && v !== null);

export const flagDetail = (v: unknown): string | undefined =>
  typeof v === 'string' ? v : typeof v === 'object' && v !== null ? JSON.stringify(v) : undefined;
