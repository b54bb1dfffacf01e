import { CaseState, CaseWorkflowInput } from '@qf/contracts';
import { FlowDefinitionSchema } from '@qf/policy';
import { CaseRuntime } from './engine/case-runtime';

/** A generic approval case: runs the stages of its pinned flow definition in order. */
export async function reviewCase(input: CaseWorkflowInput): Promise<CaseState> {
  const flow = FlowDefinitionSchema.parse(input.flow);
  const rt = new CaseRuntime(input);
  let i = 0;
  let round = 1;
  while (i < flow.stages.length) {
    const result = await rt.runStage(flow.stages[i], { round });
    if (result.outcome === 'withdrawn') return rt.finish('cancelled', 'withdrawn');
    if (result.outcome === 'rejected') return rt.finish('closed', 'rejected', { stage: flow.stages[i].key });
    if (result.outcome === 'returned') {
      i = Math.max(0, i - 1);
      round++;
      continue;
    }
    i++;
  }
  return rt.finish('closed', 'approved');
}
