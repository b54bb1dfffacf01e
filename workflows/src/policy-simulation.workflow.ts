import { ApplicationFailure } from '@temporalio/workflow';
import { SimulationActivities, SimulationWorkflowInput } from '@qf/contracts';
import { activities } from './engine/activities';

const acts = activities<SimulationActivities>('settlement');
const finish = activities<SimulationActivities>('write');

/**
 * policySimulation (issue 16, what-if): each month's recorded facts through the rules under the simulated and the
 * baseline policy, one activity per month (the progress is the months done); no human stage, no case — it decides
 * nothing and writes nothing but its own results. Stops when the simulation is deleted meanwhile.
 */
export async function policySimulation(input: SimulationWorkflowInput): Promise<{ status: string }> {
  const { simulationId, policy, baseline } = input;
  try {
    for (const month of input.months) {
      const kept = await acts.simulateMonth({ simulationId, month, policy, baseline });
      if (!kept) return { status: 'deleted' };
    }
  } catch (e) {
    const error = e instanceof ApplicationFailure || e instanceof Error ? e.message : String(e);
    await finish.finishSimulation({ simulationId, status: 'failed', error });
    return { status: 'failed' };
  }
  await finish.finishSimulation({ simulationId, status: 'done' });
  return { status: 'done' };
}
