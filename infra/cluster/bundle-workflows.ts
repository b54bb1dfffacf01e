/**
 * Build step: bundles the workflow code once (webpack, workspace aliases resolved) into
 * dist/apps/worker/workflow-bundle.js. The compiled worker loads it with `workflowBundle: { codePath }`,
 * so a production worker neither runs webpack nor reads TypeScript. The bundler options are the worker's own
 * (apps/worker/src/workflow-bundler-options.ts: workspace aliases, unused library modules left out).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import { REPO_ROOT } from '@qf/runtime';
import { workflowBundlerOptions } from '../../apps/worker/src/workflow-bundler-options';
import { WORKFLOWS_PATH } from '../../apps/worker/src/worker';

async function main(): Promise<void> {
  const out = path.join(REPO_ROOT, 'dist/apps/worker/workflow-bundle.js');
  const { code } = await bundleWorkflowCode({
    workflowsPath: WORKFLOWS_PATH,
    ...workflowBundlerOptions,
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
