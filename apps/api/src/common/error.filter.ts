import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { Response } from 'express';
import { ApiErrorBody, ApiErrorParams } from '@qf/contracts';
import { errorCode, withDetailCode } from './error-codes';
import { ApiError } from './errors';

const NAMES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/**
 * Every error leaves as `{statusCode, error, message, code, params?, details?}` (README "Errors"); every detail has a
 * `code` too. Postgres input errors are 400/409, never 500.
 */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly log = new Logger('errors');

  catch(err: unknown, host: ArgumentsHost): void {
    this.send(err, host.switchToHttp().getResponse<Response>());
  }

  /** Also the express error handler of the body parser and the input guard (bootstrap), so they answer in this shape. */
  send(err: unknown, res: Response): void {
    const body = this.withCodes(this.toBody(err));
    if (body.statusCode >= 500 && body.statusCode !== 503)
      this.log.error(err instanceof Error ? err.stack : String(err));
    if (res.headersSent) return;
    if (err instanceof ApiError && err.headers) for (const [k, v] of Object.entries(err.headers)) res.setHeader(k, v);
    res.status(body.statusCode).json(body);
  }

  /** The body (with its stable code) an error answers with, for answers that list several refusals (task batches). */
  bodyOf(err: unknown): ApiErrorBody {
    const body = this.withCodes(this.toBody(err));
    if (body.statusCode >= 500 && body.statusCode !== 503)
      this.log.error(err instanceof Error ? err.stack : String(err));
    return body;
  }

  /** Fills the stable codes the console translates: the body's own, or derived from its message (error-codes.ts). */
  private withCodes(body: ApiErrorBody): ApiErrorBody {
    const details = body.details?.map(withDetailCode);
    const derived = body.code
      ? { code: body.code, params: body.params }
      : errorCode(body.statusCode, body.message, !!details?.length);
    return {
      ...body,
      code: derived.code,
      ...(derived.params ? { params: derived.params } : {}),
      ...(details ? { details } : {}),
    };
  }

  private toBody(err: unknown): ApiErrorBody {
    if (err instanceof HttpException) {
      const status = err.getStatus();
      const r = err.getResponse() as
        | string
        | { message?: string | string[]; details?: ApiErrorBody['details']; code?: string; params?: ApiErrorParams };
      const message =
        typeof r === 'string' ? r : Array.isArray(r.message) ? r.message.join('; ') : (r.message ?? err.message);
      const details = typeof r === 'object' && r.details ? r.details : undefined;
      const code = typeof r === 'object' && typeof r.code === 'string' ? r.code : undefined;
      const params = typeof r === 'object' && r.params ? r.params : undefined;
      return {
        statusCode: status,
        error: NAMES[status] ?? 'Error',
        message,
        ...(code ? { code } : {}),
        ...(params ? { params } : {}),
        ...(details ? { details } : {}),
      };
    }
    const code = (err as { code?: string })?.code;
    if (code === '22P02' || code === '22007' || code === '22008')
      return { statusCode: 400, error: NAMES[400], message: 'malformed value: ' + (err as Error).message };
    if (code === '23505')
      return {
        statusCode: 409,
        error: NAMES[409],
        message: 'already exists: ' + ((err as { detail?: string }).detail ?? ''),
      };
    if (code === '23503')
      return {
        statusCode: 400,
        error: NAMES[400],
        message: 'refers to a record that does not exist: ' + ((err as { detail?: string }).detail ?? ''),
      };
    // input the database cannot hold (a number beyond the column's range, a character it refuses, too long a value)
    if (code === '22003' || code === '22021' || code === '22P05' || code === '22001' || code === '54000') {
      return { statusCode: 400, error: NAMES[400], message: 'value not accepted: ' + (err as Error).message };
    }
    if (code === '55000' || code === '42501' || code === '23514')
      return { statusCode: 409, error: NAMES[409], message: (err as Error).message };
    if ((err as { type?: string })?.type === 'entity.parse.failed')
      return { statusCode: 400, error: NAMES[400], message: 'request body is not valid JSON' };
    if ((err as { status?: number })?.status === 413)
      return { statusCode: 413, error: NAMES[413], message: 'request body too large' };
    // anything else the body parser refuses — an unsupported charset or content encoding (415), a body it cannot
    // inflate or read (400) — keeps its own 4xx: never a 500 for what a client sent
    const refused = err as { status?: unknown; expose?: unknown; message?: unknown };
    if (refused?.expose === true && typeof refused.status === 'number' && refused.status >= 400 && refused.status < 500)
      return {
        statusCode: refused.status,
        error: NAMES[refused.status] ?? 'Error',
        message: `request body refused: ${String(refused.message)}`,
      };
    return { statusCode: HttpStatus.INTERNAL_SERVER_ERROR, error: NAMES[500], message: 'internal error' };
  }
}
