import { defaultPolicy, PolicySchema } from '@qf/policy';
import {
  applyAppealDecision,
  appealWindowEndsAt,
  canAppeal,
  deductionsForRuling,
  namedNotice,
  RulingInput,
  validateComplaintRegistration,
  validateRuling,
  verificationOutcome,
} from './complaints';

const policy = defaultPolicy();
// National Day 2024: 1–7 October are holidays.
const holidayPolicy = PolicySchema.parse({
  calendar: { holidays: ['2024-10-01', '2024-10-02', '2024-10-03', '2024-10-04', '2024-10-07'] },
});

const egregious = (over: Partial<RulingInput> = {}): RulingInput => ({
  severity: 'egregious',
  category: 'forced-bundling',
  cause: 'other',
  escalationLevel: 0,
  persons: [{ employeeId: 'E1', role: 'responsible', points: 150 }],
  ...over,
});

describe('registration and verification', () => {
  const reg = {
    source: 'hotline-work-order',
    customer: 'C-100',
    channel: 'phone',
    occurredAt: '2024-05-06T02:00:00Z',
    description: 'forced to subscribe',
    unitId: 'U1',
    employeeIds: ['E1'],
  };

  it('C-1 a complete registration is accepted', () => {
    expect(validateComplaintRegistration(reg, policy)).toEqual([]);
  });

  it('C-1 an unknown source and missing fields are rejected by path', () => {
    const v = validateComplaintRegistration(
      { ...reg, source: 'rumour', customer: ' ', employeeIds: [], occurredAt: 'yesterday' },
      policy,
    );
    expect(v.map((x) => x.path).sort()).toEqual(['customer', 'employeeIds', 'occurredAt', 'source']);
    expect(v.every((x) => x.rule === 'C-1')).toBe(true);
  });

  it('C-2 one verifier decides by default; only liable continues to a ruling', () => {
    expect(verificationOutcome('liable', ['V1'], 'serious', policy)).toMatchObject({
      decided: true,
      continuesToRuling: true,
      closesCase: false,
    });
    expect(verificationOutcome('unfounded', ['V1'], undefined, policy)).toMatchObject({
      decided: true,
      continuesToRuling: false,
      closesCase: true,
    });
    expect(verificationOutcome('valid-not-liable', ['V1'], 'ordinary', policy).closesCase).toBe(true);
  });

  it('C-2 an egregious case needs two distinct verifiers', () => {
    expect(verificationOutcome('liable', ['V1', 'V1'], 'egregious', policy)).toMatchObject({
      decided: false,
      missingApprovals: 1,
      continuesToRuling: false,
    });
    expect(verificationOutcome('liable', ['V1', 'V2'], 'egregious', policy).continuesToRuling).toBe(true);
  });
});

describe('validateRuling', () => {
  it('C-3 a valid egregious ruling has no violations', () => {
    expect(validateRuling(egregious(), policy)).toEqual([]);
  });

  it('C-3 responsible-person points outside 10.0–20.0 are rejected with a clear message', () => {
    for (const points of [99, 201]) {
      const v = validateRuling(egregious({ persons: [{ employeeId: 'E1', role: 'responsible', points }] }), policy);
      expect(v).toEqual([
        {
          path: 'persons[0].points',
          message: 'points for responsible person must be between 10.0 and 20.0 (C-3)',
          rule: 'C-3',
          code: 'ruling.points_out_of_range',
          params: { role: 'responsible', min: '10.0', max: '20.0' },
        },
      ]);
    }
    expect(
      validateRuling(egregious({ persons: [{ employeeId: 'E1', role: 'responsible', points: 100 }] }), policy),
    ).toEqual([]);
    expect(
      validateRuling(egregious({ persons: [{ employeeId: 'E1', role: 'responsible', points: 200 }] }), policy),
    ).toEqual([]);
  });

  it('C-3 supervisor 5.0–10.0 and VP exactly 5.0 in an egregious case', () => {
    const v = validateRuling(
      egregious({
        persons: [
          { employeeId: 'E1', role: 'responsible', points: 150 },
          { employeeId: 'S1', role: 'supervisor', points: 110 },
          { employeeId: 'VP1', role: 'vp', points: 60 },
        ],
      }),
      policy,
    );
    expect(v.map((x) => x.message)).toEqual([
      'points for supervisor must be between 5.0 and 10.0 (C-3)',
      'points for department VP must be 5.0 (C-3)',
    ]);
  });

  it('C-3 serious and ordinary ranges: 5.0–10.0, related lead 2.0–5.0, ordinary exactly 2.0', () => {
    const serious: RulingInput = {
      severity: 'serious',
      category: 'abusive-attitude',
      cause: 'other',
      escalationLevel: 0,
      persons: [
        { employeeId: 'E1', role: 'responsible', points: 40 },
        { employeeId: 'L1', role: 'related-lead', points: 55 },
      ],
    };
    expect(validateRuling(serious, policy).map((x) => x.path)).toEqual(['persons[0].points', 'persons[1].points']);
    const ordinary: RulingInput = {
      severity: 'ordinary',
      category: 'poor-attitude',
      cause: 'other',
      escalationLevel: 0,
      persons: [{ employeeId: 'E1', role: 'responsible', points: 30 }],
    };
    expect(validateRuling(ordinary, policy)[0].message).toBe('points for responsible person must be 2.0 (C-3)');
    expect(
      validateRuling({ ...ordinary, persons: [{ employeeId: 'E1', role: 'responsible', points: 20 }] }, policy),
    ).toEqual([]);
  });

  it('C-3 a role the class does not have is rejected', () => {
    const v = validateRuling(
      {
        severity: 'serious',
        category: 'abusive-attitude',
        cause: 'other',
        escalationLevel: 0,
        persons: [
          { employeeId: 'E1', role: 'responsible', points: 50 },
          { employeeId: 'VP1', role: 'vp', points: 50 },
        ],
      },
      policy,
    );
    expect(v).toEqual([
      {
        path: 'persons[1].role',
        message: 'department VP may not be named in a serious case (C-3)',
        rule: 'C-3',
        code: 'ruling.role_not_allowed',
        params: { role: 'vp', severity: 'serious' },
      },
    ]);
  });

  it('C-3 a person named twice in one case is rejected', () => {
    const v = validateRuling(
      egregious({
        persons: [
          { employeeId: 'E1', role: 'responsible', points: 150 },
          { employeeId: 'E1', role: 'supervisor', points: 50 },
        ],
      }),
      policy,
    );
    expect(v).toEqual([expect.objectContaining({ path: 'persons[1].employeeId', rule: 'C-3' })]);
    expect(v[0].message).toContain('named twice');
  });

  it('C-3 a ruling without a responsible person is rejected', () => {
    const v = validateRuling(egregious({ persons: [{ employeeId: 'S1', role: 'supervisor', points: 50 }] }), policy);
    expect(v).toContainEqual(expect.objectContaining({ path: 'persons', rule: 'C-3' }));
  });

  it('C-4 the category must be in the policy list of the severity class', () => {
    const v = validateRuling(egregious({ category: 'poor-attitude' }), policy);
    expect(v).toHaveLength(1);
    expect(v[0]).toMatchObject({ path: 'category', rule: 'C-4' });
    const custom = PolicySchema.parse({
      complaints: { severities: { egregious: { categories: [{ key: 'poor-attitude', label: '服务态度差' }] } } },
    });
    expect(validateRuling(egregious({ category: 'poor-attitude' }), custom)).toEqual([]);
  });

  it('C-5 an execution failure in an egregious case must name the supervisor and the VP', () => {
    const v = validateRuling(egregious({ cause: 'execution' }), policy);
    expect(v.map((x) => x.message)).toEqual([
      'an egregious case with cause execution requires naming the supervisor (C-5)',
      'an egregious case with cause execution requires naming the department VP (C-5)',
    ]);
    const ok = egregious({
      cause: 'control',
      persons: [
        { employeeId: 'E1', role: 'responsible', points: 150 },
        { employeeId: 'S1', role: 'supervisor', points: 50 },
        { employeeId: 'VP1', role: 'vp', points: 50 },
      ],
    });
    expect(validateRuling(ok, policy)).toEqual([]);
    expect(validateRuling(egregious({ cause: 'other' }), policy)).toEqual([]);
  });

  it('C-5 a control failure in a serious case must name the supervisor (related lead)', () => {
    const base: RulingInput = {
      severity: 'serious',
      category: 'abusive-attitude',
      cause: 'control',
      escalationLevel: 0,
      persons: [{ employeeId: 'E1', role: 'responsible', points: 50 }],
    };
    expect(validateRuling(base, policy)).toEqual([expect.objectContaining({ rule: 'C-5', path: 'persons' })]);
    expect(
      validateRuling(
        { ...base, persons: [...base.persons, { employeeId: 'L1', role: 'related-lead', points: 20 }] },
        policy,
      ),
    ).toEqual([]);
  });

  it('C-6 escalation levels add handler, then supervisor, then VP', () => {
    const order = (level: 0 | 1 | 2 | 3, persons: RulingInput['persons']): RulingInput => ({
      severity: 'ordinary',
      category: 'escalated-order',
      cause: 'other',
      escalationLevel: level,
      persons,
    });
    const handler = { employeeId: 'H1', role: 'handler' as const, points: 20 };
    const sup = { employeeId: 'S1', role: 'supervisor' as const, points: 20 };
    const vp = { employeeId: 'VP1', role: 'vp' as const, points: 20 };
    expect(validateRuling(order(1, [handler]), policy)).toEqual([]);
    expect(validateRuling(order(1, [{ employeeId: 'E1', role: 'responsible', points: 20 }]), policy)).toEqual([]);
    expect(validateRuling(order(2, [handler]), policy)).toEqual([
      {
        path: 'persons',
        message: 'an order escalated 2 level(s) requires naming the supervisor (C-6)',
        rule: 'C-6',
        code: 'ruling.escalation_chain_required',
        params: { level: 2, roles: 'supervisor' },
      },
    ]);
    expect(validateRuling(order(3, [handler, sup]), policy).map((v) => v.message)).toEqual([
      'an order escalated 3 level(s) requires naming the department VP (C-6)',
    ]);
    expect(validateRuling(order(3, [handler, sup, vp]), policy)).toEqual([]);
  });

  it('C-6 chain roles are not allowed without the escalation level', () => {
    const v = validateRuling(
      {
        severity: 'ordinary',
        category: 'escalated-order',
        cause: 'other',
        escalationLevel: 1,
        persons: [
          { employeeId: 'H1', role: 'handler', points: 20 },
          { employeeId: 'S1', role: 'supervisor', points: 20 },
        ],
      },
      policy,
    );
    expect(v).toEqual([expect.objectContaining({ path: 'persons[1].role', rule: 'C-3' })]);
  });
});

describe('deductions and notice', () => {
  it('C-7 an egregious ruling adds 4.0 major-adverse-event points to the responsible person only', () => {
    const lines = deductionsForRuling(
      egregious({
        persons: [
          { employeeId: 'E1', role: 'responsible', points: 150 },
          { employeeId: 'S1', role: 'supervisor', points: 50 },
        ],
      }),
      policy,
    );
    expect(lines).toEqual([
      { employeeId: 'E1', reason: 'ruling', points: 150 },
      { employeeId: 'S1', reason: 'ruling', points: 50 },
      { employeeId: 'E1', reason: 'major-adverse-event', points: 40 },
    ]);
  });

  it('C-3 a serious ruling posts only the ruled points', () => {
    const lines = deductionsForRuling(
      {
        severity: 'serious',
        category: 'abusive-attitude',
        cause: 'other',
        escalationLevel: 0,
        persons: [{ employeeId: 'E1', role: 'responsible', points: 70 }],
      },
      policy,
    );
    expect(lines).toEqual([{ employeeId: 'E1', reason: 'ruling', points: 70 }]);
  });

  it('C-11 the named notice lists every accountable person with role and points', () => {
    const n = namedNotice(
      'CASE-1',
      egregious({
        persons: [
          { employeeId: 'E1', role: 'responsible', points: 155 },
          { employeeId: 'S1', role: 'supervisor', points: 50 },
        ],
      }),
      policy,
    );
    expect(n.categoryLabel).toContain('强捆');
    expect(n.persons).toEqual([
      { employeeId: 'E1', role: 'responsible', roleLabel: 'responsible person', points: '15.5' },
      { employeeId: 'S1', role: 'supervisor', roleLabel: 'supervisor', points: '5.0' },
    ]);
  });
});

describe('appeal', () => {
  const ruling = egregious();
  // Monday 30 Sep 2024 10:00 Shanghai; 1–7 Oct holidays (5 and 6 Oct are a weekend anyway).
  const noticeAt = '2024-09-30T02:00:00Z';

  it('C-12 the appeal window is 3 working days after notice, skipping holidays', () => {
    expect(appealWindowEndsAt(noticeAt, holidayPolicy)).toBe('2024-10-10T02:00:00.000Z');
    expect(appealWindowEndsAt(noticeAt, policy)).toBe('2024-10-03T02:00:00.000Z');
  });

  it('C-12 an accountable person may appeal within the window only', () => {
    expect(canAppeal('E1', ruling, noticeAt, '2024-10-09T09:00:00Z', holidayPolicy).ok).toBe(true);
    expect(canAppeal('E1', ruling, noticeAt, '2024-10-10T02:00:01Z', holidayPolicy).ok).toBe(false);
    expect(canAppeal('X9', ruling, noticeAt, '2024-10-01T00:00:00Z', holidayPolicy).ok).toBe(false);
  });

  it('C-12 the leadership group upholds, changes within range, or withdraws', () => {
    expect(applyAppealDecision(ruling, { kind: 'uphold' }, policy).ruling).toBe(ruling);
    expect(applyAppealDecision(ruling, { kind: 'withdraw' }, policy).ruling).toBeNull();
    const changed = applyAppealDecision(
      ruling,
      { kind: 'change', points: [{ employeeId: 'E1', points: 100 }] },
      policy,
    );
    expect(changed.violations).toEqual([]);
    expect(changed.ruling?.persons[0].points).toBe(100);
    const bad = applyAppealDecision(ruling, { kind: 'change', points: [{ employeeId: 'E1', points: 50 }] }, policy);
    expect(bad.violations[0].message).toBe('points for responsible person must be between 10.0 and 20.0 (C-3)');
    expect(bad.ruling).toBe(ruling);
  });
});
