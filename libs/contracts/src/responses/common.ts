import { z } from 'zod';

/**
 * Response schemas (what the api answers), for the OpenAPI document and the checks that validate real answers
 * against it. Objects are open (`z.looseObject`): a field added later does not break a generated client.
 */
export const ResUuid = z.uuid();
export const ResDateTime = z.iso.datetime({ offset: true });
export const ResDate = z.iso.date();
export const ResMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
/** A jsonb value stored by the api (a case's data, a policy body): any JSON. */
export const ResJson = z.unknown();

export const ApiErrorDetailSchema = z.looseObject({
  path: z.string(),
  message: z.string(),
  rule: z.string().optional(),
  code: z.string().optional(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
/** Every non-2xx answer (README "Errors"): `code` (+`params`) is the stable key a client translates. */
export const ApiErrorBodySchema = z.looseObject({
  statusCode: z.number().int(),
  error: z.string(),
  message: z.string(),
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  details: z.array(ApiErrorDetailSchema).optional(),
});

/** A person waited on by a case (role and/or user, with 姓名（工号）). */
export const WaitingOnSchema = z.looseObject({
  role: z.string().optional(),
  userId: z.string().optional(),
  username: z.string().optional(),
  name: z.string().optional(),
});
