import { z } from 'zod';
import { COMPLAINT_SOURCES, lazySchema, SEVERITIES } from '@qf/contracts';

/**
 * A policy version: every number and list of RULES.md, with the RULES.md values as defaults,
 * so `PolicySchema.parse({})` is the default policy. Units:
 * - points are integers ×10 (2.0 points = 20), suffix `X10` or documented per field;
 * - money is integer fen (500 CNY = 50000), suffix `Fen`;
 * - percentages are whole percent numbers (30 = 30 %) unless the field says basis points;
 * - durations in working days follow `calendar`; K-2 order deadlines are wall-clock minutes.
 * Nested objects use `.prefault({})` so that a partial input is completed field by field.
 */

const int = () => z.number().int();
const nonNeg = () => z.number().int().min(0);
const isoDate = lazySchema(() => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date must be YYYY-MM-DD'));
const localTime = lazySchema(() => z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'local time must be HH:MM'));

/** An inclusive range of fen. */
const fenRange = (min: number, max: number) =>
  z
    .object({ minFen: nonNeg().default(min), maxFen: nonNeg().default(max) })
    .prefault({})
    .refine((r) => r.minFen <= r.maxFen, { message: 'minFen must not exceed maxFen' });

export type Severity = (typeof SEVERITIES)[number];
export const RULING_ROLES = ['responsible', 'supervisor', 'vp', 'related-lead', 'handler'] as const;
export type RulingRole = (typeof RULING_ROLES)[number];
export const RulingRoleSchema = lazySchema(() => z.enum(RULING_ROLES));
export const GradeSchema = lazySchema(() => z.enum(['P4', 'P5']));

const CategorySchema = lazySchema(() =>
  z.object({
    key: z.string().regex(/^[a-z][a-z0-9-]*$/, 'category key: lower-case letters, digits, dashes'),
    label: z.string().min(1),
  }),
);
export type Category = z.infer<typeof CategorySchema>;

// C-4 defaults from 000 (labels abridged from the source; keys are stable identifiers).
const EGREGIOUS_CATEGORIES: Category[] = [
  { key: 'forced-bundling', label: '强捆、强订、强发、强关、强推导致的服务事件' },
  { key: 'no-second-confirmation', label: '增值业务订购过程无二次确认' },
  {
    key: 'fraudulent-marketing',
    label: '营销、服务过程中恶意欺诈、弄虚作假、刻意隐瞒、蓄意误导(含诱导消费、未经同意开通)',
  },
  { key: 'customer-data-leaked', label: '泄露客户资料信息,被不法分子用于实施诈骗' },
  { key: 'real-name-not-registered', label: '自有渠道、代办渠道没有落实实名制登记' },
  { key: 'software-installed-without-consent', label: '未经客户同意安装软件' },
];
const SERIOUS_CATEGORIES: Category[] = [
  { key: 'service-standard-breach', label: '违反各种服务标准、规范及业务规程' },
  {
    key: 'billing-misconfiguration-batch-refund',
    label: '系统配置错误引致计费不准确、错收费用,涉及批量退费(5宗及以上同类客户)',
  },
  { key: 'points-stolen-or-zeroed', label: '盗用客户积分,无故清零' },
  { key: 'abusive-attitude', label: '服务态度恶劣' },
  { key: 'unapproved-sms-batch', label: '未通过短信发送审批流程违规发送短信引致批量投诉(5个及以上客户)' },
  { key: 'configuration-error-batch', label: '系统配置错误、受理操作指引不明确导致受理差错引起批量投诉' },
  { key: 'campaign-without-preapproval', label: '营销方案、升级割接未经服务前置流程审批引致批量投诉' },
  { key: 'hot-issue-unfixed-or-repeating', label: '服务热点难点问题整改不及时、不到位,年度内重复出现' },
  { key: 'repeated-report-escalation', label: '客户问题重复反映多次未跟进答复引致越级投诉' },
  { key: 'real-name-archive-missing', label: '未落实实名制或无客户受理档案导致额外赔偿' },
  { key: 'agent-fraud-false-promise', label: '合作商管控不到位,营销不规范、诈骗、宣传夸大、承诺不兑现' },
];
const ORDINARY_CATEGORIES: Category[] = [
  { key: 'handling-error', label: '业务受理差错引起客户抱怨、投诉及退费' },
  { key: 'unclear-explanation', label: '业务办理解释不清、没有落实业务提醒引起费用争议' },
  { key: 'slow-complaint-handling', label: '投诉处理不及时引起客户重复抱怨或越级投诉' },
  { key: 'promised-deadline-missed', label: '客户申办的业务超过承诺时限仍不办理' },
  { key: 'poor-attitude', label: '服务态度差引起客户抱怨投诉' },
  { key: 'wrong-dispatch', label: '派单管控不到位、错派单引起投诉' },
  { key: 'missed-appointment-or-false-closure', label: '未按预约时间上门、装移修超时、未修先归档、虚假回单' },
  { key: 'escalated-order', label: '有理有责升级工单' },
  { key: 'terminal-repair-overdue', label: '手机终端维修超时,未落实终端售后服务规范' },
  // In 000 (item 10) but not in RULES.md C-4's English list; kept because the source names it.
  { key: 'billing-configuration-refund', label: '系统配置有误引起计费出错导致客户退费' },
  { key: 'missing-signatures', label: '未按规范收取客户证件资料、未要求客户签名盖章引起费用争议' },
  { key: 'first-contact-not-applied', label: '没有落实首问负责制、没有及时跟进处理' },
];

const categories = (defaults: Category[]) =>
  z
    .array(CategorySchema)
    .min(1)
    .default(() => defaults.map((c) => ({ ...c })));

/**
 * Role → allowed points range (×10) for one severity class (C-3); `null` = the role is not allowed.
 * Every role key is present so that a partial policy document changes one role without dropping the others.
 */
const RangeSchema = lazySchema(() =>
  z.object({ min: nonNeg(), max: nonNeg() }).refine((r) => r.min <= r.max, 'min must not exceed max'),
);
export type PointsRange = z.infer<typeof RangeSchema>;
const copyRange = (r: PointsRange | undefined): PointsRange | null => (r ? { ...r } : null);
const roleRanges = (defaults: Partial<Record<RulingRole, PointsRange>>) =>
  z
    .object({
      responsible: RangeSchema.nullable().default(() => copyRange(defaults.responsible)),
      supervisor: RangeSchema.nullable().default(() => copyRange(defaults.supervisor)),
      vp: RangeSchema.nullable().default(() => copyRange(defaults.vp)),
      'related-lead': RangeSchema.nullable().default(() => copyRange(defaults['related-lead'])),
      handler: RangeSchema.nullable().default(() => copyRange(defaults.handler)),
    })
    .prefault({});

const ComplaintsSchema = lazySchema(() =>
  z
    .object({
      /** C-1 registration sources. */
      sources: z
        .array(z.string().min(1))
        .min(1)
        .default(() => [...COMPLAINT_SOURCES]),
      /** C-2 distinct verifiers needed to approve a verification. */
      verifiers: z.object({ default: int().min(1).default(1), egregious: int().min(1).default(2) }).prefault({}),
      /** C-3 ranges (points ×10) and C-4 categories per severity class. */
      severities: z
        .object({
          egregious: z
            .object({
              roles: roleRanges({
                responsible: { min: 100, max: 200 },
                supervisor: { min: 50, max: 100 },
                vp: { min: 50, max: 50 },
              }),
              categories: categories(EGREGIOUS_CATEGORIES),
            })
            .prefault({}),
          serious: z
            .object({
              // RULES.md puts "related lead 2–5" in the supervisor column; both names are accepted.
              roles: roleRanges({
                responsible: { min: 50, max: 100 },
                'related-lead': { min: 20, max: 50 },
                supervisor: { min: 20, max: 50 },
              }),
              categories: categories(SERIOUS_CATEGORIES),
            })
            .prefault({}),
          ordinary: z
            .object({
              roles: roleRanges({ responsible: { min: 20, max: 20 } }),
              categories: categories(ORDINARY_CATEGORIES),
            })
            .prefault({}),
        })
        .prefault({}),
      /** C-3/C-7 major-adverse-event points (×10) for the responsible person of an egregious case. */
      majorAdverseEventPointsX10: nonNeg().default(40),
      /**
       * C-5 joint accountability: for these causes, each group lists roles of which at least one must be named.
       * Ordinary cases: 000 asks joint accountability only for egregious and serious cases.
       */
      jointAccountability: z
        .object({
          causes: z
            .array(z.enum(['execution', 'control', 'other']))
            .default(() => ['execution', 'control'] as ('execution' | 'control' | 'other')[]),
          required: z
            .object({
              egregious: z
                .array(z.array(RulingRoleSchema).min(1))
                .default(() => [['supervisor'], ['vp']] as RulingRole[][]),
              serious: z
                .array(z.array(RulingRoleSchema).min(1))
                .default(() => [['supervisor', 'related-lead']] as RulingRole[][]),
              ordinary: z.array(z.array(RulingRoleSchema).min(1)).default(() => []),
            })
            .prefault({}),
        })
        .prefault({}),
      /**
       * C-6 escalated orders: level n requires the first n groups of `chain`. Chain persons whose role has no
       * range in the severity class use `points` (000 gives no number; default = the ordinary 2.0 points).
       */
      escalation: z
        .object({
          chain: z
            .array(z.array(RulingRoleSchema).min(1))
            .default(() => [['handler', 'responsible'], ['supervisor'], ['vp']] as RulingRole[][]),
          points: roleRanges({
            handler: { min: 20, max: 20 },
            supervisor: { min: 20, max: 20 },
            vp: { min: 20, max: 20 },
          }),
        })
        .prefault({}),
      /** C-12 appeal window after the named notice. */
      appealWindowWorkingDays: int().min(0).default(3),
      /** C-13 step deadlines; after the deadline a reminder, after a further grace period escalation. */
      deadlines: z
        .object({
          verificationWorkingDays: int().min(1).default(3),
          rulingWorkingDays: int().min(1).default(2),
          appealDecisionWorkingDays: int().min(1).default(5),
          /** Not given by RULES.md; 1 working day chosen. */
          escalationGraceWorkingDays: int().min(0).default(1),
        })
        .prefault({}),
      /** C-13 who a late step escalates to. */
      escalationPath: z
        .record(z.string(), z.string())
        .default(() => ({ verifier: 'ruling-lead', 'ruling-lead': 'leadership' })),
    })
    .prefault({}),
);

const GradesSchema = lazySchema(() =>
  z
    .object({
      /** A-1 how "两次 in a year" of serious cases is read. */
      seriousYearRule: z.enum(['second-graded-month', 'second-serious-case']).default('second-graded-month'),
      egregious: z
        .object({
          grade: GradeSchema.default('P5'),
          /** C-7 the n-th egregious case in a calendar year marks suspension. */
          suspensionAtCaseInYear: int().min(1).default(2),
          outsourcedExit: z.boolean().default(true),
        })
        .prefault({}),
      serious: z
        .object({
          p4MonthlyCount: int().min(1).default(2),
          p5MonthlyCount: int().min(1).default(3),
          /** A-1 default: the n-th month in the year with a serious-case grade → P5. */
          p5GradedMonthInYear: int().min(2).default(2),
          /** A-1 alternative: the n-th serious case in the year → P5. */
          p5CaseInYear: int().min(2).default(2),
        })
        .prefault({}),
      ordinary: z
        .object({
          p4MonthlyCount: int().min(1).default(3),
          p5MonthlyCount: int().min(1).default(6),
          p5YearlyCount: int().min(1).default(10),
        })
        .prefault({}),
    })
    .prefault({}),
);

const PerceptionSchema = lazySchema(() =>
  z
    .object({
      /** P-1 ranking lists of people. */
      rankingTopN: int().min(1).default(10),
      rankingBottomN: int().min(1).default(10),
      /** P-2 a monthly satisfaction at or below this is below standard. */
      belowStandardAtOrBelow: z.number().default(80),
      firstMonthPointsX10: nonNeg().default(20),
      repeatMonthPointsX10: nonNeg().default(40),
      repeatMonthGrade: GradeSchema.default('P4'),
      /** P-3 */
      teamBelowStandardMonths: int().min(1).default(2),
      teamBottomN: int().min(1).default(10),
      teamLeadPointsX10: nonNeg().default(20),
      /** P-3 agent halls: RULES.md gives no amount; default 2 % of the month's commission. */
      agentHallCommissionPercent: z.number().min(0).max(100).default(2),
      /** P-4 */
      trainingQuarterBottomN: int().min(1).default(20),
      /** P-5 */
      supervisionBelowStandardMonths: int().min(1).default(3),
      supervisionBottomN: int().min(1).default(10),
      /** P-5 rectification deadline of a supervision order: not in RULES.md, 10 working days chosen. */
      supervisionDeadlineWorkingDays: int().min(1).default(10),
      /** P-6 */
      yellowCardAtFailure: int().min(1).default(2),
      redCardAtFailure: int().min(1).default(3),
      /** P-6 organisational score lost per failing month: not in RULES.md, 1.0 point (×10 = 10) chosen. */
      orgScorePerFailureX10: nonNeg().default(10),
      /** P-6 / P-7 an interview is due this many working days after it is ordered: not in RULES.md, 5 chosen. */
      interviewWorkingDays: int().min(1).default(5),
      /** P-1…P-5 the month's run starts by a Temporal Schedule on this day of the next month (its data has closed)… */
      monthRunDay: int().min(1).max(28).default(3),
      /** …at this local time (HH:MM, calendar.timeZone); not in RULES.md: the 3rd at 09:00 chosen. */
      monthRunTime: localTime.default('09:00'),
    })
    .prefault({}),
);

const SettlementSchema = lazySchema(() =>
  z
    .object({
      /** H-1/A-3 money = points × post bonus × rate; rate in basis points per point (100 bp = 1 %). */
      moneyRateBasisPointsPerPoint: nonNeg().default(100),
      /** H-1 rounding of money to the fen. */
      rounding: z.literal('half-up').default('half-up'),
      /** H-2 a month's close may start before the month is over (the running or a future month): off by default. */
      allowEarlyClose: z.boolean().default(false),
    })
    .prefault({}),
);

const StarLevelNumbers = (d: [number, number, number]) =>
  z
    .object({ '1': z.number().default(d[0]), '2': z.number().default(d[1]), '3': z.number().default(d[2]) })
    .prefault({});

const JuneBracketSchema = lazySchema(() =>
  z.object({
    minScore: z.number(),
    payPercent: z.union([z.number().min(0), z.literal('score')]),
  }),
);

const StarsSchema = lazySchema(() =>
  z
    .object({
      /** S-1 awards finished by the end of this month of the campaign year. */
      awardsByMonth: int().min(1).max(12).default(10),
      /** S-5 the hotline headcount counts employees with one of these job types (employees.job_type). */
      hotlineJobTypes: z
        .array(z.string().min(1))
        .min(1)
        .default(() => ['热线客服']),
      /** S-2 */
      tenureYears: int().min(0).default(1),
      holdYears: int().min(0).default(1),
      directTwoStarAwards: z.array(z.string()).default(() => ['company-award', 'advanced-individual']),
      /** S-3 */
      demotionLockoutMonths: int().min(0).default(12),
      /** S-4 June exam rank gates: best rank allowed per level (1 star has no gate). */
      examRankGates: z.object({ '2': int().min(1).default(10), '3': int().min(1).default(5) }).prefault({}),
      /** S-5 quotas (whole percent, rounded down): 2 and 3 stars are computed from the 1-star number. */
      quotas: z
        .object({
          oneStarPercentOfHeadcount: z.number().min(0).max(100).default(30),
          twoStarPercentOfOneStar: z.number().min(0).max(100).default(30),
          threeStarPercentOfOneStar: z.number().min(0).max(100).default(10),
        })
        .prefault({}),
      /** S-7 pass marks per exam level: RULES.md gives none; 80 / 85 / 90 chosen. */
      passMarks: StarLevelNumbers([80, 85, 90]),
      /** S-8 quorum = numerator/denominator of members; a decision needs more than half of the votes cast. */
      committee: z
        .object({
          quorumNumerator: int().min(1).default(2),
          quorumDenominator: int().min(1).default(3),
          /** S-8 conflict of interest: a member of the candidate's own team may not vote on them */
          excludeOwnTeam: z.boolean().default(true),
        })
        .prefault({})
        .refine((c) => c.quorumNumerator <= c.quorumDenominator, 'quorum cannot exceed all members'),
      /** S-9 one-off award bonus per level, fen. */
      awardBonusFen: StarLevelNumbers([0, 50000, 80000]),
      /** S-10 monthly star pay at 100 %, fen, per level: RULES.md gives no amounts; 100 / 200 / 300 CNY chosen. */
      monthlyPayFen: StarLevelNumbers([10000, 20000, 30000]),
      /** S-10 */
      monthlyPay: z
        .object({
          fullAtOrAbove: z.number().default(95),
          proportionalAtOrAbove: z.number().default(85),
          dueDayOfNextMonth: int().min(1).max(28).default(5),
        })
        .prefault({}),
      /** S-11 */
      standing: z
        .object({
          belowScore: z.number().default(95),
          consecutiveMonths: int().min(1).default(3),
          monthsInYear: int().min(1).default(6),
        })
        .prefault({}),
      /** S-12 brackets, highest first; below the last bracket the star is cancelled or lowered one level. */
      juneExamBrackets: z
        .array(JuneBracketSchema)
        .min(1)
        .default(() => [
          { minScore: 95, payPercent: 130 },
          { minScore: 90, payPercent: 120 },
          { minScore: 85, payPercent: 100 },
          { minScore: 66, payPercent: 'score' as const },
        ]),
    })
    .prefault({}),
);

const EvaluationSchema = lazySchema(() =>
  z
    .object({
      /** E-1 */
      evaluableSources: z.array(z.string()).default(() => ['hotline']),
      /** E-2 shares in percent of the day's closed orders. */
      foremanSelfPercent: z.number().min(0).max(100).default(100),
      dispatcherPercent: z.number().min(0).max(100).default(90),
      managerPercent: z.number().min(0).max(100).default(10),
      /** E-3 */
      scores: z
        .object({
          satisfied: z.number().default(10),
          basic: z.number().default(8),
          dissatisfied: z.number().default(6),
        })
        .prefault({}),
      foremanCriteria: z
        .array(z.string())
        .default(() => ['工单故障情况及原因分析完整程度', '故障处理措施是否得当', '维修人员作业效率']),
      callbackQuestions: z.array(z.object({ key: z.string(), text: z.string().min(1) })).default(() => [
        {
          key: 'response-within-1h',
          text: '你好,中心信息专业维修故障响应时间要求1个小时,请问我们的维修人员有没有在接报故障的1小时内与您联系确认故障情况?',
        },
        { key: 'attitude', text: '请问我们维修人员维修过程中的服务态度您是否满意?有无不文明用语情况?' },
        { key: 'equipment-state', text: '请问现在设备、系统修复了没有?' },
        { key: 'overall', text: '请您针对本次报修处理情况给予点评:满意、基本满意、不满意,您的选择是?' },
      ]),
      /** E-4 evaluation happens this many calendar days after closure. */
      evaluationDelayDays: int().min(0).default(1),
      /** E-5 monthly score = average + n × volumeFactor. */
      volumeFactor: z.number().min(0).default(0.15),
      /** E-6 repair star points (×10), granted after performance-committee approval, redeemed next year. */
      repairStarPointsX10: nonNeg().default(5),
      /** E-2 the daily sampling and assignment runs at this local time (HH:MM, calendar.timeZone) as a Temporal Schedule. */
      assignmentTime: localTime.default('18:00'),
      /** E-4 unanswered evaluations are reminded at this local time of their evaluation day; at its end they are overdue. */
      dueReminderTime: localTime.default('09:00'),
    })
    .prefault({}),
);

const OrderDeadline = (respond: number, complete: number) =>
  z
    .object({ respondMinutes: int().min(1).default(respond), completeMinutes: int().min(1).default(complete) })
    .prefault({});

/** K-9 where an indicator's value comes from: a named computation of the product, an import, or counted events. */
export const INDICATOR_SOURCES = ['computed', 'imported', 'events'] as const;
/** K-9 the named computations and imported/counted figures each source offers. */
export const INDICATOR_COMPUTATIONS = {
  computed: ['on-time-rate', 'response-30min-rate', 'callback-rate', 'satisfaction'],
  imported: [
    'call-volume',
    'boss-error-rate',
    'network-exit-failures',
    'device-failures',
    'subscriber-retention',
    'dispatch-accuracy',
  ],
  events: ['late-orders', 'redispatches', 'false-work-orders'],
} as const;
export type IndicatorSource = (typeof INDICATOR_SOURCES)[number];
/** K-9 the org-unit kinds a scorecard can apply to (beside units named by code). */
export const SCORECARD_UNIT_KINDS = ['company', 'branch', 'centre', 'hall', 'team'] as const;

/** Legacy bodies (before sources were typed): free-text sources map to the new ones by the indicator's key. */
const LEGACY_SOURCE: Record<string, [IndicatorSource, string]> = {
  satisfaction: ['computed', 'satisfaction'],
  'callback-rate': ['computed', 'callback-rate'],
  'call-volume': ['imported', 'call-volume'],
  'on-time-orders': ['computed', 'on-time-rate'],
  'response-30min': ['computed', 'response-30min-rate'],
  'network-exit-failures': ['imported', 'network-exit-failures'],
  'repeated-failures': ['imported', 'device-failures'],
};
const legacyIndicator = (v: unknown) => {
  if (!v || typeof v !== 'object') return v;
  const i = v as Record<string, unknown>;
  if (typeof i.source !== 'string' || (INDICATOR_SOURCES as readonly string[]).includes(i.source)) return v;
  const [source, computation] = LEGACY_SOURCE[String(i.key)] ?? ['imported', String(i.key)];
  return { ...i, source, computation };
};

/** K-9 scorecard indicators: each with its source, weight and formula kind with the formula's numbers. */
const IndicatorBase = lazySchema(() => ({
  key: z.string().min(1),
  label: z.string().min(1),
  source: z.enum(INDICATOR_SOURCES),
  /** the named computation (computed), imported figure (imported) or counted event (events) */
  computation: z.string().min(1),
  weight: z.number().min(0),
}));
/** K-5 per-person fines of a per-point indicator: per late order to its handler, or per point to the unit's supervisor. */
const IndicatorFine = lazySchema(() => z.object({ per: z.enum(['late-order', 'point']), fen: nonNeg() }));
export const IndicatorSchema = lazySchema(() =>
  z.preprocess(
    legacyIndicator,
    z
      .discriminatedUnion('kind', [
        z.object({
          ...IndicatorBase,
          kind: z.literal('linear-with-floor'),
          target: z.number().positive(),
          floor: z.number(),
        }),
        z.object({
          ...IndicatorBase,
          kind: z.literal('step-down'),
          fullAt: z.number(),
          stepAt: z.number(),
          upperLossPer100: z.number().min(0),
          lowerLossPer100: z.number().min(0),
          zeroBelow: z.number(),
        }),
        z.object({
          ...IndicatorBase,
          kind: z.literal('per-point-penalty'),
          threshold: z.number(),
          direction: z.enum(['below', 'above']),
          perPoint: z.number().min(0),
          fine: IndicatorFine.nullable().default(null),
        }),
        z.object({
          ...IndicatorBase,
          kind: z.literal('count-threshold'),
          allowed: z.number().int().min(0),
          perExcess: z.number().min(0),
          zeroAbove: z.number().int().min(0),
        }),
        z.object({
          ...IndicatorBase,
          kind: z.literal('weighted-count'),
          base: z.number().int().min(1),
          perWeighted: z.number().min(0),
        }),
      ])
      .superRefine((i, ctx) => {
        if (!(INDICATOR_COMPUTATIONS[i.source] as readonly string[]).includes(i.computation))
          ctx.addIssue({ code: 'custom', path: ['computation'], message: `unknown ${i.source} computation` });
        if (i.kind === 'linear-with-floor' && i.floor > i.target)
          ctx.addIssue({ code: 'custom', path: [], message: 'floor must not exceed target' });
        if (i.kind === 'step-down' && !(i.zeroBelow <= i.stepAt && i.stepAt <= i.fullAt))
          ctx.addIssue({
            code: 'custom',
            path: ['stepAt'],
            message: 'steps must be ordered: zeroBelow ≤ stepAt ≤ fullAt',
          });
        if (i.kind === 'count-threshold' && i.zeroAbove < i.allowed)
          ctx.addIssue({ code: 'custom', path: ['zeroAbove'], message: 'zeroAbove must not be below allowed' });
      }),
  ),
);
export type Indicator = z.infer<typeof IndicatorSchema>;
export const ScorecardSchema = lazySchema(() =>
  z
    .object({
      key: z.string().min(1),
      label: z.string().min(1),
      /** results per unit, or per person of the units */
      level: z.enum(['unit', 'person']).default('unit'),
      /** the units it applies to: every unit of these kinds, and the units named by code */
      unitKinds: z.array(z.enum(SCORECARD_UNIT_KINDS)).default(() => []),
      unitCodes: z.array(z.string().trim().min(1)).default(() => []),
      indicators: z.array(IndicatorSchema).min(1),
    })
    .superRefine((c, ctx) => {
      const seen = new Set<string>();
      c.indicators.forEach((i, n) => {
        if (seen.has(i.key))
          ctx.addIssue({
            code: 'custom',
            path: ['indicators', n, 'key'],
            message: `duplicate indicator key "${i.key}"`,
          });
        seen.add(i.key);
      });
    }),
);
export type Scorecard = z.infer<typeof ScorecardSchema>;

// Default scorecards from 003 (K-3 … K-7). Weights are not in RULES.md (chosen here; K-4's steps reach 0 exactly at
// 1500 calls with weight 10, which suggests 10 for the call volume). Network operations and dispatch name no unit
// kind: they apply to the units named by code in the policy.
const lin = (key: string, label: string, source: IndicatorSource, computation: string, target: number, floor: number) =>
  ({ key, label, source, computation, kind: 'linear-with-floor', target, floor, weight: 10 }) as const;
const DEFAULT_SCORECARDS: z.input<typeof ScorecardSchema>[] = [
  {
    key: 'call-centre',
    label: '呼叫中心座席',
    level: 'person',
    unitKinds: ['centre'],
    indicators: [
      lin('satisfaction', '客户满意率', 'computed', 'satisfaction', 98, 90),
      lin('callback-rate', '有效电话回访率', 'computed', 'callback-rate', 90, 70),
      {
        key: 'call-volume',
        label: '受理量',
        source: 'imported',
        computation: 'call-volume',
        kind: 'step-down',
        fullAt: 2200,
        stepAt: 1800,
        upperLossPer100: 1,
        lowerLossPer100: 2,
        zeroBelow: 1500,
        weight: 10,
      },
    ],
  },
  {
    key: 'hall',
    label: '营业厅',
    level: 'unit',
    unitKinds: ['hall'],
    indicators: [
      lin('satisfaction', '客户满意率', 'computed', 'satisfaction', 95, 90),
      {
        key: 'boss-errors',
        label: '营业系统录入差错率',
        source: 'imported',
        computation: 'boss-error-rate',
        kind: 'per-point-penalty',
        threshold: 1,
        direction: 'above',
        perPoint: 0,
        weight: 0,
        fine: { per: 'point', fen: 20000 },
      },
    ],
  },
  {
    key: 'account-manager',
    label: '客户经理（片站）',
    level: 'unit',
    unitKinds: ['team'],
    indicators: [
      lin('satisfaction', '客户满意率', 'computed', 'satisfaction', 95, 90),
      lin('retention', '客户在网率', 'imported', 'subscriber-retention', 80, 77),
      {
        key: 'on-time-orders',
        label: '工单及时处理率',
        source: 'computed',
        computation: 'on-time-rate',
        kind: 'per-point-penalty',
        threshold: 99,
        direction: 'below',
        perPoint: 2,
        weight: 40,
        fine: { per: 'late-order', fen: 5000 },
      },
      {
        key: 'response-30min',
        label: '30分钟响应率',
        source: 'computed',
        computation: 'response-30min-rate',
        kind: 'per-point-penalty',
        threshold: 70,
        direction: 'below',
        perPoint: 0.5,
        weight: 20,
      },
    ],
  },
  {
    key: 'network-operations',
    label: '网络运维部',
    level: 'unit',
    indicators: [
      {
        key: 'network-exit-failures',
        label: '网络出口故障',
        source: 'imported',
        computation: 'network-exit-failures',
        kind: 'count-threshold',
        allowed: 3,
        perExcess: 5,
        zeroAbove: 5,
        weight: 20,
      },
      {
        key: 'repeated-failures',
        label: '同一设备重复故障',
        source: 'imported',
        computation: 'device-failures',
        kind: 'weighted-count',
        base: 2,
        perWeighted: 1,
        weight: 20,
      },
    ],
  },
  {
    key: 'dispatch',
    label: '调度中心',
    level: 'unit',
    indicators: [lin('dispatch-accuracy', '派单准确率', 'imported', 'dispatch-accuracy', 98, 90)],
  },
];

const KpiSchema = lazySchema(() =>
  z
    .object({
      /** K-2 deadlines in minutes. */
      orderDeadlines: z
        .object({
          ordinary: OrderDeadline(30, 24 * 60),
          vipFault: OrderDeadline(20, 6 * 60),
          vipActivation: OrderDeadline(60, 12 * 60),
        })
        .prefault({}),
      /** K-9 scorecards. */
      scorecards: z
        .array(ScorecardSchema)
        .default(() => DEFAULT_SCORECARDS.map((c) => ScorecardSchema.parse(c)))
        .superRefine((cards, ctx) => {
          const seen = new Set<string>();
          cards.forEach((c, n) => {
            if (seen.has(c.key))
              ctx.addIssue({ code: 'custom', path: [n, 'key'], message: `duplicate scorecard key "${c.key}"` });
            seen.add(c.key);
          });
        }),
      /** K-9 the month's scorecards are computed by a Temporal Schedule on this day of the next month, at 08:30 local. */
      scorecardRunDay: int().min(1).max(28).default(5),
      /** K-8 fines per event, fen. */
      fines: z
        .object({
          attitudeComplaint: fenRange(5000, 20000),
          falseWorkOrder: fenRange(5000, 20000),
          falseWorkOrderUnitPoints: z.number().default(1),
          dataEntryError: fenRange(5000, 5000),
          standardsNotFollowedPersonFen: nonNeg().default(3000),
          standardsNotFollowedLeadFen: nonNeg().default(3000),
        })
        .prefault({}),
    })
    .prefault({}),
);

const QualitySchema = lazySchema(() =>
  z
    .object({
      /** Q-1 assessment plans are quarterly. */
      assessmentPeriod: z.literal('quarter').default('quarter'),
      assessmentStages: z.array(z.string()).default(() => ['plan', 'collect', 'analyse', 'report', 'feedback']),
      /** Q-2 a finding's rectification is due at the next fault-analysis meeting (as E-7), else after these working days. */
      findingFallbackWorkingDays: int().min(1).default(10),
      /** Q-1 each unit head acknowledges the quarter's results within these working days (reminder, then escalation). */
      feedbackWorkingDays: int().min(1).max(60).default(5),
    })
    .prefault({}),
);

const CalendarSchema = lazySchema(() =>
  z
    .object({
      timeZone: z
        .string()
        .default('Asia/Shanghai')
        .refine((tz) => {
          try {
            new Intl.DateTimeFormat('en-US', { timeZone: tz });
            return true;
          } catch {
            return false;
          }
        }, 'unknown IANA time zone'),
      /** Public holidays (non-working even on a weekday). */
      holidays: z.array(isoDate).default(() => []),
      /** Make-up working days (调休) that fall on a weekend. */
      extraWorkingDays: z.array(isoDate).default(() => []),
      /** ISO weekdays that are working days: 1 = Monday … 7 = Sunday. */
      workingWeekdays: z
        .array(int().min(1).max(7))
        .min(1)
        .default(() => [1, 2, 3, 4, 5]),
    })
    .prefault({}),
);

export const PolicySchema = lazySchema(
  () =>
    z
      .object({
        calendar: CalendarSchema,
        complaints: ComplaintsSchema,
        grades: GradesSchema,
        perception: PerceptionSchema,
        settlement: SettlementSchema,
        stars: StarsSchema,
        evaluation: EvaluationSchema,
        kpi: KpiSchema,
        quality: QualitySchema,
      })
      .superRefine((p, ctx) => {
        const e = p.evaluation;
        if (e.dispatcherPercent + e.managerPercent !== 100) {
          ctx.addIssue({
            code: 'custom',
            path: ['evaluation', 'managerPercent'],
            message: 'dispatcherPercent + managerPercent must be 100 (E-2)',
          });
        }
        if (p.grades.serious.p4MonthlyCount >= p.grades.serious.p5MonthlyCount) {
          ctx.addIssue({
            code: 'custom',
            path: ['grades', 'serious', 'p5MonthlyCount'],
            message: 'P5 count must exceed the P4 count (C-8)',
          });
        }
        if (p.grades.ordinary.p4MonthlyCount >= p.grades.ordinary.p5MonthlyCount) {
          ctx.addIssue({
            code: 'custom',
            path: ['grades', 'ordinary', 'p5MonthlyCount'],
            message: 'P5 count must exceed the P4 count (C-9)',
          });
        }
        for (const sev of SEVERITIES) {
          const keys = p.complaints.severities[sev].categories.map((c) => c.key);
          const dup = keys.find((k, i) => keys.indexOf(k) !== i);
          if (dup)
            ctx.addIssue({
              code: 'custom',
              path: ['complaints', 'severities', sev, 'categories'],
              message: `duplicate category key "${dup}" (C-4)`,
            });
          if (!p.complaints.severities[sev].roles.responsible) {
            ctx.addIssue({
              code: 'custom',
              path: ['complaints', 'severities', sev, 'roles', 'responsible'],
              message: 'every class needs a responsible-person range (C-3)',
            });
          }
        }
        const mins = p.stars.juneExamBrackets.map((b) => b.minScore);
        if (mins.some((m, i) => i > 0 && m >= mins[i - 1])) {
          ctx.addIssue({
            code: 'custom',
            path: ['stars', 'juneExamBrackets'],
            message: 'brackets must be ordered by minScore, highest first (S-12)',
          });
        }
      }),
  // a workflow parses its pinned policy once per run: nothing of the ~1,500 schemas stays in the cached workflow
  { keep: false },
);

export type Policy = z.infer<typeof PolicySchema>;
export type PolicyInput = z.input<typeof PolicySchema>;

/** The default policy: every value of RULES.md. */
export function defaultPolicy(): Policy {
  return PolicySchema.parse({});
}

export interface PolicyError {
  path: string;
  message: string;
}

export type PolicyValidation = { ok: true; policy: Policy } | { ok: false; errors: PolicyError[] };

function pathOf(segments: readonly PropertyKey[]): string {
  let out = '';
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else out += out ? `.${String(s)}` : String(s);
  }
  return out;
}

/** Validates a (partial) policy document; missing values take the RULES.md defaults. */
export function validatePolicy(input: unknown): PolicyValidation {
  const r = PolicySchema.safeParse(input ?? {});
  if (r.success) return { ok: true, policy: r.data };
  return { ok: false, errors: r.error.issues.map((i) => ({ path: pathOf(i.path), message: i.message })) };
}

export interface PolicyChange {
  path: string;
  before: unknown;
  after: unknown;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Deep difference of two policies, one entry per changed leaf; paths like `a.b[2].c`. */
export function diffPolicies(a: unknown, b: unknown): PolicyChange[] {
  const out: PolicyChange[] = [];
  const walk = (x: unknown, y: unknown, path: string) => {
    if (Array.isArray(x) && Array.isArray(y)) {
      for (let i = 0; i < Math.max(x.length, y.length); i++) walk(x[i], y[i], `${path}[${i}]`);
      return;
    }
    if (isPlainObject(x) && isPlainObject(y)) {
      const keys = [...new Set([...Object.keys(x), ...Object.keys(y)])].sort();
      for (const k of keys) walk(x[k], y[k], path ? `${path}.${k}` : k);
      return;
    }
    if (!Object.is(x, y)) out.push({ path, before: x, after: y });
  };
  walk(a, b, '');
  return out;
}
