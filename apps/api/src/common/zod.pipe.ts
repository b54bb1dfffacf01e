import { PipeTransform } from '@nestjs/common';
import { ZodType } from 'zod';
import { zodIssueDetail } from '@qf/contracts';
import { badRequest } from './errors';

/** Validates a body/query with the shared zod schema; a failure is a 400 naming each field. */
export class ZodPipe<T> implements PipeTransform<unknown, T> {
  constructor(private readonly schema: ZodType<T>) {}
  transform(value: unknown): T {
    const r = this.schema.safeParse(value ?? {});
    if (r.success) return r.data;
    const details = r.error.issues.map((i) => zodIssueDetail(i));
    throw badRequest(
      `invalid input: ${details.map((d) => `${d.path}: ${d.message}`).join('; ')}`,
      details,
      'validation',
    );
  }
}
