import { HttpException, HttpStatus } from '@nestjs/common';
import { ApiErrorDetail } from '@qf/contracts';

/** Typed api exceptions; the filter maps every error once to the API.md error shape. */
export class ApiError extends HttpException {
  constructor(status: HttpStatus, message: string, readonly details?: ApiErrorDetail[]) {
    super({ message, details }, status);
  }
}
export const badRequest = (message: string, details?: ApiErrorDetail[]) => new ApiError(HttpStatus.BAD_REQUEST, message, details);
export const notFound = (what: string) => new ApiError(HttpStatus.NOT_FOUND, `${what} not found`);
export const forbidden = (message: string) => new ApiError(HttpStatus.FORBIDDEN, message);
export const conflict = (message: string) => new ApiError(HttpStatus.CONFLICT, message);
