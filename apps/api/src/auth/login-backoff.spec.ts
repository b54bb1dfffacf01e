import { backoffSeconds } from './login-backoff';

describe('login backoff', () => {
  it('no wait below the threshold, then doubling, capped', () => {
    expect([0, 4].map((f) => backoffSeconds(f, 5, 300))).toEqual([0, 0]);
    expect([5, 6, 7, 10].map((f) => backoffSeconds(f, 5, 300))).toEqual([1, 2, 4, 32]);
    expect(backoffSeconds(40, 5, 300)).toBe(300);
    expect(backoffSeconds(10_000, 5, 60)).toBe(60);
  });
});
