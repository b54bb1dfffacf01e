import { inputProblem, MAX_INPUT_DEPTH } from './input-guard';

describe('input guard', () => {
  it('finds NUL and lone surrogates anywhere, naming the field', () => {
    expect(inputProblem({ a: { b: ['ok', 'x\u0000y'] } }, '')).toMatchObject({ path: 'a.b.1', code: 'text.nul' });
    expect(inputProblem({ name: 'bad\uD800' }, '')).toMatchObject({ path: 'name', code: 'text.lone_surrogate' });
    expect(inputProblem({ name: '\uDC00' }, '')).toMatchObject({ code: 'text.lone_surrogate' });
    expect(inputProblem({ name: '客户😀', n: 3, z: null }, '')).toBeNull();
  });

  it('refuses nesting deeper than the bound without walking it (10,000 levels)', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 10_000; i++) deep = { a: deep };
    expect(inputProblem(deep, '')).toMatchObject({ code: 'input.too_deep', params: { maximum: MAX_INPUT_DEPTH } });
    let ok: unknown = 'x';
    for (let i = 0; i < MAX_INPUT_DEPTH - 1; i++) ok = [ok];
    expect(inputProblem(ok, '')).toBeNull();
  });
});
