import type { ResultWhyValue } from '../components/ResultWhy';

/** E-1…E-6 evaluations (回访评价) as `GET /api/evaluations` returns them. */
export const EVALUATION_KINDS = ['foreman', 'dispatcher', 'manager'] as const;
export type EvaluationKind = (typeof EVALUATION_KINDS)[number];

export const EVALUATION_CHOICES = ['satisfied', 'basic', 'dissatisfied'] as const;
export type EvaluationChoice = (typeof EVALUATION_CHOICES)[number];

export interface EvaluationRecord {
  id: string;
  orderId: string;
  orderNo: string;
  repairerId: string;
  /** 姓名（工号） */
  repairerName: string | null;
  teamUnitId: string | null;
  teamName?: string | null;
  reporter: string | null;
  closedAt?: string | null;
  kind: EvaluationKind;
  evaluatorUserId: string | null;
  /** 姓名（工号） of the evaluator */
  evaluatorName?: string | null;
  evaluateOn: string | null;
  dueAt: string | null;
  seed: string | null;
  /** E-2: why the order was sampled to this evaluator, a Chinese sentence with names. */
  explanation: string | null;
  choice: EvaluationChoice | null;
  score: number | null;
  answeredAt: string | null;
  rectificationCaseId: string | null;
  overdue: boolean;
  script: { key: string; text: string }[];
  choices: { choice: EvaluationChoice; score: number }[];
}

/** `POST /api/evaluations/:id/answer`. */
export interface AnswerResult {
  id: string;
  choice: EvaluationChoice;
  score: number;
  rectificationCaseId: string | null;
}

/** `POST /api/evaluations/assign`. */
export interface AssignResult {
  date: string;
  seed: string;
  orders: number;
  evaluated: number;
  assigned: Record<EvaluationKind, number>;
  skipped: { orderNo: string; reason: string }[];
}

/** `GET /api/scores?month=`. */
export interface RepairerScoreRow {
  repairerId: string;
  name: string | null;
  /** 姓名（工号） */
  displayName?: string | null;
  teamId: string | null;
  teamName: string | null;
  count: number;
  average: number;
  volumeBonus: number;
  total: number;
  /** E-5: the rule, policy version and evaluations counted (issue 16) */
  why?: ResultWhyValue | null;
}

export interface MonthlyScores {
  month: string;
  repairers: RepairerScoreRow[];
  repairStar: { repairerId: string; total: number } | null;
  bestTeam: { teamId: string; average: number } | null;
  reasons: { rule: string; message: string }[];
  /** E-6 the month's repair-star committee case, once sent */
  repairStarCase?: RepairStarCase | null;
}

export interface RepairStarCase {
  id: string;
  status: 'open' | 'closed' | 'cancelled';
  stage: string | null;
  outcome: string | null;
  repairerId: string;
}

export const evaluationKindChoices = EVALUATION_KINDS.map((id) => ({ id, name: `qf.evaluation.kind.${id}` }));

/** Choice buttons in this order even if the api lists them otherwise. */
export const DEFAULT_SCORES: Record<EvaluationChoice, number> = { satisfied: 10, basic: 8, dissatisfied: 6 };

export const CHOICE_COLOR: Record<EvaluationChoice, 'success' | 'info' | 'error'> = {
  satisfied: 'success',
  basic: 'info',
  dissatisfied: 'error',
};

export const caseUrl = (caseId: string) => `/cases/${encodeURIComponent(caseId)}/show`;

/** Local calendar day as YYYY-MM-DD (`offsetDays` from today). */
export const localDay = (offsetDays = 0): string => {
  const d = new Date();
  d.setDate(d.getDate() + offsetDays);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
};

export const localMonth = (): string => localDay().slice(0, 7);

/** Scores are shown with two decimals (E-5 rounds to 2). */
export const fmt2 = (v: unknown): string => (typeof v === 'number' && Number.isFinite(v) ? v.toFixed(2) : '—');
