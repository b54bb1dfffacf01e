import { WorkflowHandle } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import { RequestUser } from '../auth/auth.decorators';
import { notFound } from '../common/errors';
import { mapWorkflowError } from '../cases/workflow-errors';
import { TemporalService } from '../temporal/temporal.module';

/** Roles that see every star record; an agent ('employee') sees their own. */
export const STAR_STAFF_ROLES = ['admin', 'hr', 'committee', 'team-lead', 'leadership'] as const;
export const isStarStaff = (u: RequestUser) => u.roles.some((r) => (STAR_STAFF_ROLES as readonly string[]).includes(r));
/** the employee an agent is limited to; undefined for staff (no limit) */
export const ownEmployeeOnly = (u: RequestUser): string | null | undefined =>
  isStarStaff(u) ? undefined : (u.employeeId ?? null);

/** a path id that is no UUID names nothing: 404 */
export function assertUuid(id: string, what: string): void {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound(what);
}

/**
 * One typed Update of a star workflow (`call` names the Update definition of @qf/contracts/messages); a validator's
 * refusal becomes the api's 400/403/404/409.
 */
export async function starUpdate<T>(
  temporal: TemporalService,
  workflowId: string,
  call: (handle: WorkflowHandle, updateId: string) => Promise<T>,
): Promise<T> {
  const client = await temporal.client();
  try {
    return await call(client.workflow.getHandle(workflowId), randomUUID());
  } catch (e) {
    throw mapWorkflowError(e);
  }
}
