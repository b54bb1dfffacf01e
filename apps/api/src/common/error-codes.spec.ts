import { errorCode, withDetailCode } from './error-codes';

describe('error codes of refusals raised without one (README "Errors")', () => {
  it('derives the code and params of known messages, else by status', () => {
    expect(errorCode(409, 'the task has already been decided', false)).toEqual({ code: 'task.decided' });
    expect(errorCode(409, 'this stage is closed: the task can no longer be acted on', false)).toEqual({
      code: 'stage.closed',
    });
    expect(errorCode(400, 'action explode is not allowed at stage review', false)).toEqual({
      code: 'task.action_not_allowed',
      params: { action: 'explode', stage: 'review' },
    });
    expect(errorCode(403, 'the task needs role leadership', false)).toEqual({
      code: 'task.needs_role',
      params: { role: 'leadership' },
    });
    expect(
      errorCode(
        409,
        'the recommendation quota of 3 place(s) for 2 star(s) is used: 3 already recommended (S-5)',
        false,
      ),
    ).toEqual({ code: 'star.quota_used', params: { quota: 3, level: 2, used: 3 } });
    expect(errorCode(400, 'points for responsible person must be 2.0 (C-3)', true)).toEqual({ code: 'validation' });
    expect(errorCode(409, 'something new', false)).toEqual({ code: 'conflict' });
    expect(errorCode(503, 'down', false)).toEqual({ code: 'unavailable' });
  });

  it("keeps a detail's own code and derives the others", () => {
    expect(withDetailCode({ path: 'x', message: 'm', code: 'own', params: { a: 1 } })).toEqual({
      path: 'x',
      message: 'm',
      code: 'own',
      params: { a: 1 },
    });
    expect(withDetailCode({ path: 'comment', message: 'required' })).toMatchObject({ code: 'required' });
    expect(withDetailCode({ path: 'row 3', message: 'teamCode T9 is not a team', rule: 'E-1' })).toMatchObject({
      code: 'import.team_unknown',
      params: { code: 'T9' },
    });
    expect(withDetailCode({ path: 'p', message: 'unheard of', rule: 'S-9' })).toMatchObject({
      code: 'rule_violation',
      params: { rule: 'S-9' },
    });
    expect(withDetailCode({ path: 'p', message: 'unheard of' })).toMatchObject({ code: 'invalid' });
  });
});
