import { ApiError } from './errors';
import { requireColumns } from './sheet';

describe('requireColumns', () => {
  it('passes a header with every required column and names each missing one otherwise', () => {
    expect(() => requireColumns(['code', 'name', 'extra'], ['code', 'name'])).not.toThrow();
    let err: unknown;
    try {
      requireColumns(['code'], ['code', 'name', 'unitCode']);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ApiError);
    const e = err as ApiError;
    expect([e.getStatus(), e.code, e.params]).toEqual([400, 'import.missing_columns', { columns: 'name, unitCode' }]);
    expect(e.details?.map((d) => [d.path, d.params?.column])).toEqual([
      ['header', 'name'],
      ['header', 'unitCode'],
    ]);
  });
});
