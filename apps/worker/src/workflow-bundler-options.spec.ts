import * as path from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import { REPO_ROOT } from '@qf/runtime';
import { workflowBundlerOptions } from './workflow-bundler-options';

/** the workspace-library modules in a workflow bundle (webpack names each module by its path) */
const libraryModules = (code: string) =>
  new Set([...code.matchAll(/\/\*\*\*\/ "\.\/(libs\/[^"]+)"/g)].map((m) => m[1]));

describe('workflow bundle (issue 18, goal 4: memory per cached workflow)', () => {
  it('leaves out the library modules no workflow imports, keeps the ones they do', async () => {
    const quiet = { info() {}, warn() {}, error: console.error, debug() {}, trace() {}, log() {} } as never;
    const { code } = await bundleWorkflowCode({
      workflowsPath: path.join(REPO_ROOT, 'workflows/src/index.ts'), // as apps/worker/src/worker.ts
      ...workflowBundlerOptions,
      logger: quiet,
    });
    const mods = libraryModules(code);
    // every cached workflow evaluates every bundled module again (reusable V8 context, per-workflow module cache)
    for (const unused of [
      'libs/contracts/src/index.ts',
      'libs/contracts/src/auth.ts',
      'libs/contracts/src/org.ts',
      'libs/contracts/src/simulations.ts',
      'libs/contracts/src/responses/index.ts',
      'libs/domain/src/settlement.ts',
    ])
      expect({ module: unused, bundled: mods.has(unused) }).toEqual({ module: unused, bundled: false });
    for (const used of [
      'libs/policy/src/flow.ts',
      'libs/contracts/src/workflow.ts',
      'libs/contracts/src/messages/engine.ts',
    ])
      expect({ module: used, bundled: mods.has(used) }).toEqual({ module: used, bundled: true });
  }, 180_000);
});
