import { HttpException, HttpStatus } from '@nestjs/common';
import { ApiErrorDetail, ApiErrorParams } from '@qf/contracts';

/**
 * Typed api exceptions; the filter maps every error once to the API.md error shape. `code` (+`params`) is the stable
 * key the console translates (README "Errors"); left out, the filter derives it from the message (error-codes.ts).
 */
export class ApiError extends HttpException {
  constructor(
    status: HttpStatus,
    message: string,
    readonly details?: ApiErrorDetail[],
    readonly code?: string,
    readonly params?: ApiErrorParams,
    /** response headers sent with the error (e.g. Retry-After on a 503) */
    readonly headers?: Record<string, string>,
  ) {
    super({ message, details, code, params }, status);
  }
}
export const badRequest = (message: string, details?: ApiErrorDetail[], code?: string, params?: ApiErrorParams) =>
  new ApiError(HttpStatus.BAD_REQUEST, message, details, code, params);
/** 404 `not_found.<what>` (spaces as underscores), e.g. `not_found.flow_version`. */
export const notFound = (what: string) =>
  new ApiError(HttpStatus.NOT_FOUND, `${what} not found`, undefined, `not_found.${what.trim().replace(/\s+/g, '_')}`);
/** 401: no valid session. */
export const unauthorized = (message: string, code: string) =>
  new ApiError(HttpStatus.UNAUTHORIZED, message, undefined, code);
export const forbidden = (message: string, code?: string, params?: ApiErrorParams) =>
  new ApiError(HttpStatus.FORBIDDEN, message, undefined, code, params);
export const conflict = (message: string, code?: string, params?: ApiErrorParams) =>
  new ApiError(HttpStatus.CONFLICT, message, undefined, code, params);
/** 503 with Retry-After: a transient failure the client may simply repeat (e.g. Temporal busy). */
export const unavailable = (message: string, code: string, retryAfterSeconds = 1) =>
  new ApiError(HttpStatus.SERVICE_UNAVAILABLE, message, undefined, code, undefined, {
    'Retry-After': String(retryAfterSeconds),
  });
