import type { Policy } from '@qf/policy';
import { perceptionMonth, PerceptionMonthFacts, PerceptionMonthResult } from './perception-month';
import { LedgerMonthFacts, MonthPerceptionInput, settleLedgerRow, SettledLedgerRow } from './settlement-row';
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
