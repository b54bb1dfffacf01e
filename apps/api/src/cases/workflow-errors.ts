import { HttpStatus } from '@nestjs/common';
import {
  ServiceError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
} from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { FAILURE } from '@qf/contracts';
import { ApiError, badRequest, conflict, forbidden } from '../common/errors';

/** gRPC status codes a busy or restarting Temporal answers with (the request may simply be repeated). */
const TRANSIENT_GRPC = new Set([1 /* CANCELLED */, 4 /* DEADLINE_EXCEEDED */, 8 /* RESOURCE_EXHAUSTED */, 10, 14]);

/**
 * Temporal said "not now" rather than "no": an Update aborted while the workflow moved on ("workflow update was
 * aborted"), a timed-out or cancelled call, an overloaded or unavailable server. The action may or may not have been
 * taken; the caller re-reads the task to answer 409 (decided) or 503 with Retry-After.
 */
export function isTransientWorkflowError(e: unknown): boolean {
  if (e instanceof WorkflowUpdateRPCTimeoutOrCancelledError) return true;
  const err = e as { message?: string; code?: number; cause?: { code?: number; message?: string } } | undefined;
  const text = `${err?.message ?? ''} ${err?.cause?.message ?? ''}`;
  if (/update was aborted|update registry was cleared|workflow is busy|too many|unavailable|deadline/i.test(text))
    return true;
  if (e instanceof ServiceError) return TRANSIENT_GRPC.has(Number(err?.cause?.code));
  return typeof err?.code === 'number' && TRANSIENT_GRPC.has(err.code);
}

/** Maps a workflow's validator rejection to the api's status codes. */
export function mapWorkflowError(e: unknown): Error {
  if (e instanceof WorkflowNotFoundError) return conflict('the case is no longer running', 'case.not_running');
  const cause = e instanceof WorkflowUpdateFailedError ? e.cause : undefined;
  if (cause instanceof ApplicationFailure) {
    const details = (cause.details?.[0] as { path: string; message: string; rule?: string }[] | undefined) ?? undefined;
    switch (cause.type) {
      case FAILURE.badRequest:
        return badRequest(cause.message, details);
      case FAILURE.forbidden:
        return forbidden(cause.message);
      case FAILURE.conflict:
        return conflict(cause.message);
      case FAILURE.notFound:
        return new ApiError(HttpStatus.NOT_FOUND, cause.message);
    }
  }
  if (/workflow execution already completed/i.test((e as Error)?.message ?? ''))
    return conflict('the case is already closed', 'case.closed');
  return e as Error;
}
