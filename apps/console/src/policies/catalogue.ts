import { RULING_ROLES as POLICY_RULING_ROLES } from '@qf/policy';

/** C-1 sources and C-5 causes as the policy schema knows them (labels under qf.complaint.*). */
const COMPLAINT_SOURCES = [
  'hotline-work-order',
  'escalated-order',
  'regulator',
  'internal-audit',
  'employee-report',
] as const;
const CAUSES = ['execution', 'control', 'other'] as const;

/**
 * Every value of a policy version (libs/policy/src/policy.ts) as a labelled field: its section, group, rule,
 * kind of input and unit. Labels are `qf.policy.f.<path with _ for .>` in areas/policies.*.ts; units
 * `qf.policy.unit.<unit>`. The form keeps the stored units (the api's); inputs convert on display (×10 points
 * as 分, fen as 元, basis points as %, minutes as 小时 where the schema means hours).
 */

/** How a stored number is shown: `factor` divides the stored value, `decimals` the shown precision. */
export const UNITS = {
  points_x10: { factor: 10, decimals: 1 }, // 分, stored ×10
  yuan: { factor: 100, decimals: 2 }, // 元, stored in fen
  bp_percent: { factor: 100, decimals: 2 }, // %, stored in basis points
  hours: { factor: 60, decimals: 2 }, // 小时, stored in minutes
  minutes: { factor: 1 },
  working_days: { factor: 1 },
  days: { factor: 1 },
  percent: { factor: 1 },
  score: { factor: 1 }, // 分 as a plain score (exam, satisfaction), not ×10
  points: { factor: 1 }, // 分 of an indicator score
  people: { factor: 1 },
  rank: { factor: 1 },
  cases: { factor: 1 },
  times: { factor: 1 },
  months: { factor: 1 },
  years: { factor: 1 },
  month_of_year: { factor: 1 },
  day_of_month: { factor: 1 },
  orders: { factor: 1 },
  calls: { factor: 1 },
  per_order: { factor: 1 },
  none: { factor: 1 },
} as const satisfies Record<string, { factor: number; decimals?: number }>;
export type Unit = keyof typeof UNITS;

export type Kind =
  | 'number'
  | 'bool'
  | 'enum'
  | 'fixed'
  | 'time'
  | 'timezone'
  | 'textList'
  | 'dateList'
  | 'enumList'
  | 'weekdays'
  | 'roleRanges'
  | 'roleGroups'
  | 'roleMap'
  | 'categories'
  | 'questions'
  | 'brackets'
  | 'scorecards';

export interface Choices {
  values: readonly string[];
  /** translation prefix of each value's label */
  prefix: string;
}

export interface FieldSpec {
  path: string;
  kind: Kind;
  unit?: Unit;
  rule?: string;
  min?: number;
  max?: number;
  /** whole numbers in the stored unit */
  int?: boolean;
  choices?: Choices;
}

export interface GroupSpec {
  key: string;
  fields: FieldSpec[];
}

export interface SectionSpec {
  key: string;
  groups: GroupSpec[];
}

export const RULING_ROLES = POLICY_RULING_ROLES;
export const SEVERITY_KEYS = ['egregious', 'serious', 'ordinary'] as const;
export const GRADES = ['P4', 'P5'] as const;
export const TIME_ZONES = ['Asia/Shanghai', 'Asia/Urumqi', 'Asia/Hong_Kong'] as const;
export const INDICATOR_KINDS = [
  'linear-with-floor',
  'step-down',
  'per-point-penalty',
  'count-threshold',
  'weighted-count',
] as const;
/** Numbers of each indicator formula kind (K-9), with their units. */
export const INDICATOR_NUMBERS: Record<(typeof INDICATOR_KINDS)[number], { key: string; unit: Unit; int?: boolean }[]> =
  {
    'linear-with-floor': [
      { key: 'target', unit: 'percent' },
      { key: 'floor', unit: 'percent' },
    ],
    'step-down': [
      { key: 'fullAt', unit: 'calls' },
      { key: 'stepAt', unit: 'calls' },
      { key: 'upperLossPer100', unit: 'points' },
      { key: 'lowerLossPer100', unit: 'points' },
      { key: 'zeroBelow', unit: 'calls' },
    ],
    'per-point-penalty': [
      { key: 'threshold', unit: 'percent' },
      { key: 'perPoint', unit: 'points' },
    ],
    'count-threshold': [
      { key: 'allowed', unit: 'times', int: true },
      { key: 'perExcess', unit: 'points' },
      { key: 'zeroAbove', unit: 'times', int: true },
    ],
    'weighted-count': [
      { key: 'base', unit: 'none', int: true },
      { key: 'perWeighted', unit: 'points' },
    ],
  };

const n = (
  path: string,
  unit: Unit,
  rule: string | undefined,
  opts: { min?: number; max?: number; int?: boolean } = {},
): FieldSpec => ({
  path,
  kind: 'number',
  unit,
  rule,
  ...opts,
});
const int = (
  path: string,
  unit: Unit,
  rule: string | undefined,
  min: number | undefined = 0,
  max?: number,
): FieldSpec => n(path, unit, rule, { min, max, int: true });
const x10 = (path: string, rule: string) => int(path, 'points_x10', rule, 0);
const fen = (path: string, rule: string) => int(path, 'yuan', rule, 0);
const pct = (path: string, rule: string) => n(path, 'percent', rule, { min: 0, max: 100 });
const levels = (base: string, make: (path: string) => FieldSpec) => ['1', '2', '3'].map((l) => make(`${base}.${l}`));

export const POLICY_SECTIONS: SectionSpec[] = [
  {
    key: 'complaints',
    groups: [
      {
        key: 'registration',
        fields: [
          {
            path: 'complaints.sources',
            kind: 'enumList',
            rule: 'C-1',
            choices: { values: COMPLAINT_SOURCES, prefix: 'qf.complaint.source' },
          },
          int('complaints.verifiers.default', 'people', 'C-2', 1),
          int('complaints.verifiers.egregious', 'people', 'C-2', 1),
        ],
      },
      {
        key: 'ranges',
        fields: [
          ...SEVERITY_KEYS.map((s): FieldSpec => ({
            path: `complaints.severities.${s}.roles`,
            kind: 'roleRanges',
            unit: 'points_x10',
            rule: 'C-3',
          })),
          x10('complaints.majorAdverseEventPointsX10', 'C-7'),
        ],
      },
      {
        key: 'categories',
        fields: SEVERITY_KEYS.map((s): FieldSpec => ({
          path: `complaints.severities.${s}.categories`,
          kind: 'categories',
          rule: 'C-4',
        })),
      },
      {
        key: 'joint',
        fields: [
          {
            path: 'complaints.jointAccountability.causes',
            kind: 'enumList',
            rule: 'C-5',
            choices: { values: CAUSES, prefix: 'qf.complaint.cause' },
          },
          ...SEVERITY_KEYS.map((s): FieldSpec => ({
            path: `complaints.jointAccountability.required.${s}`,
            kind: 'roleGroups',
            rule: 'C-5',
          })),
        ],
      },
      {
        key: 'escalation',
        fields: [
          { path: 'complaints.escalation.chain', kind: 'roleGroups', rule: 'C-6' },
          { path: 'complaints.escalation.points', kind: 'roleRanges', unit: 'points_x10', rule: 'C-6' },
        ],
      },
      {
        key: 'deadlines',
        fields: [
          int('complaints.appealWindowWorkingDays', 'working_days', 'C-12', 0),
          int('complaints.deadlines.verificationWorkingDays', 'working_days', 'C-13', 1),
          int('complaints.deadlines.rulingWorkingDays', 'working_days', 'C-13', 1),
          int('complaints.deadlines.appealDecisionWorkingDays', 'working_days', 'C-13', 1),
          int('complaints.deadlines.escalationGraceWorkingDays', 'working_days', 'C-13', 0),
          { path: 'complaints.escalationPath', kind: 'roleMap', rule: 'C-13' },
        ],
      },
    ],
  },
  {
    key: 'grades',
    groups: [
      {
        key: 'egregious',
        fields: [
          {
            path: 'grades.egregious.grade',
            kind: 'enum',
            rule: 'C-7',
            choices: { values: GRADES, prefix: 'qf.policy.enum.grade' },
          },
          int('grades.egregious.suspensionAtCaseInYear', 'cases', 'C-7', 1),
          { path: 'grades.egregious.outsourcedExit', kind: 'bool', rule: 'C-7' },
        ],
      },
      {
        key: 'serious',
        fields: [
          int('grades.serious.p4MonthlyCount', 'cases', 'C-8', 1),
          int('grades.serious.p5MonthlyCount', 'cases', 'C-8', 1),
          {
            path: 'grades.seriousYearRule',
            kind: 'enum',
            rule: 'A-1',
            choices: {
              values: ['second-graded-month', 'second-serious-case'],
              prefix: 'qf.policy.enum.serious_year_rule',
            },
          },
          int('grades.serious.p5GradedMonthInYear', 'months', 'A-1', 2),
          int('grades.serious.p5CaseInYear', 'cases', 'A-1', 2),
        ],
      },
      {
        key: 'ordinary',
        fields: [
          int('grades.ordinary.p4MonthlyCount', 'cases', 'C-9', 1),
          int('grades.ordinary.p5MonthlyCount', 'cases', 'C-9', 1),
          int('grades.ordinary.p5YearlyCount', 'cases', 'C-9', 1),
        ],
      },
    ],
  },
  {
    key: 'settlement',
    groups: [
      {
        key: 'money',
        fields: [
          int('settlement.moneyRateBasisPointsPerPoint', 'bp_percent', 'H-1', 0),
          {
            path: 'settlement.rounding',
            kind: 'fixed',
            rule: 'H-1',
            choices: { values: ['half-up'], prefix: 'qf.policy.enum.rounding' },
          },
        ],
      },
      { key: 'close', fields: [{ path: 'settlement.allowEarlyClose', kind: 'bool', rule: 'H-2' }] },
    ],
  },
  {
    key: 'stars',
    groups: [
      {
        key: 'campaign',
        fields: [
          int('stars.awardsByMonth', 'month_of_year', 'S-1', 1, 12),
          int('stars.tenureYears', 'years', 'S-2', 0),
          int('stars.holdYears', 'years', 'S-2', 0),
          {
            path: 'stars.directTwoStarAwards',
            kind: 'enumList',
            rule: 'S-2',
            choices: { values: ['company-award', 'advanced-individual'], prefix: 'qf.policy.enum.award' },
          },
          int('stars.demotionLockoutMonths', 'months', 'S-3', 0),
          int('stars.examRankGates.2', 'rank', 'S-4', 1),
          int('stars.examRankGates.3', 'rank', 'S-4', 1),
        ],
      },
      {
        key: 'quotas',
        fields: [
          { path: 'stars.hotlineJobTypes', kind: 'textList', rule: 'S-5' },
          pct('stars.quotas.oneStarPercentOfHeadcount', 'S-5'),
          pct('stars.quotas.twoStarPercentOfOneStar', 'S-5'),
          pct('stars.quotas.threeStarPercentOfOneStar', 'S-5'),
        ],
      },
      {
        key: 'exam',
        fields: [
          ...levels('stars.passMarks', (p) => n(p, 'score', 'S-7')),
          int('stars.committee.quorumNumerator', 'people', 'S-8', 1),
          int('stars.committee.quorumDenominator', 'people', 'S-8', 1),
          { path: 'stars.committee.excludeOwnTeam', kind: 'bool', rule: 'S-8' },
        ],
      },
      {
        key: 'pay',
        fields: [
          ...levels('stars.awardBonusFen', (p) => fen(p, 'S-9')),
          ...levels('stars.monthlyPayFen', (p) => fen(p, 'S-10')),
          n('stars.monthlyPay.fullAtOrAbove', 'score', 'S-10'),
          n('stars.monthlyPay.proportionalAtOrAbove', 'score', 'S-10'),
          int('stars.monthlyPay.dueDayOfNextMonth', 'day_of_month', 'S-10', 1, 28),
        ],
      },
      {
        key: 'standing',
        fields: [
          n('stars.standing.belowScore', 'score', 'S-11'),
          int('stars.standing.consecutiveMonths', 'months', 'S-11', 1),
          int('stars.standing.monthsInYear', 'months', 'S-11', 1),
          { path: 'stars.juneExamBrackets', kind: 'brackets', rule: 'S-12' },
        ],
      },
    ],
  },
  {
    key: 'evaluation',
    groups: [
      {
        key: 'sampling',
        fields: [
          {
            path: 'evaluation.evaluableSources',
            kind: 'enumList',
            rule: 'E-1',
            choices: { values: ['hotline'], prefix: 'qf.policy.enum.evaluable_source' },
          },
          pct('evaluation.foremanSelfPercent', 'E-2'),
          pct('evaluation.dispatcherPercent', 'E-2'),
          pct('evaluation.managerPercent', 'E-2'),
          { path: 'evaluation.assignmentTime', kind: 'time', rule: 'E-2' },
        ],
      },
      {
        key: 'scoring',
        fields: [
          n('evaluation.scores.satisfied', 'score', 'E-3'),
          n('evaluation.scores.basic', 'score', 'E-3'),
          n('evaluation.scores.dissatisfied', 'score', 'E-3'),
          { path: 'evaluation.foremanCriteria', kind: 'textList', rule: 'E-3' },
          { path: 'evaluation.callbackQuestions', kind: 'questions', rule: 'E-3' },
        ],
      },
      {
        key: 'timing',
        fields: [
          int('evaluation.evaluationDelayDays', 'days', 'E-4', 0),
          { path: 'evaluation.dueReminderTime', kind: 'time', rule: 'E-4' },
          n('evaluation.volumeFactor', 'per_order', 'E-5', { min: 0 }),
          x10('evaluation.repairStarPointsX10', 'E-6'),
        ],
      },
    ],
  },
  {
    key: 'perception',
    groups: [
      {
        key: 'persons',
        fields: [
          int('perception.rankingTopN', 'people', 'P-1', 1),
          int('perception.rankingBottomN', 'people', 'P-1', 1),
          n('perception.belowStandardAtOrBelow', 'score', 'P-2'),
          x10('perception.firstMonthPointsX10', 'P-2'),
          x10('perception.repeatMonthPointsX10', 'P-2'),
          {
            path: 'perception.repeatMonthGrade',
            kind: 'enum',
            rule: 'P-2',
            choices: { values: GRADES, prefix: 'qf.policy.enum.grade' },
          },
          int('perception.trainingQuarterBottomN', 'people', 'P-4', 1),
          int('perception.monthRunDay', 'day_of_month', 'P-1', 1, 28),
          { path: 'perception.monthRunTime', kind: 'time', rule: 'P-1' },
        ],
      },
      {
        key: 'teams',
        fields: [
          int('perception.teamBelowStandardMonths', 'months', 'P-3', 1),
          int('perception.teamBottomN', 'rank', 'P-3', 1),
          x10('perception.teamLeadPointsX10', 'P-3'),
          pct('perception.agentHallCommissionPercent', 'P-3'),
          int('perception.supervisionBelowStandardMonths', 'months', 'P-5', 1),
          int('perception.supervisionBottomN', 'rank', 'P-5', 1),
          int('perception.supervisionDeadlineWorkingDays', 'working_days', 'P-5', 1),
        ],
      },
      {
        key: 'cards',
        fields: [
          int('perception.yellowCardAtFailure', 'times', 'P-6', 1),
          int('perception.redCardAtFailure', 'times', 'P-6', 1),
          x10('perception.orgScorePerFailureX10', 'P-6'),
          int('perception.interviewWorkingDays', 'working_days', 'P-6', 1),
        ],
      },
    ],
  },
  {
    key: 'kpi',
    groups: [
      {
        key: 'orders',
        fields: ['ordinary', 'vipFault', 'vipActivation'].flatMap((k) => [
          int(`kpi.orderDeadlines.${k}.respondMinutes`, 'minutes', 'K-2', 1),
          int(`kpi.orderDeadlines.${k}.completeMinutes`, 'hours', 'K-2', 1),
        ]),
      },
      {
        key: 'fines',
        fields: [
          fen('kpi.fines.attitudeComplaint.minFen', 'K-8'),
          fen('kpi.fines.attitudeComplaint.maxFen', 'K-8'),
          fen('kpi.fines.falseWorkOrder.minFen', 'K-8'),
          fen('kpi.fines.falseWorkOrder.maxFen', 'K-8'),
          n('kpi.fines.falseWorkOrderUnitPoints', 'points', 'K-8'),
          fen('kpi.fines.dataEntryError.minFen', 'K-8'),
          fen('kpi.fines.dataEntryError.maxFen', 'K-8'),
          fen('kpi.fines.standardsNotFollowedPersonFen', 'K-8'),
          fen('kpi.fines.standardsNotFollowedLeadFen', 'K-8'),
        ],
      },
      {
        key: 'scorecards',
        fields: [
          { path: 'kpi.scorecards', kind: 'scorecards', rule: 'K-9' },
          int('kpi.scorecardRunDay', 'none', 'K-9', 1),
        ],
      },
    ],
  },
  {
    key: 'quality',
    groups: [
      {
        key: 'cycle',
        fields: [
          {
            path: 'quality.assessmentPeriod',
            kind: 'fixed',
            rule: 'Q-1',
            choices: { values: ['quarter'], prefix: 'qf.policy.enum.period' },
          },
          {
            path: 'quality.assessmentStages',
            kind: 'enumList',
            rule: 'Q-1',
            choices: {
              values: ['plan', 'collect', 'analyse', 'report', 'feedback'],
              prefix: 'qf.policy.enum.quality_stage',
            },
          },
          int('quality.findingFallbackWorkingDays', 'working_days', 'Q-2', 1),
          int('quality.feedbackWorkingDays', 'working_days', 'Q-1', 1),
        ],
      },
    ],
  },
  {
    key: 'calendar',
    groups: [
      {
        key: 'days',
        fields: [
          {
            path: 'calendar.timeZone',
            kind: 'timezone',
            choices: { values: TIME_ZONES, prefix: 'qf.policy.enum.time_zone' },
          },
          { path: 'calendar.workingWeekdays', kind: 'weekdays' },
          { path: 'calendar.holidays', kind: 'dateList' },
          { path: 'calendar.extraWorkingDays', kind: 'dateList' },
        ],
      },
    ],
  },
];

export const POLICY_FIELDS: FieldSpec[] = POLICY_SECTIONS.flatMap((s) => s.groups.flatMap((g) => g.fields));

/** Translation key of a field's label. */
export const labelKey = (path: string) => `qf.policy.f.${path.replace(/\./g, '_')}`;

/** The field a stored path belongs to (itself or a part of it, e.g. `x.roles.vp.min` → the roles field), and the rest. */
export const fieldOf = (path: string): { spec: FieldSpec; rest: string } | null => {
  let best: FieldSpec | null = null;
  for (const f of POLICY_FIELDS) {
    if (path === f.path || path.startsWith(`${f.path}.`) || path.startsWith(`${f.path}[`)) {
      if (!best || f.path.length > best.path.length) best = f;
    }
  }
  return best ? { spec: best, rest: path.slice(best.path.length).replace(/^\./, '') } : null;
};

/** Stored number → shown number (×10 points → 分, fen → 元, minutes → 小时, basis points → %). */
export const toShown = (unit: Unit | undefined, v: number): number => {
  const u = UNITS[unit ?? 'none'];
  return u.factor === 1 ? v : Number((v / u.factor).toFixed(6));
};
/** Shown number → stored number (kept unrounded beyond float noise, so the schema can reject a too precise one). */
export const toStored = (unit: Unit | undefined, v: number): number => {
  const u = UNITS[unit ?? 'none'];
  return u.factor === 1 ? v : Math.round(v * u.factor * 1e6) / 1e6;
};
export const shownDecimals = (unit: Unit | undefined): number | undefined => {
  const u = UNITS[unit ?? 'none'] as { decimals?: number };
  return u.decimals;
};
