/** `GET /scorecard-months/:month` (K-9 results of a month, with names). */
export interface ScorecardSummary {
  cards: number;
  labels: Record<string, string>;
  units: number;
  people: number;
  fines: number;
  fineFen: number;
}

export type ScorecardStatus = 'computing' | 'reviewing' | 'posted';

/** One indicator's value, score and why (the formula kind, its numbers and inputs). */
export interface IndicatorResult {
  key: string;
  label: string;
  kind: string;
  value: number | null;
  score: number;
  missing: boolean;
  params: Record<string, unknown>;
  inputs: Record<string, unknown>;
}

export interface ScorecardResult {
  card: string;
  scope: 'unit' | 'person';
  subjectId: string;
  unitId: string;
  unitName: string;
  name: string | null;
  total: number;
  rank: number;
  ranked: number;
  indicators: IndicatorResult[];
}

export interface ScorecardFineRow {
  employeeId: string;
  name: string;
  reason: string;
  unitId: string;
  unitName: string;
  amountFen: number;
  why: Record<string, unknown>;
}

export interface ScorecardMonthRecord {
  id: string;
  month: string;
  status: ScorecardStatus;
  summary: ScorecardSummary | null;
  round: number;
  policyVersion: number | null;
  caseId: string | null;
  stage: string | null;
  computedAt: string | null;
  postedAt: string | null;
  results: ScorecardResult[];
  fines: ScorecardFineRow[];
}
