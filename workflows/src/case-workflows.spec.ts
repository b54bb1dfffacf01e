import { CASE_WORKFLOW_TYPES, CaseWorkflow, CaseWorkflowType } from '@qf/contracts';
import * as workflows from './index';

/**
 * The api starts case workflows by name (CasesService.start takes a CaseWorkflowType). The compiler checks here that
 * every such name is an exported workflow taking a CaseWorkflowInput: renaming a workflow, or
 * adding a name to CASE_WORKFLOW_TYPES that the worker does not register, fails the typecheck.
 */
const registered: Record<CaseWorkflowType, CaseWorkflow> = workflows;

describe('case workflow types', () => {
  it('every case workflow type the api starts is a workflow the worker registers', () => {
    for (const name of CASE_WORKFLOW_TYPES) expect([name, typeof registered[name]]).toEqual([name, 'function']);
    expect(Object.keys(workflows)).toEqual(expect.arrayContaining([...CASE_WORKFLOW_TYPES]));
  });
});
