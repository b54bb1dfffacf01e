import { z } from 'zod';

/**
 * Why a computed result is what it is (issue 16): the RULES.md IDs that produced it, the pinned policy version and
 * the facts it counted, each a `code` + `params` the console renders as `qf.result_why.<code>` (libs/domain `ResultWhy`).
 */
export const ResultWhySchema = z.object({
  rules: z.array(z.string()),
  policyVersion: z.number().int().nullable(),
  facts: z.array(z.object({ code: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])) })),
});
export type ResultWhyView = z.infer<typeof ResultWhySchema>;
