import * as workflows from './index';

describe('the worker registry (registry.ts)', () => {
  it('registers exactly the workflows ./index exports, each the same function', () => {
    const registry = require('./registry') as Record<string, unknown>;
    expect(Object.keys(registry).sort()).toEqual(Object.keys(workflows).sort());
    for (const [name, fn] of Object.entries(workflows)) expect([name, registry[name]]).toEqual([name, fn]);
  });
});
