import * as path from 'node:path';
import { REPO_ROOT, workspaceAliases } from '@qf/runtime';

/**
 * The workflow bundle's options, here and in the production build (infra/cluster/bundle-workflows.ts).
 *
 * Memory (issue 18, goal 4): with the SDK's reusable V8 context every workflow run evaluates the bundle's modules
 * afresh in its own module cache, so each cached workflow holds its own copy of every zod schema the bundle builds at
 * module scope (a heap snapshot of 100 cached review cases: ~3,200 zod schemas, 4.2–4.7 MB per workflow; the input,
 * 11 KB, is not it). Modules cannot be shared instead (`preloadModules`): the SDK deep-freezes shared modules and
 * zod writes to its schemas (lazy getters, `RegExp.lastIndex`). So the bundle leaves out what workflows never import:
 * the workspace libraries have no module-scope side effects (every top-level statement is a declaration), and marking
 * them so lets webpack skip the barrel re-exports (@qf/contracts' index pulls every area's schemas) that no workflow
 * uses — 175 → 143 modules, 2.5 MB per cached workflow instead of 4.2 (bench/worker-memory.bench.ts).
 *
 * Two more steps take module load to ~0.15 MB per workflow (forced GC, 100 workflows in the SDK's reusable context):
 * - the schemas of the bundled library modules are built on first use inside a workflow (lazySchema,
 *   libs/contracts/src/lazy-schema.ts): 2.42 → 0.64 MB; a review case then keeps only the `act` Update's schemas
 *   (its flow's, and another case's policy schemas, are built for the one parse per run and dropped: `keep: false`);
 * - zod's own modules (0.52 MB per workflow) are preloaded once and shared, primed before the SDK freezes them
 *   (workflow-zod-primer.ts, which says what must not be used in a workflow's schemas): 0.64 → 0.15 MB.
 */
export const workflowBundlerOptions = {
  webpackConfigHook: (config: any) => {
    config.resolve = config.resolve ?? {};
    config.resolve.alias = { ...(config.resolve.alias ?? {}), ...workspaceAliases() };
    config.optimization = { ...(config.optimization ?? {}), sideEffects: true, providedExports: true };
    config.module = config.module ?? {};
    config.module.rules = [
      ...(config.module.rules ?? []),
      { test: /[\\/]libs[\\/](contracts|policy|domain)[\\/]src[\\/]/, sideEffects: false },
    ];
    return config;
  },
  // zod's locale loading and typeorm are never used by workflow code
  ignoreModules: ['typeorm', 'pg'],
  preloadModules: [path.join(REPO_ROOT, 'apps/worker/src/workflow-zod-primer.ts')],
};
