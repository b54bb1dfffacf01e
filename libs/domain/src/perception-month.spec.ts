import { defaultPolicy } from '@qf/policy';
import { perceptionMonth, quarterOf, SatisfactionFact } from './perception-month';

const policy = defaultPolicy();
const fact = (
  month: string,
  scope: string,
  subjectId: string,
  score: number,
  channel = 'repair',
): SatisfactionFact => ({
  month,
  channel,
  scope,
  subjectId,
  score,
  sample: 12,
});

describe('perceptionMonth (P-1…P-5 composed over the year to date)', () => {
  const units = {
    team1: { kind: 'team' as const, leadEmployeeId: 'lead1' },
    hall1: { kind: 'own-hall' as const, leadEmployeeId: 'hallmgr' },
    hall2: { kind: 'agent-hall' as const, leadEmployeeId: null },
  };
  const year = [
    fact('2026-03', 'person', 'alice', 80),
    fact('2026-03', 'person', 'bob', 95),
    fact('2026-04', 'person', 'alice', 90),
    fact('2026-05', 'person', 'alice', 79),
    fact('2026-05', 'person', 'bob', 96),
    fact('2026-03', 'team', 'team1', 78),
    fact('2026-05', 'team', 'team1', 80),
    fact('2026-01', 'hall', 'hall1', 70, 'hall'),
    fact('2026-02', 'hall', 'hall1', 75, 'hall'),
    fact('2026-05', 'hall', 'hall1', 79, 'hall'),
    fact('2026-05', 'hall', 'hall2', 60, 'hall'),
    fact('2026-04', 'hall', 'hall2', 60, 'hall'),
  ];

  it('P-2 a person at 80 in March gets 2 points; at 79 in May (second below-standard month) 4 points and P4', () => {
    const march = perceptionMonth(
      { month: '2026-03', yearToDate: year, units, issuedAt: '2026-04-01T09:00:00+08:00' },
      policy,
    );
    expect(march.people.find((p) => p.employeeId === 'alice')).toMatchObject({
      pointsX10: 20,
      grade: null,
      belowMonthsBefore: 0,
    });
    const may = perceptionMonth(
      { month: '2026-05', yearToDate: year, units, issuedAt: '2026-06-01T09:00:00+08:00' },
      policy,
    );
    expect(may.people.find((p) => p.employeeId === 'alice')).toMatchObject({
      pointsX10: 40,
      grade: 'P4',
      belowMonthsBefore: 1,
      rank: 2,
      ranked: 2,
    });
    expect(may.people.find((p) => p.employeeId === 'bob')).toMatchObject({ pointsX10: 0, grade: null, rank: 1 });
    // figures after the month never count (a re-run of March ignores May)
    expect(march.people.find((p) => p.employeeId === 'alice')!.belowMonthsBefore).toBe(0);
  });

  it('P-3 a team with two below-standard months in the bottom 10 costs its lead 2 points; an agent hall a commission deduction', () => {
    const may = perceptionMonth(
      { month: '2026-05', yearToDate: year, units, issuedAt: '2026-06-01T09:00:00+08:00' },
      policy,
    );
    expect(may.units.find((u) => u.unitId === 'team1')!.penalty).toMatchObject({
      target: 'team-lead',
      employeeId: 'lead1',
      pointsX10: 20,
    });
    expect(may.units.find((u) => u.unitId === 'hall2')!.penalty).toMatchObject({
      target: 'agent-commission',
      employeeId: null,
      commissionPercent: 2,
    });
    const march = perceptionMonth(
      { month: '2026-03', yearToDate: year, units, issuedAt: '2026-04-01T09:00:00+08:00' },
      policy,
    );
    expect(march.units.find((u) => u.unitId === 'team1')!.penalty).toBeNull();
  });

  it('P-5 a hall with three below-standard months in the bottom 10 gets a supervision order with a deadline', () => {
    const may = perceptionMonth(
      { month: '2026-05', yearToDate: year, units, issuedAt: '2026-06-01T09:00:00+08:00' },
      policy,
    );
    const hall1 = may.units.find((u) => u.unitId === 'hall1')!;
    expect(hall1.belowMonthsInYear).toBe(3);
    expect(hall1.supervision?.dueAt).toMatch(/^2026-06-1\d/);
    expect(may.units.find((u) => u.unitId === 'hall2')!.supervision).toBeNull();
  });

  it('P-4 at a quarter end the bottom of the quarter by mean satisfaction goes to central training', () => {
    const people = Array.from({ length: 25 }, (_, i) => `p${String(i).padStart(2, '0')}`);
    const facts = people.flatMap((id, i) =>
      ['2026-04', '2026-05', '2026-06'].map((m) => fact(m, 'person', id, 100 - i)),
    );
    const june = perceptionMonth(
      { month: '2026-06', yearToDate: facts, units: {}, issuedAt: '2026-07-01T09:00:00+08:00' },
      policy,
    );
    expect(june.training).toHaveLength(20);
    expect(june.training.map((t) => t.employeeId)).not.toContain('p00');
    expect(june.training[0]).toMatchObject({ quarter: '2026-Q2' });
    const may = perceptionMonth(
      { month: '2026-05', yearToDate: facts, units: {}, issuedAt: '2026-06-01T09:00:00+08:00' },
      policy,
    );
    expect(may.training).toEqual([]);
    expect(quarterOf('2026-12')).toEqual({
      quarter: '2026-Q4',
      months: ['2026-10', '2026-11', '2026-12'],
      endsQuarter: true,
    });
  });
});
