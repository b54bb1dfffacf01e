import * as path from 'node:path';
import { bundleWorkflowCode, WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { z } from 'zod';
import { regexes } from 'zod/v4/core';
import { REPO_ROOT } from '@qf/runtime';
import { WORKFLOWS_PATH } from './worker';
import { workflowBundlerOptions } from './workflow-bundler-options';

/** the workspace-library modules in a workflow bundle (webpack names each module by its path) */
const libraryModules = (code: string) =>
  new Set([...code.matchAll(/\/\*\*\*\/ "\.\/(libs\/[^"]+)"/g)].map((m) => m[1]));

/** zod's RegExp constants: shared by every workflow once zod is preloaded, so frozen (workflow-zod-primer.ts) */
const SHARED_PATTERNS = new Set(Object.values(regexes).filter((v): v is RegExp => v instanceof RegExp));

/** where a schema's definition (children, checks) holds one of zod's shared RegExp constants */
function sharedPatterns(schema: unknown): string[] {
  const out: string[] = [];
  const seen = new Set<unknown>();
  const visit = (v: unknown, at: string): void => {
    if (!v || typeof v !== 'object' || seen.has(v)) return;
    seen.add(v);
    if (v instanceof RegExp) {
      if (SHARED_PATTERNS.has(v)) out.push(`${at || '(schema)'}: ${v.source.slice(0, 40)}`);
      return;
    }
    const internals = (v as { _zod?: { def?: unknown } })._zod;
    if (internals) return visit(internals.def, at);
    for (const [k, x] of Object.entries(v)) visit(x, at ? `${at}.${k}` : k);
  };
  visit(schema, '');
  return out;
}

describe('workflow bundle (issue 18, goal 4: memory per cached workflow)', () => {
  let bundle: WorkflowBundleWithSourceMap;
  beforeAll(async () => {
    const quiet = { info() {}, warn() {}, error: console.error, debug() {}, trace() {}, log() {} } as never;
    bundle = await bundleWorkflowCode({
      workflowsPath: WORKFLOWS_PATH,
      ...workflowBundlerOptions,
      logger: quiet,
    });
  }, 180_000);

  it('leaves out the library modules no workflow imports, keeps the ones they do', () => {
    const mods = libraryModules(bundle.code);
    // every cached workflow evaluates every bundled module again (reusable V8 context, per-workflow module cache)
    for (const unused of [
      'libs/contracts/src/index.ts',
      'libs/contracts/src/auth.ts',
      'libs/contracts/src/org.ts',
      'libs/contracts/src/simulations.ts',
      'libs/contracts/src/responses/index.ts',
      'libs/domain/src/settlement.ts',
      'libs/policy/src/default-flows.ts',
    ])
      expect({ module: unused, bundled: mods.has(unused) }).toEqual({ module: unused, bundled: false });
    for (const used of [
      'libs/policy/src/flow.ts',
      'libs/contracts/src/workflow.ts',
      'libs/contracts/src/messages/engine.ts',
    ])
      expect({ module: used, bundled: mods.has(used) }).toEqual({ module: used, bundled: true });
  });

  it('preloads zod once for all workflows, primed before the SDK freezes it', () => {
    const preload = /exports\.preloadModules = function preloadModules\(\) \{([^}]*)\}/.exec(bundle.code)?.[1] ?? '';
    expect(preload).toContain('apps/worker/src/workflow-zod-primer.ts');
  });

  it('no schema of a bundled library module checks against a zod RegExp constant (frozen when shared)', () => {
    const mods = [...libraryModules(bundle.code)];
    expect(mods.length).toBeGreaterThan(10);
    const found: string[] = [];
    let schemas = 0;
    for (const m of mods) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const exported = require(path.join(REPO_ROOT, m)) as Record<string, unknown>;
      for (const [name, value] of Object.entries(exported))
        if (value instanceof z.ZodType) {
          schemas++;
          for (const p of sharedPatterns(value)) found.push(`${m} ${name} ${p}`);
        }
    }
    expect(schemas).toBeGreaterThan(40);
    expect(found).toEqual([]);
    // the check itself sees such a pattern
    expect(sharedPatterns(z.object({ mail: z.email().optional(), day: z.iso.date() }))).toHaveLength(2);
    expect(sharedPatterns(z.object({ id: z.uuid(), at: z.iso.datetime(), m: z.string().regex(/^\d+$/) }))).toEqual([]);
  });
});
