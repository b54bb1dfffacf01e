import { ApplicationFailure } from '@temporalio/workflow';
import { ApiErrorDetail } from '@qf/contracts';

/** A refused field: its path, the message, the rule and the stable code (+params) the console translates. */
export type RuleViolation = ApiErrorDetail;

/**
 * Refuses a message (an Update's validator or handler): the caller gets a non-retryable failure of `type` (one of
 * FAILURE, which the api maps to an HTTP status) with the violations as its details (the api's 400 body).
 */
export function reject(type: string, message: string, details?: RuleViolation[]): never {
  throw ApplicationFailure.create({ type, message, nonRetryable: true, details: details ? [details] : undefined });
}
