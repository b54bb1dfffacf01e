import { ApplicationFailure } from '@temporalio/workflow';

export interface RuleViolation {
  path: string;
  message: string;
  rule?: string;
}

/**
 * Refuses a message (an Update's validator or handler): the caller gets a non-retryable failure of `type` (one of
 * FAILURE, which the api maps to an HTTP status) with the violations as its details (the api's 400 body).
 */
export function reject(type: string, message: string, details?: RuleViolation[]): never {
  throw ApplicationFailure.create({ type, message, nonRetryable: true, details: details ? [details] : undefined });
}
