/** `GET /perception-months/:month` (P-1…P-5 results of a month, with names). */
export interface PerceptionSummary {
  people: number;
  belowStandard: number;
  p4: number;
  pointsX10: number;
  unitPenalties: number;
  supervisionOrders: number;
  training: number;
}

export type PerceptionStatus = 'computing' | 'reviewing' | 'posted';

export interface PersonResult {
  employeeId: string;
  name: string;
  unitName: string;
  channel: 'repair' | 'hall';
  score: number;
  sample: number;
  rank: number;
  ranked: number;
  belowStandard: boolean;
  belowMonthsBefore: number;
  pointsX10: number;
  grade: string | null;
  training: boolean;
}

export interface UnitResult {
  unitId: string;
  name: string;
  kind: string;
  operator: 'own' | 'agent';
  channel: 'repair' | 'hall';
  scope: string;
  score: number;
  sample: number;
  rank: number;
  ranked: number;
  belowStandard: boolean;
  belowMonthsInYear: number;
  penalty: {
    target: 'team-lead' | 'hall-manager' | 'agent-commission';
    pointsX10: number;
    commissionPercent: number;
  } | null;
  supervision: { dueAt: string; caseId?: string } | null;
  leadName: string | null;
  /** P-3: the agent hall's commission deduction posted to the unit ledger (percent), once the month is posted */
  commissionPosted?: number | null;
}

export interface PerceptionMonthRecord {
  id: string;
  month: string;
  status: PerceptionStatus;
  summary: PerceptionSummary | null;
  round: number;
  caseId: string | null;
  stage: string | null;
  computedAt: string | null;
  postedAt: string | null;
  people?: PersonResult[];
  units?: UnitResult[];
}

export interface RankingRow {
  subjectId: string;
  name: string;
  score: number;
  sample: number;
  rank: number;
  ranked: number;
  source: 'callbacks' | 'import';
}

export interface RankingResponse {
  month: string;
  channel: 'repair' | 'hall';
  scope: string;
  rows: RankingRow[];
  trend: { month: string; average: number; subjects: number }[];
}

export { previousMonth } from '../components/format';
