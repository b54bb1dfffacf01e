import { ParentClosePolicy, startChild, WorkflowIdReusePolicy } from '@temporalio/workflow';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import type { CaseState, CaseWorkflowInput } from '@qf/contracts';

/**
 * Starts a case an activity registered (a rectification, an interview, a re-dispatch) as a child that outlives this
 * workflow, under the case's own workflow id: a case already started (a retry, a rerun) is not started again.
 * Resolves to whether this call started it.
 */
export async function startCaseChild(
  workflow: (input: CaseWorkflowInput) => Promise<CaseState>,
  c: { workflowId: string; input: unknown },
): Promise<boolean> {
  try {
    await startChild(workflow, {
      workflowId: c.workflowId,
      args: [c.input as CaseWorkflowInput],
      parentClosePolicy: ParentClosePolicy.ABANDON,
      workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
    });
    return true;
  } catch (e) {
    if (!(e instanceof WorkflowExecutionAlreadyStartedError)) throw e;
    return false;
  }
}
