import type { Policy } from '@qf/policy';
import { perceptionMonth, PerceptionMonthFacts, PerceptionMonthResult } from './perception-month';
import { LedgerMonthFacts, MonthPerceptionInput, settleLedgerRow, SettledLedgerRow } from './settlement-row';
import { repairerMonthlyScore } from './evaluation';
import { ScorecardFine, scorecardMonth, ScorecardMonthInput, ScorecardResultRow } from './scorecard-month';
import { juneExamFactor, StarLevel, starMonthPay } from './stars';
import { Grade } from './types';

/** One person whose computed result of a month differs between the baseline and the simulated policy. */
export interface SimulationChange {
  month: string;
  /** `settlement`: the month's close (H-1, C-7…C-10, P-2 grade); `perception`: the P-2 result of one channel */
  kind: 'settlement' | 'perception';
  employeeId: string;
  branchId: string | null;
  /** the perception channel; '' for a settlement row */
  channel: string;
  gradeBefore: Grade | null;
  gradeAfter: Grade | null;
  pointsBefore: number;
  pointsAfter: number;
  moneyBeforeFen: number;
  moneyAfterFen: number;
  flagsBefore: { suspension: boolean; exit: boolean; training: boolean } | null;
  flagsAfter: { suspension: boolean; exit: boolean; training: boolean } | null;
}

/** A month's totals under both policies. */
export interface SimulationMonthTotals {
  month: string;
  employees: number;
  changed: number;
  p4Before: number;
  p4After: number;
  p5Before: number;
  p5After: number;
  moneyBeforeFen: number;
  moneyAfterFen: number;
  pointsBeforeX10: number;
  pointsAfterX10: number;
  perceptionChanged: number;
  /** S-10/S-12: the month's star pay under both policies, and how many holders' pay would change */
  starPayBeforeFen?: number;
  starPayAfterFen?: number;
  starPayChanged?: number;
  /** E-5: how many repairers' monthly score would change */
  repairerScoresChanged?: number;
  /** K-*: how many scorecard results (unit or person) would change; the K-5 fines under both policies */
  scorecardsChanged?: number;
  finesBeforeFen?: number;
  finesAfterFen?: number;
}

export interface SimulationMonthFacts {
  month: string;
  /** the settlement's gathered rows of the month (libs/persistence `monthLedger`) */
  ledger: readonly LedgerMonthFacts[];
  /** the satisfaction figures of the year to the month (P-1…P-5 inputs) */
  perception: PerceptionMonthFacts;
  /** whether the month's perception was posted: only then does it reach the settlement (H-1, as the real close) */
  perceptionPosted: boolean;
}

/** P-2/P-4 → H-1: what a month's perception result gives each employee's settlement (grade reasons, training). */
export function settlementPerceptionOf(result: PerceptionMonthResult): Map<string, MonthPerceptionInput> {
  const out = new Map<string, { reasons: MonthPerceptionInput['reasons'][number][]; training: string | null }>();
  const of = (id: string) => out.get(id) ?? out.set(id, { reasons: [], training: null }).get(id)!;
  for (const p of result.people)
    if (p.grade) of(p.employeeId).reasons.push(...p.reasons.map((r) => ({ ...r, grade: p.grade })));
  for (const t of result.training) of(t.employeeId).training = t.reason;
  return out;
}

const sameFlags = (a: SettledLedgerRow['flags'], b: SettledLedgerRow['flags']) =>
  a.suspension === b.suspension && a.exit === b.exit && a.training === b.training;

/**
 * What-if (H-1, C-7…C-10, P-2…P-4): a month's recorded facts through the same rules as the real settlement
 * (`settleLedgerRow`) and perception run (`perceptionMonth`), once under the baseline and once under the simulated
 * policy; returns the people whose grade, points, money or flags differ, and the month's totals under both.
 */
export function simulateMonth(
  facts: SimulationMonthFacts,
  policy: Policy,
  baseline: Policy,
): { changes: SimulationChange[]; totals: SimulationMonthTotals } {
  const { month } = facts;
  const run = (p: Policy) => {
    const perception = perceptionMonth(facts.perception, p);
    const inputs = facts.perceptionPosted ? settlementPerceptionOf(perception) : new Map();
    return { perception, rows: facts.ledger.map((r) => settleLedgerRow(r, month, p, inputs.get(r.employee_id))) };
  };
  const before = run(baseline);
  const after = run(policy);
  const changes: SimulationChange[] = [];
  after.rows.forEach((a, i) => {
    const b = before.rows[i];
    if (
      a.grade === b.grade &&
      a.pointsX10 === b.pointsX10 &&
      a.deductionFen === b.deductionFen &&
      sameFlags(a.flags, b.flags)
    )
      return;
    changes.push({
      month,
      kind: 'settlement',
      employeeId: a.employeeId,
      branchId: a.branchId,
      channel: '',
      gradeBefore: b.grade,
      gradeAfter: a.grade,
      pointsBefore: b.pointsX10,
      pointsAfter: a.pointsX10,
      moneyBeforeFen: b.deductionFen,
      moneyAfterFen: a.deductionFen,
      flagsBefore: b.flags,
      flagsAfter: a.flags,
    });
  });
  const branchOf = new Map(facts.ledger.map((r) => [r.employee_id, r.branch_id]));
  const key = (p: { employeeId: string; channel: string }) => `${p.employeeId}:${p.channel}`;
  const perBefore = new Map(before.perception.people.map((p) => [key(p), p]));
  const perAfter = new Map(after.perception.people.map((p) => [key(p), p]));
  let perceptionChanged = 0;
  for (const k of new Set([...perBefore.keys(), ...perAfter.keys()])) {
    const b = perBefore.get(k);
    const a = perAfter.get(k);
    if ((b?.grade ?? null) === (a?.grade ?? null) && (b?.pointsX10 ?? 0) === (a?.pointsX10 ?? 0)) continue;
    const p = (a ?? b)!;
    perceptionChanged++;
    changes.push({
      month,
      kind: 'perception',
      employeeId: p.employeeId,
      branchId: branchOf.get(p.employeeId) ?? null,
      channel: p.channel,
      gradeBefore: b?.grade ?? null,
      gradeAfter: a?.grade ?? null,
      pointsBefore: b?.pointsX10 ?? 0,
      pointsAfter: a?.pointsX10 ?? 0,
      moneyBeforeFen: 0,
      moneyAfterFen: 0,
      flagsBefore: null,
      flagsAfter: null,
    });
  }
  const count = (rows: SettledLedgerRow[], g: Grade) => rows.filter((r) => r.grade === g).length;
  const sum = (rows: SettledLedgerRow[], f: (r: SettledLedgerRow) => number) => rows.reduce((s, r) => s + f(r), 0);
  return {
    changes,
    totals: {
      month,
      employees: after.rows.length,
      changed: changes.length - perceptionChanged,
      p4Before: count(before.rows, 'P4'),
      p4After: count(after.rows, 'P4'),
      p5Before: count(before.rows, 'P5'),
      p5After: count(after.rows, 'P5'),
      moneyBeforeFen: sum(before.rows, (r) => r.deductionFen),
      moneyAfterFen: sum(after.rows, (r) => r.deductionFen),
      pointsBeforeX10: sum(before.rows, (r) => r.pointsX10),
      pointsAfterX10: sum(after.rows, (r) => r.pointsX10),
      perceptionChanged,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// What-if beyond the settlement: star pay (S-10, S-12), repairer scores (E-5), scorecards (K-*)

/**
 * One employee's or unit's result of a month that differs between the baseline and the simulated policy, for the
 * results outside the settlement: `star-pay` (S-10/S-12: value = the month's percent, money = the pay),
 * `repairer-score` (E-5: value = the total), `scorecard` (K-9: value = the card total, `card` = the card's key) and
 * `scorecard-fine` (K-5: money = the fine, `card` = the fine's ledger reason).
 */
export interface SimulationResultChange {
  month: string;
  kind: 'star-pay' | 'repairer-score' | 'scorecard' | 'scorecard-fine';
  scope: 'person' | 'unit';
  subjectId: string;
  /** the unit the subject counts in (a team, branch …), when known */
  unitId: string | null;
  card: string;
  valueBefore: number | null;
  valueAfter: number | null;
  moneyBeforeFen: number;
  moneyAfterFen: number;
  detailBefore: Record<string, unknown> | null;
  detailAfter: Record<string, unknown> | null;
}

/** The recorded facts of one star holder's month (star_monthly and the year's June exam). */
export interface StarMonthFact {
  employeeId: string;
  unitId: string | null;
  level: StarLevel;
  score: number;
  /** the recorded one-vote veto (the team lead's, or a liable complaint ruled that month) */
  veto: boolean;
  /** the June exam score of the month's year, or null (S-12) */
  juneExamScore: number | null;
}

/** S-10 with S-12: one holder's month under a policy, through the star review's own rule (`starMonthPay`). */
function starPayOf(f: StarMonthFact, month: string, policy: Policy) {
  const june = f.juneExamScore === null ? null : juneExamFactor(f.juneExamScore, policy).percent;
  // the recorded veto already counts the month's liable rulings, so none are listed again
  const { pay, payFen } = starMonthPay(
    { month, level: f.level, score: f.score, veto: f.veto, liableCases: [], juneFactorPercent: june },
    policy,
    null,
  );
  return { percent: pay.percent, outcome: pay.outcome, juneFactorPercent: june, payFen };
}

/** What-if S-10, S-12: the holders whose star pay of the month differs (percent or money). */
export function simulateStarPay(
  month: string,
  facts: readonly StarMonthFact[],
  policy: Policy,
  baseline: Policy,
): { changes: SimulationResultChange[]; payBeforeFen: number; payAfterFen: number } {
  const changes: SimulationResultChange[] = [];
  let payBeforeFen = 0;
  let payAfterFen = 0;
  for (const f of facts) {
    const b = starPayOf(f, month, baseline);
    const a = starPayOf(f, month, policy);
    payBeforeFen += b.payFen;
    payAfterFen += a.payFen;
    if (a.payFen === b.payFen && a.percent === b.percent) continue;
    changes.push({
      month,
      kind: 'star-pay',
      scope: 'person',
      subjectId: f.employeeId,
      unitId: f.unitId,
      card: '',
      valueBefore: b.percent,
      valueAfter: a.percent,
      moneyBeforeFen: b.payFen,
      moneyAfterFen: a.payFen,
      detailBefore: { level: f.level, score: f.score, outcome: b.outcome, juneFactorPercent: b.juneFactorPercent },
      detailAfter: { level: f.level, score: f.score, outcome: a.outcome, juneFactorPercent: a.juneFactorPercent },
    });
  }
  return { changes, payBeforeFen, payAfterFen };
}

/** The recorded evaluation scores of one repairer's month (E-3 scores as given). */
export interface RepairerMonthFact {
  repairerId: string;
  teamId: string | null;
  scores: readonly number[];
}

/** What-if E-5: the repairers whose monthly score differs, through the real score's function. */
export function simulateRepairerScores(
  month: string,
  facts: readonly RepairerMonthFact[],
  policy: Policy,
  baseline: Policy,
): SimulationResultChange[] {
  const changes: SimulationResultChange[] = [];
  for (const f of facts) {
    const b = repairerMonthlyScore(f.scores, baseline);
    const a = repairerMonthlyScore(f.scores, policy);
    if (a.total === b.total && a.average === b.average && a.volumeBonus === b.volumeBonus) continue;
    changes.push({
      month,
      kind: 'repairer-score',
      scope: 'person',
      subjectId: f.repairerId,
      unitId: f.teamId,
      card: '',
      valueBefore: b.total,
      valueAfter: a.total,
      moneyBeforeFen: 0,
      moneyAfterFen: 0,
      detailBefore: { ...b },
      detailAfter: { ...a },
    });
  }
  return changes;
}

/**
 * What-if K-3…K-9: the month's scorecards under both policies (each input holds its policy's cards and the facts
 * gathered for them), through the real month's function; the subjects whose card total or rank differs, and the
 * people whose K-5 fine differs.
 */
export function simulateScorecards(
  month: string,
  after: ScorecardMonthInput,
  before: ScorecardMonthInput,
): { changes: SimulationResultChange[]; finesBeforeFen: number; finesAfterFen: number } {
  const a = scorecardMonth(after);
  const b = scorecardMonth(before);
  const key = (r: ScorecardResultRow) => `${r.card}:${r.subjectId}`;
  const rowsA = new Map(a.results.map((r) => [key(r), r]));
  const rowsB = new Map(b.results.map((r) => [key(r), r]));
  const changes: SimulationResultChange[] = [];
  const detail = (r: ScorecardResultRow | undefined) =>
    r
      ? { rank: r.rank, ranked: r.ranked, indicators: r.indicators.map((i) => ({ key: i.key, score: i.score })) }
      : null;
  for (const k of new Set([...rowsB.keys(), ...rowsA.keys()])) {
    const x = rowsB.get(k);
    const y = rowsA.get(k);
    if (x && y && x.total === y.total && x.rank === y.rank && x.ranked === y.ranked) continue;
    const r = (y ?? x)!;
    changes.push({
      month,
      kind: 'scorecard',
      scope: r.scope,
      subjectId: r.subjectId,
      unitId: r.unitId,
      card: r.card,
      valueBefore: x?.total ?? null,
      valueAfter: y?.total ?? null,
      moneyBeforeFen: 0,
      moneyAfterFen: 0,
      detailBefore: detail(x),
      detailAfter: detail(y),
    });
  }
  const fineKey = (f: ScorecardFine) => `${f.reason}:${f.employeeId}`;
  const sumBy = (fines: readonly ScorecardFine[]) => {
    const m = new Map<string, { fen: number; unitId: string; employeeId: string; reason: string }>();
    for (const f of fines) {
      const had = m.get(fineKey(f)) ?? { fen: 0, unitId: f.unitId, employeeId: f.employeeId, reason: f.reason };
      m.set(fineKey(f), { ...had, fen: had.fen + f.amountFen });
    }
    return m;
  };
  const finesA = sumBy(a.fines);
  const finesB = sumBy(b.fines);
  for (const k of new Set([...finesB.keys(), ...finesA.keys()])) {
    const x = finesB.get(k);
    const y = finesA.get(k);
    if ((x?.fen ?? 0) === (y?.fen ?? 0)) continue;
    const f = (y ?? x)!;
    changes.push({
      month,
      kind: 'scorecard-fine',
      scope: 'person',
      subjectId: f.employeeId,
      unitId: f.unitId,
      card: f.reason,
      valueBefore: null,
      valueAfter: null,
      moneyBeforeFen: x?.fen ?? 0,
      moneyAfterFen: y?.fen ?? 0,
      detailBefore: null,
      detailAfter: null,
    });
  }
  const total = (fines: readonly ScorecardFine[]) => fines.reduce((s, f) => s + f.amountFen, 0);
  return { changes, finesBeforeFen: total(b.fines), finesAfterFen: total(a.fines) };
}
