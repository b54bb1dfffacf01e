import { FlowDefinition, StageDef } from '@qf/policy';

/**
 * The stage `key` of a case's pinned flow definition. A flow without it cannot run this process: that is a defect of
 * the published flow, never a reason to run another stage instead, so it fails the workflow task (visible in
 * Temporal, retried once a worker knows better) rather than guessing.
 */
export function stageOf(flow: FlowDefinition, key: string): StageDef {
  const stage = flow.stages.find((s) => s.key === key);
  if (!stage)
    throw new Error(
      `${flow.kind} flow v${flow.version} has no stage "${key}" (stages: ${flow.stages.map((s) => s.key).join(', ')})`,
    );
  return stage;
}
