/**
 * Build step: bundles the workflow code once (webpack, workspace aliases resolved) into
 * dist/apps/worker/workflow-bundle.js. The compiled worker loads it with `workflowBundle: { codePath }`,
 * so a production worker neither runs webpack nor reads TypeScript. Same bundler options as
 * apps/worker/src/worker.ts (workspace aliases; typeorm and pg never reach workflow code).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import { REPO_ROOT, workspaceAliases } from '@qf/runtime';

async function main(): Promise<void> {
  const out = path.join(REPO_ROOT, 'dist/apps/worker/workflow-bundle.js');
  const { code } = await bundleWorkflowCode({
    workflowsPath: path.join(REPO_ROOT, 'workflows/src/index.ts'),
    webpackConfigHook: (config) => {
      config.resolve = config.resolve ?? {};
      config.resolve.alias = { ...(config.resolve.alias ?? {}), ...workspaceAliases() };
      return config;
    },
    ignoreModules: ['typeorm', 'pg'],
  });
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, code);
  console.log(
    `build: workflow bundle ${(code.length / 1024 / 1024).toFixed(1)} MB -> ${path.relative(REPO_ROOT, out)}`,
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
