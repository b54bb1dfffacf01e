/** `GET /quarterly-assessments/:id`: the plan with its units, values, findings and results. */
export type QuarterlySource = 'manual' | 'perception' | 'indicators' | 'deductions' | 'evaluation';
export const QUARTERLY_SOURCES: QuarterlySource[] = ['manual', 'perception', 'indicators', 'deductions', 'evaluation'];

export interface QuarterlyIndicator {
  code: string;
  name: string;
  weight: number;
  source: QuarterlySource;
  direction: 'higher' | 'lower';
  target: number;
}

export interface QuarterlyUnitResult {
  unitId: string;
  unitName: string;
  score: number;
  rank: number;
  previousScore: number | null;
  trend: number | null;
  indicators: { code: string; value: number | null; score: number; lost: number }[];
  worst: { code: string; name: string; value: number | null; score: number; lost: number }[];
  headName: string | null;
  acknowledgedAt: string | null;
}

export type QuarterlyStatus =
  'draft' | 'approval' | 'collecting' | 'analysed' | 'reporting' | 'reported' | 'feedback' | 'closed' | 'rejected';

export interface QuarterlyRecord {
  id: string;
  period: string;
  title: string;
  status: QuarterlyStatus;
  scope: string[];
  indicators: QuarterlyIndicator[];
  ownerId: string | null;
  ownerName: string | null;
  caseId: string | null;
  stage: string | null;
  createdAt: string;
  units?: { id: string; name: string; kind: string }[];
  values?: { unitId: string; indicator: string; value: number; source: string }[];
  findings?: {
    id: string;
    teamUnitId: string;
    teamName: string;
    description: string;
    rectificationCaseId: string | null;
  }[];
  results?: QuarterlyUnitResult[];
  previousPeriod?: string;
}

export const STATUS_COLOR: Record<QuarterlyStatus, 'default' | 'info' | 'warning' | 'success' | 'error'> = {
  draft: 'default',
  approval: 'warning',
  collecting: 'info',
  analysed: 'info',
  reporting: 'warning',
  reported: 'info',
  feedback: 'warning',
  closed: 'success',
  rejected: 'error',
};

/** the plan's weights must sum to 100 (the api checks the same with the domain rule). */
export const weightTotal = (indicators: readonly { weight?: number | string | null }[] | undefined): number =>
  (indicators ?? []).reduce((a, i) => a + (Number(i?.weight) || 0), 0);
